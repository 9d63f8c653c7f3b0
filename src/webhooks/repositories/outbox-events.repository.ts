import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';
import type { WriteStatement } from '../../database/write-statement.js';

export interface NewOutboxEvent {
  type: string;
  subject_type: string;
  subject_id: string;
  data: Record<string, unknown>;
}

/** An event as an outbox consumer reads it; `xactId` and `seq` are its place in the consumer's order. */
export interface ConsumedEvent {
  id: string;
  xactId: string;
  seq: string;
  type: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/** The only code that writes `outbox_events` (and `outbox_cursors`); each event fans out into one delivery per matching subscription. */
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

  /** The consumer's cursor, locked for this transaction; undefined while another transaction holds it. */
  lockCursor(m: EntityManager, consumer: string): Promise<{ xactId: string; seq: string } | undefined> {
    return sqlOne<{ xactId: string; seq: string }>(
      m,
      `SELECT xact_id::text AS "xactId", seq::text AS seq FROM outbox_cursors WHERE consumer = $1 FOR UPDATE SKIP LOCKED`,
      [consumer],
    );
  }

  /**
   * Events after the cursor in (writing transaction, seq) order, only of transactions older than
   * every transaction still running: none of those can commit a row later, so advancing the cursor
   * past what this returns never skips an event (a sequence alone would: ids are taken at insert,
   * rows appear at commit).
   */
  after(m: EntityManager, cursor: { xactId: string; seq: string }, limit: number): Promise<ConsumedEvent[]> {
    return sql<ConsumedEvent>(
      m,
      `SELECT id, xact_id::text AS "xactId", seq::text AS seq, type, subject_type AS "subjectType", subject_id AS "subjectId", data, occurred_at AS "occurredAt"
         FROM outbox_events
        WHERE xact_id IS NOT NULL AND (xact_id, seq) > ($1::xid8, $2::bigint) AND xact_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY xact_id, seq
        LIMIT $3`,
      [cursor.xactId, cursor.seq, limit],
    );
  }

  async moveCursor(m: EntityManager, consumer: string, to: { xactId: string; seq: string }, at: Date): Promise<void> {
    await m.query(`UPDATE outbox_cursors SET xact_id = $2::xid8, seq = $3::bigint, updated_at = $4 WHERE consumer = $1`, [consumer, to.xactId, to.seq, at]);
  }
}
