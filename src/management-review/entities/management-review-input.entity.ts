import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The input compiled for one management review (ISO/IEC 42001 9.3.2), kept with what it decided (9.3.3). */
@Entity('management_review_inputs')
export class ManagementReviewInputEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'audit_id', nullable: true })
  auditId: string | null;

  @Column('uuid', { name: 'instance_id', nullable: true })
  instanceId: string | null;

  @Column('jsonb')
  content: Record<string, unknown>;

  @Column('text', { name: 'compiled_by' })
  compiledBy: string;

  @Column('timestamptz', { name: 'compiled_at' })
  compiledAt: Date;

  @Column('text', { nullable: true })
  decisions: string | null;

  @Column('jsonb', { name: 'improvement_actions' })
  improvementActions: unknown[];

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;
}
