import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, type EntityManager, type EntitySubscriberInterface } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { isRetryableDatabaseError } from './database-errors.js';

/**
 * The one way services reach PostgreSQL: `transaction` runs a unit of work in one transaction and
 * runs it again (a bounded number of times, after a short jittered pause) when PostgreSQL reports a
 * deadlock, a serialization failure or a lock timeout. What retries do not resolve reaches the
 * problem filter, which answers 503 with Retry-After. `manager` serves reads outside a transaction.
 */
@Injectable()
export class Database {
  private readonly logger = new Logger(Database.name);
  private readonly attempts: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    this.attempts = config.get('dbRetryAttempts', { infer: true });
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** `work` must be safe to run again: everything it read or wrote in an attempt that failed is gone. */
  async transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= this.attempts || !isRetryableDatabaseError(error)) throw error;
        this.logger.debug(
          `transaction attempt ${attempt} hit a transient conflict, running it again: ${error instanceof Error ? error.message : String(error)}`,
        );
        await sleep(Math.round(5 * 2 ** attempt * (0.5 + Math.random())));
      }
    }
  }

  /**
   * One attempt only, for work that cannot run twice (it consumes a request stream): a transient
   * conflict is not retried here but answered 503 with Retry-After, for the client to send again.
   */
  transactionOnce<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Hears of every transaction's commit (TypeORM's subscriber hooks), e.g. to mark work done by it. */
  subscribe(subscriber: EntitySubscriberInterface): void {
    this.dataSource.subscribers.push(subscriber);
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
