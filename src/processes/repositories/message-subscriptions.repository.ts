import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../database/sql.js';
import type { WriteStatement } from '../../database/write-statement.js';
import { MessageSubscriptionEntity } from '../entities/message-subscription.entity.js';

export interface NewSubscription {
  key: string;
  element_id: string;
  name: string;
  correlation_key: string | null;
}

export interface WaitingSubscription {
  instance_id: string;
  wait_key: string;
  element_id: string;
}

/** The only code that reads and writes `process_message_subscriptions`: the message waits of instances. */
@Injectable()
export class MessageSubscriptionsRepository {
  closeIn(stmt: WriteStatement, instanceId: string, waitKeys: string[]): void {
    stmt.with(
      'closed_subscriptions',
      `DELETE FROM process_message_subscriptions WHERE instance_id = ${stmt.param(instanceId)} AND wait_key = ANY(${stmt.param(waitKeys)})`,
    );
  }

  openIn(stmt: WriteStatement, instanceId: string, subscriptions: NewSubscription[], now: Date): void {
    stmt.with(
      'new_subscriptions',
      `INSERT INTO process_message_subscriptions (instance_id, wait_key, element_id, name, correlation_key, created_at)
       SELECT ${stmt.param(instanceId)}::uuid, w.key, w.element_id, w.name, w.correlation_key, ${stmt.param(now)}::timestamptz
         FROM jsonb_to_recordset(${stmt.param(JSON.stringify(subscriptions))}) AS w(key text, element_id text, name text, correlation_key text)`,
    );
  }

  /** The waits for this message, oldest first. */
  waiting(m: EntityManager, name: string, correlationKey: string | null): Promise<WaitingSubscription[]> {
    return sql<WaitingSubscription>(
      m,
      `SELECT instance_id, wait_key, element_id FROM process_message_subscriptions
        WHERE name = $1 AND correlation_key IS NOT DISTINCT FROM $2 ORDER BY created_at, instance_id, wait_key`,
      [name, correlationKey],
    );
  }

  async anyWaiting(m: EntityManager, name: string, correlationKey: string): Promise<boolean> {
    return (await sql(m, `SELECT 1 FROM process_message_subscriptions WHERE name = $1 AND correlation_key = $2 LIMIT 1`, [name, correlationKey])).length > 0;
  }

  forInstance(m: EntityManager, instanceId: string): Promise<MessageSubscriptionEntity[]> {
    return m.getRepository(MessageSubscriptionEntity).find({ where: { instanceId }, order: { createdAt: 'ASC' } });
  }
}
