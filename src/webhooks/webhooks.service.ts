import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { type Page, page, type PageQueryDto } from '../common/pagination.js';
import type { CreateSubscriptionDto, DeliveryQueryDto } from './dto/webhooks.dto.js';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';
import { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity.js';
import { EVENT_TYPES, isValidPattern } from './event-types.js';
import { SigningSecrets } from './signing-secrets.js';
import { generateSigningSecret } from './signing.js';
import { WebhookError, WebhookErrorCode } from './webhooks.errors.js';

@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly secrets: SigningSecrets,
  ) {}

  eventTypes() {
    return Object.entries(EVENT_TYPES).map(([type, { description, example }]) => ({ type, description, exampleData: example }));
  }

  /** The signing secret is in this response only. */
  async create(dto: CreateSubscriptionDto, actor: Actor) {
    const bad = dto.eventTypes.map((type, i) => ({ type, i })).filter(({ type }) => !isValidPattern(type));
    if (bad.length) {
      throw new WebhookError(
        WebhookErrorCode.InvalidEventTypes,
        'Unknown event types',
        bad.map(({ type, i }) => ({ pointer: `/eventTypes/${i}`, message: `"${type}" is not an event type or a wildcard matching one (see GET /webhook-subscriptions/event-types)` })),
      );
    }
    return this.dataSource.transaction(async (m) => {
      const secret = generateSigningSecret();
      const repo = m.getRepository(WebhookSubscriptionEntity);
      const saved = await repo.save(repo.create({ url: dto.url, eventTypes: dto.eventTypes, secret: this.secrets.seal(secret), description: dto.description ?? null, createdBy: actor.subject, createdAt: this.clock.now() }));
      await this.audit.append(m, actor, {
        action: 'webhook-subscription.created',
        subjectType: 'webhook-subscription',
        subjectId: saved.id,
        after: { url: saved.url, eventTypes: saved.eventTypes },
      });
      return { ...saved, secret };
    });
  }

  async list(query: PageQueryDto): Promise<Page<WebhookSubscriptionEntity>> {
    const [items, total] = await this.dataSource
      .getRepository(WebhookSubscriptionEntity)
      .createQueryBuilder('s')
      .where('s.deleted_at IS NULL')
      .orderBy('s.created_at', 'DESC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return page(items, total, query);
  }

  async get(id: string): Promise<WebhookSubscriptionEntity> {
    const subscription = await this.dataSource.getRepository(WebhookSubscriptionEntity).findOneBy({ id });
    if (!subscription || subscription.deletedAt) throw new WebhookError(WebhookErrorCode.SubscriptionNotFound, `No webhook subscription ${id}`);
    return subscription;
  }

  /** Stops new deliveries; pending ones are dropped (marked failed) so nothing is sent after the delete. */
  async remove(id: string, actor: Actor): Promise<WebhookSubscriptionEntity> {
    const subscription = await this.get(id);
    return this.dataSource.transaction(async (m) => {
      subscription.deletedAt = this.clock.now();
      await m.getRepository(WebhookSubscriptionEntity).update({ id }, { deletedAt: subscription.deletedAt });
      await m.query(`UPDATE webhook_deliveries SET status = 'failed', last_error = 'subscription deleted' WHERE subscription_id = $1 AND status IN ('pending', 'delivering')`, [id]);
      await this.audit.append(m, actor, { action: 'webhook-subscription.deleted', subjectType: 'webhook-subscription', subjectId: id, before: { url: subscription.url } });
      return subscription;
    });
  }

  async deliveries(subscriptionId: string, query: DeliveryQueryDto) {
    await this.get(subscriptionId);
    const qb = this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .innerJoin('outbox_events', 'e', 'e.id = d.event_id')
      .addSelect(['e.type', 'e.subject_type', 'e.subject_id'])
      .where('d.subscription_id = :subscriptionId', { subscriptionId });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    const total = await qb.getCount();
    const { entities, raw } = await qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id').offset(query.offset).limit(query.limit).getRawAndEntities();
    const items = entities.map((delivery, i) => ({ ...delivery, eventType: raw[i].e_type, subject: { type: raw[i].subject_type, id: raw[i].subject_id } }));
    return page(items, total, query);
  }

  /** Sends a delivery again from the start (same webhook-id), e.g. after a receiver was fixed. */
  async redeliver(subscriptionId: string, deliveryId: string, actor: Actor) {
    await this.get(subscriptionId);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(WebhookDeliveryEntity);
      const delivery = await repo.findOneBy({ id: deliveryId, subscriptionId });
      if (!delivery) throw new WebhookError(WebhookErrorCode.DeliveryNotFound, `No delivery ${deliveryId} for subscription ${subscriptionId}`);
      await repo.update({ id: deliveryId }, { status: 'pending', attempts: 0, nextAttemptAt: this.clock.now(), lastError: null });
      await this.audit.append(m, actor, { action: 'webhook-delivery.redelivered', subjectType: 'webhook-delivery', subjectId: deliveryId, before: { status: delivery.status } });
      return repo.findOneByOrFail({ id: deliveryId });
    });
  }
}
