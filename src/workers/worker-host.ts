import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { AppConfig } from '../config/app-config.js';
import { type BackgroundWorker, WORKER_INTERVALS, type WorkerName } from './background-worker.js';

interface Registered {
  worker: BackgroundWorker;
  timer?: NodeJS.Timeout;
  /** The pass in flight: at most one per worker in this process. */
  running?: Promise<number>;
}

/**
 * Runs every background worker: workers register in `onModuleInit`; from application bootstrap (rule
 * sets and processes are synced by then) each runs on its interval, one pass at a time; at shutdown,
 * before the data source closes, timers stop, passes in flight are told to stop and are awaited.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHost.name);
  private readonly workers = new Map<WorkerName, Registered>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  register(worker: BackgroundWorker): void {
    if (this.workers.has(worker.name)) throw new Error(`background worker ${worker.name} is registered twice`);
    this.workers.set(worker.name, { worker });
  }

  onApplicationBootstrap(): void {
    const setting = <K extends keyof AppConfig>(key: K): AppConfig[K] => this.config.get(key, { infer: true });
    const settings = {
      auditSealIntervalMs: setting('auditSealIntervalMs'),
      clock: setting('clock'),
      timerPollIntervalMs: setting('timerPollIntervalMs'),
      modelEventPollIntervalMs: setting('modelEventPollIntervalMs'),
      webhookPollIntervalMs: setting('webhookPollIntervalMs'),
      idempotencySweepIntervalMs: setting('idempotencySweepIntervalMs'),
    };
    for (const [name, entry] of this.workers) {
      const interval = WORKER_INTERVALS[name](settings);
      if (interval === 0) continue;
      entry.timer = setInterval(
        () => void this.run(name).catch((error: unknown) => this.logger.warn(`${name} pass failed, will run again: ${String(error)}`)),
        interval,
      );
      entry.timer.unref();
      this.scheduler.addInterval(`aimsflow.${name}`, entry.timer);
    }
  }

  /** One pass of a worker now, or the pass already in flight. */
  run(name: WorkerName): Promise<number> {
    const entry = this.workers.get(name);
    if (!entry) throw new Error(`no background worker ${name}`);
    if (!entry.running) {
      entry.running = entry.worker.runOnce(this.stopping.signal).finally(() => (entry.running = undefined));
    }
    return entry.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    for (const [name, entry] of this.workers) if (entry.timer) this.scheduler.deleteInterval(`aimsflow.${name}`);
    await Promise.allSettled([...this.workers.values()].map((entry) => entry.running));
  }
}
