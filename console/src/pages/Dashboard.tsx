import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { BarChart } from '../components/BarChart';
import { day, isPast, when } from '../components/format';
import { SubjectLink } from '../components/SubjectLink';
import { ObligationEntry } from '../components/SystemRegisters';
import { INCIDENT_ENDED, NC_ENDED, RISK_CLASSES, STATUSES } from '../vocabulary';

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

/** Nonconformities not yet closed or withdrawn (reopened ones count as open). */
function useOpenNonconformities(): number | undefined {
  const count = (status?: (typeof NC_ENDED)[number]) => ({
    queryKey: ['nonconformities', 'count', status ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/nonconformities', { params: { query: { status, limit: 1 } } })).then((page) => page.total),
  });
  const [all, ...ended] = useQueries({ queries: [count(), ...NC_ENDED.map(count)] });
  return all.data === undefined || ended.some((e) => e.data === undefined) ? undefined : all.data - ended.reduce((sum, e) => sum + e.data!, 0);
}

const TIMELINE_DAYS = 90;
const DAY_MS = 86_400_000;
/** Register pages of the subjects processes run for (an AI system links by its name). */
const SUBJECT_PAGES: Record<string, string> = {
  nonconformity: '/nonconformities',
  audit: '/audits',
  incident: '/incidents',
  policy: '/policies',
  objective: '/objectives',
  risk: '/risks',
  'impact-assessment': '/impact-assessments',
};

type PendingTimer = Schemas['PendingTimerDto'];

/** What a timer means to a reader: the shipped processes' milestones by name, any other timer by its element name. */
function timerLabel(timer: PendingTimer): string {
  const name = timer.elementName ?? timer.elementId;
  if (timer.definitionKey === 'certification-audit')
    return /recertification/i.test(timer.elementId) ? `Recertification audit (${name})` : `Surveillance audit (${name})`;
  return name;
}

function TimerSubject({ subject }: { subject: PendingTimer['subject'] }) {
  const page = SUBJECT_PAGES[subject.type];
  if (page) return <Link to={`${page}/${subject.id}`}>{subject.type}</Link>;
  return <SubjectLink type={subject.type} id={subject.id} />;
}

/** Pending timers due within the next 90 days, overdue ones first (a timer whose firing failed stays pending, overdue). */
function ComingUp() {
  const today = new Date().toISOString().slice(0, 10);
  const dueBefore = new Date(Date.parse(today) + (TIMELINE_DAYS + 1) * DAY_MS).toISOString();
  const timers = useQuery({
    queryKey: ['process-timers', 'coming-up', dueBefore],
    queryFn: () => unwrap(api.GET('/api/v1/process-timers', { params: { query: { dueBefore, limit: 20 } } })),
  });
  return (
    <section className="card wide" aria-labelledby="coming-up-heading">
      <h2 id="coming-up-heading">Coming up</h2>
      <p className="muted">Periodic reviews, audits, effectiveness reviews and other process timers in the next {TIMELINE_DAYS} days, and overdue ones.</p>
      {timers.data?.items.length === 0 && <p>Nothing due.</p>}
      <ol className="timeline" aria-label="Timers by due date">
        {timers.data?.items.map((timer) => {
          const overdue = isPast(timer.dueAt);
          return (
            <li key={timer.id}>
              <time dateTime={timer.dueAt} className={overdue ? 'overdue' : undefined}>
                {when(timer.dueAt)}
                {overdue && ' (overdue)'}
              </time>{' '}
              <Link to={`/processes/instances/${timer.instanceId}`}>{timerLabel(timer)}</Link> — <TimerSubject subject={timer.subject} />
            </li>
          );
        })}
      </ol>
      {timers.data && timers.data.total > timers.data.items.length && <p>{timers.data.total - timers.data.items.length} more in the window.</p>}
    </section>
  );
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
  const openNonconformities = useOpenNonconformities();
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
        <section className="card" aria-labelledby="nonconformities-heading">
          <h2 id="nonconformities-heading">Nonconformities</h2>
          <p className="big">
            <Link to="/nonconformities">{openNonconformities ?? '…'} open</Link>
          </p>
        </section>
      </div>
      <div className="cards">
        <ComingUp />
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
