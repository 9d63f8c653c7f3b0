import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LeasedQueue } from '../../common/leased-queue.js';
import { sql, sqlOne } from '../../database/sql.js';

export type AuditPackStatus = 'pending' | 'building' | 'done' | 'failed' | 'expired';

export interface AuditPackRow {
  id: string;
  status: AuditPackStatus;
  period_from: Date;
  period_to: Date;
  system_ids: string[];
  requested_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  files_done: number;
  files_total: number | null;
  bytes_done: string;
  size_bytes: string | null;
  sha256: string | null;
  error: string | null;
  expired_at: Date | null;
}

/** A pack claimed by a worker; `attempt` identifies the claim in every later write. */
export interface ClaimedAuditPack {
  id: string;
  attempt: number;
  status: 'building' | 'failed';
  period_from: Date;
  period_to: Date;
  system_ids: string[];
}

const COLUMNS = `id, status, period_from, period_to, system_ids, requested_by, created_at, started_at, finished_at, files_done, files_total,
  bytes_done::text AS bytes_done, size_bytes::text AS size_bytes, sha256, error, expired_at`;

/** The build queue: SKIP LOCKED under a lease in database time; every write of a claimed pack names its claim. */
const QUEUE = new LeasedQueue({
  table: 'audit_packs',
  pending: 'pending',
  leased: 'building',
  order: 'q.created_at, q.id',
  job: {
    lost: { what: 'its build was lost', why: 'the replica building it stopped' },
    restart: { files_done: '0', bytes_done: '0' },
    columns: ['period_from', 'period_to', 'system_ids'],
  },
});

/** The only code that reads and writes `audit_packs`. */
@Injectable()
export class AuditPacksRepository {
  async insert(m: EntityManager, pack: { id: string; from: Date; to: Date; systemIds: string[]; requestedBy: string; createdAt: Date }): Promise<AuditPackRow> {
    const row = await sqlOne<AuditPackRow>(
      m,
      `INSERT INTO audit_packs (id, status, period_from, period_to, system_ids, requested_by, created_at)
       VALUES ($1, 'pending', $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [pack.id, pack.from, pack.to, pack.systemIds, pack.requestedBy, pack.createdAt],
    );
    return row!;
  }

  find(m: EntityManager, id: string): Promise<AuditPackRow | undefined> {
    return sqlOne<AuditPackRow>(m, `SELECT ${COLUMNS} FROM audit_packs WHERE id = $1`, [id]);
  }

  /** Newest first. */
  async list(m: EntityManager, status: string | undefined, limit: number, offset: number): Promise<[AuditPackRow[], number]> {
    const where = `WHERE ($1::text IS NULL OR status = $1)`;
    const rows = await sql<AuditPackRow>(m, `SELECT ${COLUMNS} FROM audit_packs ${where} ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`, [
      status ?? null,
      limit,
      offset,
    ]);
    const count = await sqlOne<{ n: number }>(m, `SELECT count(*)::int AS n FROM audit_packs ${where}`, [status ?? null]);
    return [rows, count!.n];
  }

  /** Claims the oldest pending pack, or one building under a lease that ran out; one lost `maxAttempts` times is failed instead. */
  claim(m: EntityManager, startedAt: Date, leaseMs: number, maxAttempts: number): Promise<ClaimedAuditPack | undefined> {
    return QUEUE.claimNext<ClaimedAuditPack>(m, { startedAt, leaseMs, maxAttempts });
  }

  /** Progress, which also renews the lease; false when the claim is no longer this one. */
  progress(m: EntityManager, claim: ClaimedAuditPack, filesDone: number, filesTotal: number, bytesDone: number, leaseMs: number): Promise<boolean> {
    return QUEUE.renew(m, claim, leaseMs, { files_done: filesDone, files_total: filesTotal, bytes_done: bytesDone });
  }

  complete(m: EntityManager, claim: ClaimedAuditPack, files: number, sizeBytes: number, sha256: string, at: Date): Promise<void> {
    return QUEUE.finish(m, claim, 'done', { files_done: files, files_total: files, bytes_done: sizeBytes, size_bytes: sizeBytes, sha256, finished_at: at });
  }

  fail(m: EntityManager, claim: ClaimedAuditPack, error: string, at: Date): Promise<void> {
    return QUEUE.finish(m, claim, 'failed', { error, finished_at: at });
  }

  /** Gives a build back (the service is stopping), for any replica to start again. */
  release(m: EntityManager, claim: ClaimedAuditPack): Promise<void> {
    return QUEUE.release(m, claim);
  }

  /** Marks up to `limit` packs finished by `cutoff` expired (oldest first); returns their ids, for their chunks to be deleted. */
  async expire(m: EntityManager, cutoff: Date, at: Date, limit: number): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      m,
      `WITH due AS (
         SELECT id FROM audit_packs WHERE status = 'done' AND finished_at <= $1 ORDER BY finished_at, id LIMIT $3 FOR UPDATE SKIP LOCKED),
       expired AS (
         UPDATE audit_packs p SET status = 'expired', expired_at = $2 FROM due WHERE p.id = due.id RETURNING p.id)
       SELECT id FROM expired`,
      [cutoff, at, limit],
    );
    return rows.map((r) => r.id);
  }
}
