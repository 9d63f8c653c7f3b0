import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An AI objective or KPI (ISO/IEC 42001 6.2), monitored by the objective process (9.1). */
@Entity('objectives')
export class ObjectiveEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  /** What is measured and how. */
  @Column('text')
  measure: string;

  @Column('text')
  unit: string;

  @Column('double precision')
  target: number;

  @Column('text')
  direction: string;

  /** ISO 8601 duration between measurements. */
  @Column('text')
  frequency: string;

  @Column('text')
  owner: string;

  @Column('jsonb', { name: 'system_ids' })
  systemIds: string[];

  @Column('jsonb', { name: 'control_ids' })
  controlIds: string[];

  @Column('text')
  status: string;

  /** When the next measurement is due. */
  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt: Date | null;

  @Column('timestamptz', { name: 'reminded_at', nullable: true })
  remindedAt: Date | null;

  @Column('uuid', { name: 'instance_id', nullable: true })
  instanceId: string | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

/** One measured value of an objective, with the rules' judgement. */
@Entity('objective_measurements')
export class ObjectiveMeasurementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'objective_id' })
  objectiveId: string;

  @Column('double precision')
  value: number;

  @Column('timestamptz', { name: 'measured_at' })
  measuredAt: Date;

  @Column('text', { nullable: true })
  note: string | null;

  /** Null until the rules judged it. */
  @Column('boolean', { nullable: true })
  breach: boolean | null;

  @Column('text', { nullable: true })
  severity: string | null;

  @Column('uuid', { name: 'nonconformity_id', nullable: true })
  nonconformityId: string | null;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
