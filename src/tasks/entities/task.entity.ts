import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CamundaFormSchema } from '../../engine/forms/camunda-form.js';
import type { FormField } from '../../engine/process/index.js';

export const TASK_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The multi-instance item a task works on. */
export interface TaskItem {
  index: number;
  value: unknown;
  collectionKey: string;
  /** How many items the activity has; absent on tasks opened before it was recorded. */
  count?: number;
}

/**
 * The Camunda form a task shows and validates its completion against: a linked form's version as it
 * was the latest when the task opened (formId and version), or the form embedded in the process (formKey).
 */
export interface TaskCamundaForm {
  formId: string | null;
  version: number | null;
  formKey: string | null;
  schema: CamundaFormSchema;
}

/** A user task wait of a process instance (one per multi-instance item), as approvers see it. */
@Index('tasks_wait_idx', { synchronize: false })
@Index('tasks_assignee_idx', { synchronize: false })
@Index('tasks_open_roles_idx', { synchronize: false })
@Index('tasks_subject_idx', { synchronize: false })
@Index('tasks_created_idx', { synchronize: false })
@Check('tasks_status_check', `status IN ('open', 'completed', 'cancelled')`)
@Entity('tasks')
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'instance_id' })
  instanceId: string;

  /** The engine's wait key (opaque). */
  @Column('text', { name: 'wait_key' })
  waitKey: string;

  @Column('text', { name: 'element_id' })
  elementId: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  documentation: string | null;

  @Column('text', { name: 'definition_key' })
  definitionKey: string;

  @Column('integer', { name: 'definition_version' })
  definitionVersion: number;

  @Column('text', { name: 'subject_type' })
  subjectType: string;

  @Column('text', { name: 'subject_id' })
  subjectId: string;

  /** Roles that may claim and complete it, in canonical form (`risk_officer` is stored as `risk-officer`). */
  @Column('text', { name: 'candidate_roles', array: true })
  candidateRoles: string[];

  @Column('text', { nullable: true })
  assignee: string | null;

  @Column('text')
  status: TaskStatus;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt: Date | null;

  @Column('jsonb', { default: () => "'[]'" })
  form: FormField[];

  @Column('jsonb', { name: 'camunda_form', nullable: true })
  camundaForm: TaskCamundaForm | null;

  @Column('text', { name: 'separate_from', array: true, default: () => "'{}'" })
  separateFrom: string[];

  @Column('jsonb', { nullable: true })
  item: TaskItem | null;

  @Column('text', { nullable: true })
  outcome: string | null;

  /** The variables it was completed with. */
  @Column('jsonb', { nullable: true })
  variables: Record<string, unknown> | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'claimed_at', nullable: true })
  claimedAt: Date | null;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @Column('text', { name: 'completed_by', nullable: true })
  completedBy: string | null;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;

  @Column('integer', { default: 1 })
  version: number;
}
