import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An AI incident (ISO/IEC 42001 10.2, Annex A.8; EU AI Act Art. 73), fed by the incident process. */
@Entity('incidents')
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'system_id' })
  systemId: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  /** Reporting deadlines count from here (Art. 73(2)). */
  @Column('timestamptz', { name: 'aware_at' })
  awareAt: Date;

  @Column('jsonb')
  effects: string[];

  @Column('boolean')
  widespread: boolean;

  @Column('text')
  status: string;

  @Column('text', { name: 'triage_notes', nullable: true })
  triageNotes: string | null;

  @Column('text', { nullable: true })
  containment: string | null;

  /** Null until the rules classified it. */
  @Column('boolean', { nullable: true })
  serious: boolean | null;

  /** ISO 8601 duration from awareness, from the rules. */
  @Column('text', { nullable: true })
  deadline: string | null;

  @Column('timestamptz', { name: 'deadline_at', nullable: true })
  deadlineAt: Date | null;

  @Column('jsonb')
  basis: string[];

  @Column('text', { nullable: true })
  report: string | null;

  @Column('boolean', { name: 'report_complete', nullable: true })
  reportComplete: boolean | null;

  @Column('text', { nullable: true })
  authority: string | null;

  @Column('text', { name: 'submission_reference', nullable: true })
  submissionReference: string | null;

  /** The first submission: the deadline is judged on it. */
  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column('text', { name: 'completion_reference', nullable: true })
  completionReference: string | null;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @Column('timestamptz', { name: 'reminded_at', nullable: true })
  remindedAt: Date | null;

  @Column('timestamptz', { name: 'escalated_at', nullable: true })
  escalatedAt: Date | null;

  @Column('text', { name: 'root_cause', nullable: true })
  rootCause: string | null;

  @Column('text', { name: 'cause_category', nullable: true })
  causeCategory: string | null;

  @Column('text', { name: 'corrective_action', nullable: true })
  correctiveAction: string | null;

  @Column('uuid', { name: 'nonconformity_id', nullable: true })
  nonconformityId: string | null;

  @Column('uuid', { name: 'instance_id', nullable: true })
  instanceId: string | null;

  @Column('text', { name: 'reported_by' })
  reportedBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;
}
