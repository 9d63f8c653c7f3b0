import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { SigningSecrets } from './signing-secrets.js';
import { signPayload } from './signing.js';

const BATCH = 20;
const MAX_BACKOFF_MS = 3_600_000;

interface ClaimedDelivery {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  event_id: string;
  type: string;
  subject_type: string;
  subject_id: string;
  data: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * Posts due deliveries. A delivery is claimed (leased) in a short transaction with SKIP LOCKED, so
 * replicas share the work and each delivery goes out once per attempt; the HTTP call happens
 * outside any transaction; a crash mid-call leaves the lease to expire and the delivery is retried
 * with the same webhook-id (at-least-once). Per subscription, an event waits until every earlier
 * event of the same subject has been delivered or has failed for good.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private readonly settings: { interval: number; maxAttempts: number; timeout: number; retryBase: number };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly secrets: SigningSecrets,
    config: ConfigService<AppConfig, true>,
  ) {
    this.settings = {
      interval: config.get('webhookPollIntervalMs', { infer: true }),
      maxAttempts: config.get('webhookMaxAttempts', { infer: true }),
      timeout: config.get('webhookTimeoutMs', { infer: true }),
      retryBase: config.get('webhookRetryBaseMs', { infer: true }),
    };
  }

  onApplicationBootstrap(): void {
    if (this.settings.interval === 0) return;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.runOnce().catch((e: unknown) => this.logger.warn(`webhook delivery pass failed: ${String(e)}`)).finally(() => (this.running = undefined));
    }, this.settings.interval);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * One pass: deliver what is due at its start (a delivery that fails now is due again only in a
   * later pass); returns how many deliveries were attempted.
   */
  async runOnce(): Promise<number> {
    const passStart = this.clock.now();
    let attempted = 0;
    for (;;) {
      const claimed = await this.claim(passStart);
      if (claimed.length === 0) return attempted;
      await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
      attempted += claimed.length;
    }
  }

  private async claim(now: Date): Promise<ClaimedDelivery[]> {
    return this.dataSource.query(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d
          WHERE d.status IN ('pending', 'delivering') AND d.next_attempt_at <= $1
            AND (d.status = 'pending' OR d.lease_until < $1)
            AND NOT EXISTS (
              SELECT 1 FROM webhook_deliveries e
               WHERE e.subscription_id = d.subscription_id AND e.ordering_key = d.ordering_key
                 AND e.event_seq < d.event_seq AND e.status IN ('pending', 'delivering'))
          ORDER BY d.next_attempt_at, d.event_seq
          LIMIT $2
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE webhook_deliveries d SET status = 'delivering', attempts = d.attempts + 1, lease_until = $1::timestamptz + ($3 || ' milliseconds')::interval
           FROM due WHERE d.id = due.id
         RETURNING d.id, d.attempts, d.subscription_id, d.event_id)
       SELECT c.id, c.attempts, s.url, s.secret, e.id AS event_id, e.type, e.subject_type, e.subject_id, e.data, e.occurred_at
         FROM claimed c JOIN webhook_subscriptions s ON s.id = c.subscription_id JOIN outbox_events e ON e.id = c.event_id`,
      [now, BATCH, String(this.settings.timeout * 2)],
    );
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const body = JSON.stringify({
      id: delivery.event_id,
      type: delivery.type,
      time: new Date(delivery.occurred_at).toISOString(),
      subject: { type: delivery.subject_type, id: delivery.subject_id },
      data: delivery.data,
    });
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'aimsflow-webhooks/1',
          'webhook-id': delivery.event_id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signPayload(this.secrets.open(delivery.secret), delivery.event_id, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeout),
      });
      statusCode = res.status;
      await res.body?.cancel();
      if (res.status < 200 || res.status >= 300) error = `receiver answered ${res.status}`;
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const now = this.clock.now();
    if (!error) {
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = 'succeeded', delivered_at = $2, last_status_code = $3, last_error = NULL, lease_until = NULL WHERE id = $1`,
        [delivery.id, now, statusCode],
      );
      return;
    }
    const giveUp = delivery.attempts >= this.settings.maxAttempts;
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = $2, next_attempt_at = $3, last_status_code = $4, last_error = $5, lease_until = NULL WHERE id = $1`,
      [delivery.id, giveUp ? 'failed' : 'pending', new Date(now.getTime() + this.backoff(delivery.attempts)), statusCode, error],
    );
  }

  /** Exponential backoff with full jitter in its upper half, capped at one hour. */
  private backoff(attempts: number): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, this.settings.retryBase * 2 ** (attempts - 1));
    return Math.max(1, Math.round(ceiling / 2 + Math.random() * (ceiling / 2)));
  }
}
