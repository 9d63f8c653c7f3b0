import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** `signal`: a signal delivery to retry; `start-message` also retries starts by a signal start event. */
export type JobKind = 'timer' | 'message' | 'signal' | 'start-timer' | 'start-message';
export type JobStatus = 'pending' | 'done' | 'cancelled' | 'failed';

/**
 * Durable work the scheduler runs: a timer wait (`timer`), a timer start event (`start-timer`), or a
 * message delivery or message start that failed and is retried with backoff. Due rows are claimed
 * with FOR UPDATE SKIP LOCKED; each fires in its own transaction.
 */
@Index('process_jobs_due_idx', { synchronize: false })
@Index('process_jobs_instance_idx', { synchronize: false })
@Index('process_jobs_definition_idx', { synchronize: false })
@Check('process_jobs_kind_check', `kind IN ('timer', 'message', 'start-timer', 'start-message')`)
@Check('process_jobs_status_check', `status IN ('pending', 'done', 'cancelled', 'failed')`)
@Entity('process_jobs')
export class ProcessJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: JobKind;

  @Column('uuid', { name: 'instance_id', nullable: true })
  instanceId: string | null;

  /** For start jobs: the definition version to start. */
  @Column('uuid', { name: 'definition_id', nullable: true })
  definitionId: string | null;

  @Column('text', { name: 'wait_key', nullable: true })
  waitKey: string | null;

  @Column('text', { name: 'element_id' })
  elementId: string;

  /** When it is due (a timer's due time; a retried message's arrival). */
  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  /** When the next attempt may run (due time, later after a failure's backoff). */
  @Column('timestamptz', { name: 'run_at' })
  runAt: Date;

  @Column('jsonb', { default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column('text', { default: 'pending' })
  status: JobStatus;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  /** The replica holding the claim, until `lockedUntil` (a crashed replica's claim expires). */
  @Column('text', { name: 'locked_by', nullable: true })
  lockedBy: string | null;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'done_at', nullable: true })
  doneAt: Date | null;

  /** The replica that ran it. */
  @Column('text', { name: 'done_by', nullable: true })
  doneBy: string | null;
}
