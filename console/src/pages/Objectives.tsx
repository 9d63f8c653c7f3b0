import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { BarChart } from '../components/BarChart';
import { FilterSelect } from '../components/FilterSelect';
import { when } from '../components/format';
import { ProblemMessage } from '../components/ProblemMessage';
import { Breadcrumb, FilterForm, RegisterTable } from '../components/RegisterList';
import { useListParams } from '../components/list-params';
import { SubjectLink } from '../components/SubjectLink';
import { GeneratedForm } from '../forms/GeneratedForm';
import type { FieldSpec } from '../forms/fields';
import { OBJECTIVE_STATUSES } from '../vocabulary';

type Objective = Schemas['ObjectiveDto'];
/** The roles `POST /objectives/{id}/measurements` accepts (admin passes every check). */
export const MEASURERS = ['governance', 'compliance-officer', 'top-management', 'ai-owner', 'risk-officer', 'integration'];
const MEASUREMENT_FORM: FieldSpec[] = [
  { name: 'value', label: 'Value', required: true, kind: 'number' },
  { name: 'measuredAt', label: 'Measured at', required: false, kind: 'datetime', description: 'Default: now; not in the future.' },
  { name: 'note', label: 'Note', required: false, kind: 'string' },
];

const target = (o: Objective) => `${o.direction === 'at-least' ? '≥' : '≤'} ${o.target} ${o.unit}`;
const latest = (o: Objective) => (o.series.length ? `${o.series[o.series.length - 1].value} ${o.unit}` : '—');

/** Objectives and KPIs (clauses 6.2 and 9.1): target, latest value and trend. */
export function Objectives() {
  const list = useListParams(['status']);
  const page = useQuery({
    queryKey: ['objectives', 'list', list.query],
    queryFn: () => unwrap(api.GET('/api/v1/objectives', { params: { query: list.query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>Objectives</h1>
      <FilterForm list={list} label="Filter objectives">
        <FilterSelect name="status" label="Status" values={OBJECTIVE_STATUSES} value={list.params.get('status')} />
      </FilterForm>
      <ProblemMessage error={page.error} />
      <RegisterTable<Objective>
        page={page.data}
        list={list}
        noun={['objective', 'objectives']}
        columns={[
          { header: 'Objective', cell: (o) => <Link to={`/objectives/${o.id}`}>{o.title}</Link> },
          { header: 'Target', cell: target },
          { header: 'Latest', cell: latest },
          { header: 'Trend', cell: (o) => <span className={`trend-${o.trend}`}>{o.trend}</span> },
          { header: 'Next measurement due', cell: (o) => when(o.dueAt) },
          { header: 'Status', cell: (o) => o.status },
          { header: 'Owner', cell: (o) => o.owner },
        ]}
      />
    </>
  );
}

/** One objective: its series as a chart and a table, the trend, and a measurement to record. */
export function ObjectiveDetail() {
  const { id } = useParams() as { id: string };
  const { can } = useSession();
  const client = useQueryClient();
  const objective = useQuery({
    queryKey: ['objectives', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/objectives/{id}', { params: { path: { id } } })),
  });
  if (objective.error) return <ProblemMessage error={objective.error} />;
  if (!objective.data) return <p className="loading">Loading…</p>;
  const o = objective.data;

  async function measure(body: Record<string, unknown>) {
    await unwrap(api.POST('/api/v1/objectives/{id}/measurements', { params: { path: { id } }, body: body as Schemas['RecordMeasurementDto'] }));
    await client.invalidateQueries({ queryKey: ['objectives'] });
  }

  return (
    <>
      <Breadcrumb to="/objectives">Objectives</Breadcrumb>
      <h1>{o.title}</h1>
      <p>{o.measure}</p>
      <dl className="facts">
        <dt>Target</dt>
        <dd>{target(o)}</dd>
        <dt>Latest</dt>
        <dd>{latest(o)}</dd>
        <dt>Trend</dt>
        <dd className={`trend-${o.trend}`}>{o.trend}</dd>
        <dt>Measured</dt>
        <dd>
          every {o.frequency}, next due {when(o.dueAt)}
        </dd>
        <dt>Status</dt>
        <dd>{o.status}</dd>
        <dt>Owner</dt>
        <dd>{o.owner}</dd>
        <dt>AI systems</dt>
        <dd>
          {o.systemIds.length === 0
            ? '—'
            : o.systemIds.map((systemId, i) => (
                <span key={systemId}>
                  {i > 0 && ', '}
                  <SubjectLink type="ai-system" id={systemId} />
                </span>
              ))}
        </dd>
        <dt>Annex A controls</dt>
        <dd>{o.controlIds.join(', ') || '—'}</dd>
      </dl>

      <section aria-labelledby="series-heading">
        <h2 id="series-heading">Measurements</h2>
        {o.series.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <>
            <BarChart
              caption={`${o.title} (${o.unit}), oldest first; target ${target(o)}`}
              rows={o.series.map((m) => ({ label: when(m.measuredAt), value: m.value }))}
            />
            <table className="list">
              <caption>Each measurement as the objective-breach rules judged it</caption>
              <thead>
                <tr>
                  <th scope="col">Measured</th>
                  <th scope="col">Value</th>
                  <th scope="col">Breach</th>
                  <th scope="col">Recorded by</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {o.series.map((m) => (
                  <tr key={m.id}>
                    <td>{when(m.measuredAt)}</td>
                    <td>
                      {m.value} {o.unit}
                    </td>
                    <td>
                      {m.breach === null ? '—' : m.breach ? <span className="overdue">{m.severity ?? 'yes'}</span> : 'no'}
                      {m.nonconformityId && (
                        <>
                          {' '}
                          (<Link to={`/nonconformities/${m.nonconformityId}`}>its nonconformity</Link>)
                        </>
                      )}
                    </td>
                    <td>{m.recordedBy}</td>
                    <td>{m.note ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {o.status === 'active' && can(...MEASURERS) && (
          <details>
            <summary>Record a measurement</summary>
            <GeneratedForm key={o.series.length} specs={MEASUREMENT_FORM} pointerBase="" submitLabel="Record measurement" onSubmit={measure} />
          </details>
        )}
      </section>
    </>
  );
}
