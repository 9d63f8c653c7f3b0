import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlOne } from '../../database/sql.js';
import type { WriteStatement } from '../../database/write-statement.js';
import { ProcessIncidentEntity } from '../entities/process-incident.entity.js';

/** The only code that reads and writes `process_incidents` (the step statement's obsolete-incident CTE aside). */
@Injectable()
export class ProcessIncidentsRepository {
  async insert(
    m: EntityManager,
    incident: { instanceId: string; jobId: string; elementId: string; message: string; attempts: number; at: Date },
  ): Promise<string> {
    const row = await sqlOne<{ id: string }>(
      m,
      `INSERT INTO process_incidents (instance_id, job_id, element_id, message, attempts, status, created_at) VALUES ($1, $2, $3, $4, $5, 'open', $6) RETURNING id`,
      [incident.instanceId, incident.jobId, incident.elementId, incident.message, incident.attempts, incident.at],
    );
    return row!.id;
  }

  /**
   * An incident of an external job (out of retries, or ended by a BPMN error nothing caught), or, without
   * `externalJobId`, of a task the engine holds (see StepResult.incidents).
   */
  async insertForElement(
    m: EntityManager,
    incident: { instanceId: string; externalJobId?: string; elementId: string; message: string; attempts: number; at: Date },
  ): Promise<string> {
    const row = await sqlOne<{ id: string }>(
      m,
      `INSERT INTO process_incidents (instance_id, external_job_id, element_id, message, attempts, status, created_at)
       VALUES ($1, $2, $3, $4, $5, 'open', $6) RETURNING id`,
      [incident.instanceId, incident.externalJobId ?? null, incident.elementId, incident.message, incident.attempts, incident.at],
    );
    return row!.id;
  }

  /**
   * In a step's statement: the open incidents of tasks the engine held (no job, no external job) whose token it holds
   * no more — their element was left by a boundary event, an event sub-process or a cancel — are resolved.
   */
  releaseIn(stmt: WriteStatement, instanceId: string, held: string[], resolution: 'obsolete' | 'cancelled', now: Date): void {
    stmt.with(
      'released_incidents',
      `UPDATE process_incidents SET status = 'resolved', resolution = ${stmt.param(resolution)}, resolved_at = ${stmt.param(now)}
        WHERE instance_id = ${stmt.param(instanceId)} AND status = 'open' AND job_id IS NULL AND external_job_id IS NULL
          AND NOT (element_id = ANY(${stmt.param(held)}::text[]))`,
    );
  }

  lock(
    m: EntityManager,
    id: string,
    instanceId: string,
  ): Promise<{ status: string; job_id: string | null; external_job_id: string | null; element_id: string } | undefined> {
    return sqlOne<{ status: string; job_id: string | null; external_job_id: string | null; element_id: string }>(
      m,
      `SELECT status, job_id, external_job_id, element_id FROM process_incidents WHERE id = $1 AND instance_id = $2 FOR UPDATE`,
      [id, instanceId],
    );
  }

  async resolve(m: EntityManager, id: string, resolution: string, at: Date, by: string): Promise<void> {
    await m.query(`UPDATE process_incidents SET status = 'resolved', resolution = $2, resolved_at = $3, resolved_by = $4 WHERE id = $1`, [
      id,
      resolution,
      at,
      by,
    ]);
  }

  /** A retry that failed again: the incident stays open with the new error. */
  async countFailedRetry(m: EntityManager, id: string, message: string): Promise<void> {
    await m.query(`UPDATE process_incidents SET attempts = attempts + 1, message = $2 WHERE id = $1`, [id, message]);
  }

  forInstance(m: EntityManager, instanceId: string): Promise<ProcessIncidentEntity[]> {
    return m.getRepository(ProcessIncidentEntity).find({ where: { instanceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
