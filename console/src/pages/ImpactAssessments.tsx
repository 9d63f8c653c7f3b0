import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { FilterSelect } from '../components/FilterSelect';
import { when } from '../components/format';
import { Answer, FriaDocument } from '../components/FriaDocument';
import { ProblemMessage } from '../components/ProblemMessage';
import { ProcessSteps } from '../components/ProcessSteps';
import { Breadcrumb, FilterForm, RegisterTable, SystemScope } from '../components/RegisterList';
import { useListParams } from '../components/list-params';
import { SubjectLink } from '../components/SubjectLink';
import { ASSESSMENT_STATUSES } from '../vocabulary';

type Assessment = Schemas['ImpactAssessmentDto'];

/** The four dimensions of ISO/IEC 42001 Annex A.5 as the DTO names them. */
const DIMENSIONS = [
  { key: 'individuals', title: 'Individuals' },
  { key: 'groups', title: 'Groups and communities' },
  { key: 'society', title: 'Society' },
  { key: 'organisation', title: 'The organisation' },
] as const;
const SCALE = {
  severity: ['', 'negligible', 'minor', 'moderate', 'major', 'severe or irreversible'],
  likelihood: ['', 'rare', 'unlikely', 'possible', 'likely', 'almost certain'],
};

/** The impact assessment register: every version of every system's assessment. */
export function ImpactAssessments() {
  const list = useListParams(['systemId', 'status']);
  const page = useQuery({
    queryKey: ['impact-assessments', 'list', list.query],
    queryFn: () => unwrap(api.GET('/api/v1/impact-assessments', { params: { query: list.query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>Impact assessments</h1>
      <FilterForm list={list} label="Filter impact assessments">
        <FilterSelect name="status" label="Status" values={ASSESSMENT_STATUSES} value={list.params.get('status')} />
      </FilterForm>
      <SystemScope list={list} />
      <ProblemMessage error={page.error} />
      <RegisterTable<Assessment>
        page={page.data}
        list={list}
        noun={['assessment', 'assessments']}
        columns={[
          { header: 'Assessment', cell: (a) => <Link to={`/impact-assessments/${a.id}`}>Version {a.version}</Link> },
          { header: 'AI system', cell: (a) => <SubjectLink type="ai-system" id={a.systemId} /> },
          { header: 'Status', cell: (a) => a.status },
          { header: 'Impact level', cell: (a) => a.impactLevel ?? '—' },
          { header: 'FRIA', cell: (a) => (a.fria ? 'yes' : '—') },
          { header: 'Trigger', cell: (a) => a.trigger },
          { header: 'Updated', cell: (a) => when(a.updatedAt) },
        ]}
      />
    </>
  );
}

/** One dimension: what could happen, to whom, how bad and how likely, and the mitigations. */
function Dimension({ title, value }: { title: string; value: Assessment['individuals'] }) {
  if (!value)
    return (
      <section className="dimension">
        <h3>{title}</h3>
        <p className="muted">Not drafted yet.</p>
      </section>
    );
  const { description, affectedParties, severity, likelihood, mitigations, ...more } = value;
  return (
    <section className="dimension">
      <h3>{title}</h3>
      <dl className="facts">
        <dt>What could happen</dt>
        <dd>{description ?? '—'}</dd>
        <dt>Affected parties</dt>
        <dd>{affectedParties ?? '—'}</dd>
        <dt>Severity</dt>
        <dd>{severity ? `${severity} of 5 (${SCALE.severity[severity] ?? ''})` : '—'}</dd>
        <dt>Likelihood</dt>
        <dd>{likelihood ? `${likelihood} of 5 (${SCALE.likelihood[likelihood] ?? ''})` : '—'}</dd>
        <dt>Mitigations</dt>
        <dd>{mitigations ?? '—'}</dd>
      </dl>
      {Object.keys(more).length > 0 && <Answer value={more} />}
    </section>
  );
}

/** One version of an impact assessment: the four dimensions, the FRIA as a document, its approvals and steps. */
export function ImpactAssessmentDetail() {
  const { id } = useParams() as { id: string };
  const assessment = useQuery({
    queryKey: ['impact-assessments', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/impact-assessments/{id}', { params: { path: { id } } })),
  });
  if (assessment.error) return <ProblemMessage error={assessment.error} />;
  if (!assessment.data) return <p className="loading">Loading…</p>;
  const a = assessment.data;
  const document = `/api/v1/documents/impact-assessment?impactAssessmentId=${a.id}`;
  return (
    <>
      <Breadcrumb to="/impact-assessments">Impact assessments</Breadcrumb>
      <h1>Impact assessment, version {a.version}</h1>
      <p>
        Of <SubjectLink type="ai-system" id={a.systemId} />. Download it as <a href={`${document}&format=pdf`}>PDF</a> or{' '}
        <a href={`${document}&format=docx`}>Word (DOCX)</a>.
      </p>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{a.status}</dd>
        <dt>Impact level</dt>
        <dd>{a.impactLevel ?? 'not derived yet'}</dd>
        <dt>Trigger</dt>
        <dd>
          {a.trigger}
          {a.reasons.some((reason) => reason !== a.trigger) && ` (${a.reasons.join(', ')})`}
        </dd>
        <dt>Opened</dt>
        <dd>{when(a.createdAt)}</dd>
        <dt>Approved</dt>
        <dd>{when(a.approvedAt)}</dd>
        {a.supersededBy && (
          <>
            <dt>Superseded by</dt>
            <dd>
              <Link to={`/impact-assessments/${a.supersededBy}`}>the next version</Link>
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="dimensions-heading">
        <h2 id="dimensions-heading">Impact (ISO/IEC 42001 Annex A.5)</h2>
        <div className="dimensions">
          {DIMENSIONS.map((d) => (
            <Dimension key={d.key} title={d.title} value={a[d.key]} />
          ))}
        </div>
      </section>

      <section aria-labelledby="fria-heading">
        <h2 id="fria-heading">Fundamental rights impact assessment (EU AI Act Art. 27)</h2>
        {a.fria ? <FriaDocument fria={a.fria} /> : <p>No FRIA recorded for this version: Art. 27 does not apply to the system, or it is not written yet.</p>}
      </section>

      <section aria-labelledby="approvals-heading">
        <h2 id="approvals-heading">Approvals</h2>
        {a.approvers.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul>
            {a.approvers.map((approver, i) => (
              <li key={i}>
                {approver.subject}
                {approver.role && ` as ${approver.role}`}: {approver.decision ?? '—'}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">Steps</h2>
        <ProcessSteps instanceId={a.instanceId} caption="Steps of its impact-assessment process" />
      </section>
    </>
  );
}
