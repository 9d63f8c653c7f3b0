import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { Link } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { fieldError } from '../components/field-error';
import { when } from '../components/format';
import { useListParams } from '../components/list-params';
import { Pagination } from '../components/Pagination';
import { ProblemMessage } from '../components/ProblemMessage';

const LIMIT = 20;
/** The API's own rule: subscriptions are governance's (admin passes every check). */
export const WEBHOOK_ROLES = ['governance'];

/** Event types by family (`task`, `incident`, …), so each family can be chosen whole with its wildcard. */
function families(types: Schemas['EventTypeDto'][]): [string, Schemas['EventTypeDto'][]][] {
  const byFamily = new Map<string, Schemas['EventTypeDto'][]>();
  for (const type of types) {
    const family = type.type.split('.')[0];
    byFamily.set(family, [...(byFamily.get(family) ?? []), type]);
  }
  return [...byFamily];
}

/** Webhook subscriptions (governance): subscribe a URL to events (its signing secret shown once, here), list them, delete one. */
export function Webhooks() {
  const { can } = useSession();
  const client = useQueryClient();
  const allowed = can(...WEBHOOK_ROLES);
  const { offset, setOffset } = useListParams();
  const subscriptions = useQuery({
    queryKey: ['webhooks', 'list', offset],
    enabled: allowed,
    queryFn: () => unwrap(api.GET('/api/v1/webhook-subscriptions', { params: { query: { limit: LIMIT, offset } } })),
    placeholderData: keepPreviousData,
  });
  const eventTypes = useQuery({
    queryKey: ['webhooks', 'event-types'],
    enabled: allowed,
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/v1/webhook-subscriptions/event-types')),
  });
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [created, setCreated] = useState<Schemas['CreatedWebhookSubscriptionDto']>();
  const refresh = () => client.invalidateQueries({ queryKey: ['webhooks', 'list'] });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/webhook-subscriptions', { body: { url, eventTypes: chosen, ...(description ? { description } : {}) } })),
    onSuccess: async (subscription) => {
      setCreated(subscription);
      setUrl('');
      setDescription('');
      setChosen([]);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/webhook-subscriptions/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });

  if (!allowed)
    return (
      <>
        <h1>Webhook subscriptions</h1>
        <p>Managing webhook subscriptions needs the governance role.</p>
      </>
    );
  const urlError = fieldError(create.error, '/url');
  const eventsError = fieldError(create.error, '/eventTypes');
  return (
    <>
      <h1>Webhook subscriptions</h1>
      <p className="muted">
        Each event is POSTed to the URL, signed per Standard Webhooks (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>),
        and retried until the receiver accepts it.
      </p>
      <section aria-labelledby="new-webhook-heading">
        <h2 id="new-webhook-heading">Subscribe</h2>
        <Form
          validationBehavior="aria"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            setCreated(undefined);
            create.mutate();
          }}
        >
          <TextField value={url} onChange={setUrl} isRequired isInvalid={!!urlError}>
            <Label>URL</Label>
            <Input type="url" placeholder="https://hooks.example.com/aimsflow" />
            <FieldError>{urlError}</FieldError>
          </TextField>
          <TextField value={description} onChange={setDescription}>
            <Label>Description</Label>
            <Input />
          </TextField>
          <CheckboxGroup value={chosen} onChange={setChosen} isInvalid={!!eventsError}>
            <Label>Events</Label>
            <Checkbox value="*">
              <span className="checkbox" aria-hidden="true" />
              every event (<code>*</code>)
            </Checkbox>
            <div className="options many">
              {families(eventTypes.data ?? []).map(([family, types]) => (
                <div key={family} className="option-family">
                  <Checkbox value={`${family}.*`}>
                    <span className="checkbox" aria-hidden="true" />
                    <code>{family}.*</code>
                  </Checkbox>
                  {types.map((type) => (
                    <Checkbox key={type.type} value={type.type} className="react-aria-Checkbox nested">
                      <span className="checkbox" aria-hidden="true" />
                      <span title={type.description}>{type.type}</span>
                    </Checkbox>
                  ))}
                </div>
              ))}
            </div>
            <Text slot="description">A family&apos;s wildcard also receives the types added to it later.</Text>
            <FieldError>{eventsError}</FieldError>
          </CheckboxGroup>
          <Button type="submit" className="button" isDisabled={create.isPending}>
            Subscribe
          </Button>
        </Form>
        <ProblemMessage error={create.error ?? eventTypes.error} />
        {created?.secret && (
          <div role="status" className="secret">
            <p>
              Subscribed <strong>{created.url}</strong>. Copy the signing secret now: it is not shown again.
            </p>
            <code aria-label="The new subscription's signing secret">{created.secret}</code>
          </div>
        )}
      </section>
      <section aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Subscriptions</h2>
        <ProblemMessage error={subscriptions.error ?? remove.error} />
        <table className="list">
          <caption>
            {subscriptions.data ? `${subscriptions.data.total} ${subscriptions.data.total === 1 ? 'subscription' : 'subscriptions'}` : 'Loading…'}
          </caption>
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">Created</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {subscriptions.data?.items.map((subscription) => (
              <tr key={subscription.id}>
                <th scope="row">
                  <Link to={`/admin/webhooks/${subscription.id}`}>{subscription.url}</Link>
                  {subscription.description && <p className="muted">{subscription.description}</p>}
                </th>
                <td>{subscription.eventTypes.join(', ')}</td>
                <td>
                  {when(subscription.createdAt)} by {subscription.createdBy}
                </td>
                <td>
                  <Button
                    className="button small danger"
                    aria-label={`Delete the subscription of ${subscription.url}`}
                    onPress={() => remove.mutate(subscription.id)}
                  >
                    Delete
                  </Button>
                </td>
              </tr>
            ))}
            {subscriptions.data?.items.length === 0 && (
              <tr>
                <td colSpan={4}>None yet.</td>
              </tr>
            )}
          </tbody>
        </table>
        {subscriptions.data && <Pagination offset={offset} limit={LIMIT} total={subscriptions.data.total} onOffset={setOffset} />}
      </section>
    </>
  );
}
