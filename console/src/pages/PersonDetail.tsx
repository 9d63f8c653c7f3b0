import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { fieldError } from '../components/field-error';
import { when } from '../components/format';
import { ProblemMessage } from '../components/ProblemMessage';

type Person = Schemas['PersonDto'];

/** One person; an admin changes their name, e-mail, assigned roles and whether they may act at all. */
export function PersonDetail() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const person = useQuery({ queryKey: ['people', id], queryFn: () => unwrap(api.GET('/api/v1/people/{id}', { params: { path: { id } } })) });
  const p = person.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/people">People</Link>
      </p>
      <h1>{p?.displayName ?? 'Person'}</h1>
      <ProblemMessage error={person.error} />
      {p && (
        <dl className="facts">
          <dt>Identity</dt>
          <dd>
            <code>{p.identity}</code>
          </dd>
          <dt>State</dt>
          <dd>{p.active ? 'active' : 'deactivated: cannot act, nor be handed tasks'}</dd>
          <dt>Roles</dt>
          <dd>{p.roles.join(', ') || '—'}</dd>
          <dt>From the identity provider</dt>
          <dd>{p.idpRoles.join(', ') || '—'}</dd>
          <dt>Came in</dt>
          <dd>
            {p.source === 'oidc' ? 'signed in' : p.source === 'admin' ? 'registered by an admin' : 'with an API token'}, {when(p.createdAt)}
          </dd>
          <dt>Last seen</dt>
          <dd>{when(p.lastSeenAt)}</dd>
        </dl>
      )}
      {p && (can('admin') ? <EditPerson key={p.id} person={p} /> : <p className="muted">Changing a person needs the admin role.</p>)}
    </>
  );
}

function EditPerson({ person }: { person: Person }) {
  const client = useQueryClient();
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => unwrap(api.GET('/api/v1/roles', { params: { query: { limit: 100 } } })) });
  const [displayName, setDisplayName] = useState(person.displayName);
  const [email, setEmail] = useState(person.email ?? '');
  const [assignedRoles, setAssignedRoles] = useState(person.assignedRoles);
  const save = useMutation({
    mutationFn: (body: Schemas['UpdatePersonDto']) => unwrap(api.PATCH('/api/v1/people/{id}', { params: { path: { id: person.id } }, body })),
    onSuccess: async (saved) => {
      client.setQueryData(['people', person.id], saved);
      await client.invalidateQueries({ queryKey: ['people', 'list'] });
    },
  });
  const nameError = fieldError(save.error, '/displayName');
  const emailError = fieldError(save.error, '/email');
  const rolesError = fieldError(save.error, '/assignedRoles');
  return (
    <section aria-labelledby="edit-person-heading">
      <h2 id="edit-person-heading">Change</h2>
      <Form
        validationBehavior="aria"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          save.mutate({ displayName, email: email || null, assignedRoles });
        }}
      >
        <TextField value={displayName} onChange={setDisplayName} isRequired isInvalid={!!nameError}>
          <Label>Display name</Label>
          <Input />
          <FieldError>{nameError}</FieldError>
        </TextField>
        <TextField value={email} onChange={setEmail} type="email" isInvalid={!!emailError}>
          <Label>E-mail</Label>
          <Input />
          <FieldError>{emailError}</FieldError>
        </TextField>
        <CheckboxGroup value={assignedRoles} onChange={setAssignedRoles} isInvalid={!!rolesError}>
          <Label>Assigned roles</Label>
          <div className="options many">
            {roles.data?.items.map((role) => (
              <Checkbox key={role.key} value={role.key}>
                <span className="checkbox" aria-hidden="true" />
                {role.key}
              </Checkbox>
            ))}
          </div>
          <Text slot="description">Besides the roles the identity provider gives at sign-in ({person.idpRoles.join(', ') || 'none'}).</Text>
          <FieldError>{rolesError}</FieldError>
        </CheckboxGroup>
        <div className="actions">
          <Button type="submit" className="button" isDisabled={save.isPending}>
            Save
          </Button>
          <Button
            className={person.active ? 'button danger' : 'button secondary'}
            isDisabled={save.isPending}
            onPress={() => save.mutate({ active: !person.active })}
          >
            {person.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        </div>
      </Form>
      <ProblemMessage error={save.error ?? roles.error} />
      {save.isSuccess && (
        <p role="status" className="notice">
          Saved.
        </p>
      )}
    </section>
  );
}
