import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { useEffect, useRef, useState } from 'react';

/** A read-only BPMN diagram (pan and zoom), rendered by bpmn-js. */
export default function BpmnDiagram({ xml, title }: { xml: string; title: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    const viewer = new NavigatedViewer({ container: container.current! });
    viewer
      .importXML(xml)
      .then(() => (viewer.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport'))
      .catch((e: Error) => setError(e.message));
    return () => viewer.destroy();
  }, [xml]);
  return (
    <>
      {error && <p role="alert">The diagram could not be shown: {error}</p>}
      <figure className="diagram-figure">
        <div className="diagram" ref={container} />
        <figcaption>BPMN diagram of {title}: drag to pan, scroll to zoom. The task list above names each step.</figcaption>
      </figure>
    </>
  );
}
