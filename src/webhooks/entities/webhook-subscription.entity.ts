import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('webhook_subscriptions')
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  url: string;

  /** Event types or wildcards (`task.*`, `*`). */
  @Column('text', { name: 'event_types', array: true })
  eventTypes: string[];

  /** Needed to sign every delivery, so kept (sealed with AIMSFLOW_SECRET_KEY when set); never returned after creation. */
  @Column('text', { select: false })
  secret: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt: Date | null;
}
