import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { api, ProblemError, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { fieldError } from '../components/field-error';
import { ProblemMessage } from '../components/ProblemMessage';

type Role = Schemas['RoleDto'];
/** The API's own rule: defining, changing and deleting roles is governance's (admin passes every check). */
const ROLE_EDITORS = ['governance'];

/** What the service's refusal of a role change means, beyond its own words. */
function RoleProblem({ error }: { error: unknown }) {
  const code = error instanceof ProblemError ? error.problem.code : undefined;
  return (
    <>
      {/* In use: the places listed say more than the pointer at the role's key. */}
      <ProblemMessage error={error} general={code === 'role-in-use' ? [] : undefined} />
      {code === 'built-in-role' && (
        <p className="muted">Built-in roles come with aimsflow: the API&apos;s route permissions name them, so they cannot be deleted or re-keyed.</p>
      )}
      {code === 'role-in-use' && <p className="muted">Take the role out of each place listed, then delete it.</p>}
    </>
  );
}

/** Roles: the built-in ones and those the organisation defines for tasks, tokens and people. */
export function Roles() {
  const { can } = useSession();
  const editor = can(...ROLE_EDITORS);
  const client = useQueryClient();
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => unwrap(api.GET('/api/v1/roles', { params: { query: { limit: 100 } } })) });
  const [editing, setEditing] = useState<string>();
  const refresh = () => client.invalidateQueries({ queryKey: ['roles'] });
  const remove = useMutation({
    mutationFn: (key: string) => unwrap(api.DELETE('/api/v1/roles/{key}', { params: { path: { key } } })),
    onSuccess: refresh,
  });
  return (
    <>
      <h1>Roles</h1>
      {editor ? <NewRole onCreated={refresh} /> : <p className="muted">Defining and changing roles needs the governance role.</p>}
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">Roles</h2>
        <ProblemMessage error={roles.error} />
        {remove.error && <RoleProblem error={remove.error} />}
        <table className="list">
          <caption>{roles.data ? `${roles.data.total} roles` : 'Loading…'}</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              {editor && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {roles.data?.items.map((role) =>
              editing === role.key ? (
                <tr key={role.key}>
                  <td colSpan={4}>
                    <EditRole
                      role={role}
                      onDone={async () => {
                        setEditing(undefined);
                        await refresh();
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={role.key}>
                  <th scope="row">
                    <code>{role.key}</code> {role.builtIn && <span className="badge">built-in</span>}
                  </th>
                  <td>{role.name}</td>
                  <td>{role.description}</td>
                  {editor && (
                    <td>
                      <div className="actions">
                        <Button className="button small secondary" aria-label={`Edit ${role.key}`} onPress={() => setEditing(role.key)}>
                          Edit
                        </Button>
                        <Button
                          className="button small danger"
                          aria-label={`Delete ${role.key}`}
                          isDisabled={remove.isPending}
                          onPress={() => remove.mutate(role.key)}
                        >
                          Delete
                        </Button>
                      </div>
                    </td>
                  )}
                </tr>
              ),
            )}
          </tbody>
        </table>
      </section>
    </>
  );
}

function NewRole({ onCreated }: { onCreated(): Promise<unknown> }) {
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/roles', { body: { key, name, ...(description ? { description } : {}) } })),
    onSuccess: async () => {
      setKey('');
      setName('');
      setDescription('');
      await onCreated();
    },
  });
  const keyError = fieldError(create.error, '/key');
  const nameError = fieldError(create.error, '/name');
  return (
    <section aria-labelledby="new-role-heading">
      <h2 id="new-role-heading">Define a role</h2>
      <Form
        validationBehavior="aria"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <TextField value={key} onChange={setKey} isRequired isInvalid={!!keyError}>
          <Label>Key</Label>
          <Input />
          <Text slot="description">As tokens, people and BPMN candidate groups name it: a lowercase slug such as ethics-board.</Text>
          <FieldError>{keyError}</FieldError>
        </TextField>
        <TextField value={name} onChange={setName} isRequired isInvalid={!!nameError}>
          <Label>Name</Label>
          <Input />
          <FieldError>{nameError}</FieldError>
        </TextField>
        <TextField value={description} onChange={setDescription}>
          <Label>Description</Label>
          <TextArea rows={2} />
        </TextField>
        <Button type="submit" className="button" isDisabled={create.isPending}>
          Define role
        </Button>
      </Form>
      {create.error && <RoleProblem error={create.error} />}
    </section>
  );
}

function EditRole({ role, onDone }: { role: Role; onDone(): Promise<unknown> }) {
  const [key, setKey] = useState(role.key);
  const [name, setName] = useState(role.name);
  const [description, setDescription] = useState(role.description);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/roles/{key}', {
          params: { path: { key: role.key } },
          body: { name, description, ...(key !== role.key ? { key } : {}) },
        }),
      ),
    onSuccess: onDone,
  });
  const keyError = fieldError(save.error, '/key');
  return (
    <Form
      className="inline"
      aria-label={`Edit ${role.key}`}
      validationBehavior="aria"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      {!role.builtIn && (
        <TextField value={key} onChange={setKey} isRequired isInvalid={!!keyError}>
          <Label>Key</Label>
          <Input />
          <FieldError>{keyError}</FieldError>
        </TextField>
      )}
      <TextField value={name} onChange={setName} isRequired>
        <Label>Name</Label>
        <Input />
      </TextField>
      <TextField value={description} onChange={setDescription}>
        <Label>Description</Label>
        <Input />
      </TextField>
      <Button type="submit" className="button" isDisabled={save.isPending}>
        Save
      </Button>
      <Button className="button secondary" onPress={() => void onDone()}>
        Cancel
      </Button>
      {save.error && <RoleProblem error={save.error} />}
    </Form>
  );
}
