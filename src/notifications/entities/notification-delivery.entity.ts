import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationMessage } from '../messages.js';

export const DELIVERY_CHANNELS = ['email', 'chat'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * `queued`: waits for the daily digest; `pending`/`sending`: due or being sent (leased);
 * `delivered`; `failed` (attempts used up, redeliverable); `skipped` (the channel cannot reach the
 * person: `lastError` says why); `batched`: went out in the digest `digestId`.
 */
export const NOTIFICATION_DELIVERY_STATUSES = ['queued', 'pending', 'sending', 'delivered', 'failed', 'skipped', 'batched'] as const;
export type NotificationDeliveryStatus = (typeof NOTIFICATION_DELIVERY_STATUSES)[number];

/** Where a delivery goes: an e-mail address, or a Slack or Teams incoming webhook. */
export type DeliveryTarget = { email: string | null } | { format: 'slack' | 'teams'; url: string } | { missing: 'chat' };

/** One message to one person on one channel (an e-mail or a chat post), or a daily digest of several. */
@Index('notification_deliveries_due_idx', { synchronize: false })
@Index('notification_deliveries_queued_idx', { synchronize: false })
@Index('notification_deliveries_created_idx', { synchronize: false })
@Entity('notification_deliveries')
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { name: 'person_id' })
  personId: string;

  @Column('text')
  recipient: string;

  @Column('text')
  channel: DeliveryChannel;

  /** The notification kind, or `digest`. */
  @Column('text')
  kind: string;

  @Column('uuid', { name: 'event_id', nullable: true })
  eventId: string | null;

  @Column('jsonb')
  target: DeliveryTarget;

  @Column('jsonb')
  message: NotificationMessage;

  @Column('text')
  status: NotificationDeliveryStatus;

  @Column('uuid', { name: 'digest_id', nullable: true })
  digestId: string | null;

  @Column('integer')
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt: Date;

  @Column('timestamptz', { name: 'lease_until', nullable: true })
  leaseUntil: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;
}
