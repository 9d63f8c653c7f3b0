import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, Label, TextArea, TextField } from 'react-aria-components';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { ExplanationTree } from '../components/ExplanationTree';
import { when } from '../components/format';
import { ProblemMessage } from '../components/ProblemMessage';
import { diffRuleSets } from './rule-diff';
import { RuleSimulation } from './RuleSimulation';

/**
 * The versions of one rule set: simulate one against the register or on sample facts, activate it
 * (an older one: the rollback), and compare two. Actions follow the session's roles; the API decides again.
 */
export function RuleVersions({ ruleSetKey }: { ruleSetKey: string }) {
  const { can } = useSession();
  const client = useQueryClient();
  const governance = can('governance');
  const simulates = can('governance', 'auditor', 'compliance-officer');
  const path = { params: { path: { key: ruleSetKey }, query: { limit: 100 } } };
  const versions = useQuery({ queryKey: ['rule-sets', 'versions', ruleSetKey], queryFn: () => unwrap(api.GET('/api/v1/rule-sets/{key}/versions', path)) });
  const [simulationId, setSimulationId] = useState<string>();
  const [activated, setActivated] = useState<{ version: number; reclassified: number }>();
  const [compare, setCompare] = useState<{ from?: number; to?: number }>({});

  const simulate = useMutation({
    mutationFn: (version: number) =>
      unwrap(api.POST('/api/v1/rule-sets/{key}/versions/{version}/simulate', { params: { path: { key: ruleSetKey, version } }, body: {} })),
    onSuccess: (accepted) => setSimulationId('id' in accepted ? accepted.id : undefined),
  });
  const activate = useMutation({
    mutationFn: (version: number) =>
      unwrap(api.POST('/api/v1/rule-sets/{key}/versions/{version}/activate', { params: { path: { key: ruleSetKey, version } } })),
    onSuccess: async (done) => {
      setActivated({ version: done.version, reclassified: done.reclassifiedSystems });
      await client.invalidateQueries({ queryKey: ['rule-sets'] });
      await client.invalidateQueries({ queryKey: ['ai-systems'] });
    },
  });

  const items = versions.data?.items ?? [];
  const active = items.find((v) => v.active)?.version;
  const from = items.find((v) => v.version === (compare.from ?? active));
  const to = items.find((v) => v.version === (compare.to ?? items[0]?.version));
  const diff = from && to && from.version !== to.version ? diffRuleSets(from.document, to.document) : undefined;

  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      <ProblemMessage error={versions.error ?? simulate.error ?? activate.error} />
      {activated && (
        <p role="status">
          Version {activated.version} is active; {activated.reclassified} systems re-derived.
        </p>
      )}
      <table className="list" aria-label={`Versions of ${ruleSetKey}`}>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Source</th>
            <th scope="col">Created</th>
            <th scope="col">Last activated</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((v) => (
            <tr key={v.version} aria-current={v.active || undefined}>
              <th scope="row">
                {v.version} {v.active && <span className="badge">active</span>}
              </th>
              <td>{v.source === 'file' ? v.sourceFile : 'API'}</td>
              <td>
                {when(v.createdAt)} by {v.createdBy}
              </td>
              <td>{v.activatedAt ? `${when(v.activatedAt)} by ${v.activatedBy}` : '—'}</td>
              <td>
                <div className="actions">
                  {simulates && !v.active && (
                    <Button className="button small secondary" aria-label={`Simulate version ${v.version}`} onPress={() => simulate.mutate(v.version)}>
                      Simulate
                    </Button>
                  )}
                  {governance && !v.active && (
                    <Button
                      className="button small"
                      aria-label={`${active && v.version < active ? 'Roll back to' : 'Activate'} version ${v.version}`}
                      onPress={() => activate.mutate(v.version)}
                    >
                      {active && v.version < active ? 'Roll back' : 'Activate'}
                    </Button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!simulates && <p className="muted">Simulating needs the governance, auditor or compliance-officer role; activating needs governance.</p>}
      {simulationId && (
        <section aria-labelledby="simulation-heading">
          <h3 id="simulation-heading">Simulation against the register</h3>
          <RuleSimulation id={simulationId} />
        </section>
      )}

      {items.length > 1 && (
        <section aria-labelledby="diff-heading">
          <h3 id="diff-heading">Compare two versions</h3>
          <div className="toolbar">
            <VersionChoice
              label="From version"
              versions={items.map((v) => v.version)}
              value={from?.version}
              onChange={(version) => setCompare({ ...compare, from: version })}
            />
            <VersionChoice
              label="To version"
              versions={items.map((v) => v.version)}
              value={to?.version}
              onChange={(version) => setCompare({ ...compare, to: version })}
            />
          </div>
          {!diff ? (
            <p className="muted">Choose two different versions.</p>
          ) : (
            <table className="list" aria-label={`Changes from version ${from!.version} to ${to!.version}`}>
              <thead>
                <tr>
                  <th scope="col">Change</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {diff.added.map((name) => (
                  <tr key={`a-${name}`}>
                    <td>Rule added</td>
                    <td>
                      <code>{name}</code>
                    </td>
                  </tr>
                ))}
                {diff.removed.map((name) => (
                  <tr key={`r-${name}`}>
                    <td>Rule removed</td>
                    <td>
                      <code>{name}</code>
                    </td>
                  </tr>
                ))}
                {diff.changed.map((rule) => (
                  <tr key={`c-${rule.name}`}>
                    <td>Rule changed</td>
                    <td>
                      <code>{rule.name}</code>: {rule.parts.join(', ')}
                    </td>
                  </tr>
                ))}
                {diff.other.map((part) => (
                  <tr key={`o-${part}`}>
                    <td>Changed</td>
                    <td>
                      <code>{part}</code>
                    </td>
                  </tr>
                ))}
                {!diff.added.length && !diff.removed.length && !diff.changed.length && !diff.other.length && (
                  <tr>
                    <td colSpan={2}>The two versions are the same.</td>
                  </tr>
                )}
              </tbody>
            </table>
          )}
        </section>
      )}

      {simulates && items.length > 0 && <SampleDecision ruleSetKey={ruleSetKey} versions={items.map((v) => v.version)} active={active} />}
    </section>
  );
}

function VersionChoice({ label, versions, value, onChange }: { label: string; versions: number[]; value?: number; onChange: (version: number) => void }) {
  const id = `version-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
        {versions.map((version) => (
          <option key={version} value={version}>
            {version}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Decides sample facts with one version, beside the active one, with the explanation of every rule. */
function SampleDecision({ ruleSetKey, versions, active }: { ruleSetKey: string; versions: number[]; active?: number }) {
  const [version, setVersion] = useState<number>();
  const [facts, setFacts] = useState('{\n  "useCases": ["recruitment"]\n}');
  const decide = useMutation({
    mutationFn: async () => {
      let parsed: Record<string, never>;
      try {
        parsed = JSON.parse(facts) as Record<string, never>;
      } catch {
        throw new Error('The facts are not valid JSON.');
      }
      const chosen = version ?? active ?? versions[0];
      return unwrap(
        api.POST('/api/v1/rule-sets/{key}/versions/{version}/simulate', { params: { path: { key: ruleSetKey, version: chosen } }, body: { facts: parsed } }),
      );
    },
  });
  const d = decide.data && 'candidate' in decide.data ? decide.data : undefined;
  return (
    <section aria-labelledby="decide-heading">
      <h3 id="decide-heading">Decide on sample facts</h3>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          decide.mutate();
        }}
      >
        <VersionChoice label="Version deciding" versions={versions} value={version ?? active ?? versions[0]} onChange={setVersion} />
        <TextField value={facts} onChange={setFacts}>
          <Label>Facts (JSON)</Label>
          <TextArea rows={6} className="code" />
        </TextField>
        <Button type="submit" className="button">
          Decide
        </Button>
      </Form>
      <ProblemMessage error={decide.error} />
      {d && (
        <div>
          <p role="status">
            Version {d.candidate.version} decides <code>{JSON.stringify(d.candidate.outcome)}</code>
            {d.active && d.active.version !== d.candidate.version && (
              <>
                ; the active version {d.active.version} decides <code>{JSON.stringify(d.active.outcome)}</code> ({d.changed ? 'different' : 'the same'})
              </>
            )}
            .
          </p>
          <ExplanationTree rules={d.candidate.explanation} />
        </div>
      )}
    </section>
  );
}
