import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An event written in the transaction of the change it reports (transactional outbox). */
@Index('outbox_events_type_idx', { synchronize: false })
@Entity('outbox_events')
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insert order (identity), for ordered delivery. Rows are written by OutboxService with SQL. */
  @Column('bigint')
  seq: string;

  @Column('text')
  type: string;

  @Column('text', { name: 'subject_type' })
  subjectType: string;

  @Column('text', { name: 'subject_id' })
  subjectId: string;

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;
}
