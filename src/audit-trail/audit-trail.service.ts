import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { WriteStatement } from '../database/write-statement.js';
import { type Page, page } from '../common/pagination.js';
import type { Actor } from '../auth/roles.js';
import { AuditEventEntity } from './entities/audit-event.entity.js';
import { chainHash, GENESIS_HASH } from './audit-chain.js';
import type { AuditEventQueryDto } from './dto/audit-event-query.dto.js';

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface VerifyResult {
  valid: boolean;
  /** Sealed events whose hash and link were recomputed. */
  checked: number;
  sealed: number;
  /** Events committed but not yet sealed into the chain (sealing runs in the background). */
  pending: number;
  firstBrokenId?: string;
  reason?: string;
}

const VERIFY_BATCH = 5000;

@Injectable()
export class AuditTrailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Appends an event inside the caller's transaction: it commits or rolls back with the change. */
  async append(manager: EntityManager, actor: Actor, record: AuditRecord): Promise<void> {
    const stmt = new WriteStatement();
    this.appendIn(stmt, actor, [record]);
    await stmt.run(manager);
  }

  /** Adds the events to a statement that writes the change itself, saving a round trip per event. */
  appendIn(stmt: WriteStatement, actor: Actor, records: AuditRecord[]): void {
    if (!records.length) return;
    const rows = records.map((record) => ({
      action: record.action,
      subject_type: record.subjectType,
      subject_id: record.subjectId,
      before: record.before ?? null,
      after: record.after ?? null,
    }));
    stmt.with(
      'audit_rows',
      `INSERT INTO audit_events (occurred_at, actor, action, subject_type, subject_id, before, after, request_id)
       SELECT ${stmt.param(this.clock.now())}::timestamptz, ${stmt.param(actor.subject)}, r.action, r.subject_type, r.subject_id, r.before, r.after, ${stmt.param(actor.requestId ?? null)}
         FROM jsonb_to_recordset(${stmt.param(JSON.stringify(rows))}) AS r(action text, subject_type text, subject_id text, before jsonb, after jsonb)`,
    );
  }

  async list(query: AuditEventQueryDto): Promise<Page<AuditEventEntity>> {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (query.subjectType) qb.andWhere('e.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) qb.andWhere('e.subject_id = :subjectId', { subjectId: query.subjectId });
    if (query.actor) qb.andWhere('e.actor = :actor', { actor: query.actor });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurred_at < :to', { to: query.to });
    const [items, total] = await qb.orderBy('e.id', 'DESC').take(query.limit).skip(query.offset).getManyAndCount();
    return page(items, total, query);
  }

  /**
   * Gives committed events their place in the chain. Only events of transactions older than the
   * oldest one still in flight are sealed, so no event can later appear before a sealed one.
   * One sealer at a time across replicas (advisory lock); returns how many events this call sealed.
   */
  async sealPending(batchSize = 1000): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await this.dataSource.transaction(async (m) => {
        // Waits for a pass running elsewhere (another replica) instead of skipping: when this
        // returns, everything committed before the call is sealed.
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.audit-sealer'))`);
        const rows: Array<Record<string, unknown>> = await m.query(
          `SELECT id, occurred_at, actor, action, subject_type, subject_id, before, after, request_id
             FROM audit_events
            WHERE seq IS NULL AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY tx_id, id
            LIMIT $1`,
          [batchSize],
        );
        if (rows.length === 0) return 0;
        const [last] = await m.query(`SELECT seq, hash FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`);
        let seq = BigInt(last?.seq ?? 0);
        let previous: string = last?.hash ?? GENESIS_HASH;
        const ids: string[] = [];
        const seqs: string[] = [];
        const prevs: string[] = [];
        const hashes: string[] = [];
        for (const row of rows) {
          seq += 1n;
          const hash = chainHash(previous, toChained(row, seq.toString()));
          ids.push(String(row.id));
          seqs.push(seq.toString());
          prevs.push(previous);
          hashes.push(hash);
          previous = hash;
        }
        await m.query(
          `UPDATE audit_events a SET seq = v.seq, prev_hash = v.prev, hash = v.hash, sealed_at = now()
             FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev, hash)
            WHERE a.id = v.id`,
          [ids, seqs, prevs, hashes],
        );
        return rows.length;
      });
      total += sealed;
      if (sealed < batchSize) return total;
    }
  }

  /** Recomputes every sealed event's hash and link, in chain order. */
  async verify(): Promise<VerifyResult> {
    const [{ sealed, pending }] = await this.dataSource.query(
      `SELECT count(seq)::int AS sealed, (count(*) - count(seq))::int AS pending FROM audit_events`,
    );
    let previous = GENESIS_HASH;
    let checked = 0;
    let afterSeq = '0';
    for (;;) {
      const rows: Array<Record<string, unknown>> = await this.dataSource.query(
        `SELECT id, seq, occurred_at, actor, action, subject_type, subject_id, before, after, request_id, prev_hash, hash
           FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [afterSeq, VERIFY_BATCH],
      );
      for (const row of rows) {
        const id = String(row.id);
        if (row.prev_hash !== previous) {
          return { valid: false, checked, sealed, pending, firstBrokenId: id, reason: 'link to the previous event does not match' };
        }
        if (chainHash(previous, toChained(row, String(row.seq))) !== row.hash) {
          return { valid: false, checked, sealed, pending, firstBrokenId: id, reason: 'content does not match its hash' };
        }
        previous = row.hash as string;
        checked++;
      }
      if (rows.length < VERIFY_BATCH) return { valid: true, checked, sealed, pending };
      afterSeq = String(rows[rows.length - 1].seq);
    }
  }
}

function toChained(row: Record<string, unknown>, seq: string) {
  return {
    id: String(row.id),
    seq,
    occurredAt: row.occurred_at as Date,
    actor: row.actor as string,
    action: row.action as string,
    subjectType: row.subject_type as string,
    subjectId: row.subject_id as string,
    before: row.before,
    after: row.after,
    requestId: (row.request_id as string | null) ?? null,
  };
}
