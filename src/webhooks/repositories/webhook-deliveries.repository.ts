import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LeasedQueue } from '../../common/leased-queue.js';
import { type DeliveryStatus, WebhookDeliveryEntity } from '../entities/webhook-delivery.entity.js';

/** A delivery claimed for an attempt, with what it needs to be sent. */
export interface ClaimedDelivery {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  event_id: string;
  type: string;
  subject_type: string;
  subject_id: string;
  data: Record<string, unknown>;
  occurred_at: Date;
}

/** A delivery as its subscription's history lists it. */
export type DeliveryView = WebhookDeliveryEntity & { eventType: string; subject: { type: string; id: string } };

const QUEUE = new LeasedQueue({ table: 'webhook_deliveries', pending: 'pending', leased: 'delivering', order: 'q.next_attempt_at, q.event_seq' });

/** The only code that reads and writes `webhook_deliveries` (the outbox fan-out aside, which inserts them). */
@Injectable()
export class WebhookDeliveriesRepository {
  /**
   * Claims (leases) up to `limit` deliveries due at `now` with SKIP LOCKED, so replicas share the
   * work; per subscription, an event waits until every earlier event of its subject is done.
   */
  claimDue(m: EntityManager, now: Date, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return QUEUE.claimDue<ClaimedDelivery>(
      m,
      { now, limit, leaseMs },
      {
        where: `NOT EXISTS (
              SELECT 1 FROM webhook_deliveries e
               WHERE e.subscription_id = q.subscription_id AND e.ordering_key = q.ordering_key
                 AND e.event_seq < q.event_seq AND e.status IN ('pending', 'delivering'))`,
        returning: 'q.id, q.attempts, q.subscription_id, q.event_id',
        select: `SELECT c.id, c.attempts, s.url, s.secret, e.id AS event_id, e.type, e.subject_type, e.subject_id, e.data, e.occurred_at
         FROM claimed c JOIN webhook_subscriptions s ON s.id = c.subscription_id JOIN outbox_events e ON e.id = c.event_id`,
      },
    );
  }

  markSucceeded(m: EntityManager, id: string, at: Date, statusCode: number | null): Promise<void> {
    return QUEUE.settle(m, id, 'succeeded', { delivered_at: at, last_status_code: statusCode, last_error: null });
  }

  /** A failed attempt: due again at `nextAttemptAt`, or `failed` for good. */
  markAttemptFailed(m: EntityManager, id: string, giveUp: boolean, nextAttemptAt: Date, statusCode: number | null, error: string): Promise<void> {
    return QUEUE.retry(m, id, giveUp, nextAttemptAt, { last_status_code: statusCode, last_error: error });
  }

  /** Nothing more goes out for a deleted subscription. */
  async dropPending(m: EntityManager, subscriptionId: string): Promise<void> {
    await m.query(
      `UPDATE webhook_deliveries SET status = 'failed', last_error = 'subscription deleted' WHERE subscription_id = $1 AND status IN ('pending', 'delivering')`,
      [subscriptionId],
    );
  }

  async list(m: EntityManager, subscriptionId: string, status: DeliveryStatus | undefined, limit: number, offset: number): Promise<[DeliveryView[], number]> {
    const qb = m
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .innerJoin('outbox_events', 'e', 'e.id = d.event_id')
      .addSelect(['e.type', 'e.subject_type', 'e.subject_id'])
      .where('d.subscription_id = :subscriptionId', { subscriptionId });
    if (status) qb.andWhere('d.status = :status', { status });
    const total = await qb.getCount();
    const { entities, raw } = await qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id').offset(offset).limit(limit).getRawAndEntities();
    const items = entities.map((delivery, i) =>
      Object.assign(delivery, { eventType: raw[i].e_type as string, subject: { type: raw[i].subject_type as string, id: raw[i].subject_id as string } }),
    );
    return [items, total];
  }

  async find(m: EntityManager, subscriptionId: string, id: string): Promise<WebhookDeliveryEntity | undefined> {
    return (await m.getRepository(WebhookDeliveryEntity).findOneBy({ id, subscriptionId })) ?? undefined;
  }

  /** Due again now, from a fresh attempt count. */
  async reset(m: EntityManager, id: string, at: Date): Promise<WebhookDeliveryEntity> {
    const repo = m.getRepository(WebhookDeliveryEntity);
    await repo.update({ id }, { status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null });
    return repo.findOneByOrFail({ id });
  }
}
