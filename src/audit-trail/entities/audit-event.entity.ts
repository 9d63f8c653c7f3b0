import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One state change. Rows are inserted in the transaction of the change; the sealer later gives
 * them their place in the hash chain (`seq`, `prevHash`, `hash`), ordered by the inserting
 * transaction's id (column `tx_id`, set by the database). A trigger refuses every other
 * UPDATE and every DELETE.
 */
// Indexes are written in the migration (partial and multi-column ones TypeORM cannot describe).
@Index('audit_events_unsealed_idx', { synchronize: false })
@Index('audit_events_subject_idx', { synchronize: false })
@Index('audit_events_actor_idx', { synchronize: false })
@Index('audit_events_time_idx', { synchronize: false })
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('text')
  actor: string;

  @Column('text')
  action: string;

  @Column('text', { name: 'subject_type' })
  subjectType: string;

  @Column('text', { name: 'subject_id' })
  subjectId: string;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;

  @Column('text', { name: 'request_id', nullable: true })
  requestId: string | null;

  @Column('bigint', { nullable: true, unique: true })
  seq: string | null;

  @Column('text', { name: 'prev_hash', nullable: true })
  prevHash: string | null;

  @Column('text', { nullable: true })
  hash: string | null;

  @Column('timestamptz', { name: 'sealed_at', nullable: true })
  sealedAt: Date | null;
}
