import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hydrate, hydratePrefixed, prefixedColumns } from '../../database/rows.js';
import { sql, sqlOne } from '../../database/sql.js';
import type { WriteResult, WriteStatement } from '../../database/write-statement.js';
import { TaskEntity } from '../entities/task.entity.js';

export interface NewTaskRow {
  id: string;
  wait_key: string;
  element_id: string;
  name: string;
  documentation: string | null;
  candidate_roles: string[];
  due_at: string | null;
  form: unknown;
  camunda_form: unknown;
  separate_from: string[];
  item: unknown;
}

/** What a task row repeats from its instance. */
export interface TaskOrigin {
  instanceId: string;
  definitionKey: string;
  definitionVersion: number;
  subjectType: string;
  subjectId: string;
}

export interface TaskFilter {
  /** Open tasks assigned to `me` or claimable with one of `roles`. */
  inbox?: { me: string; roles: string[] };
  status?: string;
  dueBefore?: Date;
  assignee?: string;
  candidateRole?: string;
  instanceId?: string;
  subjectType?: string;
  subjectId?: string;
}

/** One item of a multi-instance approval as the impact assessment records it. */
export interface ApprovalRow {
  completed_by: string | null;
  candidate_roles: string[];
  decision: string | null;
  status: string;
  index: number | null;
}

/** The latest task of an element, as a timer on it announces it. */
export interface LatestTask {
  id: string;
  name: string;
  assignee: string | null;
  candidateRoles: string[];
}

/** An open task whose due time came near or passed, as its announcement tells it. */
export interface DeadlineTask {
  id: string;
  name: string;
  dueAt: Date;
  assignee: string | null;
  candidateRoles: string[];
  instanceId: string;
  subjectType: string;
  subjectId: string;
}

const ALIAS = 't';

/** The only code that reads and writes `tasks`. Rows are opened, cancelled and completed by process steps, in the step's statement. */
@Injectable()
export class TasksRepository {
  /** Opens the rows; returns the CTE whose rows (RETURNING *) the step hands back. */
  createIn(stmt: WriteStatement, origin: TaskOrigin, rows: NewTaskRow[], now: Date): string {
    const p = (value: unknown) => stmt.param(value);
    const cte = stmt.with(
      'created_tasks',
      `INSERT INTO tasks (instance_id, definition_key, definition_version, subject_type, subject_id, status, created_at,
                          id, wait_key, element_id, name, documentation, candidate_roles, due_at, form, camunda_form, separate_from, item)
       SELECT ${p(origin.instanceId)}::uuid, ${p(origin.definitionKey)}, ${p(origin.definitionVersion)}::int, ${p(origin.subjectType)}, ${p(origin.subjectId)}, 'open', ${p(now)}::timestamptz, w.*
         FROM jsonb_to_recordset(${p(JSON.stringify(rows))}) AS w(id uuid, wait_key text, element_id text, name text, documentation text, candidate_roles text[],
                                                          due_at timestamptz, form jsonb, camunda_form jsonb, separate_from text[], item jsonb)
       RETURNING *`,
    );
    stmt.returning(cte);
    return cte;
  }

  /** Cancels the open tasks of the waits; returns the CTE of the cancelled rows. */
  cancelIn(stmt: WriteStatement, instanceId: string, waitKeys: string[], now: Date): string {
    const cte = stmt.with(
      'cancelled_tasks',
      `UPDATE tasks SET status = 'cancelled', cancelled_at = ${stmt.param(now)}, version = version + 1
        WHERE instance_id = ${stmt.param(instanceId)} AND wait_key = ANY(${stmt.param(waitKeys)}) AND status = 'open' RETURNING *`,
    );
    stmt.returning(cte);
    return cte;
  }

  /** Completes the open task of the wait (claiming it for the completer); returns the CTE of the completed row. */
  completeIn(
    stmt: WriteStatement,
    instanceId: string,
    waitKey: string,
    completion: { by: string; outcome: string | null; variables: Record<string, unknown> },
    now: Date,
  ): string {
    const at = stmt.param(now);
    const by = stmt.param(completion.by);
    const cte = stmt.with(
      'completed_tasks',
      `UPDATE tasks SET status = 'completed', assignee = ${by}, claimed_at = coalesce(claimed_at, ${at}), completed_at = ${at}, completed_by = ${by},
                        outcome = ${stmt.param(completion.outcome)}, variables = ${stmt.param(JSON.stringify(completion.variables))}, version = version + 1
        WHERE instance_id = ${stmt.param(instanceId)} AND wait_key = ${stmt.param(waitKey)} AND status = 'open' RETURNING *`,
    );
    stmt.returning(cte);
    return cte;
  }

  /** The task rows a statement handed back from one of the CTEs above. */
  rowsOf(m: EntityManager, result: WriteResult, cte: string | undefined): TaskEntity[] {
    return cte ? result.of(cte).map((row) => hydrate(m, TaskEntity, row)) : [];
  }

  /** The pieces that lock a task with its instance in one statement (see ProcessInstancesRepository.lockTreeWith). */
  readonly lockAlongside = {
    target: `SELECT instance_id AS id FROM tasks WHERE id = $1`,
    join: `JOIN tasks ${ALIAS} ON ${ALIAS}.id = $1`,
    alias: ALIAS,
  };

  lockedColumns(m: EntityManager): string {
    return prefixedColumns(m, TaskEntity, ALIAS);
  }

  lockedRow(m: EntityManager, row: Record<string, unknown>): TaskEntity {
    return hydratePrefixed(m, TaskEntity, row, ALIAS);
  }

  async find(m: EntityManager, id: string, lock = false): Promise<TaskEntity | undefined> {
    const row = await sqlOne<Record<string, unknown>>(m, `SELECT * FROM tasks WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row && hydrate(m, TaskEntity, row);
  }

  async assign(m: EntityManager, id: string, assignee: string | null, claimedAt: Date | null): Promise<void> {
    await m.query(`UPDATE tasks SET assignee = $2, claimed_at = $3, version = version + 1 WHERE id = $1`, [id, assignee, claimedAt]);
  }

  list(m: EntityManager, filter: TaskFilter, limit: number, offset: number): Promise<[TaskEntity[], number]> {
    const qb = m.getRepository(TaskEntity).createQueryBuilder('t');
    if (filter.inbox) {
      qb.andWhere('(t.assignee = :me OR (t.assignee IS NULL AND t.candidate_roles && :roles::text[]))', filter.inbox);
    }
    if (filter.dueBefore) qb.andWhere('t.due_at < :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.status) qb.andWhere('t.status = :status', { status: filter.status });
    if (filter.assignee) qb.andWhere('t.assignee = :assignee', { assignee: filter.assignee });
    if (filter.candidateRole) qb.andWhere(':role = ANY(t.candidate_roles)', { role: filter.candidateRole });
    if (filter.instanceId) qb.andWhere('t.instance_id = :instanceId', { instanceId: filter.instanceId });
    if (filter.subjectType) qb.andWhere('t.subject_type = :subjectType', { subjectType: filter.subjectType });
    if (filter.subjectId) qb.andWhere('t.subject_id = :subjectId', { subjectId: filter.subjectId });
    return qb.orderBy('t.due_at', 'ASC', 'NULLS LAST').addOrderBy('t.created_at', 'ASC').addOrderBy('t.id').take(limit).skip(offset).getManyAndCount();
  }

  /** Open tasks offered to the role (a role in use by them cannot be deleted). */
  openOfferedTo(m: EntityManager, role: string): Promise<Array<{ id: string; name: string; definition_key: string }>> {
    return sql(m, `SELECT id, name, definition_key FROM tasks WHERE status = 'open' AND $1 = ANY(candidate_roles) ORDER BY created_at, id`, [role]);
  }

  openForInstance(m: EntityManager, instanceId: string): Promise<TaskEntity[]> {
    return m.getRepository(TaskEntity).find({ where: { instanceId, status: 'open' }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The newest task of an element of an instance (the one a boundary timer fired on). */
  latestForElement(m: EntityManager, instanceId: string, elementId: string): Promise<LatestTask | undefined> {
    return sqlOne<LatestTask>(
      m,
      `SELECT id, name, assignee, candidate_roles AS "candidateRoles" FROM tasks WHERE instance_id = $1 AND element_id = $2 ORDER BY created_at DESC LIMIT 1`,
      [instanceId, elementId],
    );
  }

  /**
   * Who submitted the work a completion sends back: the last person other than `by` who completed a
   * task of the instance on another element (a multi-instance sibling is a fellow approver).
   */
  async submitterBefore(m: EntityManager, instanceId: string, elementId: string, by: string): Promise<string | null> {
    const row = await sqlOne<{ completed_by: string }>(
      m,
      `SELECT completed_by FROM tasks WHERE instance_id = $1 AND status = 'completed' AND element_id <> $2 AND completed_by <> $3
        ORDER BY completed_at DESC LIMIT 1`,
      [instanceId, elementId, by],
    );
    return row?.completed_by ?? null;
  }

  /**
   * Marks up to `limit` open tasks as announced `overdue` (due by `now`) or `due-soon` (due by
   * `horizon`), once each, and returns them. SKIP LOCKED: a task row locked by a step or a claim is
   * left for the next pass, so this never waits on (or deadlocks with) the instance lock order.
   */
  announceDeadlines(m: EntityManager, which: 'overdue' | 'due-soon', now: Date, horizon: Date, limit: number): Promise<DeadlineTask[]> {
    const [column, upTo] = which === 'overdue' ? ['overdue_announced_at', now] : ['due_soon_announced_at', horizon];
    // An overdue task counts as announced due soon too: it is never announced so afterwards.
    const set = which === 'overdue' ? 'overdue_announced_at = $1, due_soon_announced_at = coalesce(t.due_soon_announced_at, $1)' : 'due_soon_announced_at = $1';
    return sql<DeadlineTask>(
      m,
      `WITH due AS (
         SELECT id FROM tasks
          WHERE status = 'open' AND due_at IS NOT NULL AND overdue_announced_at IS NULL AND ${column} IS NULL AND due_at <= $2
          ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED),
       announced AS (
         UPDATE tasks t SET ${set}
           FROM due WHERE t.id = due.id
         RETURNING t.id, t.name, t.due_at AS "dueAt", t.assignee, t.candidate_roles AS "candidateRoles", t.instance_id AS "instanceId",
                   t.subject_type AS "subjectType", t.subject_id AS "subjectId")
       SELECT * FROM announced`,
      [now, upTo, limit],
    );
  }

  /** The open and completed items of the instance's multi-instance tasks, in item order. */
  multiInstanceItems(m: EntityManager, instanceId: string): Promise<ApprovalRow[]> {
    return sql<ApprovalRow>(
      m,
      `SELECT completed_by, candidate_roles, coalesce(variables->>'decision', outcome) AS decision, status, (item->>'index')::int AS index FROM tasks
        WHERE instance_id = $1 AND status IN ('completed', 'open') AND item IS NOT NULL ORDER BY created_at, (item->>'index')::int, id`,
      [instanceId],
    );
  }
}
