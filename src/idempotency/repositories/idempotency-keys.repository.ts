import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';

export interface StoredKey {
  request_hash: string;
  status: 'in-progress' | 'committed' | 'completed';
  response_status: number | null;
  response_body: unknown;
  created_at: Date;
}

/** The only code that reads and writes `idempotency_keys`. */
@Injectable()
export class IdempotencyKeysRepository {
  /**
   * Claims the key: a new row, or the row of a first request that has not finished since
   * `staleBefore` (its process died before its change committed). False when someone else holds it.
   */
  async claim(m: EntityManager, scope: string, key: string, requestHash: string, now: Date, expiresAt: Date, staleBefore: Date): Promise<boolean> {
    const rows = await sql(
      m,
      `INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at, expires_at)
       VALUES ($1, $2, $3, 'in-progress', $4, $5)
       ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
         WHERE idempotency_keys.status = 'in-progress' AND idempotency_keys.created_at < $6
       RETURNING key`,
      [scope, key, requestHash, now, expiresAt, staleBefore],
    );
    return rows.length > 0;
  }

  find(m: EntityManager, scope: string, key: string): Promise<StoredKey | undefined> {
    return sqlOne<StoredKey>(m, `SELECT request_hash, status, response_status, response_body, created_at FROM idempotency_keys WHERE scope = $1 AND key = $2`, [
      scope,
      key,
    ]);
  }

  /** In the request's own transaction, just before it commits. */
  async markCommitted(m: EntityManager, scope: string, key: string): Promise<void> {
    await m.query(`UPDATE idempotency_keys SET status = 'committed' WHERE scope = $1 AND key = $2 AND status = 'in-progress'`, [scope, key]);
  }

  async complete(m: EntityManager, scope: string, key: string, status: number, body: unknown): Promise<void> {
    await m.query(`UPDATE idempotency_keys SET status = 'completed', response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2`, [
      scope,
      key,
      status,
      JSON.stringify(body ?? null),
    ]);
  }

  async release(m: EntityManager, scope: string, key: string): Promise<void> {
    await m.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status = 'in-progress'`, [scope, key]);
  }

  /** Removes keys past their retention; returns how many. */
  async deleteExpired(m: EntityManager, now: Date): Promise<number> {
    return (await sql(m, `DELETE FROM idempotency_keys WHERE expires_at < $1 RETURNING 1`, [now])).length;
  }
}
