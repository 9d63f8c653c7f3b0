import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LockedAlongside } from '../../database/locked-alongside.js';
import { hydrate, hydratePrefixed, prefixedColumns } from '../../database/rows.js';
import { sql } from '../../database/sql.js';
import type { WriteStatement } from '../../database/write-statement.js';
import { ProcessExternalJobEntity } from '../entities/process-external-job.entity.js';

/** A step that opens external jobs notifies this channel (at commit), waking long-polling activations on every replica. */
export const EXTERNAL_JOBS_CHANNEL = 'aimsflow_external_jobs';

export interface NewExternalJob {
  key: string;
  element_id: string;
  element_name: string;
  type: string;
  headers: Record<string, string>;
  variables: Record<string, unknown>;
  retries: number;
}

const ALIAS = 'ej';

/** The only code that reads and writes `process_external_jobs` (incidents of external jobs aside, see cancelIn). */
@Injectable()
export class ProcessExternalJobsRepository {
  /** Rows for the job waits a step opened. */
  openIn(stmt: WriteStatement, origin: { instanceId: string; definitionKey: string; definitionVersion: number }, jobs: NewExternalJob[], now: Date): void {
    stmt.with(
      'new_external_jobs',
      `INSERT INTO process_external_jobs (instance_id, definition_key, definition_version, wait_key, element_id, element_name, type, headers, variables, retries, run_at, created_at)
       SELECT ${stmt.param(origin.instanceId)}::uuid, ${stmt.param(origin.definitionKey)}, ${stmt.param(origin.definitionVersion)}::integer,
              w.key, w.element_id, w.element_name, w.type, w.headers, w.variables, w.retries, ${stmt.param(now)}::timestamptz, ${stmt.param(now)}::timestamptz
         FROM jsonb_to_recordset(${stmt.param(JSON.stringify(jobs))})
           AS w(key text, element_id text, element_name text, type text, headers jsonb, variables jsonb, retries integer)`,
    );
  }

  /**
   * The jobs of waits a step closed without their worker (a boundary event, a terminate, a cancel) are
   * cancelled and their incidents resolved as obsolete; `consumed`: the job the step completed.
   */
  cancelIn(stmt: WriteStatement, instanceId: string, waitKeys: string[], consumed: string | undefined, now: Date): void {
    const at = stmt.param(now);
    const cancelled = stmt.with(
      'cancelled_external_jobs',
      `UPDATE process_external_jobs SET status = CASE WHEN wait_key = ${stmt.param(consumed ?? null)} THEN 'completed' ELSE 'cancelled' END,
              deadline = NULL, done_at = ${at}
        WHERE instance_id = ${stmt.param(instanceId)}::uuid AND wait_key = ANY(${stmt.param(waitKeys)}) AND status IN ('open', 'failed')
        RETURNING id`,
    );
    stmt.with(
      'obsolete_external_incidents',
      `UPDATE process_incidents SET status = 'resolved', resolution = 'obsolete', resolved_at = ${at}
        WHERE status = 'open' AND external_job_id IN (SELECT id FROM ${cancelled})`,
    );
  }

  /** Wakes the activations waiting for these types (delivered at commit). */
  async announce(m: EntityManager, types: string[]): Promise<void> {
    await m.query(`SELECT pg_notify($1, t) FROM unnest($2::text[]) AS t`, [EXTERNAL_JOBS_CHANNEL, [...new Set(types)]]);
  }

  /**
   * Hands up to `max` open jobs of a type to a worker until `deadline`: jobs nobody holds, or whose
   * holder's deadline passed. SKIP LOCKED: two workers asking at once never get the same job.
   */
  async activate(m: EntityManager, request: { type: string; worker: string; max: number; now: Date; deadline: Date }): Promise<ProcessExternalJobEntity[]> {
    const rows = await sql<Record<string, unknown>>(
      m,
      `WITH picked AS (
         SELECT id FROM process_external_jobs
          WHERE type = $1 AND status = 'open' AND run_at <= $2 AND (deadline IS NULL OR deadline <= $2)
          ORDER BY run_at, created_at, id LIMIT $3 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE process_external_jobs j SET activations = j.activations + 1, worker = $4, deadline = $5
           FROM picked WHERE j.id = picked.id
         RETURNING j.*)
       SELECT * FROM claimed ORDER BY run_at, created_at, id`,
      [request.type, request.now, request.max, request.worker, request.deadline],
    );
    return rows.map((row) => hydrate(m, ProcessExternalJobEntity, row));
  }

  /** The job's instance (root first) and the job row, locked in one statement (ADR 0004). */
  lockAlongside(m: EntityManager): LockedAlongside {
    return {
      target: `SELECT instance_id AS id FROM process_external_jobs WHERE id = $1`,
      join: `JOIN process_external_jobs ${ALIAS} ON ${ALIAS}.id = $1`,
      alias: ALIAS,
      columns: prefixedColumns(m, ProcessExternalJobEntity, ALIAS),
    };
  }

  lockedRow(m: EntityManager, row: Record<string, unknown>): ProcessExternalJobEntity {
    return hydratePrefixed(m, ProcessExternalJobEntity, row, ALIAS);
  }

  /** A failure with retries left: available again after the back-off. */
  async release(m: EntityManager, id: string, retries: number, runAt: Date, errorMessage: string | null): Promise<void> {
    await m.query(`UPDATE process_external_jobs SET retries = $2, run_at = $3, error_message = $4, deadline = NULL WHERE id = $1`, [
      id,
      retries,
      runAt,
      errorMessage,
    ]);
  }

  /** Out of retries, or ended by a BPMN error nothing caught: it waits for its incident to be retried. */
  async markFailed(m: EntityManager, id: string, errorMessage: string): Promise<void> {
    await m.query(`UPDATE process_external_jobs SET status = 'failed', retries = 0, error_message = $2, deadline = NULL WHERE id = $1`, [id, errorMessage]);
  }

  /** An incident retried: one more attempt, available at once. */
  async reopen(m: EntityManager, id: string, retries: number, now: Date): Promise<void> {
    await m.query(`UPDATE process_external_jobs SET status = 'open', retries = $2, run_at = $3, deadline = NULL WHERE id = $1 AND status = 'failed'`, [
      id,
      retries,
      now,
    ]);
  }

  /** Job types with open jobs, with how many are open. */
  openCounts(m: EntityManager): Promise<Array<{ type: string; open: number }>> {
    return sql<{ type: string; open: number }>(
      m,
      `SELECT type, count(*)::integer AS open FROM process_external_jobs WHERE status = 'open' GROUP BY type ORDER BY type`,
    );
  }
}
