import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form } from 'react-aria-components';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { FilterSelect } from '../components/FilterSelect';
import { when } from '../components/format';
import { useListParams } from '../components/list-params';
import { Pagination } from '../components/Pagination';
import { ProblemMessage } from '../components/ProblemMessage';
import { WEBHOOK_ROLES } from './Webhooks';

const LIMIT = 20;
const DELIVERY_STATUSES = ['pending', 'delivering', 'succeeded', 'failed'] as const;
type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One subscription and its deliveries (newest first, filtered by status): attempts, the receiver's last answer, redelivery. */
export function WebhookDetail() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const allowed = can(...WEBHOOK_ROLES);
  const { params, offset, applyFilters, setOffset } = useListParams();
  const status = (params.get('status') as DeliveryStatus | null) ?? undefined;
  const subscription = useQuery({
    queryKey: ['webhooks', id],
    enabled: allowed,
    queryFn: () => unwrap(api.GET('/api/v1/webhook-subscriptions/{id}', { params: { path: { id } } })),
  });
  const query = { limit: LIMIT, offset, ...(status ? { status } : {}) };
  const deliveries = useQuery({
    queryKey: ['webhooks', id, 'deliveries', query],
    enabled: allowed,
    queryFn: () => unwrap(api.GET('/api/v1/webhook-subscriptions/{id}/deliveries', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
  });
  const redeliver = useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(api.POST('/api/v1/webhook-subscriptions/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id, deliveryId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['webhooks', id, 'deliveries'] }),
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/webhook-subscriptions/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['webhooks', 'list'] });
      navigate('/admin/webhooks');
    },
  });

  if (!allowed)
    return (
      <>
        <h1>Webhook subscription</h1>
        <p>Managing webhook subscriptions needs the governance role.</p>
      </>
    );
  const s = subscription.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/webhooks">Webhook subscriptions</Link>
      </p>
      <div className="heading-row">
        <h1>{s ? s.url : 'Webhook subscription'}</h1>
        {s && (
          <Button className="button danger" onPress={() => remove.mutate()}>
            Delete subscription
          </Button>
        )}
      </div>
      <ProblemMessage error={subscription.error ?? remove.error} />
      {s && (
        <dl className="facts">
          <dt>Events</dt>
          <dd>{s.eventTypes.join(', ')}</dd>
          <dt>Description</dt>
          <dd>{s.description ?? '—'}</dd>
          <dt>Created</dt>
          <dd>
            {when(s.createdAt)} by {s.createdBy}
          </dd>
        </dl>
      )}
      <h2>Deliveries</h2>
      <Form className="filters" onSubmit={applyFilters} key={params.toString()} aria-label="Filter deliveries">
        <FilterSelect name="status" label="Status" values={DELIVERY_STATUSES} value={status ?? null} />
        <Button type="submit" className="button">
          Apply filters
        </Button>
      </Form>
      <ProblemMessage error={deliveries.error ?? redeliver.error} />
      <table className="list">
        <caption>{deliveries.data ? `${deliveries.data.total} ${deliveries.data.total === 1 ? 'delivery' : 'deliveries'}` : 'Loading…'}</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
            <th scope="col">Created</th>
            <th scope="col">Delivered</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data?.items.map((delivery) => (
            <tr key={delivery.id}>
              <th scope="row">
                {delivery.eventType}
                <p className="muted">
                  {delivery.subject.type} <code>{delivery.subject.id}</code>
                </p>
              </th>
              <td>
                <span className={`badge delivery-${delivery.status}`}>{delivery.status}</span>
              </td>
              <td>{delivery.attempts}</td>
              <td>
                {delivery.lastStatusCode ?? '—'}
                {delivery.lastError && <p className="muted">{delivery.lastError}</p>}
              </td>
              <td>{when(delivery.createdAt)}</td>
              <td>{when(delivery.deliveredAt)}</td>
              <td>
                {(delivery.status === 'succeeded' || delivery.status === 'failed') && (
                  <Button
                    className="button small secondary"
                    aria-label={`Redeliver ${delivery.eventType} of ${when(delivery.createdAt)}`}
                    isDisabled={redeliver.isPending}
                    onPress={() => redeliver.mutate(delivery.id)}
                  >
                    Redeliver
                  </Button>
                )}
              </td>
            </tr>
          ))}
          {deliveries.data?.items.length === 0 && (
            <tr>
              <td colSpan={7}>None.</td>
            </tr>
          )}
        </tbody>
      </table>
      {deliveries.data && <Pagination offset={offset} limit={LIMIT} total={deliveries.data.total} onOffset={setOffset} />}
    </>
  );
}
