import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Form, Input, Label, TextField } from 'react-aria-components';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { when } from '../components/format';
import { ProblemMessage } from '../components/ProblemMessage';

/** API tokens (admin): create one (its secret is shown once, here), list them, revoke one. */
export function Tokens() {
  const { can } = useSession();
  const client = useQueryClient();
  const admin = can('admin');
  const tokens = useQuery({ queryKey: ['tokens'], enabled: admin, queryFn: () => unwrap(api.GET('/api/v1/tokens', { params: { query: { limit: 100 } } })) });
  const roles = useQuery({ queryKey: ['roles'], enabled: admin, queryFn: () => unwrap(api.GET('/api/v1/roles', { params: { query: { limit: 100 } } })) });
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [created, setCreated] = useState<Schemas['CreatedTokenDto']>();
  const refresh = () => client.invalidateQueries({ queryKey: ['tokens'] });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/tokens', { body: { subject, roles: chosen, ...(description ? { description } : {}) } })),
    onSuccess: async (token) => {
      setCreated(token);
      setSubject('');
      setDescription('');
      setChosen([]);
      await refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id } } })), onSuccess: refresh });

  if (!admin)
    return (
      <>
        <h1>API tokens</h1>
        <p>Managing API tokens needs the admin role.</p>
      </>
    );
  return (
    <>
      <h1>API tokens</h1>
      <section aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">Create a token</h2>
        <Form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            setCreated(undefined);
            create.mutate();
          }}
        >
          <TextField value={subject} onChange={setSubject} isRequired>
            <Label>Subject</Label>
            <Input />
          </TextField>
          <TextField value={description} onChange={setDescription}>
            <Label>Description</Label>
            <Input />
          </TextField>
          <CheckboxGroup value={chosen} onChange={setChosen}>
            <Label>Roles</Label>
            <div className="options many">
              {roles.data?.items.map((role) => (
                <Checkbox key={role.key} value={role.key}>
                  <span className="checkbox" aria-hidden="true" />
                  {role.key}
                </Checkbox>
              ))}
            </div>
          </CheckboxGroup>
          <Button type="submit" className="button">
            Create token
          </Button>
        </Form>
        <ProblemMessage error={create.error ?? roles.error} />
        {created?.token && (
          <div role="status" className="secret">
            <p>
              Token for <strong>{created.subject}</strong> created. Copy the secret now: it is not shown again.
            </p>
            <code aria-label="The new token's secret">{created.token}</code>
          </div>
        )}
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Tokens</h2>
        <ProblemMessage error={tokens.error ?? revoke.error} />
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Prefix</th>
              <th scope="col">Roles</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data?.items.map((token) => (
              <tr key={token.id}>
                <th scope="row">
                  {token.subject}
                  {token.description && <p className="muted">{token.description}</p>}
                </th>
                <td>
                  <code>{token.prefix}</code>
                </td>
                <td>{token.roles.join(', ')}</td>
                <td>
                  {when(token.createdAt)} ({token.source}
                  {token.createdBy && `, ${token.createdBy}`})
                </td>
                <td>{when(token.lastUsedAt)}</td>
                <td>
                  {token.revokedAt ? (
                    `revoked ${when(token.revokedAt)}`
                  ) : token.source === 'bootstrap' ? (
                    'active'
                  ) : (
                    <Button className="button small danger" aria-label={`Revoke ${token.subject} ${token.prefix}`} onPress={() => revoke.mutate(token.id)}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
