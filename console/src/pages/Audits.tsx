import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { FilterSelect } from '../components/FilterSelect';
import { when } from '../components/format';
import { ProblemMessage } from '../components/ProblemMessage';
import { ProcessSteps } from '../components/ProcessSteps';
import { Breadcrumb, FilterForm, RegisterTable } from '../components/RegisterList';
import { useListParams } from '../components/list-params';
import { GeneratedForm } from '../forms/GeneratedForm';
import type { FieldSpec } from '../forms/fields';
import { AUDIT_STATUSES, AUDIT_TYPES } from '../vocabulary';

type Audit = Schemas['AuditDto'];
/** The roles `POST /audits` accepts (admin passes every check). */
export const AUDIT_STARTERS = ['auditor', 'external-auditor', 'governance', 'top-management', 'compliance-officer'];
const AUDIT_FORM: FieldSpec[] = [
  {
    name: 'type',
    label: 'Type',
    required: true,
    kind: 'enum',
    values: AUDIT_TYPES,
    description: 'internal: clause 9.2; certification: Stage 1, Stage 2, surveillance and recertification',
  },
  { name: 'title', label: 'Title', required: true, kind: 'string' },
  { name: 'scope', label: 'Scope', required: false, kind: 'string' },
];

/** The audit register: type, stage, status and the next due date. */
export function Audits() {
  const { can } = useSession();
  const list = useListParams(['type', 'status']);
  const page = useQuery({
    queryKey: ['audits', 'list', list.query],
    queryFn: () => unwrap(api.GET('/api/v1/audits', { params: { query: list.query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div className="heading-row">
        <h1>Audits</h1>
        {can(...AUDIT_STARTERS) && (
          <Link className="button" to="/audits/new">
            Start an audit
          </Link>
        )}
      </div>
      <FilterForm list={list} label="Filter audits">
        <FilterSelect name="type" label="Type" values={AUDIT_TYPES} value={list.params.get('type')} />
        <FilterSelect name="status" label="Status" values={AUDIT_STATUSES} value={list.params.get('status')} />
      </FilterForm>
      <ProblemMessage error={page.error} />
      <RegisterTable<Audit>
        page={page.data}
        list={list}
        noun={['audit', 'audits']}
        columns={[
          { header: 'Audit', cell: (a) => <Link to={`/audits/${a.id}`}>{a.title}</Link> },
          { header: 'Type', cell: (a) => a.type },
          { header: 'Stage', cell: (a) => a.stage },
          { header: 'Status', cell: (a) => a.status },
          { header: 'Findings', cell: (a) => a.findings.length },
          { header: 'Next due', cell: (a) => when(a.nextDueAt) },
          { header: 'Opened', cell: (a) => `${when(a.createdAt)} by ${a.createdBy}` },
        ]}
      />
    </>
  );
}

/** One audit: its stage and dates, its findings with the nonconformities they raised, its steps. */
export function AuditDetail() {
  const { id } = useParams() as { id: string };
  const audit = useQuery({ queryKey: ['audits', 'one', id], queryFn: () => unwrap(api.GET('/api/v1/audits/{id}', { params: { path: { id } } })) });
  if (audit.error) return <ProblemMessage error={audit.error} />;
  if (!audit.data) return <p className="loading">Loading…</p>;
  const a = audit.data;
  const nc = new Map(a.nonconformities.map((n) => [n.id, n]));
  return (
    <>
      <Breadcrumb to="/audits">Audits</Breadcrumb>
      <h1>{a.title}</h1>
      <p>
        <a href={`/api/v1/documents/audit-report?auditId=${a.id}`}>Audit report (PDF)</a>
      </p>
      <dl className="facts">
        <dt>Type</dt>
        <dd>{a.type}</dd>
        <dt>Stage</dt>
        <dd>{a.stage}</dd>
        <dt>Status</dt>
        <dd>{a.status}</dd>
        <dt>Scope</dt>
        <dd>{a.scope ?? '—'}</dd>
        {a.auditedArea && (
          <>
            <dt>Audited area</dt>
            <dd>
              {a.auditedArea}
              {a.areaOwner && ` (owner ${a.areaOwner})`}
            </dd>
          </>
        )}
        <dt>Next due</dt>
        <dd>{when(a.nextDueAt)}</dd>
        {a.type === 'certification' && (
          <>
            <dt>Cycle</dt>
            <dd>
              {a.cycle}
              {a.previousAuditId && (
                <>
                  {' '}
                  (<Link to={`/audits/${a.previousAuditId}`}>previous cycle</Link>)
                </>
              )}
            </dd>
            <dt>Certified</dt>
            <dd>{when(a.certifiedAt)}</dd>
            <dt>Surveillance audits due</dt>
            <dd>
              {when(a.surveillance1Due)}, {when(a.surveillance2Due)}
            </dd>
            <dt>Recertification due</dt>
            <dd>{when(a.recertificationDue)}</dd>
          </>
        )}
        <dt>Opened</dt>
        <dd>
          {when(a.createdAt)} by {a.createdBy}
        </dd>
      </dl>

      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">Findings</h2>
        {a.findings.length === 0 ? (
          <p>No finding recorded.</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Finding</th>
                <th scope="col">Severity</th>
                <th scope="col">Stage</th>
                <th scope="col">Clauses and controls</th>
                <th scope="col">Nonconformity</th>
              </tr>
            </thead>
            <tbody>
              {a.findings.map((f) => (
                <tr key={f.nonconformityId}>
                  <td>{f.title}</td>
                  <td>
                    <span className={`badge severity-${f.severity}`}>{f.severity}</span>
                  </td>
                  <td>{f.stage}</td>
                  <td>{[...(f.clauseRefs ?? []), ...(f.controlRefs ?? [])].join(', ') || '—'}</td>
                  <td>
                    <Link to={`/nonconformities/${f.nonconformityId}`}>{nc.get(f.nonconformityId)?.status ?? 'open it'}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">Audit steps</h2>
        <ProcessSteps instanceId={a.instanceId} caption="Steps of its audit process" />
      </section>
    </>
  );
}

/** Opens an audit (`POST /audits`): its internal-audit or certification-audit process starts. */
export function AuditNew() {
  const navigate = useNavigate();
  const client = useQueryClient();
  async function start(body: Record<string, unknown>) {
    const audit = await unwrap(api.POST('/api/v1/audits', { body: body as Schemas['CreateAuditDto'] }));
    await client.invalidateQueries({ queryKey: ['audits'] });
    navigate(`/audits/${audit.id}`);
  }
  return (
    <>
      <Breadcrumb to="/audits">Audits</Breadcrumb>
      <h1>Start an audit</h1>
      <GeneratedForm specs={AUDIT_FORM} pointerBase="" submitLabel="Start audit" onSubmit={start} />
    </>
  );
}
