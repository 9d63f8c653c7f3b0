import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrailService } from '../../audit-trail/audit-trail.service.js';
import { type Actor, isRole, SYSTEM_ACTOR } from '../../auth/roles.js';
import { Clock, ManualClock } from '../../clock/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import { EngineError, nextOccurrence, resolveTimer, type TimerSchedule } from '../../engine/process/index.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { type JobKind, ProcessJobEntity } from '../entities/process-job.entity.js';
import type { Subject } from '../handlers/handler-registry.js';
import { isStaleEvent, ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { hydrate } from '../rows.js';
import { errorMessage, ProcessEngineService } from '../runtime/process-engine.service.js';
import { JobStore, retryDelayMs } from './job-store.js';

export type FireOutcome = 'fired' | 'skipped' | 'obsolete' | 'retry-scheduled' | 'incident';

/** What happened to one due job. */
export interface FiredJob {
  jobId: string;
  kind: JobKind;
  instanceId: string | null;
  elementId: string;
  dueAt: string;
  /** The service time of the attempt. */
  at: string;
  outcome: FireOutcome;
  error?: string;
}

/** A claim expires after this (real time): a replica that died holding it gives its jobs back. */
const LEASE = '2 minutes';
/** POST /clock/advance stops after this many firings (an unbounded short cycle over a long advance). */
const MAX_FIRINGS_PER_ADVANCE = 10_000;

interface JobPayload {
  name?: string;
  variables?: Record<string, unknown>;
  messageRowId?: string;
  subject?: Subject;
  actor?: { subject: string; roles: string[] };
  schedule?: TimerSchedule;
  /** A timer start whose next occurrence is already scheduled. */
  rearmed?: boolean;
}

function payloadActor(payload: JobPayload): Actor {
  return payload.actor ? { subject: payload.actor.subject, roles: payload.actor.roles.filter(isRole), tokenId: null } : SYSTEM_ACTOR;
}

/**
 * Runs durable jobs: claims due rows (FOR UPDATE SKIP LOCKED, with a lease) and fires each in its
 * own transaction that locks the instance before the job, so a job fires at most once even across
 * replicas, never before it is due, and survives restarts. A failed attempt is retried with
 * exponential backoff; the last one raises an incident on the instance.
 */
@Injectable()
export class JobRunner {
  /** Identifies this replica's claims. */
  readonly replica = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: ProcessEngineService,
    private readonly definitions: DefinitionsService,
    private readonly jobs: JobStore,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** Claims up to `limit` pending jobs due by `dueBy`, earliest first. */
  async claim(limit: number, dueBy: Date): Promise<ProcessJobEntity[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE process_jobs SET locked_by = $3, locked_until = clock_timestamp() + interval '${LEASE}'
          WHERE id IN (SELECT id FROM process_jobs
                        WHERE status = 'pending' AND run_at <= $1 AND (locked_until IS NULL OR locked_until < clock_timestamp())
                        ORDER BY run_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING *)
       SELECT * FROM claimed ORDER BY run_at, id`,
      [dueBy, limit, this.replica],
    );
    return rows.map((row) => hydrate(this.dataSource.manager, ProcessJobEntity, row));
  }

  /** The poller's pass: fires what is due now, in small batches. */
  async runDue(batch = 10, max = 500): Promise<FiredJob[]> {
    const fired: FiredJob[] = [];
    while (fired.length < max) {
      const jobs = await this.claim(batch, this.clock.now());
      for (const job of jobs) fired.push(await this.fire(job));
      if (jobs.length < batch) break;
    }
    return fired;
  }

  /**
   * Manual clock only: moves time forward by an ISO 8601 duration, stopping at each due job on
   * the way (so what it does sees the time it was due), until nothing is due by the target.
   */
  async advance(duration: string): Promise<{ now: string; fired: FiredJob[]; truncated?: true }> {
    if (!(this.clock instanceof ManualClock)) throw new Error('the clock can only be advanced with AIMSFLOW_CLOCK=manual');
    let target: Date;
    try {
      target = new Date(resolveTimer({ type: 'duration', expression: duration }, {}, this.clock.now()).dueAt);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      throw new ProcessError(ProcessErrorCode.InvalidDuration, error.message, [{ pointer: '/duration', message: 'must be an ISO 8601 duration such as P30D or PT4H' }]);
    }
    const fired: FiredJob[] = [];
    while (fired.length < MAX_FIRINGS_PER_ADVANCE) {
      const [job] = await this.claim(1, target);
      if (!job) break;
      this.clock.moveTo(job.runAt);
      fired.push(await this.fire(job));
    }
    this.clock.moveTo(target);
    return { now: this.clock.now().toISOString(), fired, ...(fired.length >= MAX_FIRINGS_PER_ADVANCE ? { truncated: true as const } : {}) };
  }

  /** Fires one claimed job in its own transaction; a failure is recorded for a retry or an incident. */
  async fire(job: ProcessJobEntity): Promise<FiredJob> {
    const report = (outcome: FireOutcome, error?: unknown): FiredJob => ({
      jobId: job.id,
      kind: job.kind,
      instanceId: job.instanceId,
      elementId: job.elementId,
      dueAt: job.dueAt.toISOString(),
      at: this.clock.now().toISOString(),
      outcome,
      ...(error === undefined ? {} : { error: errorMessage(error) }),
    });
    try {
      const fired = await this.dataSource.transaction(async (m) => {
        const current = await this.lockJob(m, job);
        if (current?.status !== 'pending' || current.lockedBy !== this.replica || current.runAt.getTime() > this.clock.now().getTime()) return false;
        await this.execute(m, current);
        await this.markDone(m, current.id);
        return true;
      });
      return report(fired ? 'fired' : 'skipped');
    } catch (error) {
      if (isStaleEvent(error)) {
        await this.dataSource.query(`UPDATE process_jobs SET status = 'cancelled', last_error = $2, done_at = $3, locked_until = NULL WHERE id = $1 AND status = 'pending'`, [
          job.id,
          errorMessage(error),
          this.clock.now(),
        ]);
        return report('obsolete', error);
      }
      this.logger.warn(`job ${job.id} (${job.kind} ${job.elementId}) failed: ${errorMessage(error)}`);
      return report(await this.recordFailure(job, error), error);
    }
  }

  /**
   * Runs the failed step of an open incident again, now. Success resolves the incident and the
   * instance goes on; another failure keeps it open (422) with the new error.
   */
  async retryIncident(instanceId: string, incidentId: string, actor: Actor): Promise<void> {
    let job: ProcessJobEntity | undefined;
    try {
      await this.dataSource.transaction(async (m) => {
        await this.engine.lockInstance(m, instanceId);
        const [incident] = await m.query(`SELECT status, job_id FROM process_incidents WHERE id = $1 AND instance_id = $2 FOR UPDATE`, [incidentId, instanceId]);
        if (!incident) throw new ProcessError(ProcessErrorCode.IncidentNotFound, `Instance ${instanceId} has no incident ${incidentId}`);
        if (incident.status !== 'open') throw new ProcessError(ProcessErrorCode.IncidentNotOpen, `Incident ${incidentId} is already resolved`);
        const [row] = await m.query(`SELECT * FROM process_jobs WHERE id = $1 FOR UPDATE`, [incident.job_id]);
        job = hydrate(m, ProcessJobEntity, row);
        // Resolved first, so the step sees no open incident and the instance leaves `failed`.
        await m.query(`UPDATE process_incidents SET status = 'resolved', resolution = 'retried', resolved_at = $2, resolved_by = $3 WHERE id = $1`, [
          incidentId,
          this.clock.now(),
          actor.subject,
        ]);
        await this.execute(m, job, actor);
        await this.markDone(m, job.id);
        await this.audit.append(m, actor, {
          action: 'process-instance.incident-resolved',
          subjectType: 'process-instance',
          subjectId: instanceId,
          after: { incidentId, elementId: job.elementId },
        });
      });
    } catch (error) {
      if (!job) throw error;
      await this.dataSource.query(
        `WITH job AS (UPDATE process_jobs SET attempts = attempts + 1, last_error = $3 WHERE id = $2)
         UPDATE process_incidents SET attempts = attempts + 1, message = $3 WHERE id = $1`,
        [incidentId, job.id, errorMessage(error)],
      );
      throw new ProcessError(ProcessErrorCode.IncidentRetryFailed, `The step failed again: ${errorMessage(error)}; the incident stays open`, [], { incidentId });
    }
  }

  private async lockJob(m: EntityManager, job: ProcessJobEntity): Promise<ProcessJobEntity | undefined> {
    if (job.instanceId) await this.engine.lockInstance(m, job.instanceId);
    const [row] = await m.query(`SELECT * FROM process_jobs WHERE id = $1 FOR UPDATE`, [job.id]);
    return row ? hydrate(m, ProcessJobEntity, row) : undefined;
  }

  private async execute(m: EntityManager, job: ProcessJobEntity, retriedBy?: Actor): Promise<void> {
    const payload = job.payload as JobPayload;
    const details = { jobId: job.id, ...(retriedBy ? { retriedBy: retriedBy.subject } : {}) };
    switch (job.kind) {
      case 'timer':
        await this.engine.handleEvent(m, job.instanceId as string, { type: 'timer.fire', waitKey: job.waitKey as string }, retriedBy ?? SYSTEM_ACTOR, details);
        return;
      case 'message':
        await this.engine.handleEvent(
          m,
          job.instanceId as string,
          { type: 'message', name: payload.name as string, waitKey: job.waitKey as string, variables: payload.variables ?? {} },
          retriedBy ?? payloadActor(payload),
          { ...details, messageId: payload.messageRowId, messageName: payload.name },
        );
        return;
      case 'start-message':
        await this.engine.startVersion(
          m,
          job.definitionId as string,
          { subject: payload.subject as Subject, variables: payload.variables ?? {}, startEventId: job.elementId, instanceId: job.instanceId },
          retriedBy ?? payloadActor(payload),
        );
        return;
      case 'start-timer':
        await this.startOnTimer(m, job, payload, retriedBy ?? SYSTEM_ACTOR);
        return;
    }
  }

  /** A timer start event: starts an instance (subject: the definition) and schedules the next occurrence of a cycle. */
  private async startOnTimer(m: EntityManager, job: ProcessJobEntity, payload: JobPayload, actor: Actor): Promise<void> {
    const definition = await this.definitions.byId(m, job.definitionId as string);
    try {
      await this.engine.startVersion(m, definition.id, { subject: { type: 'process-definition', id: definition.key }, variables: {}, startEventId: job.elementId, instanceId: job.instanceId }, actor);
    } catch (error) {
      // The previous occurrence still runs for this subject: this one is skipped, the cycle goes on.
      if (!(error instanceof ProcessError && error.code === ProcessErrorCode.AlreadyActiveForSubject)) throw error;
      this.logger.warn(`timer start ${definition.key}/${job.elementId} skipped: ${error.message}`);
      await m.query(`UPDATE process_jobs SET last_error = $2 WHERE id = $1`, [job.id, `skipped: ${error.message}`]);
    }
    if (!payload.rearmed) await this.rearm(m, job, payload);
  }

  /** The next occurrence of a timer start cycle, unless a newer version of the definition replaced this one. */
  private async rearm(m: EntityManager, job: ProcessJobEntity, payload: JobPayload): Promise<void> {
    const next = payload.schedule && nextOccurrence(payload.schedule);
    if (!next) return;
    const [{ latest }] = await m.query(
      `SELECT d.version = (SELECT max(version) FROM process_definitions WHERE key = d.key) AS latest FROM process_definitions d WHERE d.id = $1`,
      [job.definitionId],
    );
    if (latest) await this.jobs.addStartTimer(m, job.definitionId as string, job.elementId, next);
  }

  private async markDone(m: EntityManager, jobId: string): Promise<void> {
    await m.query(`UPDATE process_jobs SET status = 'done', done_at = $2, done_by = $3, locked_until = NULL WHERE id = $1`, [jobId, this.clock.now(), this.replica]);
  }

  /** Another attempt after a backoff, or, after the configured attempts, an incident (never a lost job). */
  private async recordFailure(job: ProcessJobEntity, error: unknown): Promise<FireOutcome> {
    const max = this.config.get('processMaxAttempts', { infer: true });
    const message = errorMessage(error);
    return this.dataSource.transaction(async (m) => {
      const current = await this.lockJob(m, job);
      if (current?.status !== 'pending') return 'skipped';
      const attempts = current.attempts + 1;
      const now = this.clock.now();
      if (attempts < max) {
        await m.query(`UPDATE process_jobs SET attempts = $2, last_error = $3, run_at = $4, locked_by = NULL, locked_until = NULL WHERE id = $1`, [
          job.id,
          attempts,
          message,
          new Date(now.getTime() + retryDelayMs(attempts)),
        ]);
        return 'retry-scheduled';
      }
      const payload = current.payload as JobPayload;
      const instanceId = current.instanceId ?? (await this.recordFailedStart(m, current, payload, now));
      await m.query(`UPDATE process_jobs SET status = 'failed', attempts = $2, last_error = $3, instance_id = $4, locked_by = NULL, locked_until = NULL WHERE id = $1`, [
        job.id,
        attempts,
        message,
        instanceId,
      ]);
      const [incident] = await m.query(
        `INSERT INTO process_incidents (instance_id, job_id, element_id, message, attempts, status, created_at) VALUES ($1, $2, $3, $4, $5, 'open', $6) RETURNING id`,
        [instanceId, job.id, job.elementId, message, attempts, now],
      );
      await m.query(`UPDATE process_instances SET status = 'failed', updated_at = $2, version = version + 1 WHERE id = $1 AND status = 'active'`, [instanceId, now]);
      await this.audit.append(m, SYSTEM_ACTOR, {
        action: 'process-instance.incident-raised',
        subjectType: 'process-instance',
        subjectId: instanceId,
        after: { incidentId: incident.id, jobId: job.id, kind: job.kind, elementId: job.elementId, attempts, error: message },
      });
      if (current.kind === 'start-timer' && !payload.rearmed) {
        await this.rearm(m, current, payload);
        await m.query(`UPDATE process_jobs SET payload = payload || '{"rearmed": true}'::jsonb WHERE id = $1`, [job.id]);
      }
      return 'incident';
    });
  }

  /** A start that never succeeded still gets an instance row (status failed, no state) to carry its incident. */
  private async recordFailedStart(m: EntityManager, job: ProcessJobEntity, payload: JobPayload, now: Date): Promise<string> {
    const definition = await this.definitions.byId(m, job.definitionId as string);
    const subject = payload.subject ?? { type: 'process-definition', id: definition.key };
    const actor = job.kind === 'start-message' ? payloadActor(payload) : SYSTEM_ACTOR;
    const id = randomUUID();
    await m.query(
      `INSERT INTO process_instances (id, definition_id, definition_key, definition_version, subject_type, subject_id, status, variables, initiator,
                                      root_id, started_by, started_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'failed', $7, $8, $1, $8, $9, $9)`,
      [id, definition.id, definition.key, definition.version, subject.type, subject.id, JSON.stringify(payload.variables ?? {}), actor.subject, now],
    );
    return id;
  }
}
