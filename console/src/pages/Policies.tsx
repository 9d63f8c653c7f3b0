import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { FilterSelect } from '../components/FilterSelect';
import { when } from '../components/format';
import { PolicyText } from '../components/PolicyText';
import { ProblemMessage } from '../components/ProblemMessage';
import { Breadcrumb, FilterForm, RegisterTable } from '../components/RegisterList';
import { useListParams } from '../components/list-params';
import { POLICY_KINDS, POLICY_STATUSES } from '../vocabulary';

type Policy = Schemas['PolicyDto'];

/** The policy register: every version, newest first. */
export function Policies() {
  const list = useListParams(['status', 'kind', 'seriesId']);
  const page = useQuery({
    queryKey: ['policies', 'list', list.query],
    queryFn: () => unwrap(api.GET('/api/v1/policies', { params: { query: list.query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>Policies</h1>
      <FilterForm list={list} label="Filter policies">
        <FilterSelect name="status" label="Status" values={POLICY_STATUSES} value={list.params.get('status')} />
        <FilterSelect name="kind" label="Kind" values={POLICY_KINDS} value={list.params.get('kind')} />
      </FilterForm>
      {list.params.get('seriesId') && <p>Every version of one policy.</p>}
      <ProblemMessage error={page.error} />
      <RegisterTable<Policy>
        page={page.data}
        list={list}
        noun={['policy version', 'policy versions']}
        columns={[
          { header: 'Policy', cell: (p) => <Link to={`/policies/${p.id}`}>{p.title}</Link> },
          { header: 'Version', cell: (p) => p.version },
          { header: 'Kind', cell: (p) => p.kind },
          { header: 'Status', cell: (p) => p.status },
          { header: 'Owner', cell: (p) => p.owner },
          { header: 'Published', cell: (p) => when(p.publishedAt) },
          { header: 'Next review', cell: (p) => when(p.nextReviewAt) },
        ]}
      />
    </>
  );
}

/** Who must acknowledge a policy and who did; those in its audience acknowledge a published version here. */
function Acknowledgements({ policy }: { policy: Policy }) {
  const { session } = useSession();
  const client = useQueryClient();
  const acks = useQuery({
    queryKey: ['policies', 'acknowledgements', policy.id],
    queryFn: () => unwrap(api.GET('/api/v1/policies/{id}/acknowledgements', { params: { path: { id: policy.id } } })),
  });
  const acknowledge = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/policies/{id}/acknowledgements', { params: { path: { id: policy.id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['policies', 'acknowledgements', policy.id] }),
  });
  const mine = acks.data?.acknowledgements.find((a) => a.identity === session?.identity);
  // The API decides again (403 not-in-audience).
  const inAudience = policy.acknowledgedBy.some((role) => session?.roles.includes(role));
  return (
    <section aria-labelledby="acks-heading">
      <h2 id="acks-heading">Acknowledgements</h2>
      <ProblemMessage error={acks.error} />
      {acks.data && (
        <>
          <p>
            {acks.data.acknowledgedCount} of {acks.data.required} required acknowledged
            {acks.data.complete ? ' — complete.' : '.'} Required from holders of: {acks.data.roles.join(', ') || '—'}.
          </p>
          <table className="list">
            <caption>Audience</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Acknowledged</th>
              </tr>
            </thead>
            <tbody>
              {acks.data.audience.map((member) => (
                <tr key={member.identity}>
                  <td>
                    {member.displayName} <span className="muted">({member.identity})</span>
                  </td>
                  <td>{member.acknowledgedAt ? when(member.acknowledgedAt) : <span className="muted">still to acknowledge</span>}</td>
                </tr>
              ))}
              {acks.data.audience.length === 0 && (
                <tr>
                  <td colSpan={2}>No one in the people directory holds these roles.</td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      )}
      {mine && <p>You acknowledged it on {when(mine.acknowledgedAt)}.</p>}
      {!mine && policy.status === 'published' && inAudience && (
        <Button className="button" onPress={() => acknowledge.mutate()} isDisabled={acknowledge.isPending}>
          Acknowledge this policy
        </Button>
      )}
      <ProblemMessage error={acknowledge.error} />
    </section>
  );
}

/** One policy version: its text, scope, review dates, versions and acknowledgements. */
export function PolicyDetail() {
  const { id } = useParams() as { id: string };
  const policy = useQuery({ queryKey: ['policies', 'one', id], queryFn: () => unwrap(api.GET('/api/v1/policies/{id}', { params: { path: { id } } })) });
  if (policy.error) return <ProblemMessage error={policy.error} />;
  if (!policy.data) return <p className="loading">Loading…</p>;
  const p = policy.data;
  return (
    <>
      <Breadcrumb to="/policies">Policies</Breadcrumb>
      <h1>
        {p.title}, version {p.version}
      </h1>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{p.kind}</dd>
        <dt>Status</dt>
        <dd>{p.status}</dd>
        <dt>Scope</dt>
        <dd>{p.scope}</dd>
        <dt>Owner</dt>
        <dd>{p.owner}</dd>
        <dt>Published</dt>
        <dd>{when(p.publishedAt)}</dd>
        <dt>Review</dt>
        <dd>
          {p.reviewInterval ? `every ${p.reviewInterval}` : '—'}, next {when(p.nextReviewAt)}
        </dd>
        <dt>Versions</dt>
        <dd>
          <Link to={`/policies?seriesId=${p.seriesId}`}>every version</Link>
          {p.supersedes && (
            <>
              , <Link to={`/policies/${p.supersedes}`}>the one it replaces</Link>
            </>
          )}
          {p.supersededBy && (
            <>
              , <Link to={`/policies/${p.supersededBy}`}>the one that replaced it</Link>
            </>
          )}
        </dd>
      </dl>
      <section aria-labelledby="text-heading">
        <h2 id="text-heading">Text</h2>
        <PolicyText markdown={p.body} />
      </section>
      <Acknowledgements policy={p} />
    </>
  );
}
