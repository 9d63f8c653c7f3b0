import { Injectable } from '@nestjs/common';
import type { WriteStatement } from '../../database/write-statement.js';

export interface NewOutboxEvent {
  type: string;
  subject_type: string;
  subject_id: string;
  data: Record<string, unknown>;
}

/** The only code that writes `outbox_events`; each event fans out into one delivery per matching subscription. */
@Injectable()
export class OutboxEventsRepository {
  /** Adds the events and their deliveries to a statement; returns the CTE of the event rows (id, seq, type, subject). */
  publishIn(stmt: WriteStatement, occurredAt: Date, events: NewOutboxEvent[]): string {
    const now = stmt.param(occurredAt);
    const inserted = stmt.with(
      'outbox_rows',
      `INSERT INTO outbox_events (type, subject_type, subject_id, data, occurred_at)
       SELECT e.type, e.subject_type, e.subject_id, e.data, ${now}::timestamptz
         FROM jsonb_to_recordset(${stmt.param(JSON.stringify(events))}) AS e(type text, subject_type text, subject_id text, data jsonb)
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
