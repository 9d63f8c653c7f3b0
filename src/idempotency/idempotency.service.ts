import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { canonicalJson } from '../common/canonical-json.js';
import { Database } from '../database/database.js';
import type { BackgroundWorker } from '../workers/background-worker.js';
import { WorkerHost } from '../workers/worker-host.js';
import { IdempotencyError, IdempotencyErrorCode } from './idempotency.errors.js';
import { IdempotencyKeysRepository } from './repositories/idempotency-keys.repository.js';

/** Keys are kept at least this long (24 hours), then removed by the `idempotency-sweep` worker. */
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
export class IdempotencyService implements OnModuleInit, OnApplicationBootstrap, BackgroundWorker, EntitySubscriberInterface {
  readonly name = 'idempotency-sweep';
  private readonly inUse = new AsyncLocalStorage<KeyInUse>();

  constructor(
    private readonly db: Database,
    private readonly keys: IdempotencyKeysRepository,
    private readonly clock: Clock,
    private readonly workers: WorkerHost,
  ) {}

  onModuleInit(): void {
    this.workers.register(this);
  }

  onApplicationBootstrap(): void {
    this.db.subscribe(this);
  }

  static requestHash(method: string, path: string, body: unknown): string {
    return createHash('sha256')
      .update(`${method} ${path}\n${canonicalJson(body ?? null)}`)
      .digest('hex');
  }

  /**
   * Claims the key for this request, or returns the first request's response. A second request
   * with the same key arriving while the first runs waits for it and then replays its response.
   */
  async claim(scope: string, key: string, requestHash: string): Promise<Claim> {
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.keys.claim(
        this.db.manager,
        scope,
        key,
        requestHash,
        now,
        new Date(now.getTime() + KEY_RETENTION_MS),
        new Date(now.getTime() - IN_PROGRESS_LEASE_MS),
      );
      if (claimed) return { kind: 'new' };
      const existing = await this.keys.find(this.db.manager, scope, key);
      if (!existing) continue; // swept or released between the two statements
      if (existing.request_hash !== requestHash) {
        throw new IdempotencyError(
          IdempotencyErrorCode.KeyReusedWithDifferentRequest,
          'This Idempotency-Key was used for a different request (method, path or body); use a new key for a new request',
        );
      }
      if (existing.status === 'completed') return { kind: 'replay', status: existing.response_status as number, body: existing.response_body };
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
    await this.keys.markCommitted(event.queryRunner.manager, inUse.scope, inUse.key);
    inUse.committed = true;
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.keys.complete(this.db.manager, scope, key, status, body);
  }

  /** A request that failed before committing changed nothing (its transaction rolled back): the key is free again. */
  async release(scope: string, key: string): Promise<void> {
    await this.keys.release(this.db.manager, scope, key);
  }

  /** The sweep: removes keys past their retention. */
  runOnce(): Promise<number> {
    return this.keys.deleteExpired(this.db.manager, this.clock.now());
  }
}
