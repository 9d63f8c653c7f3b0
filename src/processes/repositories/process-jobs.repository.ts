import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hydrate } from '../../database/rows.js';
import { sql, sqlOne } from '../../database/sql.js';
import type { WriteStatement } from '../../database/write-statement.js';
import type { TimerSchedule } from '../../engine/process/index.js';
import { type JobKind, type JobStatus, ProcessJobEntity } from '../entities/process-job.entity.js';

export interface NewTimer {
  key: string;
  element_id: string;
  due_at: string;
}

/** A pending timer wait with what the list of timers shows of its instance. */
export interface PendingTimerRow {
  id: string;
  instanceId: string;
  definitionId: string;
  definitionKey: string;
  definitionVersion: number;
  elementId: string;
  dueAt: Date;
  status: JobStatus;
  subjectType: string;
  subjectId: string;
}

export interface PendingTimerFilter {
  limit: number;
  offset: number;
  dueBefore?: Date;
  dueAfter?: Date;
  definitionKey?: string;
  subjectType?: string;
  subjectId?: string;
}

export interface NewRetry {
  kind: JobKind;
  instanceId?: string | null;
  definitionId?: string | null;
  waitKey?: string | null;
  elementId: string;
  payload: Record<string, unknown>;
  attempts: number;
  runAt: Date;
  lastError: string;
}

/** The only code that reads and writes `process_jobs`: timers of waits, timer start events, and steps to retry. */
@Injectable()
export class ProcessJobsRepository {
  /** Durable timer rows for the timer waits a step opened. */
  timersIn(stmt: WriteStatement, instanceId: string, timers: NewTimer[], now: Date): void {
    stmt.with(
      'new_timers',
      `INSERT INTO process_jobs (kind, instance_id, wait_key, element_id, due_at, run_at, created_at)
       SELECT 'timer', ${stmt.param(instanceId)}::uuid, w.key, w.element_id, w.due_at, w.due_at, ${stmt.param(now)}::timestamptz
         FROM jsonb_to_recordset(${stmt.param(JSON.stringify(timers))}) AS w(key text, element_id text, due_at timestamptz)`,
    );
  }

  /**
   * Cancels the open jobs of waits that were left (timers of elements left, retries of message
   * waits closed meanwhile) and resolves their incidents as obsolete. `exceptJobId`: the job that
   * drives this step, marked done by its runner instead.
   */
  cancelIn(stmt: WriteStatement, instanceId: string, waitKeys: string[], exceptJobId: string | undefined, now: Date): void {
    const at = stmt.param(now);
    const cancelled = stmt.with(
      'cancelled_jobs',
      `UPDATE process_jobs SET status = 'cancelled', locked_by = NULL, locked_until = NULL, done_at = ${at}
        WHERE instance_id = ${stmt.param(instanceId)} AND wait_key = ANY(${stmt.param(waitKeys)}) AND status IN ('pending', 'failed')
          AND id IS DISTINCT FROM ${stmt.param(exceptJobId ?? null)}::uuid
        RETURNING id`,
    );
    stmt.with(
      'obsolete_incidents',
      `UPDATE process_incidents SET status = 'resolved', resolution = 'obsolete', resolved_at = ${at}
        WHERE status = 'open' AND job_id IN (SELECT id FROM ${cancelled})`,
    );
  }

  /** A cancelled instance whose start failed: its jobs stop and its incidents are resolved. */
  async cancelForInstance(m: EntityManager, instanceId: string, at: Date, by: string): Promise<void> {
    await m.query(
      `WITH jobs AS (UPDATE process_jobs SET status = 'cancelled', done_at = $2 WHERE instance_id = $1 AND status IN ('pending', 'failed') RETURNING id)
       UPDATE process_incidents SET status = 'resolved', resolution = 'cancelled', resolved_at = $2, resolved_by = $3
        WHERE instance_id = $1 AND status = 'open'`,
      [instanceId, at, by],
    );
  }

  /** A timer start event's next occurrence; `schedule` travels in the payload so cycles can re-arm. */
  async addStartTimer(m: EntityManager, definitionId: string, startEventId: string, schedule: TimerSchedule, now: Date): Promise<void> {
    await m.query(
      `INSERT INTO process_jobs (kind, definition_id, element_id, due_at, run_at, payload, created_at)
       VALUES ('start-timer', $1, $2, $3, $3, $4, $5)`,
      [definitionId, startEventId, schedule.dueAt, JSON.stringify({ schedule }), now],
    );
  }

  /** A start by a message start event, due now (a buffered message a new definition takes). */
  async addMessageStart(m: EntityManager, definitionId: string, startEventId: string, payload: Record<string, unknown>, now: Date): Promise<void> {
    await m.query(
      `INSERT INTO process_jobs (kind, definition_id, element_id, due_at, run_at, payload, created_at)
       VALUES ('start-message', $1, $2, $3, $3, $4, $3)`,
      [definitionId, startEventId, now, JSON.stringify(payload)],
    );
  }

  async addRetry(m: EntityManager, job: NewRetry, now: Date): Promise<string> {
    const row = await sqlOne<{ id: string }>(
      m,
      `INSERT INTO process_jobs (kind, instance_id, definition_id, wait_key, element_id, due_at, run_at, payload, attempts, last_error, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $6) RETURNING id`,
      [
        job.kind,
        job.instanceId ?? null,
        job.definitionId ?? null,
        job.waitKey ?? null,
        job.elementId,
        now,
        job.runAt,
        JSON.stringify(job.payload),
        job.attempts,
        job.lastError,
      ],
    );
    return row!.id;
  }

  /** A new version of a definition replaces the timer start events of the older ones. */
  async cancelStartTimers(m: EntityManager, definitionKey: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE process_jobs j SET status = 'cancelled', done_at = $2
         FROM process_definitions d
        WHERE j.definition_id = d.id AND d.key = $1 AND j.kind = 'start-timer' AND j.status = 'pending'`,
      [definitionKey, at],
    );
  }

  /** Claims up to `limit` pending jobs due by `dueBy` for `replica` (a lease, real time), earliest first. */
  async claimDue(m: EntityManager, dueBy: Date, limit: number, replica: string, lease: string): Promise<ProcessJobEntity[]> {
    const rows = await sql<Record<string, unknown>>(
      m,
      `WITH claimed AS (
         UPDATE process_jobs SET locked_by = $3, locked_until = clock_timestamp() + $4::interval
          WHERE id IN (SELECT id FROM process_jobs
                        WHERE status = 'pending' AND run_at <= $1 AND (locked_until IS NULL OR locked_until < clock_timestamp())
                        ORDER BY run_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING *)
       SELECT * FROM claimed ORDER BY run_at, id`,
      [dueBy, limit, replica, lease],
    );
    return rows.map((row) => hydrate(m, ProcessJobEntity, row));
  }

  async lock(m: EntityManager, jobId: string): Promise<ProcessJobEntity | undefined> {
    const row = await sqlOne<Record<string, unknown>>(m, `SELECT * FROM process_jobs WHERE id = $1 FOR UPDATE`, [jobId]);
    return row && hydrate(m, ProcessJobEntity, row);
  }

  async markDone(m: EntityManager, jobId: string, at: Date, by: string): Promise<void> {
    await m.query(`UPDATE process_jobs SET status = 'done', done_at = $2, done_by = $3, locked_until = NULL WHERE id = $1`, [jobId, at, by]);
  }

  /** The wait it was for has closed: nothing left to do. */
  async markObsolete(m: EntityManager, jobId: string, error: string, at: Date): Promise<void> {
    await m.query(`UPDATE process_jobs SET status = 'cancelled', last_error = $2, done_at = $3, locked_until = NULL WHERE id = $1 AND status = 'pending'`, [
      jobId,
      error,
      at,
    ]);
  }

  async note(m: EntityManager, jobId: string, message: string): Promise<void> {
    await m.query(`UPDATE process_jobs SET last_error = $2 WHERE id = $1`, [jobId, message]);
  }

  async scheduleAttempt(m: EntityManager, jobId: string, attempts: number, error: string, runAt: Date): Promise<void> {
    await m.query(`UPDATE process_jobs SET attempts = $2, last_error = $3, run_at = $4, locked_by = NULL, locked_until = NULL WHERE id = $1`, [
      jobId,
      attempts,
      error,
      runAt,
    ]);
  }

  /** Out of attempts: the job waits for its incident to be retried. */
  async markFailed(m: EntityManager, jobId: string, attempts: number, error: string, instanceId: string): Promise<void> {
    await m.query(
      `UPDATE process_jobs SET status = 'failed', attempts = $2, last_error = $3, instance_id = $4, locked_by = NULL, locked_until = NULL WHERE id = $1`,
      [jobId, attempts, error, instanceId],
    );
  }

  async countFailedRetry(m: EntityManager, jobId: string, error: string): Promise<void> {
    await m.query(`UPDATE process_jobs SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [jobId, error]);
  }

  async markRearmed(m: EntityManager, jobId: string): Promise<void> {
    await m.query(`UPDATE process_jobs SET payload = payload || '{"rearmed": true}'::jsonb WHERE id = $1`, [jobId]);
  }

  /** Open jobs of an instance (timers not yet fired, retries), by due time. */
  openForInstance(m: EntityManager, instanceId: string): Promise<ProcessJobEntity[]> {
    return m
      .getRepository(ProcessJobEntity)
      .createQueryBuilder('j')
      .where('j.instance_id = :instanceId', { instanceId })
      .andWhere(`j.status IN ('pending', 'failed')`)
      .orderBy('j.run_at', 'ASC')
      .addOrderBy('j.id', 'ASC')
      .getMany();
  }

  /** Timer waits not yet fired across instances (failed ones included: still to come), by due time. */
  async pendingTimers(m: EntityManager, f: PendingTimerFilter): Promise<[PendingTimerRow[], number]> {
    const params: unknown[] = [];
    const where = [`j.kind = 'timer'`, `j.status IN ('pending', 'failed')`];
    const add = (clause: string, value: unknown): void => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (f.dueBefore) add('j.due_at < ?', f.dueBefore);
    if (f.dueAfter) add('j.due_at >= ?', f.dueAfter);
    if (f.definitionKey) add('i.definition_key = ?', f.definitionKey);
    if (f.subjectType) add('i.subject_type = ?', f.subjectType);
    if (f.subjectId) add('i.subject_id = ?', f.subjectId);
    const from = `FROM process_jobs j JOIN process_instances i ON i.id = j.instance_id WHERE ${where.join(' AND ')}`;
    const total = await sqlOne<{ n: number }>(m, `SELECT count(*)::int AS n ${from}`, params);
    const rows = await sql<PendingTimerRow>(
      m,
      `SELECT j.id, j.instance_id AS "instanceId", i.definition_id AS "definitionId", i.definition_key AS "definitionKey",
              i.definition_version AS "definitionVersion", j.element_id AS "elementId", j.due_at AS "dueAt", j.status,
              i.subject_type AS "subjectType", i.subject_id AS "subjectId"
         ${from} ORDER BY j.due_at, j.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return [rows, total?.n ?? 0];
  }
}
