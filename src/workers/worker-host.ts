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
  /** The pass asked for while one was in flight: it starts when that one ends. */
  queued?: Promise<number>;
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
      simulationPollIntervalMs: setting('simulationPollIntervalMs'),
      notifyPollIntervalMs: setting('notifyPollIntervalMs'),
      auditPackPollIntervalMs: setting('auditPackPollIntervalMs'),
      sessionSweepIntervalMs: setting('sessionSweepIntervalMs'),
    };
    for (const [name, entry] of this.workers) {
      const interval = WORKER_INTERVALS[name](settings);
      if (interval === 0) continue;
      entry.timer = setInterval(
        () => void this.tick(entry).catch((error: unknown) => this.logger.warn(`${name} pass failed, will run again: ${String(error)}`)),
        interval,
      );
      entry.timer.unref();
      this.scheduler.addInterval(`aimsflow.${name}`, entry.timer);
    }
  }

  /**
   * A pass of a worker that starts no earlier than now, for a caller that has just stored work for
   * it: the pass in flight may have looked before that work was committed, so the new pass is
   * queued behind it (one queued pass at most; callers share it). Not after shutdown began.
   */
  run(name: WorkerName): Promise<number> {
    const entry = this.workers.get(name);
    if (!entry) throw new Error(`no background worker ${name}`);
    if (this.stopping.signal.aborted) return Promise.resolve(0);
    if (entry.queued) return entry.queued;
    if (!entry.running) return this.start(entry);
    entry.queued = entry.running
      .catch(() => 0)
      .then(() => {
        entry.queued = undefined;
        return this.stopping.signal.aborted ? 0 : this.start(entry);
      });
    return entry.queued;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    for (const [name, entry] of this.workers) if (entry.timer) this.scheduler.deleteInterval(`aimsflow.${name}`);
    await Promise.allSettled([...this.workers.values()].flatMap((entry) => [entry.running, entry.queued]));
  }

  /** The interval's pass: none while one is in flight or queued (the next tick comes soon enough). */
  private async tick(entry: Registered): Promise<number> {
    return entry.running || entry.queued ? 0 : this.start(entry);
  }

  private start(entry: Registered): Promise<number> {
    const running = entry.worker.runOnce(this.stopping.signal).finally(() => {
      if (entry.running === running) entry.running = undefined;
    });
    entry.running = running;
    return running;
  }
}
