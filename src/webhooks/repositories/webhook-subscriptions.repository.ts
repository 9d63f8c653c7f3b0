import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../database/sql.js';
import { WebhookSubscriptionEntity } from '../entities/webhook-subscription.entity.js';

/** The only code that reads and writes `webhook_subscriptions`. */
@Injectable()
export class WebhookSubscriptionsRepository {
  insert(m: EntityManager, row: Omit<WebhookSubscriptionEntity, 'id' | 'deletedAt'>): Promise<WebhookSubscriptionEntity> {
    const repo = m.getRepository(WebhookSubscriptionEntity);
    return repo.save(repo.create({ ...row, deletedAt: null }));
  }

  /** Subscriptions not deleted, newest first. */
  listActive(m: EntityManager, limit: number, offset: number): Promise<[WebhookSubscriptionEntity[], number]> {
    return m
      .getRepository(WebhookSubscriptionEntity)
      .createQueryBuilder('s')
      .where('s.deleted_at IS NULL')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
  }

  async find(m: EntityManager, id: string): Promise<WebhookSubscriptionEntity | undefined> {
    return (await m.getRepository(WebhookSubscriptionEntity).findOneBy({ id })) ?? undefined;
  }

  async markDeleted(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.getRepository(WebhookSubscriptionEntity).update({ id }, { deletedAt: at });
  }

  /** Every stored signing secret (sealed or not), for the start-up check of AIMSFLOW_SECRET_KEY. */
  secrets(m: EntityManager): Promise<Array<{ id: string; secret: string }>> {
    return sql<{ id: string; secret: string }>(m, `SELECT id, secret FROM webhook_subscriptions ORDER BY id`);
  }

  /** Conditional on the old value: replicas starting together replace each secret once. */
  async replaceSecret(m: EntityManager, id: string, from: string, to: string): Promise<void> {
    await m.query(`UPDATE webhook_subscriptions SET secret = $2 WHERE id = $1 AND secret = $3`, [id, to, from]);
  }
}
