import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import type { EventType } from './event-types.js';

export interface OutboxEvent {
  type: EventType;
  subject: { type: string; id: string };
  data: Record<string, unknown>;
}

/**
 * Writes an event in the caller's transaction, with one delivery per matching subscription: it
 * commits with the change or not at all, and a slow receiver never slows the change.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly clock: Clock) {}

  async publish(manager: EntityManager, event: OutboxEvent): Promise<string> {
    const now = this.clock.now();
    const [row] = await manager.query(
      `INSERT INTO outbox_events (type, subject_type, subject_id, data, occurred_at) VALUES ($1, $2, $3, $4, $5) RETURNING id, seq`,
      [event.type, event.subject.type, event.subject.id, JSON.stringify(event.data), now],
    );
    await manager.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_id, event_seq, ordering_key, next_attempt_at)
       SELECT s.id, $1, $2, $3, $4 FROM webhook_subscriptions s
        WHERE s.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM unnest(s.event_types) p WHERE p = '*' OR p = $5 OR (p LIKE '%.*' AND $5 LIKE left(p, -1) || '%'))`,
      [row.id, row.seq, `${event.subject.type}:${event.subject.id}`, now, event.type],
    );
    return row.id;
  }
}
