import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LeasedQueue } from '../../common/leased-queue.js';
import { sql } from '../../database/sql.js';
import {
  type DeliveryChannel,
  type DeliveryTarget,
  NotificationDeliveryEntity,
  type NotificationDeliveryStatus,
} from '../entities/notification-delivery.entity.js';
import type { NotificationMessage } from '../messages.js';

export interface NewDelivery {
  person_id: string;
  recipient: string;
  channel: DeliveryChannel;
  kind: string;
  event_id: string;
  target: DeliveryTarget;
  message: NotificationMessage;
  status: 'queued' | 'pending' | 'skipped';
  last_error: string | null;
}

export interface ClaimedNotification {
  id: string;
  person_id: string;
  attempts: number;
  channel: DeliveryChannel;
  target: DeliveryTarget;
  message: NotificationMessage;
}

export interface DeliveryFilter {
  status?: NotificationDeliveryStatus;
  channel?: DeliveryChannel;
  /** The recipient's identity or people-directory id. */
  person?: string;
}

const QUEUE = new LeasedQueue({ table: 'notification_deliveries', pending: 'pending', leased: 'sending', order: 'q.next_attempt_at, q.id' });

/** The only code that reads and writes `notification_deliveries`. */
@Injectable()
export class NotificationDeliveriesRepository {
  async insert(m: EntityManager, rows: NewDelivery[], at: Date): Promise<void> {
    if (!rows.length) return;
    await m.query(
      `INSERT INTO notification_deliveries (person_id, recipient, channel, kind, event_id, target, message, status, last_error, next_attempt_at, created_at)
       SELECT r.*, $2::timestamptz, $2::timestamptz FROM jsonb_to_recordset($1::jsonb)
         AS r(person_id text, recipient text, channel text, kind text, event_id uuid, target jsonb, message jsonb, status text, last_error text)
       ON CONFLICT (event_id, person_id, channel) DO NOTHING`,
      [JSON.stringify(rows), at],
    );
  }

  /**
   * Gathers every item queued for the digest before `cut` into one digest delivery per person and
   * channel, due at `now`. The items are locked (not skipped): a replica doing the same at once
   * waits, then finds them batched, so nobody gets two digests.
   */
  async batchDigests(m: EntityManager, cut: Date, now: Date): Promise<number> {
    const rows = await sql<{ id: string }>(
      m,
      `WITH picked AS (
         SELECT id, person_id, recipient, channel, target, message, created_at FROM notification_deliveries
          WHERE status = 'queued' AND created_at < $1 ORDER BY id FOR UPDATE),
       groups AS (
         SELECT person_id, channel, gen_random_uuid() AS digest_id, min(recipient) AS recipient,
                (array_agg(target ORDER BY created_at DESC))[1] AS target,
                jsonb_build_object('kind', 'digest', 'items', jsonb_agg(message ORDER BY created_at, id)) AS message
           FROM picked GROUP BY person_id, channel),
       digests AS (
         INSERT INTO notification_deliveries (id, person_id, recipient, channel, kind, target, message, status, next_attempt_at, created_at)
         SELECT digest_id, person_id, recipient, channel, 'digest', target, message, 'pending', $2, $2 FROM groups RETURNING id),
       batched AS (
         UPDATE notification_deliveries d SET status = 'batched', digest_id = g.digest_id
           FROM picked p JOIN groups g ON g.person_id = p.person_id AND g.channel = p.channel
          WHERE d.id = p.id
         RETURNING d.id)
       SELECT id FROM batched`,
      [cut, now],
    );
    return rows.length;
  }

  /** Claims (leases) up to `limit` deliveries due at `now` with SKIP LOCKED, so replicas share the work and none is sent twice at once. */
  claimDue(m: EntityManager, now: Date, limit: number, leaseMs: number): Promise<ClaimedNotification[]> {
    return QUEUE.claimDue<ClaimedNotification>(
      m,
      { now, limit, leaseMs },
      { returning: 'q.id, q.person_id, q.attempts, q.channel, q.target, q.message', select: 'SELECT * FROM claimed' },
    );
  }

  /** Delivered, to `target` (what the attempt used: a chat target is the person's current one). */
  markDelivered(m: EntityManager, id: string, at: Date, target: DeliveryTarget): Promise<void> {
    return QUEUE.settle(m, id, 'delivered', { delivered_at: at, target: JSON.stringify(target), last_error: null });
  }

  /** A failed attempt at `target`: due again at `nextAttemptAt`, or `failed` for good. */
  markAttemptFailed(m: EntityManager, id: string, giveUp: boolean, nextAttemptAt: Date, error: string, target: DeliveryTarget): Promise<void> {
    return QUEUE.retry(m, id, giveUp, nextAttemptAt, { last_error: error, target: JSON.stringify(target) });
  }

  list(m: EntityManager, filter: DeliveryFilter, limit: number, offset: number): Promise<[NotificationDeliveryEntity[], number]> {
    const qb = m.getRepository(NotificationDeliveryEntity).createQueryBuilder('d');
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.channel) qb.andWhere('d.channel = :channel', { channel: filter.channel });
    if (filter.person) qb.andWhere('(d.recipient = :person OR d.person_id = :person)', { person: filter.person });
    return qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id').take(limit).skip(offset).getManyAndCount();
  }

  async find(m: EntityManager, id: string): Promise<NotificationDeliveryEntity | undefined> {
    return (await m.getRepository(NotificationDeliveryEntity).findOneBy({ id })) ?? undefined;
  }

  /** Due again now, from a fresh attempt count. */
  async reset(m: EntityManager, id: string, at: Date): Promise<NotificationDeliveryEntity> {
    const repo = m.getRepository(NotificationDeliveryEntity);
    await repo.update({ id }, { status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, leaseUntil: null });
    return repo.findOneByOrFail({ id });
  }
}
