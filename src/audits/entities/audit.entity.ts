import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_TYPES = ['internal', 'certification'] as const;

export interface Finding {
  title: string;
  severity: string;
  clauseRefs?: string[];
  controlRefs?: string[];
  stage?: string;
  nonconformityId?: string;
}

/** An internal audit (ISO 42001 9.2) or one certification cycle, fed by its process. */
@Entity('audits')
export class AuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  type: string;

  @Column('text')
  title: string;

  /** internal: planning, fieldwork, reporting, management-review, completed; certification: stage-1, stage-2, decision, certified, surveillance-1, surveillance-2, recertification, refused. */
  @Column('text')
  stage: string;

  @Column('text')
  status: string;

  @Column('integer')
  cycle: number;

  @Column('text', { nullable: true })
  scope: string | null;

  @Column('text', { name: 'audited_area', nullable: true })
  auditedArea: string | null;

  @Column('text', { name: 'area_owner', nullable: true })
  areaOwner: string | null;

  @Column('jsonb')
  findings: Finding[];

  @Column('timestamptz', { name: 'certified_at', nullable: true })
  certifiedAt: Date | null;

  @Column('timestamptz', { name: 'surveillance1_due', nullable: true })
  surveillance1Due: Date | null;

  @Column('timestamptz', { name: 'surveillance2_due', nullable: true })
  surveillance2Due: Date | null;

  @Column('timestamptz', { name: 'recertification_due', nullable: true })
  recertificationDue: Date | null;

  @Column('uuid', { name: 'previous_audit_id', nullable: true })
  previousAuditId: string | null;

  @Column('uuid', { name: 'instance_id', nullable: true })
  instanceId: string | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
