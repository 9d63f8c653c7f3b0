import { Injectable } from '@nestjs/common';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { type Page, page, type PageQueryDto } from '../common/pagination.js';
import { Database } from '../database/database.js';
import {
  type CreatedWebhookSubscriptionDto,
  type EventTypeDto,
  toEventTypeDtos,
  toWebhookDeliveryDto,
  toWebhookDeliveryEntryDto,
  toWebhookSubscriptionDto,
  type WebhookDeliveryDto,
  type WebhookDeliveryEntryDto,
  type WebhookSubscriptionDto,
} from './dto/webhook-responses.dto.js';
import type { CreateSubscriptionDto, DeliveryQueryDto } from './dto/webhooks.dto.js';
import type { DeliveryStatus } from './entities/webhook-delivery.entity.js';
import type { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity.js';
import { isValidPattern } from './event-types.js';
import { WebhookDeliveriesRepository } from './repositories/webhook-deliveries.repository.js';
import { WebhookSubscriptionsRepository } from './repositories/webhook-subscriptions.repository.js';
import { SigningSecrets } from './signing-secrets.js';
import { generateSigningSecret } from './signing.js';
import { WebhookError, WebhookErrorCode } from './webhooks.errors.js';
import { WebhookTargets } from './webhook-targets.js';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly db: Database,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly deliveryRows: WebhookDeliveriesRepository,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly secrets: SigningSecrets,
    private readonly targets: WebhookTargets,
  ) {}

  eventTypes(): EventTypeDto[] {
    return toEventTypeDtos();
  }

  /** The signing secret is in this response only. */
  async create(dto: CreateSubscriptionDto, actor: Actor): Promise<CreatedWebhookSubscriptionDto> {
    const bad = dto.eventTypes.map((type, i) => ({ type, i })).filter(({ type }) => !isValidPattern(type));
    if (bad.length) {
      throw new WebhookError(
        WebhookErrorCode.InvalidEventTypes,
        'Unknown event types',
        bad.map(({ type, i }) => ({
          pointer: `/eventTypes/${i}`,
          message: `"${type}" is not an event type or a wildcard matching one (see GET /webhook-subscriptions/event-types)`,
        })),
      );
    }
    const refused = await this.targets.refusal(dto.url);
    if (refused) {
      throw new WebhookError(WebhookErrorCode.TargetRefused, `Webhooks may not reach this URL: ${refused}`, [
        { pointer: '/url', message: `${refused}; an operator can open on-premise receivers with AIMSFLOW_WEBHOOK_ALLOWED_HOSTS` },
      ]);
    }
    const secret = generateSigningSecret();
    return this.db.transaction(async (m) => {
      const saved = await this.subscriptions.insert(m, {
        url: dto.url,
        eventTypes: dto.eventTypes,
        secret: this.secrets.seal(secret),
        description: dto.description ?? null,
        createdBy: actor.subject,
        createdAt: this.clock.now(),
      });
      await this.audit.append(m, actor, {
        action: 'webhook-subscription.created',
        subjectType: 'webhook-subscription',
        subjectId: saved.id,
        after: { url: saved.url, eventTypes: saved.eventTypes },
      });
      return { ...toWebhookSubscriptionDto(saved), secret };
    });
  }

  async list(query: PageQueryDto): Promise<Page<WebhookSubscriptionDto>> {
    const [items, total] = await this.subscriptions.listActive(this.db.manager, query.limit, query.offset);
    return page(items.map(toWebhookSubscriptionDto), total, query);
  }

  async get(id: string): Promise<WebhookSubscriptionDto> {
    return toWebhookSubscriptionDto(await this.active(id));
  }

  /** Stops new deliveries; pending ones are dropped (marked failed) so nothing is sent after the delete. */
  async remove(id: string, actor: Actor): Promise<WebhookSubscriptionDto> {
    const subscription = await this.active(id);
    return this.db.transaction(async (m) => {
      subscription.deletedAt = this.clock.now();
      await this.subscriptions.markDeleted(m, id, subscription.deletedAt);
      await this.deliveryRows.dropPending(m, id);
      await this.audit.append(m, actor, {
        action: 'webhook-subscription.deleted',
        subjectType: 'webhook-subscription',
        subjectId: id,
        before: { url: subscription.url },
      });
      return toWebhookSubscriptionDto(subscription);
    });
  }

  async deliveries(subscriptionId: string, query: DeliveryQueryDto): Promise<Page<WebhookDeliveryEntryDto>> {
    await this.active(subscriptionId);
    const [items, total] = await this.deliveryRows.list(this.db.manager, subscriptionId, query.status as DeliveryStatus | undefined, query.limit, query.offset);
    return page(items.map(toWebhookDeliveryEntryDto), total, query);
  }

  /** Sends a delivery again from the start (same webhook-id), e.g. after a receiver was fixed. */
  async redeliver(subscriptionId: string, deliveryId: string, actor: Actor): Promise<WebhookDeliveryDto> {
    await this.active(subscriptionId);
    return this.db.transaction(async (m) => {
      const delivery = await this.deliveryRows.find(m, subscriptionId, deliveryId);
      if (!delivery) throw new WebhookError(WebhookErrorCode.DeliveryNotFound, `No delivery ${deliveryId} for subscription ${subscriptionId}`);
      const reset = await this.deliveryRows.reset(m, deliveryId, this.clock.now());
      await this.audit.append(m, actor, {
        action: 'webhook-delivery.redelivered',
        subjectType: 'webhook-delivery',
        subjectId: deliveryId,
        before: { status: delivery.status },
      });
      return toWebhookDeliveryDto(reset);
    });
  }

  /** A subscription that has not been deleted. */
  private async active(id: string): Promise<WebhookSubscriptionEntity> {
    const subscription = await this.subscriptions.find(this.db.manager, id);
    if (!subscription || subscription.deletedAt) throw new WebhookError(WebhookErrorCode.SubscriptionNotFound, `No webhook subscription ${id}`);
    return subscription;
  }
}
