import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Document, Footer, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { type DocumentBlock, type DocumentModel, footerLines } from '../document-model.js';

const small = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, size: 16, bold })] });

function cell(text: string, widthPct: number, bold = false): TableCell {
  return new TableCell({ width: { size: widthPct, type: WidthType.PERCENTAGE }, children: text.split('\n').map((line) => small(line, bold)) });
}

function table(weights: number[], headers: string[] | null, rows: string[][], labels = false): Table {
  const total = weights.reduce((a, b) => a + b, 0);
  const pct = weights.map((w) => (w / total) * 100);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...(headers ? [new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, pct[i], true)) })] : []),
      ...rows.map((row) => new TableRow({ children: row.map((value, i) => cell(value, pct[i], labels && i === 0)) })),
    ],
  });
}

function block(b: DocumentBlock): Array<Paragraph | Table> {
  if (b.type === 'paragraph') return [new Paragraph({ text: b.text })];
  if (b.type === 'fields') return [table([1, 3], null, b.rows, true), new Paragraph({})];
  return [
    table(
      b.columns.map((c) => c.width),
      b.columns.map((c) => c.header),
      b.rows.length ? b.rows : [b.columns.map((_, i) => (i === 0 ? '(none)' : ''))],
    ),
    new Paragraph({}),
  ];
}

/** Lays a document out as DOCX: headings, field tables and tables, and the verification footer on every page. */
export async function renderDocx(model: DocumentModel, out: Writable): Promise<void> {
  const doc = new Document({
    creator: 'aimsflow',
    title: model.title,
    sections: [
      {
        footers: { default: new Footer({ children: footerLines(model).map((line) => small(line)) }) },
        children: [
          new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
          ...(model.subtitle ? [new Paragraph({ text: model.subtitle })] : []),
          ...footerLines(model).map((line) => small(line)),
          ...model.sections.flatMap((s) => [new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }), ...s.blocks.flatMap(block)]),
        ],
      },
    ],
  });
  // docx types its stream as a bare Stream; it is JSZip's Node readable.
  await pipeline(Packer.toStream(doc) as Readable, out);
}
