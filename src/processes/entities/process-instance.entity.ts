import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PersistedInstanceState, Wait } from '../../engine/process/index.js';

export const INSTANCE_STATUSES = ['active', 'completed', 'cancelled', 'failed', 'terminated'] as const;
/** `failed`: still running, but a timer- or message-driven step exhausted its attempts (an open incident). */
export type InstanceStatusValue = (typeof INSTANCE_STATUSES)[number];
/** Statuses in which an instance still accepts events. */
export const RUNNING_STATUSES: readonly InstanceStatusValue[] = ['active', 'failed'];

/** A running or finished process instance: the engine's persisted state plus what the API shows. */
@Index('process_instances_started_idx', { synchronize: false })
@Index('process_instances_definition_idx', { synchronize: false })
@Index('process_instances_subject_idx', { synchronize: false })
@Index('process_instances_parent_idx', { synchronize: false })
@Index('process_instances_root_idx', { synchronize: false })
@Check('process_instances_status_check', `status IN ('active', 'completed', 'cancelled', 'failed', 'terminated')`)
@Entity('process_instances')
export class ProcessInstanceEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'definition_id' })
  definitionId: string;

  @Column('text', { name: 'definition_key' })
  definitionKey: string;

  @Column('integer', { name: 'definition_version' })
  definitionVersion: number;

  @Column('text', { name: 'subject_type' })
  subjectType: string;

  @Column('text', { name: 'subject_id' })
  subjectId: string;

  @Column('text')
  status: InstanceStatusValue;

  /** Null only while a start that failed waits for its incident to be retried. */
  @Column('jsonb', { nullable: true, select: false })
  state: PersistedInstanceState | null;

  @Column('jsonb', { default: () => "'{}'" })
  variables: Record<string, unknown>;

  @Column('text', { name: 'active_element_ids', array: true, default: () => "'{}'" })
  activeElementIds: string[];

  /** What the instance waits for since its last step: the base of the next step's wait diff. */
  @Column('jsonb', { default: () => "'[]'" })
  waits: Wait[];

  /** Who completed each user task, oldest first (segregation of duties). */
  @Column('jsonb', { name: 'completed_by', default: () => "'{}'" })
  completedBy: Record<string, string[]>;

  @Column('text', { nullable: true })
  initiator: string | null;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  /** The call activity wait of the parent this instance runs for. */
  @Column('text', { name: 'parent_wait_key', nullable: true })
  parentWaitKey: string | null;

  /** The top of the call hierarchy: every event locks it first, so one tree never deadlocks. */
  @Column('uuid', { name: 'root_id' })
  rootId: string;

  /** 0 for an instance started by itself, its parent's plus one for a call activity's. */
  @Column('smallint', { name: 'call_depth', default: 0 })
  callDepth: number;

  @Column('text', { name: 'started_by' })
  startedBy: string;

  @Column('timestamptz', { name: 'started_at' })
  startedAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @Column('integer', { default: 1 })
  version: number;
}
