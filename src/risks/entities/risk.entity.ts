import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const RISK_STATUSES = [
  'open',
  'treatment-decided',
  'awaiting-acceptance',
  'accepted',
  'in-implementation',
  'verification',
  'closed',
  'withdrawn',
] as const;
export const RISK_TREATMENTS = ['accept', 'mitigate', 'transfer', 'avoid'] as const;

/** An AI risk (ISO 42001 6.1.2/6.1.3) and its treatment, fed by the risk-treatment process. */
@Entity('risks')
export class RiskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'system_id' })
  systemId: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('integer')
  likelihood: number;

  @Column('integer')
  severity: number;

  @Column('text')
  rating: string;

  @Column('boolean', { name: 'requires_top_management' })
  requiresTopManagement: boolean;

  @Column('text')
  status: string;

  @Column('text', { nullable: true })
  treatment: string | null;

  /** Annex A controls selected to mitigate the risk. */
  @Column('jsonb')
  controls: string[];

  @Column('text', { nullable: true })
  plan: string | null;

  /** Who decided the treatment (the risk owner). */
  @Column('text', { nullable: true })
  owner: string | null;

  @Column('integer', { name: 'residual_likelihood', nullable: true })
  residualLikelihood: number | null;

  @Column('integer', { name: 'residual_severity', nullable: true })
  residualSeverity: number | null;

  @Column('text', { name: 'residual_rating', nullable: true })
  residualRating: string | null;

  @Column('jsonb', { name: 'decision_ids' })
  decisionIds: string[];

  @Column('uuid', { name: 'instance_id', nullable: true })
  instanceId: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;
}
