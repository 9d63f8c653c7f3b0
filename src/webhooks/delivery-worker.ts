import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../clock/clock.js';
import { retryDelay } from '../common/backoff.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import type { BackgroundWorker } from '../workers/background-worker.js';
import { WorkerHost } from '../workers/worker-host.js';
import { type ClaimedDelivery, WebhookDeliveriesRepository } from './repositories/webhook-deliveries.repository.js';
import { SigningSecrets } from './signing-secrets.js';
import { signPayload } from './signing.js';
import { RefusedTargetError, WebhookTargets } from './webhook-targets.js';

const BATCH = 20;

/**
 * Posts due deliveries. A delivery is claimed (leased) in a short transaction with SKIP LOCKED, so
 * replicas share the work and each delivery goes out once per attempt; the HTTP call happens
 * outside any transaction; a crash mid-call leaves the lease to expire and the delivery is retried
 * with the same webhook-id (at-least-once). Per subscription, an event waits until every earlier
 * event of the same subject has been delivered or has failed for good.
 */
@Injectable()
export class DeliveryWorker implements OnModuleInit, BackgroundWorker {
  readonly name = 'webhook-delivery';
  private readonly settings: { maxAttempts: number; timeout: number; retryBase: number };

  constructor(
    private readonly db: Database,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly clock: Clock,
    private readonly secrets: SigningSecrets,
    private readonly workers: WorkerHost,
    private readonly targets: WebhookTargets,
    config: ConfigService<AppConfig, true>,
  ) {
    this.settings = {
      maxAttempts: config.get('webhookMaxAttempts', { infer: true }),
      timeout: config.get('webhookTimeoutMs', { infer: true }),
      retryBase: config.get('webhookRetryBaseMs', { infer: true }),
    };
  }

  onModuleInit(): void {
    this.workers.register(this);
  }

  /**
   * One pass: deliver what is due at its start (a delivery that fails now is due again only in a
   * later pass); returns how many deliveries were attempted.
   */
  async runOnce(signal?: AbortSignal): Promise<number> {
    const passStart = this.clock.now();
    let attempted = 0;
    while (!signal?.aborted) {
      // One statement: claims commit at once, before the slow HTTP calls.
      const claimed = await this.deliveries.claimDue(this.db.manager, passStart, BATCH, this.settings.timeout * 2);
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
      attempted += claimed.length;
    }
    return attempted;
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const body = JSON.stringify({
      id: delivery.event_id,
      type: delivery.type,
      time: new Date(delivery.occurred_at).toISOString(),
      subject: { type: delivery.subject_type, id: delivery.subject_id },
      data: delivery.data,
    });
    // Receivers check the timestamp against their own clock: real time, even when the service runs on a manual clock.
    const timestamp = Math.floor(Date.now() / 1000);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      statusCode = await this.targets.post(delivery.url, body, {
        headers: {
          'content-type': 'application/json',
          'user-agent': 'aimsflow-webhooks/1',
          'webhook-id': delivery.event_id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signPayload(this.secrets.open(delivery.secret), delivery.event_id, timestamp, body),
        },
        timeoutMs: this.settings.timeout,
      });
      if (statusCode < 200 || statusCode >= 300) error = `receiver answered ${statusCode}`;
    } catch (e) {
      error = e instanceof RefusedTargetError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const now = this.clock.now();
    if (!error) {
      await this.deliveries.markSucceeded(this.db.manager, delivery.id, now, statusCode);
      return;
    }
    const giveUp = delivery.attempts >= this.settings.maxAttempts;
    await this.deliveries.markAttemptFailed(
      this.db.manager,
      delivery.id,
      giveUp,
      new Date(now.getTime() + retryDelay(delivery.attempts, this.settings.retryBase)),
      statusCode,
      error,
    );
  }
}
