import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/roles.js';
import type { InstanceEvent, Published, StepResult, Wait } from '../../engine/process/index.js';
import type { TaskDto } from '../../tasks/dto/task.dto.js';
import type { ProcessInstanceEntity } from '../entities/process-instance.entity.js';

export interface Subject {
  type: string;
  id: string;
}

/** A process instance as other modules see it while they hold its lock (read only). */
export type LockedInstance = Readonly<ProcessInstanceEntity>;

export interface StartRequest {
  definitionKey: string;
  /** Default: the latest version. */
  version?: number;
  subject: Subject;
  variables?: Record<string, unknown>;
  /** A message or timer start event; default: the none start event. */
  startEventId?: string;
  /** Who starts it: the initiator, for segregation of duties. */
  actor: Actor;
}

/** What one call did: the instance as it is now, the tasks it opened (in it or instances it started) and completed. */
export interface StepOutcome {
  instance: LockedInstance;
  createdTasks: TaskDto[];
  completedTasks: TaskDto[];
}

/** What drove a step, kept with its history record (and the outcome of a completed task). */
export interface StepDetails {
  taskId?: string;
  /** A `task.complete`'s recorded outcome (the task API derives it from the form). */
  outcome?: string | null;
  jobId?: string;
  /** A worker's answer to an external job: the job and the worker. */
  externalJobId?: string;
  worker?: string;
  retriedBy?: string;
  messageId?: string;
  messageName?: string;
  signalName?: string;
  reason?: string;
  parentId?: string;
  childId?: string;
}

export type EngineEvent = InstanceEvent | { type: 'start' };

/** An event one instance owes another in the same transaction (a child completed its call activity). */
export interface FollowUp {
  instanceId: string;
  event: InstanceEvent;
  details: StepDetails;
}

/** The work of one transaction: events that instances owe each other, and what was created. */
export class Unit {
  readonly followUps: FollowUp[] = [];
  readonly createdTasks: TaskDto[] = [];
  readonly completedTasks: TaskDto[] = [];
  readonly instances = new Map<string, ProcessInstanceEntity>();
  /** Messages and signals the unit's steps published: correlated and broadcast once they are all stored. */
  readonly published: Array<Published & { instanceId: string; subject: Subject }> = [];
  /** Instances a call activity started in this unit: bounded, like the depth of the call hierarchy. */
  childrenStarted = 0;
  constructor(
    readonly m: EntityManager,
    readonly actor: Actor,
  ) {}
}

/** One step as the writer and the side effects see it. */
export interface Step {
  unit: Unit;
  instance: ProcessInstanceEntity;
  result: StepResult;
  event: EngineEvent;
  details: StepDetails;
  /** The waits before the step; undefined for a start. */
  previous?: Wait[];
}

export const isKind =
  <K extends Wait['kind']>(kind: K) =>
  (w: Wait): w is Extract<Wait, { kind: K }> =>
    w.kind === kind;

export function diffWaits(previous: Wait[], next: Wait[]): { added: Wait[]; removed: Wait[] } {
  const before = new Set(previous.map((w) => w.key));
  const after = new Set(next.map((w) => w.key));
  return { added: next.filter((w) => !before.has(w.key)), removed: previous.filter((w) => !after.has(w.key)) };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
