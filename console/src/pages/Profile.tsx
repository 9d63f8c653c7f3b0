import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Checkbox, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { api, type Schemas, unwrap } from '../api/client';
import { fieldError } from '../components/field-error';
import { ProblemMessage } from '../components/ProblemMessage';

type Me = Schemas['MeDto'];
type Preference = Schemas['NotificationPreferenceDto'];
type Kind = keyof Schemas['EffectiveNotificationPreferencesDto'];
type Channel = Preference['channels'][number];
type ChatFormat = Schemas['ChatTargetDto']['format'];

const CHANNELS: Channel[] = ['in-app', 'email', 'chat'];
const CHAT_FORMATS: ChatFormat[] = ['slack', 'teams'];

/** My profile (GET /api/v1/me): name, e-mail, how each kind of event reaches me, and where chat notifications go. */
export function Profile() {
  const me = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/api/v1/me')) });
  return (
    <>
      <h1>My profile</h1>
      <ProblemMessage error={me.error} />
      {me.data && <EditProfile key={me.data.id} me={me.data} />}
    </>
  );
}

/** A kind of event: my own choice, or (own false) what my roles' defaults give me. */
interface Row extends Preference {
  own: boolean;
}

function EditProfile({ me }: { me: Me }) {
  const client = useQueryClient();
  const kinds = Object.keys(me.notificationSettings.preferences) as Kind[];
  const [displayName, setDisplayName] = useState(me.displayName);
  const [email, setEmail] = useState(me.email ?? '');
  const [rows, setRows] = useState<Record<Kind, Row>>(
    () =>
      Object.fromEntries(
        kinds.map((kind) => {
          const own = me.notificationPreferences[kind];
          return [kind, { ...(own ?? me.notificationSettings.preferences[kind]), own: !!own }];
        }),
      ) as Record<Kind, Row>,
  );
  const [chatFormat, setChatFormat] = useState<ChatFormat | ''>(me.chatTarget?.format ?? '');
  const [chatUrl, setChatUrl] = useState(me.chatTarget?.url ?? '');
  const save = useMutation({
    mutationFn: () => {
      const chatTarget = chatFormat ? { format: chatFormat, url: chatUrl } : null;
      const chatChanged = JSON.stringify(chatTarget) !== JSON.stringify(me.chatTarget ?? null);
      return unwrap(
        api.PATCH('/api/v1/people/{id}', {
          params: { path: { id: me.id } },
          body: {
            displayName,
            email: email || null,
            notificationPreferences: Object.fromEntries(
              kinds.filter((kind) => rows[kind].own).map((kind) => [kind, { channels: rows[kind].channels, digest: rows[kind].digest }]),
            ),
            // The target is checked (https, a public host) when it is sent: only when it changed.
            ...(chatChanged ? { chatTarget } : {}),
          },
        }),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['me'] }),
  });
  const change = (kind: Kind, next: Partial<Row>) => setRows((current) => ({ ...current, [kind]: { ...current[kind], ...next } }));
  const nameError = fieldError(save.error, '/displayName');
  const emailError = fieldError(save.error, '/email');
  const chatError = fieldError(save.error, '/chatTarget');

  return (
    <Form
      validationBehavior="aria"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <p className="muted">
        Signed in as <code>{me.identity}</code>, acting with {me.actingRoles.join(', ') || 'no role'}.
      </p>
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
      <table className="list">
        <caption>Notifications: a kind without my own choice follows my roles&apos; defaults</caption>
        <thead>
          <tr>
            <th scope="col">Kind of event</th>
            <th scope="col">My own choice</th>
            {CHANNELS.map((channel) => (
              <th scope="col" key={channel}>
                {channel}
              </th>
            ))}
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => {
            const row = rows[kind];
            return (
              <tr key={kind}>
                <th scope="row">{kind}</th>
                <td>
                  <Checkbox isSelected={row.own} onChange={(own) => change(kind, own ? { own } : { ...me.notificationSettings.preferences[kind], own })}>
                    <span className="checkbox" aria-hidden="true" />
                    <span className="visually-hidden">My own choice for {kind}</span>
                  </Checkbox>
                </td>
                {CHANNELS.map((channel) => (
                  <td key={channel}>
                    <Checkbox
                      isDisabled={!row.own}
                      isSelected={row.channels.includes(channel)}
                      onChange={(on) => change(kind, { channels: on ? [...row.channels, channel] : row.channels.filter((c) => c !== channel) })}
                    >
                      <span className="checkbox" aria-hidden="true" />
                      <span className="visually-hidden">
                        {channel} for {kind}
                      </span>
                    </Checkbox>
                  </td>
                ))}
                <td>
                  <select
                    aria-label={`When ${kind} arrives`}
                    disabled={!row.own}
                    value={row.digest}
                    onChange={(event) => change(kind, { digest: event.target.value as Preference['digest'] })}
                  >
                    <option value="immediate">at once</option>
                    <option value="daily">daily digest</option>
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <fieldset aria-invalid={!!chatError}>
        <legend>Chat notifications</legend>
        <div className="field">
          <label htmlFor="chat-format">Chat</label>
          <select id="chat-format" value={chatFormat} onChange={(event) => setChatFormat(event.target.value as ChatFormat | '')}>
            <option value="">none</option>
            {CHAT_FORMATS.map((format) => (
              <option key={format} value={format}>
                {format}
              </option>
            ))}
          </select>
        </div>
        {chatFormat && (
          <TextField value={chatUrl} onChange={setChatUrl} isRequired type="url" isInvalid={!!chatError}>
            <Label>Incoming-webhook URL</Label>
            <Input />
            <Text slot="description">https, on a public host.</Text>
            <FieldError>{chatError}</FieldError>
          </TextField>
        )}
      </fieldset>
      <Button type="submit" className="button" isDisabled={save.isPending}>
        Save
      </Button>
      <ProblemMessage error={save.error} />
      {save.isSuccess && (
        <p role="status" className="notice">
          Saved.
        </p>
      )}
    </Form>
  );
}
