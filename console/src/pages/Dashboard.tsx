import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { BarChart } from '../components/BarChart';
import { RISK_CLASSES, STATUSES } from '../vocabulary';

/** Counts from the list endpoints' totals (one item per page is enough to learn the total). */
function useTotals<T extends string>(key: 'riskClass' | 'status', values: readonly T[]) {
  return useQueries({
    queries: values.map((value) => ({
      queryKey: ['ai-systems', 'count', key, value],
      queryFn: () => unwrap(api.GET('/api/v1/ai-systems', { params: { query: { [key]: value, limit: 1 } } })).then((page) => page.total),
    })),
  }).map((result, i) => ({ label: values[i], value: result.data }));
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
