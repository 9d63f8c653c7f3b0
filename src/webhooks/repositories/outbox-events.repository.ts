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

/** Where a durable consumer of the outbox stands (snapshots in their text form). */
export interface OutboxCursor {
  seen: string;
  target: string | null;
  xactId: string | null;
  seq: string | null;
  /** The snapshot of the statement that locked the cursor. */
  now: string;
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

  /**
   * The consumer's cursor, locked for this transaction (undefined while another transaction holds
   * it), with the snapshot of this very statement: taken before the lock gave the transaction an
   * id, so what the consumer itself writes is not in it.
   */
  lockCursor(m: EntityManager, consumer: string): Promise<OutboxCursor | undefined> {
    return sqlOne<OutboxCursor>(
      m,
      `SELECT seen::text AS seen, target::text AS target, xact_id::text AS "xactId", seq::text AS seq, pg_current_snapshot()::text AS now
         FROM outbox_cursors WHERE consumer = $1 FOR UPDATE SKIP LOCKED`,
      [consumer],
    );
  }

  /**
   * Events of transactions that had committed in `target` but not in `seen`, after `from`, in
   * (transaction, seq) order. A sequence alone would skip events: ids are taken at insert, rows
   * appear at commit, so a lower seq can commit later. A transaction still running in `target`
   * has its events read once it committed, in a later snapshot, however long it ran.
   */
  between(m: EntityManager, seen: string, target: string, from: { xactId: string; seq: string } | null, limit: number): Promise<ConsumedEvent[]> {
    return sql<ConsumedEvent>(
      m,
      `SELECT id, xact_id::text AS "xactId", seq::text AS seq, type, subject_type AS "subjectType", subject_id AS "subjectId", data, occurred_at AS "occurredAt"
         FROM outbox_events
        WHERE xact_id >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(xact_id, $1::pg_snapshot)
          AND pg_visible_in_snapshot(xact_id, $2::pg_snapshot)
          AND ($3::xid8 IS NULL OR (xact_id, seq) > ($3::xid8, $4::bigint))
        ORDER BY xact_id, seq
        LIMIT $5`,
      [seen, target, from?.xactId ?? null, from?.seq ?? null, limit],
    );
  }

  async moveCursor(m: EntityManager, consumer: string, to: Omit<OutboxCursor, 'now'>, at: Date): Promise<void> {
    await m.query(
      `UPDATE outbox_cursors SET seen = $2::pg_snapshot, target = $3::pg_snapshot, xact_id = $4::xid8, seq = $5::bigint, updated_at = $6 WHERE consumer = $1`,
      [consumer, to.seen, to.target, to.xactId, to.seq, at],
    );
  }
}
