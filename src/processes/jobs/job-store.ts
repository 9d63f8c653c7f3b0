import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../clock/clock.js';
import type { TimerSchedule, Wait } from '../../engine/process/index.js';
import type { JobKind } from '../entities/process-job.entity.js';
import type { WriteStatement } from '../../database/write-statement.js';

export type TimerWait = Extract<Wait, { kind: 'timer' }>;

const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 3_600_000;

/** Exponential backoff after the n-th failed attempt: 10 s, 20 s, 40 s, … at most an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failedAttempts - 1), BACKOFF_MAX_MS);
}

export interface RetryJob {
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

/** Writes job rows: timers of waits, timer start events, and steps to retry. */
@Injectable()
export class JobStore {
  constructor(private readonly clock: Clock) {}

  /** Durable timer rows for the timer waits a step opened. */
  timersIn(stmt: WriteStatement, instanceId: string, waits: TimerWait[], now: Date): void {
    if (!waits.length) return;
    stmt.with(
      'new_timers',
      `INSERT INTO process_jobs (kind, instance_id, wait_key, element_id, due_at, run_at, created_at)
       SELECT 'timer', ${stmt.param(instanceId)}::uuid, w.key, w.element_id, w.due_at, w.due_at, ${stmt.param(now)}::timestamptz
         FROM jsonb_to_recordset(${stmt.param(JSON.stringify(waits.map((w) => ({ key: w.key, element_id: w.elementId, due_at: w.dueAt }))))})
              AS w(key text, element_id text, due_at timestamptz)`,
    );
  }

  /**
   * Cancels the open jobs of waits that were left (timers of elements left, retries of message
   * waits closed meanwhile) and resolves their incidents as obsolete. `exceptJobId`: the job that
   * drives this step, marked done by its runner instead.
   */
  cancelIn(stmt: WriteStatement, instanceId: string, waitKeys: string[], exceptJobId: string | undefined, now: Date): void {
    if (!waitKeys.length) return;
    const at = stmt.param(now);
    stmt.with(
      'cancelled_jobs',
      `UPDATE process_jobs SET status = 'cancelled', locked_by = NULL, locked_until = NULL, done_at = ${at}
        WHERE instance_id = ${stmt.param(instanceId)} AND wait_key = ANY(${stmt.param(waitKeys)}) AND status IN ('pending', 'failed')
          AND id IS DISTINCT FROM ${stmt.param(exceptJobId ?? null)}::uuid
        RETURNING id`,
    );
    stmt.with(
      'obsolete_incidents',
      `UPDATE process_incidents SET status = 'resolved', resolution = 'obsolete', resolved_at = ${at}
        WHERE status = 'open' AND job_id IN (SELECT id FROM cancelled_jobs)`,
    );
  }

  /** A timer start event's next occurrence; `schedule` travels in the payload so cycles can re-arm. */
  async addStartTimer(m: EntityManager, definitionId: string, startEventId: string, schedule: TimerSchedule): Promise<void> {
    await m.query(
      `INSERT INTO process_jobs (kind, definition_id, element_id, due_at, run_at, payload, created_at)
       VALUES ('start-timer', $1, $2, $3, $3, $4, $5)`,
      [definitionId, startEventId, schedule.dueAt, JSON.stringify({ schedule }), this.clock.now()],
    );
  }

  async addRetry(m: EntityManager, job: RetryJob): Promise<string> {
    const now = this.clock.now();
    const [row] = await m.query(
      `INSERT INTO process_jobs (kind, instance_id, definition_id, wait_key, element_id, due_at, run_at, payload, attempts, last_error, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $6) RETURNING id`,
      [job.kind, job.instanceId ?? null, job.definitionId ?? null, job.waitKey ?? null, job.elementId, now, job.runAt, JSON.stringify(job.payload), job.attempts, job.lastError],
    );
    return row.id;
  }

  /** A new version of a definition replaces the timer start events of the older ones. */
  async cancelStartTimers(m: EntityManager, definitionKey: string): Promise<void> {
    await m.query(
      `UPDATE process_jobs j SET status = 'cancelled', done_at = $2
         FROM process_definitions d
        WHERE j.definition_id = d.id AND d.key = $1 AND j.kind = 'start-timer' AND j.status = 'pending'`,
      [definitionKey, this.clock.now()],
    );
  }
}
