import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { LockedAlongside } from '../database/locked-alongside.js';
import type { WriteResult, WriteStatement } from '../database/write-statement.js';
import type { Wait } from '../engine/process/index.js';
import { canonicalRole } from './candidate-roles.js';
import { type TaskDto, toTaskDto } from './dto/task.dto.js';
import { type InstanceDuties, segregationBars } from './segregation.js';
import type { TaskCamundaForm, TaskEntity } from './entities/task.entity.js';
import type { StoredForm } from '../common/form-registry.js';
import { type ApprovalRow, type LatestTask, type TaskOrigin, TasksRepository } from './repositories/tasks.repository.js';

/** Outcomes (of the shipped processes' forms) that send the work under review back to whoever submitted it. */
export const RETURN_OUTCOMES = new Set(['reject', 'rejected', 'request-changes', 'refuse', 'send-back']);

export type { TaskOrigin } from './repositories/tasks.repository.js';
export type UserTaskWait = Extract<Wait, { kind: 'userTask' }>;

/**
 * The Camunda form a new task keeps: a linked form's latest version now (the step that opened the task checked it is
 * stored, else the task is held by an incident), or the embedded one. Completions are validated against what it keeps.
 */
function taskForm(w: UserTaskWait, linkedForms: ReadonlyMap<string, StoredForm>): TaskCamundaForm | null {
  const ref = w.camundaForm;
  if (!ref) return null;
  if (ref.kind === 'embedded') return { formId: null, version: null, formKey: ref.formKey, schema: ref.schema };
  const form = linkedForms.get(ref.formId);
  if (!form) throw new Error(`form "${ref.formId}" of task ${w.elementId} is not stored`);
  return { formId: form.formId, version: form.version, formKey: null, schema: form.schema };
}

/** The form ids the new user tasks of a step link (their latest versions are read before the step is written). */
export function linkedFormIds(waits: UserTaskWait[]): string[] {
  return [...new Set(waits.flatMap((w) => (w.camundaForm?.kind === 'linked' ? [w.camundaForm.formId] : [])))];
}

/** Another open item of a multi-instance task, as `task.completed` and `task.assigned` announce it (who may still act on it). */
export interface OpenItem {
  id: string;
  name: string;
  candidateRoles: string[];
  assignee: string | null;
  dueAt: string | null;
  /** Subjects segregation of duties bars from completing it now (who completed another item, …). */
  barred: string[];
}

/** What the events about a task opened by a step say of it. */
export interface OpenedTask {
  id: string;
  name: string;
  elementId: string;
  candidateRoles: string[];
  /** ISO 8601, as JSON renders the row's `due_at`. */
  dueAt: string | null;
  /** Subjects segregation of duties bars from completing it (the initiator, completers of the tasks it is separate from, …). */
  barred: string[];
}

export interface TaskCompletion {
  by: string;
  outcome: string | null;
  variables: Record<string, unknown>;
}

/** The task rows one step statement changed, by what happened to them. */
export interface TaskChanges {
  created?: string;
  cancelled?: string;
  completed?: string;
}

/**
 * What the process engine asks of the task register: a step opens, cancels and completes task rows
 * in its own statement (the pieces come from here, the tasks repository writes them), and a
 * completion locks the task with its instance in one statement.
 */
@Injectable()
export class TaskRecords {
  constructor(private readonly tasks: TasksRepository) {}

  /**
   * Opens a task row for each new user-task wait. Ids are chosen here, so the step can write the
   * tasks' audit and outbox events in the same statement.
   */
  openIn(
    stmt: WriteStatement,
    origin: TaskOrigin,
    waits: UserTaskWait[],
    documentation: (elementId: string) => string | undefined,
    duties: InstanceDuties,
    linkedForms: ReadonlyMap<string, StoredForm>,
    now: Date,
    changes: TaskChanges,
  ): OpenedTask[] {
    if (!waits.length) return [];
    const opened = waits.map((w) => ({
      id: randomUUID(),
      name: w.name,
      elementId: w.elementId,
      // A task modelled without candidate roles is the administrators' (its deployment was warned).
      candidateRoles: w.candidateRoles.length ? [...new Set(w.candidateRoles.map(canonicalRole))] : ['admin'],
      dueAt: w.dueAt ? new Date(w.dueAt).toISOString() : null,
      barred: [
        ...new Set(
          segregationBars({ separateFrom: w.separateFrom, elementId: w.elementId, waitKey: w.key, item: w.item ?? null }, duties).flatMap(
            (bar) => bar.subjects,
          ),
        ),
      ],
    }));
    const rows = waits.map((w, i) => ({
      id: opened[i].id,
      wait_key: w.key,
      element_id: w.elementId,
      name: w.name,
      documentation: documentation(w.elementId) ?? null,
      candidate_roles: opened[i].candidateRoles,
      due_at: opened[i].dueAt,
      form: w.form,
      camunda_form: taskForm(w, linkedForms),
      separate_from: w.separateFrom,
      item: w.item ? { index: w.item.index, value: w.item.value, collectionKey: w.item.collectionKey, count: w.item.count } : null,
    }));
    changes.created = this.tasks.createIn(stmt, origin, rows, now);
    return opened;
  }

  /** Cancels the open tasks of waits that were left. */
  cancelIn(stmt: WriteStatement, instanceId: string, waitKeys: string[], now: Date, changes: TaskChanges): void {
    if (waitKeys.length) changes.cancelled = this.tasks.cancelIn(stmt, instanceId, waitKeys, now);
  }

  /** Completes the task of the wait a `task.complete` closed (claiming it for the completer). */
  completeIn(stmt: WriteStatement, instanceId: string, waitKey: string, completion: TaskCompletion, now: Date, changes: TaskChanges): void {
    changes.completed = this.tasks.completeIn(stmt, instanceId, waitKey, completion, now);
  }

  /** The rows the statement changed, by kind. */
  changed(m: EntityManager, result: WriteResult, changes: TaskChanges): { created: TaskDto[]; cancelled: TaskDto[]; completed: TaskDto[] } {
    const rows = (cte?: string) => this.tasks.rowsOf(m, result, cte).map(toTaskDto);
    return { created: rows(changes.created), cancelled: rows(changes.cancelled), completed: rows(changes.completed) };
  }

  /** The pieces that lock a task with its instance in one statement. */
  lockAlongside(m: EntityManager): LockedAlongside {
    return { ...this.tasks.lockAlongside, columns: this.tasks.lockedColumns(m) };
  }

  lockedTask(m: EntityManager, row: Record<string, unknown>): TaskEntity {
    return this.tasks.lockedRow(m, row);
  }

  openForInstance(m: EntityManager, instanceId: string): Promise<TaskEntity[]> {
    return this.tasks.openForInstance(m, instanceId);
  }

  latestForElement(m: EntityManager, instanceId: string, elementId: string): Promise<LatestTask | undefined> {
    return this.tasks.latestForElement(m, instanceId, elementId);
  }

  /** To whom a completion with a sending-back outcome returns the work, or null when it does not (see RETURN_OUTCOMES). */
  async returnedTo(m: EntityManager, instanceId: string, elementId: string, completion: { by: string; outcome: string | null }): Promise<string | null> {
    if (!completion.outcome || !RETURN_OUTCOMES.has(completion.outcome)) return null;
    return this.tasks.submitterBefore(m, instanceId, elementId, completion.by);
  }

  /**
   * The other items of a multi-instance task still open after a change (`duties` as it leaves the
   * instance): when one completes or is claimed, fewer people may act on the rest.
   */
  async openItemsBeside(m: EntityManager, task: { id: string; instanceId: string; elementId: string }, duties: InstanceDuties): Promise<OpenItem[]> {
    const waiting = new Set(duties.waits.map((w) => w.key));
    return (await this.tasks.openForInstance(m, task.instanceId))
      .filter((t) => t.item && t.elementId === task.elementId && t.id !== task.id && waiting.has(t.waitKey))
      .map((t) => ({
        id: t.id,
        name: t.name,
        candidateRoles: t.candidateRoles,
        assignee: t.assignee,
        dueAt: t.dueAt?.toISOString() ?? null,
        barred: [...new Set(segregationBars(t, duties).flatMap((bar) => bar.subjects))],
      }));
  }

  /** Whether a task exists (evidence links to it). */
  async exists(m: EntityManager, id: string): Promise<boolean> {
    return (await this.tasks.find(m, id)) !== undefined;
  }

  /** The open and completed items of an instance's multi-instance tasks, in item order (who approved what). */
  multiInstanceItems(m: EntityManager, instanceId: string): Promise<ApprovalRow[]> {
    return this.tasks.multiInstanceItems(m, instanceId);
  }
}
