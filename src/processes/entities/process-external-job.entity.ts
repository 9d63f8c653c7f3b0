import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ExternalJobStatus = 'open' | 'completed' | 'failed' | 'cancelled';

/**
 * The work of a service task whose job type names no built-in handler: a worker activates it (a
 * lock until `deadline`; `activations` counts hand-outs, so a late answer from an earlier worker is
 * told apart), then completes it, fails it or reports a BPMN error. Open rows are claimed with FOR
 * UPDATE SKIP LOCKED, so a job is handed to one worker at a time.
 */
@Index('process_external_jobs_activatable_idx', { synchronize: false })
@Check('process_external_jobs_status_check', `status IN ('open', 'completed', 'failed', 'cancelled')`)
@Entity('process_external_jobs')
export class ProcessExternalJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'instance_id' })
  instanceId: string;

  @Column('text', { name: 'definition_key' })
  definitionKey: string;

  @Column('integer', { name: 'definition_version' })
  definitionVersion: number;

  @Column('text', { name: 'wait_key' })
  waitKey: string;

  @Column('text', { name: 'element_id' })
  elementId: string;

  @Column('text', { name: 'element_name' })
  elementName: string;

  @Column('text')
  type: string;

  @Column('jsonb', { default: () => "'{}'" })
  headers: Record<string, string>;

  @Column('jsonb', { default: () => "'{}'" })
  variables: Record<string, unknown>;

  /** Attempts left. */
  @Column('integer')
  retries: number;

  @Column('text', { default: 'open' })
  status: ExternalJobStatus;

  @Column('integer', { default: 0 })
  activations: number;

  /** The worker of the latest activation. */
  @Column('text', { nullable: true })
  worker: string | null;

  /** Until when the latest activation holds it (injected clock); null while nobody does. */
  @Column('timestamptz', { nullable: true })
  deadline: Date | null;

  /** When it may be activated (later after a failure's retry back-off). */
  @Column('timestamptz', { name: 'run_at' })
  runAt: Date;

  @Column('text', { name: 'error_message', nullable: true })
  errorMessage: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'done_at', nullable: true })
  doneAt: Date | null;
}
