import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { ExplanationTree } from '../components/ExplanationTree';
import { when } from '../components/format';
import { ProblemMessage } from '../components/ProblemMessage';
import { SystemRegisters } from '../components/SystemRegisters';
import { GeneratedForm } from '../forms/GeneratedForm';
import type { FieldSpec } from '../forms/fields';

const MODEL_VERSION: FieldSpec[] = [
  { name: 'provider', label: 'Provider', required: true, kind: 'string' },
  { name: 'modelName', label: 'Model name', required: true, kind: 'string' },
  { name: 'version', label: 'Version', required: true, kind: 'string' },
  {
    name: 'declaredChanges',
    label: 'Declared changes',
    required: false,
    kind: 'object',
    fields: [
      { name: 'trainingDataChanged', label: 'Training data changed', required: false, kind: 'boolean' },
      { name: 'architectureChanged', label: 'Architecture changed', required: false, kind: 'boolean' },
      { name: 'intendedPurposeChanged', label: 'Intended purpose changed', required: false, kind: 'boolean' },
      { name: 'newDeploymentRegions', label: 'New deployment regions', required: false, kind: 'list' },
      { name: 'newUseCases', label: 'New use cases', required: false, kind: 'list' },
    ],
  },
];

/** The classification is what a reader comes for: it is open, the other decisions unfold on demand. */
function Decision({ decision }: { decision: Schemas['DecisionDto'] }) {
  const outcome = JSON.stringify(decision.outcome, null, 2);
  return (
    <details className="decision" open={decision.ruleSetKey === 'eu-ai-act-risk-class'}>
      <summary>
        <strong>
          {decision.ruleSetKey} v{decision.ruleSetVersion}
        </strong>{' '}
        <span className="muted">
          {when(decision.createdAt)} · {decision.trigger} · by {decision.actor} · {decision.explanation.filter((rule) => rule.fired).length} of{' '}
          {decision.explanation.length} rules fired
        </span>
      </summary>
      {outcome.length > 240 ? (
        <details>
          <summary>Outcome</summary>
          <pre>{outcome}</pre>
        </details>
      ) : (
        <p>
          Outcome: <code>{JSON.stringify(decision.outcome)}</code>
        </p>
      )}
      <ExplanationTree rules={decision.explanation} />
    </details>
  );
}

/** One AI system: its classification and why, its controls, models and lifecycle; retire it or record a model version. */
export function SystemDetail() {
  const { id } = useParams() as { id: string };
  const { can } = useSession();
  const client = useQueryClient();
  const path = { params: { path: { id } } };
  const system = useQuery({ queryKey: ['ai-systems', 'one', id], queryFn: () => unwrap(api.GET('/api/v1/ai-systems/{id}', path)) });
  const decisions = useQuery({
    queryKey: ['ai-systems', 'decisions', id],
    queryFn: () => unwrap(api.GET('/api/v1/ai-systems/{id}/decisions', { params: { path: { id }, query: { limit: 20 } } })),
  });
  const models = useQuery({ queryKey: ['ai-systems', 'models', id], queryFn: () => unwrap(api.GET('/api/v1/ai-systems/{id}/model-versions', path)) });
  const instances = useQuery({
    queryKey: ['ai-systems', 'instances', id],
    queryFn: () => unwrap(api.GET('/api/v1/process-instances', { params: { query: { subjectType: 'ai-system', subjectId: id } } })),
  });
  const [reason, setReason] = useState('');
  const [retireError, setRetireError] = useState<unknown>();
  const refresh = () => client.invalidateQueries({ queryKey: ['ai-systems'] });

  if (system.error) return <ProblemMessage error={system.error} />;
  if (!system.data) return <p className="loading">Loading…</p>;
  const s = system.data;
  const writer = can('ai-owner', 'governance');

  async function retire(event: FormEvent) {
    event.preventDefault();
    setRetireError(undefined);
    try {
      await unwrap(api.POST('/api/v1/ai-systems/{id}/retire', { ...path, body: { reason } }));
      await refresh();
    } catch (error) {
      setRetireError(error);
    }
  }

  async function recordModel(body: Record<string, unknown>) {
    await unwrap(api.POST('/api/v1/ai-systems/{id}/model-versions', { ...path, body: body as Schemas['ModelVersionDto'] }));
    await refresh();
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/systems">AI systems</Link> /
      </p>
      <h1>{s.name}</h1>
      <p>{s.intendedPurpose}</p>
      <dl className="facts">
        <dt>Risk class</dt>
        <dd>
          <span className={`badge risk-${s.riskClass ?? 'none'}`}>{s.riskClass ?? 'unclassified'}</span>
        </dd>
        <dt>Legal basis</dt>
        <dd>{s.legalBasis.length ? s.legalBasis.join(', ') : '—'}</dd>
        <dt>Transparency obligations</dt>
        <dd>{s.transparencyObligations.length ? s.transparencyObligations.join(', ') : '—'}</dd>
        <dt>Status</dt>
        <dd>{s.status}</dd>
        <dt>Organisation roles</dt>
        <dd>{s.roles.join(', ')}</dd>
        <dt>Owner</dt>
        <dd>{s.owner ?? '—'}</dd>
        <dt>Model</dt>
        <dd>{s.model ? `${s.model.provider} ${s.model.name} ${s.model.version ?? ''}` : '—'}</dd>
        <dt>Impact level</dt>
        <dd>{s.impactLevel ?? '—'}</dd>
        <dt>Registered</dt>
        <dd>
          {when(s.createdAt)} by {s.createdBy}
        </dd>
      </dl>
      <details>
        <summary>Attributes</summary>
        <pre>{JSON.stringify(s.attributes, null, 2)}</pre>
      </details>

      <section aria-labelledby="controls-heading">
        <h2 id="controls-heading">Required controls</h2>
        {s.requiredControls.length === 0 ? (
          <p>None required.</p>
        ) : (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Control</th>
                <th scope="col">Required by</th>
                <th scope="col">Justification</th>
              </tr>
            </thead>
            <tbody>
              {s.requiredControls.map((control) => (
                <tr key={control.id}>
                  <td>{control.id}</td>
                  <td>{control.sources.map((source) => source.rule).join(', ')}</td>
                  <td>
                    {control.sources.map((source) => (
                      <p key={source.rule}>
                        {source.justification}
                        {source.basis && <span className="muted"> ({[source.basis].flat().join(', ')})</span>}
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <SystemRegisters systemId={id} />

      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">Decisions</h2>
        <ProblemMessage error={decisions.error} />
        {decisions.data?.items.length === 0 && <p>No decisions yet.</p>}
        {decisions.data?.items.map((decision) => (
          <Decision key={decision.id} decision={decision} />
        ))}
      </section>

      <section aria-labelledby="lifecycle-heading">
        <h2 id="lifecycle-heading">Lifecycle</h2>
        <ProblemMessage error={instances.error} />
        <ul>
          {instances.data?.items.map((instance) => (
            <li key={instance.id}>
              <Link to={`/processes/instances/${instance.id}`}>
                {instance.definitionKey} v{instance.definitionVersion}
              </Link>
              : {instance.status}
              {instance.activeElementIds.length > 0 && <> at {instance.activeElementIds.join(', ')}</>} (started {when(instance.startedAt)}){' '}
              <Link to={`/inbox?instanceId=${instance.id}`}>its tasks</Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="models-heading">
        <h2 id="models-heading">Model versions</h2>
        <ProblemMessage error={models.error} />
        {models.data?.items.length === 0 && <p>No model version recorded.</p>}
        <ul>
          {models.data?.items.map((m) => (
            <li key={m.id}>
              {m.provider} {m.modelName} {m.version} — {when(m.createdAt)} by {m.createdBy}
              {m.reassess ? ` — reassessment: ${m.reasons.join(', ')}` : ' — no reassessment needed'}
            </li>
          ))}
        </ul>
        {can('integration', 'ai-owner') && s.status !== 'retired' && (
          <details>
            <summary>Record a model version</summary>
            <GeneratedForm specs={MODEL_VERSION} pointerBase="" submitLabel="Record model version" onSubmit={recordModel} />
          </details>
        )}
      </section>

      {writer && s.status !== 'retired' && (
        <section aria-labelledby="retire-heading">
          <h2 id="retire-heading">Retire</h2>
          <Form className="inline" onSubmit={retire}>
            <TextField value={reason} onChange={setReason}>
              <Label>Reason</Label>
              <Input />
            </TextField>
            <Button type="submit" className="button danger">
              Retire system
            </Button>
          </Form>
          <ProblemMessage error={retireError} />
        </section>
      )}
    </>
  );
}
