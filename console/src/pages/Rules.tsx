import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useSearchParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { ProblemMessage } from '../components/ProblemMessage';
import { RuleVersions } from '../rules/RuleVersions';

// CodeMirror is loaded with the first rule set opened, not with the console.
const JsonEditor = lazy(() => import('../components/JsonEditor'));

/** Rule sets: which version is active, its document, (governance) a new draft version from an edited copy, and the versions' simulations, activation and diff. */
export function Rules() {
  const { can } = useSession();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const key = params.get('key');
  const governance = can('governance');
  const sets = useQuery({ queryKey: ['rule-sets'], queryFn: () => unwrap(api.GET('/api/v1/rule-sets')) });
  const active = useQuery({
    queryKey: ['rule-sets', 'active', key],
    enabled: !!key,
    queryFn: () => unwrap(api.GET('/api/v1/rule-sets/{key}', { params: { path: { key: key! } } })),
  });
  const [draft, setDraft] = useState<string>();
  const [result, setResult] = useState<{ error?: unknown; saved?: number }>({});

  async function saveDraft() {
    setResult({});
    try {
      const body = JSON.parse(draft ?? '') as Schemas['RuleSetDocumentDto'];
      const version = await unwrap(api.POST('/api/v1/rule-sets/{key}/versions', { params: { path: { key: key! } }, body }));
      setResult({ saved: version.version });
      await client.invalidateQueries({ queryKey: ['rule-sets'] });
    } catch (error) {
      setResult({ error });
    }
  }

  return (
    <>
      <h1>Rules</h1>
      <ProblemMessage error={sets.error ?? active.error} />
      <table className="list">
        <thead>
          <tr>
            <th scope="col">Rule set</th>
            <th scope="col">Key</th>
            <th scope="col">Active version</th>
            <th scope="col">Latest version</th>
          </tr>
        </thead>
        <tbody>
          {sets.data?.map((set) => (
            <tr key={set.key} aria-current={set.key === key || undefined}>
              <td>
                <Link to={`?key=${encodeURIComponent(set.key)}`} onClick={() => setDraft(undefined)}>
                  {set.title}
                </Link>
                <p className="muted">{set.description}</p>
              </td>
              <td>
                <code>{set.key}</code>
              </td>
              <td>{set.activeVersion ?? '—'}</td>
              <td>{set.latestVersion}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {active.data && (
        <section aria-labelledby="document-heading">
          <h2 id="document-heading">
            {active.data.key}, version {active.data.version} ({active.data.active ? 'active' : 'not active'})
          </h2>
          <p className="muted">
            {governance
              ? 'Edit a copy and save it as a new draft version; activating it is a separate step.'
              : 'Read only: changing rules needs the governance role.'}
          </p>
          <Suspense fallback={<p className="loading">Loading the editor…</p>}>
            <JsonEditor
              key={`${active.data.key}@${active.data.version}`}
              value={JSON.stringify(active.data.document, null, 2)}
              onChange={setDraft}
              label={`Rule set ${active.data.key}`}
              readOnly={!governance}
            />
          </Suspense>
          {governance && (
            <div className="toolbar">
              <Button className="button" isDisabled={draft === undefined} onPress={() => void saveDraft()}>
                Save as new draft version
              </Button>
            </div>
          )}
          {result.saved && <p role="status">Saved as version {result.saved} (a draft: not active).</p>}
          <ProblemMessage error={result.error} />
        </section>
      )}
      {key && <RuleVersions key={key} ruleSetKey={key} />}
    </>
  );
}
