import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ASSESSMENT_STATUSES = ['draft', 'in-review', 'approved', 'rejected', 'superseded', 'review-required', 'withdrawn'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** One dimension of ISO 42001 impact: individuals, groups and communities, society, the organisation. */
export interface ImpactDimension {
  description?: string;
  affectedParties?: string;
  severity?: number;
  likelihood?: number;
  mitigations?: string;
}

/** A versioned AI system impact assessment (ISO 42001 6.1.4, Annex A.5), fed by the impact-assessment process. */
@Entity('impact_assessments')
export class ImpactAssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'system_id' })
  systemId: string;

  /** 1, 2, … per system. */
  @Column('integer')
  version: number;

  @Column('text')
  status: AssessmentStatus;

  /** onboarding, periodic-review, model-version, attribute-change, … */
  @Column('text')
  trigger: string;

  @Column('jsonb')
  reasons: string[];

  @Column('jsonb', { nullable: true })
  individuals: ImpactDimension | null;

  @Column('jsonb', { nullable: true })
  groups: ImpactDimension | null;

  @Column('jsonb', { nullable: true })
  society: ImpactDimension | null;

  @Column('jsonb', { nullable: true })
  organisation: ImpactDimension | null;

  /** Fundamental rights impact assessment (EU AI Act Art. 27), where it applies. */
  @Column('jsonb', { nullable: true })
  fria: Record<string, unknown> | null;

  @Column('text', { name: 'impact_level', nullable: true })
  impactLevel: string | null;

  @Column('jsonb', { name: 'decision_ids' })
  decisionIds: string[];

  @Column('jsonb')
  approvers: Array<{ subject: string; role?: string; decision?: string }>;

  @Column('uuid', { name: 'instance_id', nullable: true })
  instanceId: string | null;

  @Column('uuid', { name: 'superseded_by', nullable: true })
  supersededBy: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'approved_at', nullable: true })
  approvedAt: Date | null;
}
