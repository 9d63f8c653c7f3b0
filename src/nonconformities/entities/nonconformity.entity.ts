import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A nonconformity and its corrective action (ISO 42001 10.2), fed by the nonconformity process. */
@Entity('nonconformities')
export class NonconformityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text')
  source: string;

  @Column('text')
  severity: string;

  @Column('uuid', { name: 'system_id', nullable: true })
  systemId: string | null;

  @Column('uuid', { name: 'audit_id', nullable: true })
  auditId: string | null;

  @Column('jsonb', { name: 'clause_refs' })
  clauseRefs: string[];

  @Column('jsonb', { name: 'control_refs' })
  controlRefs: string[];

  @Column('text')
  status: string;

  @Column('text', { nullable: true })
  containment: string | null;

  @Column('text', { name: 'root_cause', nullable: true })
  rootCause: string | null;

  @Column('text', { nullable: true })
  plan: string | null;

  /** Times an effectiveness review sent it back to root cause. */
  @Column('integer')
  reopened: number;

  @Column('uuid', { name: 'instance_id', nullable: true })
  instanceId: string | null;

  @Column('text', { name: 'raised_by' })
  raisedBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;
}
