import type { ReactNode } from 'react';

/**
 * A policy's Markdown as headings, paragraphs and lists: the common blocks only, rendered as
 * elements (never as HTML), so a policy reads as a document and nothing in it can run.
 * Anything else shows as the text it is.
 */
export function PolicyText({ markdown }: { markdown: string }) {
  const blocks: ReactNode[] = [];
  for (const [i, block] of markdown.split(/\n\s*\n/).entries()) {
    const lines = block.split('\n').filter((line) => line.trim());
    if (!lines.length) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]);
    if (heading && lines.length === 1) {
      // The page has its h1 and the section its h2: the policy's own levels start at h3.
      const Tag = `h${Math.min(6, heading[1].length + 2)}` as 'h3';
      blocks.push(<Tag key={i}>{heading[2]}</Tag>);
    } else if (lines.every((line) => /^\s*([-*+]|\d+[.)])\s+/.test(line))) {
      const List = /^\s*\d/.test(lines[0]) ? 'ol' : 'ul';
      blocks.push(
        <List key={i}>
          {lines.map((line, j) => (
            <li key={j}>{line.replace(/^\s*([-*+]|\d+[.)])\s+/, '')}</li>
          ))}
        </List>,
      );
    } else blocks.push(<p key={i}>{lines.join(' ')}</p>);
  }
  return (
    <article className="document" aria-label="Policy text">
      {blocks}
    </article>
  );
}
