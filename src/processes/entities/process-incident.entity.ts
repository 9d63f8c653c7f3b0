import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A timer- or message-driven step that failed on every attempt (its scheduler job is kept until retried), an
 * external job out of retries or ended by a BPMN error nothing caught (`externalJobId`), or (neither) a task the
 * engine holds: a BPMN error of its handler nothing caught, or a rule set or linked form not deployed.
 */
@Index('process_incidents_instance_idx', { synchronize: false })
@Index('process_incidents_job_idx', { synchronize: false })
@Check('process_incidents_status_check', `status IN ('open', 'resolved')`)
@Entity('process_incidents')
export class ProcessIncidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'instance_id' })
  instanceId: string;

  @Column('uuid', { name: 'job_id', nullable: true })
  jobId: string | null;

  @Column('uuid', { name: 'external_job_id', nullable: true })
  externalJobId: string | null;

  @Column('text', { name: 'element_id' })
  elementId: string;

  /** The last error. */
  @Column('text')
  message: string;

  @Column('integer')
  attempts: number;

  @Column('text')
  status: 'open' | 'resolved';

  /** `retried` (a retry succeeded), `obsolete` (the wait was closed meanwhile) or `cancelled` (the instance was). */
  @Column('text', { nullable: true })
  resolution: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column('text', { name: 'resolved_by', nullable: true })
  resolvedBy: string | null;
}
