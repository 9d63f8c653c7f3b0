import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock.js';
import type { Wait } from '../engine/process/index.js';
import { hydrate } from '../processes/rows.js';
import type { WriteStatement } from '../database/write-statement.js';
import { TaskEntity } from './entities/task.entity.js';
import { TaskError, TaskErrorCode } from './tasks.errors.js';

export type UserTaskWait = Extract<Wait, { kind: 'userTask' }>;

/** Roles compare case-insensitively with `_` and `-` alike: `risk_officer` (as Camunda Modeler users write it) is the role `risk-officer`. */
export function canonicalRole(role: string): string {
  return role.trim().toLowerCase().replace(/_/g, '-');
}

export function holdsCandidateRole(roles: readonly string[], candidateRoles: readonly string[]): boolean {
  return roles.some((role) => candidateRoles.includes(canonicalRole(role)));
}

/** What the events about a task opened by a step say of it. */
export interface OpenedTask {
  id: string;
  name: string;
  elementId: string;
  candidateRoles: string[];
  /** ISO 8601, as JSON renders the row's `due_at`. */
  dueAt: string | null;
}

export interface TaskCompletion {
  by: string;
  outcome: string | null;
  variables: Record<string, unknown>;
}

/** What a task row repeats from its instance. */
export interface TaskOrigin {
  instanceId: string;
  definitionKey: string;
  definitionVersion: number;
  subjectType: string;
  subjectId: string;
}

/** Task rows: opened, cancelled and completed by the process engine's step, claimed and delegated by the task API. */
@Injectable()
export class TaskStore {
  constructor(private readonly clock: Clock) {}

  /**
   * Opens a task row for each new user-task wait; the rows come back as `created_tasks`. Ids are
   * chosen here, so the step can write the tasks' audit and outbox events in the same statement.
   */
  createIn(stmt: WriteStatement, origin: TaskOrigin, waits: UserTaskWait[], documentation: (elementId: string) => string | undefined, now: Date): OpenedTask[] {
    if (!waits.length) return [];
    const opened = waits.map((w) => ({
      id: randomUUID(),
      name: w.name,
      elementId: w.elementId,
      candidateRoles: [...new Set(w.candidateRoles.map(canonicalRole))],
      dueAt: w.dueAt ? new Date(w.dueAt).toISOString() : null,
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
      separate_from: w.separateFrom,
      item: w.item ? { index: w.item.index, value: w.item.value, collectionKey: w.item.collectionKey } : null,
    }));
    const p = (value: unknown) => stmt.param(value);
    stmt.with(
      'created_tasks',
      `INSERT INTO tasks (instance_id, definition_key, definition_version, subject_type, subject_id, status, created_at,
                          id, wait_key, element_id, name, documentation, candidate_roles, due_at, form, separate_from, item)
       SELECT ${p(origin.instanceId)}::uuid, ${p(origin.definitionKey)}, ${p(origin.definitionVersion)}::int, ${p(origin.subjectType)}, ${p(origin.subjectId)}, 'open', ${p(now)}::timestamptz, w.*
         FROM jsonb_to_recordset(${p(JSON.stringify(rows))}) AS w(id uuid, wait_key text, element_id text, name text, documentation text, candidate_roles text[],
                                                          due_at timestamptz, form jsonb, separate_from text[], item jsonb)
       RETURNING *`,
    );
    stmt.returning('created_tasks');
    return opened;
  }

  /** Cancels the open tasks of waits that were left; they come back as `cancelled_tasks`. */
  cancelIn(stmt: WriteStatement, instanceId: string, waitKeys: string[], now: Date): void {
    if (!waitKeys.length) return;
    stmt.with(
      'cancelled_tasks',
      `UPDATE tasks SET status = 'cancelled', cancelled_at = ${stmt.param(now)}, version = version + 1
        WHERE instance_id = ${stmt.param(instanceId)} AND wait_key = ANY(${stmt.param(waitKeys)}) AND status = 'open' RETURNING *`,
    );
    stmt.returning('cancelled_tasks');
  }

  /** Completes the task of the wait a `task.complete` closed (claiming it for the completer); it comes back as `completed_tasks`. */
  completeIn(stmt: WriteStatement, instanceId: string, waitKey: string, completion: TaskCompletion, now: Date): void {
    const at = stmt.param(now);
    const by = stmt.param(completion.by);
    stmt.with(
      'completed_tasks',
      `UPDATE tasks SET status = 'completed', assignee = ${by}, claimed_at = coalesce(claimed_at, ${at}), completed_at = ${at}, completed_by = ${by},
                        outcome = ${stmt.param(completion.outcome)}, variables = ${stmt.param(JSON.stringify(completion.variables))}, version = version + 1
        WHERE instance_id = ${stmt.param(instanceId)} AND wait_key = ${stmt.param(waitKey)} AND status = 'open' RETURNING *`,
    );
    stmt.returning('completed_tasks');
  }

  async find(m: EntityManager, id: string, lock = false): Promise<TaskEntity> {
    const [row] = await m.query(`SELECT * FROM tasks WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) throw new TaskError(TaskErrorCode.NotFound, `No task with id ${id}`);
    return hydrate(m, TaskEntity, row);
  }

  /** Claims (or delegates) a task to `assignee`, or releases it with null. */
  async assign(m: EntityManager, task: TaskEntity, assignee: string | null): Promise<TaskEntity> {
    const claimedAt = assignee ? this.clock.now() : null;
    await m.query(`UPDATE tasks SET assignee = $2, claimed_at = $3, version = version + 1 WHERE id = $1`, [task.id, assignee, claimedAt]);
    return Object.assign(task, { assignee, claimedAt, version: task.version + 1 });
  }
}
