import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../../audit-trail/audit-trail.service.js';
import { type Actor, SYSTEM_ACTOR } from '../../auth/roles.js';
import { Clock, ManualClock } from '../../clock/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import { Database } from '../../database/database.js';
import { EngineError, nextOccurrence, resolveTimer, type TimerSchedule } from '../../engine/process/index.js';
import type { BackgroundWorker } from '../../workers/background-worker.js';
import { WorkerHost } from '../../workers/worker-host.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { type ClockAdvanceDto, type ClockDto, toFiredJobDto } from '../dto/clock.dto.js';
import type { JobKind, ProcessJobEntity } from '../entities/process-job.entity.js';
import { isStaleEvent, ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { ProcessIncidentsRepository } from '../repositories/process-incidents.repository.js';
import { ProcessInstancesRepository } from '../repositories/process-instances.repository.js';
import { ProcessJobsRepository } from '../repositories/process-jobs.repository.js';
import { ProcessEngineService } from '../runtime/process-engine.service.js';
import { errorMessage, type Subject } from '../runtime/step-unit.js';
import { ExternalJobsService } from '../external-jobs/external-jobs.service.js';
import { retryDelayMs } from './retry-delay.js';

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
/** POST /clock/advance stops after this many firings (a timer cycle over a long advance), so one request stays short; the rest fire on the next passes. */
const MAX_FIRINGS_PER_ADVANCE = 1_000;
const BATCH = 10;
const MAX_PER_PASS = 500;

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
  return payload.actor ? { subject: payload.actor.subject, roles: payload.actor.roles, tokenId: null } : SYSTEM_ACTOR;
}

/**
 * Runs durable jobs (the `process-jobs` background worker): claims due rows (FOR UPDATE SKIP
 * LOCKED, with a lease) and fires each in its own transaction that locks the instance before the
 * job, so a job fires at most once even across replicas, never before it is due, and survives
 * restarts. A failed attempt is retried with exponential backoff; the last one raises an incident.
 */
@Injectable()
export class JobRunner implements OnModuleInit, BackgroundWorker {
  readonly name = 'process-jobs';
  /** Identifies this replica's claims. */
  readonly replica = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    private readonly db: Database,
    private readonly engine: ProcessEngineService,
    private readonly definitions: DefinitionsService,
    private readonly jobs: ProcessJobsRepository,
    private readonly incidents: ProcessIncidentsRepository,
    private readonly instances: ProcessInstancesRepository,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly workers: WorkerHost,
    private readonly externalJobs: ExternalJobsService,
  ) {}

  onModuleInit(): void {
    this.workers.register(this);
  }

  /** Claims up to `limit` pending jobs due by `dueBy`, earliest first (one statement: the claim commits at once). */
  claim(limit: number, dueBy: Date): Promise<ProcessJobEntity[]> {
    return this.jobs.claimDue(this.db.manager, dueBy, limit, this.replica, LEASE);
  }

  /** The worker's pass: fires what is due now, in small batches, a bounded number per pass. */
  async runOnce(signal?: AbortSignal): Promise<number> {
    return (await this.runDue(signal)).length;
  }

  async runDue(signal?: AbortSignal): Promise<FiredJob[]> {
    const fired: FiredJob[] = [];
    while (fired.length < MAX_PER_PASS && !signal?.aborted) {
      const jobs = await this.claim(BATCH, this.clock.now());
      for (const job of jobs) fired.push(await this.fire(job));
      if (jobs.length < BATCH) break;
    }
    return fired;
  }

  clockNow(): ClockDto {
    return { now: this.clock.now() };
  }

  /**
   * Manual clock only: moves time forward by an ISO 8601 duration, stopping at each due job on
   * the way (so what it does sees the time it was due), until nothing is due by the target.
   */
  async advance(duration: string): Promise<ClockAdvanceDto> {
    if (!(this.clock instanceof ManualClock)) throw new Error('the clock can only be advanced with AIMSFLOW_CLOCK=manual');
    let target: Date;
    try {
      target = new Date(resolveTimer({ type: 'duration', expression: duration }, {}, this.clock.now()).dueAt);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      throw new ProcessError(ProcessErrorCode.InvalidDuration, error.message, [
        { pointer: '/duration', message: 'must be an ISO 8601 duration such as P30D or PT4H' },
      ]);
    }
    const fired: FiredJob[] = [];
    while (fired.length < MAX_FIRINGS_PER_ADVANCE) {
      const [job] = await this.claim(1, target);
      if (!job) break;
      await this.clock.moveTo(job.runAt);
      fired.push(await this.fire(job));
    }
    await this.clock.moveTo(target);
    return { now: this.clock.now(), fired: fired.map(toFiredJobDto), ...(fired.length >= MAX_FIRINGS_PER_ADVANCE ? { truncated: true as const } : {}) };
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
      const fired = await this.db.transaction(async (m) => {
        const current = await this.lockJob(m, job);
        if (current?.status !== 'pending' || current.lockedBy !== this.replica || current.runAt.getTime() > this.clock.now().getTime()) return false;
        await this.execute(m, current);
        await this.jobs.markDone(m, current.id, this.clock.now(), this.replica);
        return true;
      });
      return report(fired ? 'fired' : 'skipped');
    } catch (error) {
      if (isStaleEvent(error)) {
        await this.jobs.markObsolete(this.db.manager, job.id, errorMessage(error), this.clock.now());
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
      await this.db.transaction(async (m) => {
        await this.engine.lockInstance(m, instanceId);
        const incident = await this.incidents.lock(m, incidentId, instanceId);
        if (!incident) throw new ProcessError(ProcessErrorCode.IncidentNotFound, `Instance ${instanceId} has no incident ${incidentId}`);
        if (incident.status !== 'open') throw new ProcessError(ProcessErrorCode.IncidentNotOpen, `Incident ${incidentId} is already resolved`);
        if (incident.external_job_id) return this.externalJobs.retryIncident(m, instanceId, incidentId, incident.external_job_id, actor);
        if (!incident.job_id) return this.retryElement(m, instanceId, incidentId, incident.element_id, actor);
        job = await this.jobs.lock(m, incident.job_id as string);
        if (!job) throw new Error(`incident ${incidentId} names job ${incident.job_id}, which does not exist`);
        // Resolved first, so the step sees no open incident and the instance leaves `failed`.
        await this.incidents.resolve(m, incidentId, 'retried', this.clock.now(), actor.subject);
        await this.execute(m, job, actor);
        await this.jobs.markDone(m, job.id, this.clock.now(), this.replica);
        await this.audit.append(m, actor, {
          action: 'process-instance.incident-resolved',
          subjectType: 'process-instance',
          subjectId: instanceId,
          after: { incidentId, elementId: job.elementId },
        });
      });
    } catch (error) {
      if (!job) throw error;
      const failed = job;
      await this.db.transaction(async (m) => {
        await this.jobs.countFailedRetry(m, failed.id, errorMessage(error));
        await this.incidents.countFailedRetry(m, incidentId, errorMessage(error));
      });
      throw new ProcessError(ProcessErrorCode.IncidentRetryFailed, `The step failed again: ${errorMessage(error)}; the incident stays open`, [], {
        incidentId,
      });
    }
  }

  /** A task the engine holds: resolved, then it runs again (its handler, its rule set, or its user task opens); a new incident if it fails the same way. */
  private async retryElement(m: EntityManager, instanceId: string, incidentId: string, elementId: string, actor: Actor): Promise<void> {
    await this.incidents.resolve(m, incidentId, 'retried', this.clock.now(), actor.subject);
    await this.engine.handleEvent(m, instanceId, { type: 'incident.retry', elementId }, actor, { retriedBy: actor.subject });
    await this.audit.append(m, actor, {
      action: 'process-instance.incident-resolved',
      subjectType: 'process-instance',
      subjectId: instanceId,
      after: { incidentId, elementId },
    });
  }

  private async lockJob(m: EntityManager, job: ProcessJobEntity): Promise<ProcessJobEntity | undefined> {
    if (job.instanceId) await this.engine.lockInstance(m, job.instanceId);
    return this.jobs.lock(m, job.id);
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
      case 'signal':
        await this.engine.handleEvent(
          m,
          job.instanceId as string,
          { type: 'signal', waitKey: job.waitKey as string, variables: payload.variables ?? {} },
          retriedBy ?? payloadActor(payload),
          { ...details, signalName: payload.name },
        );
        return;
      case 'start-message': {
        const definition = await this.definitions.byId(m, job.definitionId as string);
        const options = { subject: payload.subject as Subject, variables: payload.variables ?? {}, startEventId: job.elementId, instanceId: job.instanceId };
        await this.engine.startAt(m, definition, options, retriedBy ?? payloadActor(payload));
        return;
      }
      case 'start-timer':
        await this.startOnTimer(m, job, payload, retriedBy ?? SYSTEM_ACTOR);
        return;
    }
  }

  /** A timer start event: starts an instance (subject: the definition) and schedules the next occurrence of a cycle. */
  private async startOnTimer(m: EntityManager, job: ProcessJobEntity, payload: JobPayload, actor: Actor): Promise<void> {
    const definition = await this.definitions.byId(m, job.definitionId as string);
    try {
      await this.engine.startAt(
        m,
        definition,
        { subject: { type: 'process-definition', id: definition.key }, variables: {}, startEventId: job.elementId, instanceId: job.instanceId },
        actor,
      );
    } catch (error) {
      // The previous occurrence still runs for this subject: this one is skipped, the cycle goes on.
      if (!(error instanceof ProcessError && error.code === ProcessErrorCode.AlreadyActiveForSubject)) throw error;
      this.logger.warn(`timer start ${definition.key}/${job.elementId} skipped: ${error.message}`);
      await this.jobs.note(m, job.id, `skipped: ${error.message}`);
    }
    if (!payload.rearmed) await this.rearm(m, job, payload);
  }

  /** The next occurrence of a timer start cycle, unless a newer version of the definition replaced this one. */
  private async rearm(m: EntityManager, job: ProcessJobEntity, payload: JobPayload): Promise<void> {
    const next = payload.schedule && nextOccurrence(payload.schedule);
    if (next && (await this.definitions.isLatest(m, job.definitionId as string))) {
      await this.jobs.addStartTimer(m, job.definitionId as string, job.elementId, next, this.clock.now());
    }
  }

  /** Another attempt after a backoff, or, after the configured attempts, an incident (never a lost job). */
  private async recordFailure(job: ProcessJobEntity, error: unknown): Promise<FireOutcome> {
    const max = this.config.get('processMaxAttempts', { infer: true });
    const message = errorMessage(error);
    return this.db.transaction(async (m) => {
      const current = await this.lockJob(m, job);
      if (current?.status !== 'pending') return 'skipped';
      const attempts = current.attempts + 1;
      const now = this.clock.now();
      if (attempts < max) {
        await this.jobs.scheduleAttempt(m, job.id, attempts, message, new Date(now.getTime() + retryDelayMs(attempts)));
        return 'retry-scheduled';
      }
      const payload = current.payload as JobPayload;
      const instanceId = current.instanceId ?? (await this.recordFailedStart(m, current, payload, now));
      await this.jobs.markFailed(m, job.id, attempts, message, instanceId);
      const incidentId = await this.incidents.insert(m, { instanceId, jobId: job.id, elementId: job.elementId, message, attempts, at: now });
      await this.instances.markFailed(m, instanceId, now);
      await this.audit.append(m, SYSTEM_ACTOR, {
        action: 'process-instance.incident-raised',
        subjectType: 'process-instance',
        subjectId: instanceId,
        after: { incidentId, jobId: job.id, kind: job.kind, elementId: job.elementId, attempts, error: message },
      });
      if (current.kind === 'start-timer' && !payload.rearmed) {
        await this.rearm(m, current, payload);
        await this.jobs.markRearmed(m, job.id);
      }
      return 'incident';
    });
  }

  /** A start that never succeeded still gets an instance row (status failed, no state) to carry its incident. */
  private async recordFailedStart(m: EntityManager, job: ProcessJobEntity, payload: JobPayload, now: Date): Promise<string> {
    const definition = await this.definitions.byId(m, job.definitionId as string);
    const actor = job.kind === 'start-message' ? payloadActor(payload) : SYSTEM_ACTOR;
    const id = randomUUID();
    await this.instances.insertFailedStart(m, {
      id,
      definitionId: definition.id,
      definitionKey: definition.key,
      definitionVersion: definition.version,
      subject: payload.subject ?? { type: 'process-definition', id: definition.key },
      variables: payload.variables ?? {},
      actor: actor.subject,
      at: now,
    });
    return id;
  }
}
