import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An open message wait of an instance: POST /messages finds instances through these rows. */
@Index('process_message_subscriptions_name_idx', { synchronize: false })
@Entity('process_message_subscriptions')
export class MessageSubscriptionEntity {
  @PrimaryColumn('uuid', { name: 'instance_id' })
  instanceId: string;

  @PrimaryColumn('text', { name: 'wait_key' })
  waitKey: string;

  @Column('text', { name: 'element_id' })
  elementId: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'correlation_key', nullable: true })
  correlationKey: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
