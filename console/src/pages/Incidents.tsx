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
import { INCIDENT_EFFECTS, INCIDENT_STATUSES } from '../vocabulary';

type Incident = Schemas['AiIncidentDto'];
/** The roles `POST /incidents` accepts (admin passes every check). */
export const INCIDENT_REPORTERS = ['ai-owner', 'compliance-officer', 'risk-officer', 'dpo', 'top-management', 'governance', 'integration'];

function Serious({ incident }: { incident: Incident }) {
  if (incident.serious === null) return <span className="muted">not classified</span>;
  return incident.serious ? <span className="badge serious">serious</span> : <>no</>;
}

/** The reporting deadline, flagged when the report came (or is still missing) after it. */
function Deadline({ incident }: { incident: Incident }) {
  if (!incident.deadlineAt) return <span className="muted">{incident.serious === null ? 'set when classified' : 'none'}</span>;
  return (
    <>
      {when(incident.deadlineAt)}
      {incident.late && <span className="badge late">late</span>}
    </>
  );
}

/** The AI incident register (EU AI Act Art. 73): serious ones, their reporting deadline and late submissions. */
export function Incidents() {
  const { can } = useSession();
  const list = useListParams(['systemId', 'status', 'serious', 'late']);
  const page = useQuery({
    queryKey: ['incidents', 'list', list.query],
    queryFn: () => unwrap(api.GET('/api/v1/incidents', { params: { query: list.query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div className="heading-row">
        <h1>Incidents</h1>
        {can(...INCIDENT_REPORTERS) && (
          <Link className="button" to="/incidents/new">
            Report an incident
          </Link>
        )}
      </div>
      <FilterForm list={list} label="Filter incidents">
        <FilterSelect name="status" label="Status" values={INCIDENT_STATUSES} value={list.params.get('status')} />
        <FilterSelect name="serious" label="Serious" values={['true', 'false']} value={list.params.get('serious')} />
        <FilterSelect name="late" label="Late" values={['true', 'false']} value={list.params.get('late')} />
      </FilterForm>
      <SystemScope list={list} />
      <ProblemMessage error={page.error} />
      <RegisterTable<Incident>
        page={page.data}
        list={list}
        noun={['incident', 'incidents']}
        columns={[
          { header: 'Incident', cell: (i) => <Link to={`/incidents/${i.id}`}>{i.title}</Link> },
          { header: 'AI system', cell: (i) => <SubjectLink type="ai-system" id={i.systemId} /> },
          { header: 'Serious', cell: (i) => <Serious incident={i} /> },
          { header: 'Status', cell: (i) => i.status },
          { header: 'Report due', cell: (i) => <Deadline incident={i} /> },
          { header: 'Submitted', cell: (i) => when(i.submittedAt) },
          { header: 'Aware since', cell: (i) => when(i.awareAt) },
        ]}
      />
    </>
  );
}

/** One incident: what happened, its classification and deadline, the report, the investigation, its steps. */
export function IncidentDetail() {
  const { id } = useParams() as { id: string };
  const incident = useQuery({
    queryKey: ['incidents', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/incidents/{id}', { params: { path: { id } } })),
  });
  if (incident.error) return <ProblemMessage error={incident.error} />;
  if (!incident.data) return <p className="loading">Loading…</p>;
  const i = incident.data;
  return (
    <>
      <Breadcrumb to="/incidents">Incidents</Breadcrumb>
      <h1>{i.title}</h1>
      <p>{i.description}</p>
      <dl className="facts">
        <dt>AI system</dt>
        <dd>
          <SubjectLink type="ai-system" id={i.systemId} />
        </dd>
        <dt>Status</dt>
        <dd>{i.status}</dd>
        <dt>Occurred</dt>
        <dd>{when(i.occurredAt)}</dd>
        <dt>Aware since</dt>
        <dd>{when(i.awareAt)}</dd>
        <dt>Effects</dt>
        <dd>{i.effects.join(', ') || 'none of Art. 3(49)'}</dd>
        <dt>Widespread infringement</dt>
        <dd>{i.widespread ? 'yes' : 'no'}</dd>
        <dt>Serious</dt>
        <dd>
          <Serious incident={i} />
          {i.basis.length > 0 && <span className="muted"> ({i.basis.join(', ')})</span>}
        </dd>
        <dt>Report due</dt>
        <dd>
          <Deadline incident={i} />
          {i.deadline && <span className="muted"> ({i.deadline} from awareness)</span>}
        </dd>
        {i.escalatedAt && (
          <>
            <dt>Escalated</dt>
            <dd className="overdue">{when(i.escalatedAt)}: the deadline passed with no report</dd>
          </>
        )}
        <dt>Reported by</dt>
        <dd>
          {i.reportedBy}, {when(i.createdAt)}
        </dd>
      </dl>

      <section aria-labelledby="report-heading">
        <h2 id="report-heading">Report to the market surveillance authority</h2>
        <dl className="facts">
          <dt>Submitted</dt>
          <dd className={i.late ? 'overdue' : undefined}>
            {when(i.submittedAt)}
            {i.late && ' (late)'}
          </dd>
          <dt>Authority</dt>
          <dd>{i.authority ?? '—'}</dd>
          <dt>Reference</dt>
          <dd>{i.submissionReference ?? '—'}</dd>
          {i.reportComplete === false && (
            <>
              <dt>Complete report</dt>
              <dd>{i.completedAt ? `${when(i.completedAt)} (${i.completionReference ?? '—'})` : 'to follow (Art. 73(5))'}</dd>
            </>
          )}
          <dt>Report</dt>
          <dd>{i.report ?? '—'}</dd>
        </dl>
      </section>

      <section aria-labelledby="investigation-heading">
        <h2 id="investigation-heading">Triage and investigation</h2>
        <dl className="facts">
          <dt>Triage notes</dt>
          <dd>{i.triageNotes ?? '—'}</dd>
          <dt>Containment</dt>
          <dd>{i.containment ?? '—'}</dd>
          <dt>Root cause</dt>
          <dd>
            {i.rootCause ?? '—'}
            {i.causeCategory && ` (${i.causeCategory})`}
          </dd>
          <dt>Corrective action</dt>
          <dd>
            {i.correctiveAction ?? '—'}
            {i.nonconformityId && (
              <>
                {' '}
                (<Link to={`/nonconformities/${i.nonconformityId}`}>its nonconformity</Link>)
              </>
            )}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">Steps</h2>
        <ProcessSteps instanceId={i.instanceId} caption="Steps of its incident process" />
      </section>
    </>
  );
}

/** Reports an incident (`POST /incidents`); triage comes next, then classification and, if serious, the deadline. */
export function IncidentNew() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const systems = useSystemChoices();
  const specs: FieldSpec[] = [
    { name: 'systemId', label: 'AI system', required: true, kind: 'enum', values: systems?.values ?? [], valueLabels: systems?.valueLabels },
    { name: 'title', label: 'Title', required: true, kind: 'string' },
    { name: 'description', label: 'What happened', required: true, kind: 'string' },
    { name: 'occurredAt', label: 'When it happened', required: true, kind: 'datetime' },
    {
      name: 'awareAt',
      label: 'When the organisation became aware of it',
      required: true,
      kind: 'datetime',
      description: 'The reporting deadline counts from here.',
    },
    { name: 'effects', label: 'What it led to (Art. 3(49))', required: false, kind: 'multi', values: INCIDENT_EFFECTS },
    { name: 'widespread', label: 'Widespread infringement (Art. 3(61))', required: false, kind: 'boolean' },
  ];
  async function report(body: Record<string, unknown>) {
    // An untouched list of effects is none of them: not a serious incident.
    const payload = { ...(body as Schemas['ReportIncidentDto']) };
    payload.effects ??= [];
    const incident = await unwrap(api.POST('/api/v1/incidents', { body: payload }));
    await client.invalidateQueries({ queryKey: ['incidents'] });
    navigate(`/incidents/${incident.id}`);
  }
  return (
    <>
      <Breadcrumb to="/incidents">Incidents</Breadcrumb>
      <h1>Report an incident</h1>
      <p className="muted">
        Triage follows; a serious incident (Art. 3(49)) must be reported to the market surveillance authority by the deadline the rules set.
      </p>
      {systems ? <GeneratedForm specs={specs} pointerBase="" submitLabel="Report incident" onSubmit={report} /> : <p className="loading">Loading…</p>}
    </>
  );
}
