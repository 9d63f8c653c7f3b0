import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { BarChart } from '../components/BarChart';
import { day } from '../components/format';
import { ObligationEntry } from '../components/SystemRegisters';
import { INCIDENT_ENDED, RISK_CLASSES, STATUSES } from '../vocabulary';

/** Counts from the list endpoints' totals (one item per page is enough to learn the total). */
function useTotals<T extends string>(key: 'riskClass' | 'status', values: readonly T[]) {
  return useQueries({
    queries: values.map((value) => ({
      queryKey: ['ai-systems', 'count', key, value],
      queryFn: () => unwrap(api.GET('/api/v1/ai-systems', { params: { query: { [key]: value, limit: 1 } } })).then((page) => page.total),
    })),
  }).map((result, i) => ({ label: values[i], value: result.data }));
}

/** Incidents still being worked on (all but the ended ones) and those whose report is late. */
function useIncidentCounts() {
  const count = (query: { status?: Schemas['AiIncidentDto']['status']; late?: 'true' }) => ({
    queryKey: ['incidents', 'count', query],
    queryFn: () => unwrap(api.GET('/api/v1/incidents', { params: { query: { ...query, limit: 1 } } })).then((page) => page.total),
  });
  const [all, late, ...ended] = useQueries({ queries: [count({}), count({ late: 'true' }), ...INCIDENT_ENDED.map((status) => count({ status }))] });
  const open = all.data === undefined || ended.some((e) => e.data === undefined) ? undefined : all.data - ended.reduce((sum, e) => sum + e.data!, 0);
  return { open, late: late.data };
}

export function Dashboard() {
  const { can } = useSession();
  const byRisk = useTotals('riskClass', RISK_CLASSES);
  const byStatus = useTotals('status', STATUSES);
  const inbox = useQuery({ queryKey: ['tasks', 'count', 'inbox'], queryFn: () => unwrap(api.GET('/api/v1/tasks', { params: { query: { limit: 1 } } })) });
  const overdue = useQuery({
    queryKey: ['tasks', 'count', 'overdue'],
    queryFn: () => unwrap(api.GET('/api/v1/tasks', { params: { query: { limit: 1, overdue: 'true' } } })),
  });
  const incidents = useIncidentCounts();
  const today = new Date().toISOString().slice(0, 10);
  const upcoming = useQuery({
    queryKey: ['obligations', 'upcoming', today],
    queryFn: () => unwrap(api.GET('/api/v1/obligations', { params: { query: { appliesFrom: today, limit: 5 } } })),
  });
  const auditor = can('auditor', 'external-auditor');
  const chain = useQuery({ queryKey: ['audit-chain'], queryFn: () => unwrap(api.GET('/api/v1/audit-events/verify')), enabled: auditor });

  return (
    <>
      <h1>Dashboard</h1>
      <div className="cards">
        <section className="card" aria-labelledby="tasks-heading">
          <h2 id="tasks-heading">My tasks</h2>
          <p className="big">
            <Link to="/inbox">{inbox.data?.total ?? '…'} open</Link>
          </p>
          <p>
            <Link to="/inbox?overdue=true" className={overdue.data?.total ? 'overdue' : undefined}>
              {overdue.data?.total ?? '…'} overdue
            </Link>
          </p>
        </section>
        <section className="card" aria-labelledby="chain-heading">
          <h2 id="chain-heading">Audit chain</h2>
          {!auditor && <p>Visible to auditors.</p>}
          {chain.data && (
            <>
              <p className={`big ${chain.data.valid ? 'ok' : 'broken'}`}>{chain.data.valid ? 'Verified' : 'Broken'}</p>
              <p>
                {chain.data.sealed} events sealed, {chain.data.pending} pending{chain.data.reason ? ` — ${chain.data.reason}` : ''}
              </p>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="incidents-heading">
          <h2 id="incidents-heading">Incidents</h2>
          <p className="big">
            <Link to="/incidents">{incidents.open ?? '…'} open</Link>
          </p>
          <p>
            <Link to="/incidents?late=true" className={incidents.late ? 'overdue' : undefined}>
              {incidents.late ?? '…'} reported late or overdue
            </Link>
          </p>
        </section>
      </div>
      <div className="cards">
        <section className="card wide" aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">Upcoming obligations</h2>
          {upcoming.data?.items.length === 0 && <p>None ahead.</p>}
          <ul className="upcoming">
            {upcoming.data?.items.map((o) => (
              <li key={`${o.systemId}/${o.id}`}>
                <time dateTime={o.appliesFrom}>{day(o.appliesFrom)}</time> <Link to={`/systems/${o.systemId}`}>{o.systemName}</Link>:{' '}
                <ObligationEntry obligation={o} />
              </li>
            ))}
          </ul>
          {upcoming.data && upcoming.data.total > upcoming.data.items.length && (
            <p>
              <Link to={`/obligations?appliesFrom=${today}`}>All {upcoming.data.total} ahead</Link>
            </p>
          )}
        </section>
      </div>
      <div className="cards">
        <section className="card wide">
          <h2>AI systems by risk class</h2>
          <BarChart caption="Systems per EU AI Act risk class" rows={byRisk} />
        </section>
        <section className="card wide">
          <h2>AI systems by status</h2>
          <BarChart caption="Systems per lifecycle status" rows={byStatus} />
        </section>
      </div>
    </>
  );
}
