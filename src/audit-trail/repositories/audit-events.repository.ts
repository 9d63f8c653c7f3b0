import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';
import type { WriteStatement } from '../../database/write-statement.js';
import type { AuditEventQueryDto } from '../dto/audit-event-query.dto.js';
import { AuditEventEntity } from '../entities/audit-event.entity.js';

/** An event as the chain covers it (snake_case, as PostgreSQL returns it). */
export interface AuditEventRow {
  id: string;
  seq: string | null;
  occurred_at: Date;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
  prev_hash: string | null;
  hash: string | null;
}

export interface NewAuditEvent {
  action: string;
  subject_type: string;
  subject_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ChainLink {
  id: string;
  seq: string;
  prev: string;
  hash: string;
}

/** The only code that reads and writes `audit_events`. Rows are appended, sealed once, never changed otherwise. */
@Injectable()
export class AuditEventsRepository {
  /** Adds the events to a statement that writes the change itself. */
  appendIn(stmt: WriteStatement, occurredAt: Date, actor: string, requestId: string | null, events: NewAuditEvent[]): void {
    stmt.with(
      'audit_rows',
      `INSERT INTO audit_events (occurred_at, actor, action, subject_type, subject_id, before, after, request_id)
       SELECT ${stmt.param(occurredAt)}::timestamptz, ${stmt.param(actor)}, r.action, r.subject_type, r.subject_id, r.before, r.after, ${stmt.param(requestId)}
         FROM jsonb_to_recordset(${stmt.param(JSON.stringify(events))}) AS r(action text, subject_type text, subject_id text, before jsonb, after jsonb)`,
    );
  }

  async list(m: EntityManager, query: AuditEventQueryDto): Promise<[AuditEventEntity[], number]> {
    const qb = m.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (query.subjectType) qb.andWhere('e.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) qb.andWhere('e.subject_id = :subjectId', { subjectId: query.subjectId });
    if (query.actor) qb.andWhere('e.actor = :actor', { actor: query.actor });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurred_at < :to', { to: query.to });
    return qb.orderBy('e.id', 'DESC').take(query.limit).skip(query.offset).getManyAndCount();
  }

  /** Every event of one subject, oldest first. */
  forSubject(m: EntityManager, subjectType: string, subjectId: string): Promise<AuditEventEntity[]> {
    return m.getRepository(AuditEventEntity).find({ where: { subjectType, subjectId }, order: { id: 'ASC' } });
  }

  /** Serialises sealers across replicas until the transaction ends. */
  async lockSealer(m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.audit-sealer'))`);
  }

  /**
   * Committed events not yet sealed, of transactions older than the oldest one still in flight:
   * no event can later appear before one sealed now.
   */
  unsealed(m: EntityManager, limit: number): Promise<AuditEventRow[]> {
    return sql<AuditEventRow>(
      m,
      `SELECT id, seq, occurred_at, actor, action, subject_type, subject_id, before, after, request_id, prev_hash, hash
         FROM audit_events
        WHERE seq IS NULL AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY tx_id, id
        LIMIT $1`,
      [limit],
    );
  }

  lastSealed(m: EntityManager): Promise<{ seq: string; hash: string } | undefined> {
    return sqlOne<{ seq: string; hash: string }>(m, `SELECT seq, hash FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`);
  }

  async seal(m: EntityManager, links: ChainLink[]): Promise<void> {
    await m.query(
      `UPDATE audit_events a SET seq = v.seq, prev_hash = v.prev, hash = v.hash, sealed_at = now()
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev, hash)
        WHERE a.id = v.id`,
      [links.map((l) => l.id), links.map((l) => l.seq), links.map((l) => l.prev), links.map((l) => l.hash)],
    );
  }

  async counts(m: EntityManager): Promise<{ sealed: number; pending: number }> {
    const row = await sqlOne<{ sealed: number; pending: number }>(
      m,
      `SELECT count(seq)::int AS sealed, (count(*) - count(seq))::int AS pending FROM audit_events`,
    );
    return row ?? { sealed: 0, pending: 0 };
  }

  /** Sealed events after `afterSeq`, in chain order. */
  sealedAfter(m: EntityManager, afterSeq: string, limit: number): Promise<AuditEventRow[]> {
    return sql<AuditEventRow>(
      m,
      `SELECT id, seq, occurred_at, actor, action, subject_type, subject_id, before, after, request_id, prev_hash, hash
         FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
  }
}
