import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One version of an AI policy (ISO/IEC 42001 5.2, Annex A.2), fed by the ai-policy process. */
@Entity('policies')
export class PolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The id of the first version: every version of one policy shares it. */
  @Column('uuid', { name: 'series_id' })
  seriesId: string;

  @Column('integer')
  version: number;

  @Column('text')
  kind: string;

  @Column('text')
  title: string;

  /** Markdown. */
  @Column('text')
  body: string;

  @Column('text')
  scope: string;

  @Column('text')
  owner: string;

  @Column('text', { name: 'acknowledged_by_roles', array: true })
  acknowledgedByRoles: string[];

  @Column('boolean', { name: 'covers_high_risk_systems' })
  coversHighRiskSystems: boolean;

  @Column('text')
  status: string;

  @Column('uuid', { nullable: true })
  supersedes: string | null;

  @Column('uuid', { name: 'superseded_by', nullable: true })
  supersededBy: string | null;

  @Column('text', { name: 'review_interval', nullable: true })
  reviewInterval: string | null;

  @Column('timestamptz', { name: 'next_review_at', nullable: true })
  nextReviewAt: Date | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('uuid', { name: 'instance_id', nullable: true })
  instanceId: string | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

/** Someone acknowledged a published policy version (Annex A.2.2: communicated within the organisation). */
@Entity('policy_acknowledgements')
export class PolicyAcknowledgementEntity {
  @PrimaryColumn('uuid', { name: 'policy_id' })
  policyId: string;

  @PrimaryColumn('text')
  identity: string;

  @Column('timestamptz', { name: 'acknowledged_at' })
  acknowledgedAt: Date;
}
