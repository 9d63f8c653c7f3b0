import type { RequiredControl } from '../../rules/system-classifier.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const AI_SYSTEM_STATUSES = ['registered', 'in-assessment', 'approved', 'reassessment-required', 'out-of-scope', 'prohibited', 'retired'] as const;
export type AiSystemStatus = (typeof AI_SYSTEM_STATUSES)[number];

export type { RequiredControl } from '../../rules/system-classifier.js';

export interface ModelRef {
  provider?: string;
  name?: string;
  version?: string;
}

// Indexes are written in the migration (GIN indexes for the role and attribute filters).
@Index('ai_systems_status_idx', { synchronize: false })
@Index('ai_systems_created_idx', { synchronize: false })
@Index('ai_systems_roles_idx', { synchronize: false })
@Index('ai_systems_attributes_idx', { synchronize: false })
@Index('ai_systems_risk_class_idx', { synchronize: false })
@Entity('ai_systems')
export class AiSystemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { name: 'intended_purpose' })
  intendedPurpose: string;

  @Column('text', { nullable: true })
  owner: string | null;

  /** The organisation's role(s) for the system (developer, provider, deployer, ...). */
  @Column('text', { array: true })
  roles: string[];

  @Column('jsonb', { nullable: true })
  model: ModelRef | null;

  @Column('boolean', { name: 'third_party', default: false })
  thirdParty: boolean;

  @Column('jsonb', { default: () => "'{}'" })
  attributes: Record<string, unknown>;

  @Column('text', { default: 'registered' })
  status: AiSystemStatus;

  @Column('text', { name: 'risk_class', nullable: true })
  riskClass: string | null;

  /** Legal basis of the risk class, e.g. Annex III(4), Art. 50(1); from the classification decision. */
  @Column('jsonb', { name: 'legal_basis', default: () => "'[]'" })
  legalBasis: string[];

  @Column('jsonb', { name: 'transparency_obligations', default: () => "'[]'" })
  transparencyObligations: string[];

  /** Annex A controls the active `required-controls` rules require, each with its justification. */
  @Column('jsonb', { name: 'required_controls', default: () => "'[]'" })
  requiredControls: RequiredControl[];

  @Column('text', { name: 'impact_level', nullable: true })
  impactLevel: string | null;

  @Column('uuid', { name: 'classification_decision_id', nullable: true })
  classificationDecisionId: string | null;

  @Column('uuid', { name: 'controls_decision_id', nullable: true })
  controlsDecisionId: string | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'retired_at', nullable: true })
  retiredAt: Date | null;
}
