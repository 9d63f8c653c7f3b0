import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { FilterSelect } from '../components/FilterSelect';
import { when } from '../components/format';
import { ProblemMessage } from '../components/ProblemMessage';
import { ProcessSteps } from '../components/ProcessSteps';
import { Breadcrumb, FilterForm, RegisterTable, SystemScope } from '../components/RegisterList';
import { useListParams } from '../components/list-params';
import { SubjectLink } from '../components/SubjectLink';
import { RISK_RATINGS, RISK_STATUSES, RISK_TREATMENTS } from '../vocabulary';

type Risk = Schemas['RiskDto'];

function Rating({ rating }: { rating: string | null }) {
  return rating ? <span className={`badge rating-${rating}`}>{rating}</span> : <>—</>;
}

/** The AI risk register: rating, treatment option and residual rating, with the API's filters. */
export function Risks() {
  const list = useListParams(['systemId', 'rating', 'treatment', 'status']);
  const page = useQuery({
    queryKey: ['risks', 'list', list.query],
    queryFn: () => unwrap(api.GET('/api/v1/risks', { params: { query: list.query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>Risks</h1>
      <FilterForm list={list} label="Filter risks">
        <FilterSelect name="rating" label="Rating" values={RISK_RATINGS} value={list.params.get('rating')} />
        <FilterSelect name="treatment" label="Treatment" values={RISK_TREATMENTS} value={list.params.get('treatment')} />
        <FilterSelect name="status" label="Status" values={RISK_STATUSES} value={list.params.get('status')} />
      </FilterForm>
      <SystemScope list={list} />
      <ProblemMessage error={page.error} />
      <RegisterTable<Risk>
        page={page.data}
        list={list}
        noun={['risk', 'risks']}
        columns={[
          { header: 'Risk', cell: (r) => <Link to={`/risks/${r.id}`}>{r.title}</Link> },
          { header: 'AI system', cell: (r) => <SubjectLink type="ai-system" id={r.systemId} /> },
          { header: 'Rating', cell: (r) => <Rating rating={r.rating} /> },
          { header: 'Treatment', cell: (r) => r.treatment ?? '—' },
          { header: 'Residual rating', cell: (r) => <Rating rating={r.residualRating} /> },
          { header: 'Status', cell: (r) => r.status },
          { header: 'Owner', cell: (r) => r.owner ?? '—' },
        ]}
      />
    </>
  );
}

/** One risk: its ratings before and after treatment, the treatment plan and controls, its steps and changes. */
export function RiskDetail() {
  const { id } = useParams() as { id: string };
  const risk = useQuery({ queryKey: ['risks', 'one', id], queryFn: () => unwrap(api.GET('/api/v1/risks/{id}', { params: { path: { id } } })) });
  if (risk.error) return <ProblemMessage error={risk.error} />;
  if (!risk.data) return <p className="loading">Loading…</p>;
  const r = risk.data;
  return (
    <>
      <Breadcrumb to="/risks">Risks</Breadcrumb>
      <h1>{r.title}</h1>
      {r.description && <p>{r.description}</p>}
      <dl className="facts">
        <dt>AI system</dt>
        <dd>
          <SubjectLink type="ai-system" id={r.systemId} />
        </dd>
        <dt>Status</dt>
        <dd>{r.status}</dd>
        <dt>Rating</dt>
        <dd>
          <Rating rating={r.rating} /> (severity {r.severity} of 5, likelihood {r.likelihood} of 5)
        </dd>
        <dt>Residual rating</dt>
        <dd>
          <Rating rating={r.residualRating} />
          {r.residualSeverity !== null && ` (severity ${r.residualSeverity} of 5, likelihood ${r.residualLikelihood ?? '—'} of 5)`}
        </dd>
        <dt>Owner</dt>
        <dd>{r.owner ?? '—'}</dd>
        {r.requiresTopManagement && (
          <>
            <dt>Acceptance</dt>
            <dd>The rules require top management to accept the residual risk.</dd>
          </>
        )}
        <dt>Closed or accepted</dt>
        <dd>{when(r.closedAt)}</dd>
      </dl>

      <section aria-labelledby="treatment-heading">
        <h2 id="treatment-heading">Treatment plan</h2>
        <dl className="facts">
          <dt>Option</dt>
          <dd>{r.treatment ?? 'not decided yet'}</dd>
          <dt>Plan</dt>
          <dd>{r.plan ?? '—'}</dd>
          <dt>Controls</dt>
          <dd>{r.controls.length ? r.controls.join(', ') : '—'}</dd>
        </dl>
      </section>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">Risk treatment steps</h2>
        <ProcessSteps instanceId={r.instanceId} caption="Steps of its risk-treatment process" />
      </section>

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">Changes</h2>
        {r.history.changes.length === 0 && <p>None.</p>}
        <ul>
          {r.history.changes.map((change, i) => (
            <li key={i}>
              {when(change.at)} by {change.actor}: {change.action}
              {change.after && (
                <span className="muted">
                  {' '}
                  (
                  {Object.entries(change.after)
                    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
                    .join('; ')}
                  )
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
