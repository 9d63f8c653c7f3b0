import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'delivering' | 'succeeded' | 'failed';

@Index('webhook_deliveries_due_idx', { synchronize: false })
@Index('webhook_deliveries_order_idx', { synchronize: false })
@Index('webhook_deliveries_subscription_idx', { synchronize: false })
@Entity('webhook_deliveries')
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'subscription_id' })
  subscriptionId: string;

  /** The outbox event; also the `webhook-id` of every attempt. */
  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('bigint', { name: 'event_seq', select: false })
  eventSeq: string;

  /** Events of one subject reach one subscription in order. */
  @Column('text', { name: 'ordering_key', select: false })
  orderingKey: string;

  @Column('text')
  status: DeliveryStatus;

  @Column('integer')
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt: Date;

  @Column('timestamptz', { name: 'lease_until', nullable: true, select: false })
  leaseUntil: Date | null;

  @Column('integer', { name: 'last_status_code', nullable: true })
  lastStatusCode: number | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;
}
