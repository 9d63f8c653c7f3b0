import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { useEffect, useRef, useState } from 'react';

/** A problem the service found on one element of the diagram. */
export interface ElementIssue {
  elementId: string;
  message: string;
}

interface Canvas {
  zoom(level: string): void;
  addMarker(id: string, marker: string): void;
}
interface Overlays {
  add(id: string, overlay: { position: { top?: number; right?: number }; html: HTMLElement }): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

const NO_ISSUES: ElementIssue[] = [];
const NO_MARKERS: Record<string, string[]> = {};

/**
 * A read-only BPMN diagram (pan and zoom), rendered by bpmn-js; issues are marked on the elements
 * they name, and `markers` add CSS classes (marker → element ids), e.g. an instance's live state.
 */
export default function BpmnDiagram({
  xml,
  title,
  issues = NO_ISSUES,
  markers = NO_MARKERS,
  caption,
}: {
  xml: string;
  title: string;
  issues?: ElementIssue[];
  markers?: Record<string, string[]>;
  caption?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    const viewer = new NavigatedViewer({ container: container.current! });
    viewer
      .importXML(xml)
      .then(() => {
        const canvas = viewer.get('canvas') as Canvas;
        const overlays = viewer.get('overlays') as Overlays;
        const registry = viewer.get('elementRegistry') as ElementRegistry;
        const byElement = new Map<string, ElementIssue[]>();
        for (const issue of issues.filter((i) => registry.get(i.elementId))) byElement.set(issue.elementId, [...(byElement.get(issue.elementId) ?? []), issue]);
        for (const [marker, ids] of Object.entries(markers)) for (const id of ids) if (registry.get(id)) canvas.addMarker(id, marker);
        for (const [id, found] of byElement) {
          canvas.addMarker(id, 'has-issue');
          // A badge with the count; the list beside the diagram has the messages (screen readers read that).
          const badge = document.createElement('span');
          badge.className = 'issue-badge';
          badge.textContent = String(found.length);
          badge.title = found.map((issue) => issue.message).join('\n');
          overlays.add(id, { position: { top: -10, right: 10 }, html: badge });
        }
        canvas.zoom('fit-viewport');
      })
      .catch((e: Error) => setError(e.message));
    return () => viewer.destroy();
  }, [xml, issues, markers]);
  return (
    <>
      {error && <p role="alert">The diagram could not be shown: {error}</p>}
      <figure className="diagram-figure">
        <div className="diagram" ref={container} />
        <figcaption>
          BPMN diagram of {title}: drag to pan, scroll to zoom.{' '}
          {caption ??
            (issues.length ? 'Elements with an issue are outlined in red and numbered; the list names each.' : 'The task list above names each step.')}
        </figcaption>
      </figure>
    </>
  );
}
