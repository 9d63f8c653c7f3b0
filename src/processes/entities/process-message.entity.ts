import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A message received by POST /messages and what it did; `messageId` de-duplicates repeats. */
@Index('process_messages_message_id_idx', { synchronize: false })
@Entity('process_messages')
export class ProcessMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { name: 'message_id', nullable: true })
  messageId: string | null;

  @Column('text')
  name: string;

  @Column('text', { name: 'correlation_key', nullable: true })
  correlationKey: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  variables: Record<string, unknown>;

  @Column('jsonb', { nullable: true })
  result: Record<string, unknown> | null;

  @Column('text', { name: 'sent_by' })
  sentBy: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;
}
