import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { WriteStatement } from '../database/write-statement.js';
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
    const stmt = new WriteStatement();
    stmt.returning(this.publishIn(stmt, [event]));
    const [row] = await stmt.run(manager);
    return row.id as string;
  }

  /** Adds the events (and their deliveries) to a statement that writes the change itself; returns the CTE of the event rows. */
  publishIn(stmt: WriteStatement, events: OutboxEvent[]): string {
    const now = stmt.param(this.clock.now());
    const rows = events.map((event) => ({ type: event.type, subject_type: event.subject.type, subject_id: event.subject.id, data: event.data }));
    const inserted = stmt.with(
      'outbox_rows',
      `INSERT INTO outbox_events (type, subject_type, subject_id, data, occurred_at)
       SELECT e.type, e.subject_type, e.subject_id, e.data, ${now}::timestamptz
         FROM jsonb_to_recordset(${stmt.param(JSON.stringify(rows))}) AS e(type text, subject_type text, subject_id text, data jsonb)
       RETURNING id, seq, type, subject_type, subject_id`,
    );
    stmt.with(
      'outbox_deliveries',
      `INSERT INTO webhook_deliveries (subscription_id, event_id, event_seq, ordering_key, next_attempt_at)
       SELECT s.id, e.id, e.seq, e.subject_type || ':' || e.subject_id, ${now}::timestamptz
         FROM ${inserted} e JOIN webhook_subscriptions s ON s.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM unnest(s.event_types) p WHERE p = '*' OR p = e.type OR (p LIKE '%.*' AND e.type LIKE left(p, -1) || '%'))`,
    );
    return inserted;
  }
}
