import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { ProblemMessage } from '../components/ProblemMessage';
import { DeployProcess } from '../processes/DeployProcess';

// bpmn-js is most of this page's weight: its own chunk, fetched when a diagram is shown.
const BpmnDiagram = lazy(() => import('../components/BpmnDiagram'));

/** Deployed process definitions, each with its diagram; (governance) deploy a new version from a BPMN file. */
export function Processes() {
  const { can } = useSession();
  const [params] = useSearchParams();
  const selected = params.get('key');
  const definitions = useQuery({
    queryKey: ['process-definitions'],
    queryFn: () => unwrap(api.GET('/api/v1/process-definitions', { params: { query: { limit: 100 } } })),
  });
  const current = definitions.data?.items.find((d) => d.key === selected);
  const xml = useQuery({
    queryKey: ['process-definitions', 'xml', current?.key, current?.version],
    enabled: !!current,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/process-definitions/{key}/versions/{version}/xml', {
          params: { path: { key: current!.key, version: current!.version } },
          parseAs: 'text',
        }),
      ) as Promise<string>,
  });

  return (
    <>
      <h1>Processes</h1>
      <ProblemMessage error={definitions.error ?? xml.error} />
      <table className="list">
        <thead>
          <tr>
            <th scope="col">Process</th>
            <th scope="col">Key</th>
            <th scope="col">Version</th>
            <th scope="col">Deployed</th>
          </tr>
        </thead>
        <tbody>
          {definitions.data?.items.map((d) => (
            <tr key={d.id} aria-current={d.key === selected || undefined}>
              <td>
                <Link to={`?key=${encodeURIComponent(d.key)}`}>{d.name ?? d.key}</Link>
              </td>
              <td>
                <code>{d.key}</code>
              </td>
              <td>{d.version}</td>
              <td>{d.deployedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {current && (
        <section aria-labelledby="diagram-heading">
          <h2 id="diagram-heading">
            {current.name ?? current.key} (version {current.version})
          </h2>
          {current.documentation && <p>{current.documentation}</p>}
          <Suspense fallback={<p className="loading">Loading the diagram viewer…</p>}>
            {xml.data && <BpmnDiagram xml={xml.data} title={current.name ?? current.key} />}
          </Suspense>
        </section>
      )}
      {can('governance') ? <DeployProcess /> : <p className="muted">Deploying a process needs the governance role.</p>}
    </>
  );
}
