import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { AuditTrailService } from './audit-trail.service.js';

/** Seals audit events into the hash chain in the background (see AuditTrailService.sealPending). */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly audit: AuditTrailService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.get('auditSealIntervalMs', { infer: true });
    this.timer = setInterval(() => this.tick(), interval);
    this.timer.unref();
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.audit
      .sealPending()
      .catch((error: unknown) => this.logger.warn(`audit sealing failed, will retry: ${String(error)}`))
      .finally(() => (this.running = undefined));
  }

  /** Before the data source closes, so a pass in progress finishes rather than losing its connection. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
