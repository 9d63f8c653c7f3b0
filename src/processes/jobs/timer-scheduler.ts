import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { AppConfig } from '../../config/app-config.js';
import { JobRunner } from './job-runner.service.js';

const INTERVAL_NAME = 'aimsflow.process-jobs';

/**
 * Polls for due jobs (timers, retries) every AIMSFLOW_TIMER_POLL_INTERVAL_MS. Off with a manual
 * clock: there, time and therefore firing move only with POST /clock/advance.
 */
@Injectable()
export class TimerScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TimerScheduler.name);
  private running?: Promise<unknown>;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly jobs: JobRunner,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.get('timerPollIntervalMs', { infer: true });
    if (interval === 0 || this.config.get('clock', { infer: true }) === 'manual') return;
    const timer = setInterval(() => this.tick(), interval);
    timer.unref();
    this.registry.addInterval(INTERVAL_NAME, timer);
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.jobs
      .runDue()
      .catch((error: unknown) => this.logger.warn(`firing due jobs failed, will retry: ${String(error)}`))
      .finally(() => (this.running = undefined));
  }

  /** Before the data source closes, so a pass in progress finishes rather than losing its connection. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', INTERVAL_NAME)) this.registry.deleteInterval(INTERVAL_NAME);
    await this.running;
  }
}
