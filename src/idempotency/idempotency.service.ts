import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { DataSource, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { canonicalJson } from '../common/canonical-json.js';
import { IdempotencyError, IdempotencyErrorCode } from './idempotency.errors.js';

/** Keys are kept at least this long (24 hours), then removed by a periodic sweep. */
export const KEY_RETENTION_MS = 24 * 3600_000;
/** A first request that has not finished after this long (its process died) no longer blocks the key. */
const IN_PROGRESS_LEASE_MS = 60_000;
const WAIT_STEP_MS = 25;

export type Claim = { kind: 'new' } | { kind: 'replay'; status: number; body: unknown };

interface KeyInUse {
  scope: string;
  key: string;
  committed: boolean;
}

/**
 * Keys live through three states: `in-progress` (claimed; a crash before the change commits
 * rolls the change back, so the key may be claimed again after the lease), `committed` (written by
 * the change's own transaction, so a crash before the response is stored never runs the change
 * twice) and `completed` (the response stored for replays).
 */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap, OnApplicationShutdown, EntitySubscriberInterface {
  private sweeper?: NodeJS.Timeout;
  private readonly inUse = new AsyncLocalStorage<KeyInUse>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.dataSource.subscribers.push(this);
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), 3600_000);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  static requestHash(method: string, path: string, body: unknown): string {
    return createHash('sha256').update(`${method} ${path}\n${canonicalJson(body ?? null)}`).digest('hex');
  }

  /**
   * Claims the key for this request, or returns the first request's response. A second request
   * with the same key arriving while the first runs waits for it and then replays its response.
   */
  async claim(scope: string, key: string, requestHash: string): Promise<Claim> {
    for (;;) {
      const now = this.clock.now();
      const inserted = await this.dataSource.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at, expires_at)
         VALUES ($1, $2, $3, 'in-progress', $4, $5)
         ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
           WHERE idempotency_keys.status = 'in-progress' AND idempotency_keys.created_at < $6
         RETURNING key`,
        [scope, key, requestHash, now, new Date(now.getTime() + KEY_RETENTION_MS), new Date(now.getTime() - IN_PROGRESS_LEASE_MS)],
      );
      if (inserted.length) return { kind: 'new' };
      const [existing] = await this.dataSource.query(
        `SELECT request_hash, status, response_status, response_body, created_at FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
      if (!existing) continue; // swept or released between the two statements
      if (existing.request_hash !== requestHash) {
        throw new IdempotencyError(
          IdempotencyErrorCode.KeyReusedWithDifferentRequest,
          'This Idempotency-Key was used for a different request (method, path or body); use a new key for a new request',
        );
      }
      if (existing.status === 'completed') return { kind: 'replay', status: existing.response_status, body: existing.response_body };
      if (existing.status === 'committed' && existing.created_at < new Date(now.getTime() - IN_PROGRESS_LEASE_MS)) {
        throw new IdempotencyError(
          IdempotencyErrorCode.ResponseLost,
          'The request with this Idempotency-Key was applied, but the service stopped before it could answer: read the result (GET) instead of retrying',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }

  /** Runs the request's work with its key, so the first transaction it commits marks the key `committed`. */
  runWithKey<T>(scope: string, key: string, work: () => T): T {
    return this.inUse.run({ scope, key, committed: false }, work);
  }

  /** TypeORM calls this before every commit; only the request's own outermost transaction marks its key. */
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const inUse = this.inUse.getStore();
    if (!inUse || inUse.committed || (event.queryRunner as { transactionDepth?: number }).transactionDepth !== 1) return;
    await event.queryRunner.query(`UPDATE idempotency_keys SET status = 'committed' WHERE scope = $1 AND key = $2 AND status = 'in-progress'`, [inUse.scope, inUse.key]);
    inUse.committed = true;
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status = 'completed', response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** A request that failed before committing changed nothing (its transaction rolled back): the key is free again. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status = 'in-progress'`, [scope, key]);
  }

  async sweep(): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE expires_at < $1`, [this.clock.now()]);
  }
}
