import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../clock/clock.js';
import { retryDelay } from '../common/backoff.js';
import { type ChatTarget, PeopleDirectory } from '../common/people-directory.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import type { BackgroundWorker } from '../workers/background-worker.js';
import { WorkerHost } from '../workers/worker-host.js';
import { mailOf } from './messages.js';
import type { DeliveryTarget } from './entities/notification-delivery.entity.js';
import { type ClaimedNotification, NotificationDeliveriesRepository } from './repositories/notification-deliveries.repository.js';
import { ChatSender, MailSender } from './senders.js';

const BATCH = 25;
const DAY_MS = 86_400_000;

/** The latest digest time (AIMSFLOW_NOTIFY_DIGEST_HOUR, UTC) at or before `now`. */
export function digestCut(now: Date, hour: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour);
  return new Date(today <= now.getTime() ? today : today - DAY_MS);
}

/**
 * Sends due e-mail and chat notifications: claimed with a lease in one short statement, sent
 * outside any transaction, marked delivered or due again with backoff (failed once the attempts
 * are used up). A replica that dies mid-send leaves the lease to expire and the delivery is sent
 * again (at least once). Each pass first gathers what waited for the daily digest.
 */
@Injectable()
export class NotificationDeliveryWorker implements OnModuleInit, BackgroundWorker {
  readonly name = 'notification-delivery';
  private readonly settings: { maxAttempts: number; retryBase: number; timeout: number; digestHour: number };

  constructor(
    private readonly db: Database,
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly mail: MailSender,
    private readonly chat: ChatSender,
    private readonly people: PeopleDirectory,
    private readonly clock: Clock,
    private readonly workers: WorkerHost,
    config: ConfigService<AppConfig, true>,
  ) {
    this.settings = {
      maxAttempts: config.get('notifyMaxAttempts', { infer: true }),
      retryBase: config.get('notifyRetryBaseMs', { infer: true }),
      timeout: config.get('notifyTimeoutMs', { infer: true }),
      digestHour: config.get('notifyDigestHour', { infer: true }),
    };
  }

  onModuleInit(): void {
    this.workers.register(this);
  }

  /** One pass: the digest, then what is due at its start; returns how many deliveries were attempted. */
  async runOnce(signal?: AbortSignal): Promise<number> {
    const passStart = this.clock.now();
    await this.db.transaction((m) => this.deliveries.batchDigests(m, digestCut(passStart, this.settings.digestHour), passStart));
    let attempted = 0;
    while (!signal?.aborted) {
      const claimed = await this.deliveries.claimDue(this.db.manager, passStart, BATCH, this.settings.timeout * 2);
      if (claimed.length === 0) break;
      const chatTargets = await this.currentChatTargets(claimed);
      await Promise.all(claimed.map((delivery) => this.send(delivery, chatTargets)));
      attempted += claimed.length;
    }
    return attempted;
  }

  /**
   * Chat goes to the person's chat target as it is now, not as it was when the delivery was made:
   * a retry after someone fixed a broken webhook URL reaches the new one.
   */
  private async currentChatTargets(claimed: ClaimedNotification[]): Promise<Map<string, ChatTarget | null>> {
    const ids = claimed.filter((d) => d.channel === 'chat').map((d) => d.person_id);
    if (!ids.length) return new Map();
    const settings = await this.people.notificationSettingsOf(ids);
    return new Map(ids.map((id) => [id, settings.get(id)?.chat ?? null]));
  }

  private async send(delivery: ClaimedNotification, chatTargets: Map<string, ChatTarget | null>): Promise<void> {
    let error: string | undefined;
    const target: DeliveryTarget = delivery.channel === 'chat' ? (chatTargets.get(delivery.person_id) ?? { missing: 'chat' }) : delivery.target;
    try {
      if (delivery.channel === 'email' && 'email' in target && target.email) await this.mail.send(target.email, mailOf(delivery.message));
      else if (delivery.channel === 'chat' && 'url' in target) await this.chat.send(target, delivery.message);
      else throw new Error(delivery.channel === 'chat' ? 'no chat target in the notification settings' : `no ${delivery.channel} target`);
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const now = this.clock.now();
    if (!error) return this.deliveries.markDelivered(this.db.manager, delivery.id, now, target);
    const giveUp = delivery.attempts >= this.settings.maxAttempts;
    await this.deliveries.markAttemptFailed(
      this.db.manager,
      delivery.id,
      giveUp,
      new Date(now.getTime() + retryDelay(delivery.attempts, this.settings.retryBase)),
      error,
      target,
    );
  }
}
