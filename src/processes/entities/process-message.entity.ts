import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A message received by POST /messages (or published by a process) and what it did; `messageId` de-duplicates repeats. */
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

  /** How long it is kept when nobody waits for it (0: not kept). */
  @Column('bigint', { name: 'time_to_live_ms', default: 0 })
  timeToLiveMs: string;

  /** Set while it is buffered: until when a later catch event may take it. */
  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  /** When a catch event took it from the buffer. */
  @Column('timestamptz', { name: 'correlated_at', nullable: true })
  correlatedAt: Date | null;

  @Column('text', { name: 'sent_by' })
  sentBy: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;
}
