import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import type { BackgroundWorker } from '../workers/background-worker.js';
import { WorkerHost } from '../workers/worker-host.js';
import { EvidenceExpiryNoticesRepository } from './repositories/evidence-expiry-notices.repository.js';

const BATCH = 200;
const DAY_MS = 86_400_000;

/**
 * Announces current evidence whose valid-until comes within AIMSFLOW_EVIDENCE_EXPIRY_NOTICE_DAYS
 * (`evidence.expiring`) and that has passed it (`evidence.expired`), once each: the notice row and
 * the outbox event commit together. A superseded item is not announced (its successor counts).
 */
@Injectable()
export class EvidenceExpiryWorker implements OnModuleInit, BackgroundWorker {
  readonly name = 'evidence-expiry';
  private readonly windowMs: number;

  constructor(
    private readonly db: Database,
    private readonly notices: EvidenceExpiryNoticesRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly workers: WorkerHost,
    config: ConfigService<AppConfig, true>,
  ) {
    this.windowMs = config.get('evidenceExpiryNoticeDays', { infer: true }) * DAY_MS;
  }

  onModuleInit(): void {
    this.workers.register(this);
  }

  async runOnce(signal?: AbortSignal): Promise<number> {
    let announced = 0;
    // Expired first: an item found already expired is not also announced as expiring.
    for (const which of ['expired', 'expiring'] as const) {
      while (!signal?.aborted) {
        const now = this.clock.now();
        const batch = await this.db.transaction(async (m) => {
          const items = await this.notices.announce(m, which, now, new Date(now.getTime() + this.windowMs), BATCH);
          for (const item of items) {
            await this.outbox.publish(m, {
              type: `evidence.${which}`,
              subject: { type: 'evidence', id: item.id },
              data: { ...item, validUntil: new Date(item.validUntil).toISOString() },
            });
          }
          return items.length;
        });
        announced += batch;
        if (batch < BATCH) break;
      }
    }
    return announced;
  }
}
