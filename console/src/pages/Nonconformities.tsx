import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { FilterSelect } from '../components/FilterSelect';
import { when } from '../components/format';
import { ProblemMessage } from '../components/ProblemMessage';
import { ProcessSteps } from '../components/ProcessSteps';
import { Breadcrumb, FilterForm, RegisterTable, SystemScope } from '../components/RegisterList';
import { useListParams } from '../components/list-params';
import { SubjectLink } from '../components/SubjectLink';
import { useSystemChoices } from '../components/systems';
import { GeneratedForm } from '../forms/GeneratedForm';
import type { FieldSpec } from '../forms/fields';
import { NC_SEVERITIES, NC_SOURCES, NC_STATUSES } from '../vocabulary';

type Nonconformity = Schemas['NonconformityDto'];
/** The roles `POST /nonconformities` accepts (admin passes every check). */
export const NC_RAISERS = ['compliance-officer', 'auditor', 'external-auditor', 'ai-owner', 'risk-officer', 'governance', 'dpo', 'top-management'];

/** The nonconformity register (clause 10.2), filtered as the API allows. */
export function Nonconformities() {
  const { can } = useSession();
  const list = useListParams(['status', 'severity', 'source', 'systemId', 'auditId']);
  const page = useQuery({
    queryKey: ['nonconformities', 'list', list.query],
    queryFn: () => unwrap(api.GET('/api/v1/nonconformities', { params: { query: list.query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div className="heading-row">
        <h1>Nonconformities</h1>
        {can(...NC_RAISERS) && (
          <Link className="button" to="/nonconformities/new">
            Raise a nonconformity
          </Link>
        )}
      </div>
      <FilterForm list={list} label="Filter nonconformities">
        <FilterSelect name="status" label="Status" values={NC_STATUSES} value={list.params.get('status')} />
        <FilterSelect name="severity" label="Severity" values={NC_SEVERITIES} value={list.params.get('severity')} />
        <FilterSelect name="source" label="Source" values={NC_SOURCES} value={list.params.get('source')} />
      </FilterForm>
      <SystemScope list={list} />
      <ProblemMessage error={page.error} />
      <RegisterTable<Nonconformity>
        page={page.data}
        list={list}
        noun={['nonconformity', 'nonconformities']}
        columns={[
          { header: 'Nonconformity', cell: (n) => <Link to={`/nonconformities/${n.id}`}>{n.title}</Link> },
          { header: 'Severity', cell: (n) => <span className={`badge severity-${n.severity}`}>{n.severity}</span> },
          { header: 'Source', cell: (n) => n.source },
          { header: 'Status', cell: (n) => n.status },
          { header: 'AI system', cell: (n) => (n.systemId ? <SubjectLink type="ai-system" id={n.systemId} /> : '—') },
          { header: 'Raised', cell: (n) => `${when(n.createdAt)} by ${n.raisedBy}` },
        ]}
      />
    </>
  );
}

/** One nonconformity: what was found, its corrective action and the steps of its process. */
export function NonconformityDetail() {
  const { id } = useParams() as { id: string };
  const nc = useQuery({
    queryKey: ['nonconformities', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/nonconformities/{id}', { params: { path: { id } } })),
  });
  if (nc.error) return <ProblemMessage error={nc.error} />;
  if (!nc.data) return <p className="loading">Loading…</p>;
  const n = nc.data;
  return (
    <>
      <Breadcrumb to="/nonconformities">Nonconformities</Breadcrumb>
      <h1>{n.title}</h1>
      <p>{n.description}</p>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{n.status}</dd>
        <dt>Severity</dt>
        <dd>
          <span className={`badge severity-${n.severity}`}>{n.severity}</span>
        </dd>
        <dt>Source</dt>
        <dd>
          {n.source}
          {n.auditId && (
            <>
              {' '}
              (<Link to={`/audits/${n.auditId}`}>its audit</Link>)
            </>
          )}
        </dd>
        <dt>AI system</dt>
        <dd>{n.systemId ? <SubjectLink type="ai-system" id={n.systemId} /> : '—'}</dd>
        <dt>Clauses</dt>
        <dd>{n.clauseRefs.join(', ') || '—'}</dd>
        <dt>Annex A controls</dt>
        <dd>{n.controlRefs.join(', ') || '—'}</dd>
        <dt>Raised</dt>
        <dd>
          {when(n.createdAt)} by {n.raisedBy}
        </dd>
        <dt>Closed</dt>
        <dd>{when(n.closedAt)}</dd>
      </dl>

      <section aria-labelledby="action-heading">
        <h2 id="action-heading">Corrective action</h2>
        <dl className="facts">
          <dt>Containment</dt>
          <dd>{n.containment ?? '—'}</dd>
          <dt>Root cause</dt>
          <dd>{n.rootCause ?? '—'}</dd>
          <dt>Plan</dt>
          <dd>{n.plan ?? '—'}</dd>
          <dt>Reopened</dt>
          <dd>{n.reopened === 0 ? 'never' : `${n.reopened} times by an effectiveness review`}</dd>
        </dl>
        <ProcessSteps instanceId={n.instanceId} caption="Corrective action steps" />
      </section>
    </>
  );
}

/** Raises a nonconformity (`POST /nonconformities`); its corrective action process starts with it. */
export function NonconformityNew() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const systems = useSystemChoices();
  const specs: FieldSpec[] = [
    { name: 'title', label: 'Title', required: true, kind: 'string' },
    { name: 'description', label: 'Description', required: true, kind: 'string' },
    { name: 'source', label: 'Source', required: true, kind: 'enum', values: NC_SOURCES },
    { name: 'severity', label: 'Severity', required: true, kind: 'enum', values: NC_SEVERITIES },
    { name: 'systemId', label: 'AI system', required: false, kind: 'enum', values: systems?.values ?? [], valueLabels: systems?.valueLabels },
    { name: 'clauseRefs', label: 'ISO/IEC 42001 clauses (e.g. 9.1)', required: false, kind: 'list' },
    { name: 'controlRefs', label: 'Annex A controls (e.g. A.6.2.8)', required: false, kind: 'list' },
  ];
  async function raise(body: Record<string, unknown>) {
    const nc = await unwrap(api.POST('/api/v1/nonconformities', { body: body as Schemas['RaiseNonconformityDto'] }));
    await client.invalidateQueries({ queryKey: ['nonconformities'] });
    navigate(`/nonconformities/${nc.id}`);
  }
  return (
    <>
      <Breadcrumb to="/nonconformities">Nonconformities</Breadcrumb>
      <h1>Raise a nonconformity</h1>
      <p className="muted">
        Its corrective action process (clause 10.2) starts at once: containment, root cause, plan, approval, implementation, effectiveness review.
      </p>
      {systems ? <GeneratedForm specs={specs} pointerBase="" submitLabel="Raise nonconformity" onSubmit={raise} /> : <p className="loading">Loading…</p>}
    </>
  );
}
