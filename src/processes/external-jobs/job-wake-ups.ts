import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../config/app-config.js';
import { NotificationListener } from '../../database/notification-listener.js';
import { EXTERNAL_JOBS_CHANNEL } from '../repositories/process-external-jobs.repository.js';

/** A registered wait for jobs of one type: `wait` resolves on a wake-up or after `ms`, whichever comes first. */
export interface WakeUp {
  wait(ms: number): Promise<void>;
  cancel(): void;
}

/**
 * Wakes long-polling job activations when a step on any replica opens jobs of their type: steps
 * NOTIFY a channel at commit and this replica LISTENs on one dedicated connection, so a waiting
 * request holds no pooled connection and does not poll. Without the listener (lost connection) a
 * wait simply runs to its bound and the activation looks again.
 */
@Injectable()
export class JobWakeUps implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(JobWakeUps.name);
  private readonly waiting = new Map<string, Set<() => void>>();
  private readonly listener?: NotificationListener;

  constructor(config: ConfigService<AppConfig, true>) {
    const databaseUrl = config.get('databaseUrl', { infer: true });
    if (databaseUrl) {
      this.listener = new NotificationListener(databaseUrl, EXTERNAL_JOBS_CHANNEL, {
        message: (type) => this.wake(type),
        listening: () => undefined,
        lost: (error) =>
          this.logger.warn(`job activations wait for their request timeout until the listener reconnects${error instanceof Error ? `: ${error.message}` : ''}`),
      });
    }
  }

  async onModuleInit(): Promise<void> {
    await this.listener?.start();
  }

  async onModuleDestroy(): Promise<void> {
    for (const wakers of this.waiting.values()) for (const wake of wakers) wake();
    await this.listener?.stop();
  }

  /** Registers before the activation looks, so a job committed between the look and the wait is not missed. */
  register(type: string): WakeUp {
    let woken = false;
    let resolve: (() => void) | undefined;
    const wake = (): void => {
      woken = true;
      resolve?.();
    };
    const wakers = this.waiting.get(type) ?? new Set<() => void>();
    wakers.add(wake);
    this.waiting.set(type, wakers);
    const cancel = (): void => {
      wakers.delete(wake);
      if (!wakers.size && this.waiting.get(type) === wakers) this.waiting.delete(type);
    };
    return {
      cancel,
      wait: (ms) =>
        new Promise<void>((done) => {
          if (woken) return done();
          const timer = setTimeout(() => done(), ms);
          resolve = () => {
            clearTimeout(timer);
            done();
          };
        }),
    };
  }

  private wake(type: string): void {
    for (const wake of this.waiting.get(type) ?? []) wake();
  }
}
