import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ProblemMessage } from '../components/ProblemMessage';
import { Link } from 'react-router';
import { outcomeChanges } from './rule-diff';

const show = (value: unknown) => (value === undefined ? '—' : Array.isArray(value) ? value.join(', ') || 'none' : String(value));

/** A simulation against the register, polled until it completes: which systems would change class or controls, and how. */
export function RuleSimulation({ id }: { id: string }) {
  const simulation = useQuery({
    queryKey: ['rule-simulations', id],
    queryFn: () => unwrap(api.GET('/api/v1/rule-simulations/{id}', { params: { path: { id } } })),
    // The worker runs it in the background: poll until it has finished.
    refetchInterval: (query) => (['completed', 'failed'].includes(query.state.data?.status ?? '') ? false : 1000),
  });
  const s = simulation.data;
  if (simulation.error) return <ProblemMessage error={simulation.error} />;
  if (!s) return <p className="loading">Loading the simulation…</p>;
  if (s.status === 'pending' || s.status === 'running')
    return (
      <p role="status">
        Simulation {s.status}: {s.progress.evaluated} of {s.progress.total ?? '…'} systems evaluated.
      </p>
    );
  if (s.status === 'failed')
    return (
      <div role="alert" className="problem">
        <strong>The simulation failed</strong>
        <p>{s.error}</p>
      </div>
    );
  const r = s.result!;
  return (
    <div>
      <p role="status">
        Version {r.candidateVersion} against the active version {r.activeVersion ?? '(none)'}: {r.systemsChanged} of {r.systemsEvaluated} systems would change.
      </p>
      {r.changes.length > 0 && (
        <table className="list" aria-label="Systems whose outcome would change">
          <thead>
            <tr>
              <th scope="col">AI system</th>
              <th scope="col">Field</th>
              <th scope="col">Now</th>
              <th scope="col">With version {r.candidateVersion}</th>
            </tr>
          </thead>
          {/* One row group per system, named by it: its changed fields, each before and after. */}
          {r.changes.map((change) => {
            const fields = outcomeChanges(change.before, change.after);
            return (
              <tbody key={change.systemId} aria-label={change.name}>
                {fields.map((field, i) => (
                  <tr key={field.field}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={fields.length}>
                        <Link to={`/systems/${change.systemId}`}>{change.name}</Link>
                      </th>
                    )}
                    <td>
                      <code>{field.field}</code>
                    </td>
                    <td>{show(field.before)}</td>
                    <td>{show(field.after)}</td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      )}
      {r.changesTruncated && <p className="muted">More systems change than are listed.</p>}
      {r.systemsWithInvalidFacts.length > 0 && (
        <>
          <h4>Systems whose facts this version refuses</h4>
          <ul>
            {r.systemsWithInvalidFacts.map((system) => (
              <li key={system.systemId}>
                <Link to={`/systems/${system.systemId}`}>{system.name}</Link>: {system.errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
