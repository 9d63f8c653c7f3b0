import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../../audit-trail/audit-trail.service.js';
import type { Actor } from '../../auth/roles.js';
import { Clock } from '../../clock/clock.js';
import { Database } from '../../database/database.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import {
  type ActivatedJobsDto,
  type ActivateJobsDto,
  type CompleteJobDto,
  type FailJobDto,
  type JobErrorDto,
  jobKey,
  type JobResultDto,
  type JobTypeDto,
  toActivatedJobDto,
} from '../dto/external-job.dto.js';
import type { ProcessExternalJobEntity } from '../entities/process-external-job.entity.js';
import type { ProcessInstanceEntity } from '../entities/process-instance.entity.js';
import { ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { ProcessExternalJobsRepository } from '../repositories/process-external-jobs.repository.js';
import { ProcessIncidentsRepository } from '../repositories/process-incidents.repository.js';
import { ProcessInstancesRepository } from '../repositories/process-instances.repository.js';
import { ProcessEngineService } from '../runtime/process-engine.service.js';
import { JobWakeUps } from './job-wake-ups.js';

const KEY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([1-9][0-9]{0,8})$/i;

/**
 * External jobs, as Camunda 8 workers know them: activation hands open jobs of a type to a worker
 * for a lock duration (long polling without holding a connection, see JobWakeUps); the worker's
 * answer (complete, fail, BPMN error) is accepted only from the activation that holds the job.
 */
@Injectable()
export class ExternalJobsService {
  constructor(
    private readonly db: Database,
    private readonly engine: ProcessEngineService,
    private readonly definitions: DefinitionsService,
    private readonly jobs: ProcessExternalJobsRepository,
    private readonly incidents: ProcessIncidentsRepository,
    private readonly instances: ProcessInstancesRepository,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly wakeUps: JobWakeUps,
  ) {}

  async activate(dto: ActivateJobsDto): Promise<ActivatedJobsDto> {
    // The long poll is bounded in real time (it is a request timeout); lock deadlines follow the injected clock.
    const pollUntil = Date.now() + (dto.requestTimeout ?? 0);
    for (;;) {
      const wakeUp = this.wakeUps.register(dto.type);
      try {
        const jobs = await this.db.transaction((m) => {
          const now = this.clock.now();
          const deadline = new Date(now.getTime() + dto.timeout);
          return this.jobs.activate(m, { type: dto.type, worker: dto.worker, max: dto.maxJobsToActivate, now, deadline });
        });
        const remaining = pollUntil - Date.now();
        if (jobs.length || remaining <= 0) return { jobs: jobs.map(toActivatedJobDto) };
        await wakeUp.wait(remaining);
      } finally {
        wakeUp.cancel();
      }
    }
  }

  complete(key: string, dto: CompleteJobDto, actor: Actor): Promise<JobResultDto> {
    return this.db.transaction(async (m) => {
      const { instance, job } = await this.lockHeld(m, key);
      await this.engine.handleEvent(m, instance, { type: 'job.complete', waitKey: job.waitKey, variables: dto.variables ?? {} }, actor, this.details(job));
      return { key, outcome: 'completed', processInstanceId: job.instanceId };
    });
  }

  fail(key: string, dto: FailJobDto, actor: Actor): Promise<JobResultDto> {
    return this.db.transaction(async (m) => {
      const { job } = await this.lockHeld(m, key);
      const message = dto.errorMessage ?? 'the worker reported a failure';
      if (dto.retries > 0) {
        await this.jobs.release(m, job.id, dto.retries, new Date(this.clock.now().getTime() + (dto.retryBackOff ?? 0)), message);
        return { key, outcome: 'retry-scheduled', processInstanceId: job.instanceId };
      }
      const incidentId = await this.raiseIncident(m, job, `job ${job.type} of ${job.elementId} failed with no retries left: ${message}`, actor);
      return { key, outcome: 'incident', processInstanceId: job.instanceId, incidentId };
    });
  }

  /** A BPMN error: the error boundary event that catches it, else (nothing catches it) an incident on the job. */
  async throwError(key: string, dto: JobErrorDto, actor: Actor): Promise<JobResultDto> {
    try {
      return await this.db.transaction(async (m) => {
        const { instance, job } = await this.lockHeld(m, key);
        const event = { type: 'job.error' as const, waitKey: job.waitKey, errorCode: dto.errorCode, ...(dto.variables ? { variables: dto.variables } : {}) };
        await this.engine.handleEvent(m, instance, event, actor, { ...this.details(job), reason: dto.errorMessage ?? dto.errorCode });
        return { key, outcome: 'error-caught' as const, processInstanceId: job.instanceId };
      });
    } catch (error) {
      if (!(error instanceof ProcessError && error.code === ProcessErrorCode.UncaughtBpmnError)) throw error;
      // Nothing was stored; the job stays at its element with an incident, as in Camunda 8.
      return this.db.transaction(async (m) => {
        const { job } = await this.lockHeld(m, key);
        const detail = dto.errorMessage ? ` (${dto.errorMessage})` : '';
        const message = `BPMN error "${dto.errorCode}"${detail} from job ${job.type} of ${job.elementId} is not caught by any error boundary event`;
        const incidentId = await this.raiseIncident(m, job, message, actor);
        return { key, outcome: 'incident' as const, processInstanceId: job.instanceId, incidentId };
      });
    }
  }

  async types(): Promise<JobTypeDto[]> {
    return this.db.transaction(async (m) => {
      const deployed = await this.definitions.externalJobTypes(m);
      const open = new Map((await this.jobs.openCounts(m)).map((c) => [c.type, c.open]));
      const types = [...new Set([...deployed.keys(), ...open.keys()])].sort();
      return types.map((type) => ({ type, definitionKeys: deployed.get(type) ?? [], open: open.get(type) ?? 0 }));
    });
  }

  /** The incident of an external job retried (the instance is locked by the caller): one more attempt, available at once. */
  async retryIncident(m: EntityManager, instanceId: string, incidentId: string, externalJobId: string, actor: Actor): Promise<void> {
    const now = this.clock.now();
    await this.incidents.resolve(m, incidentId, 'retried', now, actor.subject);
    await this.jobs.reopen(m, externalJobId, 1, now);
    await this.instances.reactivateUnlessIncidentOpen(m, instanceId, now);
    await this.audit.append(m, actor, {
      action: 'process-instance.incident-resolved',
      subjectType: 'process-instance',
      subjectId: instanceId,
      after: { incidentId, externalJobId },
    });
  }

  private async raiseIncident(m: EntityManager, job: ProcessExternalJobEntity, message: string, actor: Actor): Promise<string> {
    const now = this.clock.now();
    await this.jobs.markFailed(m, job.id, message);
    const incidentId = await this.incidents.insertForElement(m, {
      instanceId: job.instanceId,
      externalJobId: job.id,
      elementId: job.elementId,
      message,
      attempts: job.activations,
      at: now,
    });
    await this.instances.markFailed(m, job.instanceId, now);
    await this.audit.append(m, actor, {
      action: 'process-instance.incident-raised',
      subjectType: 'process-instance',
      subjectId: job.instanceId,
      after: { incidentId, externalJobId: job.id, type: job.type, elementId: job.elementId, error: message },
    });
    return incidentId;
  }

  /**
   * The job's instance (root first) and the job, locked together; refused unless this activation still holds the
   * job: a later activation (the lock expired and another worker got it, or a failure put it back) or an answer
   * already given is a conflict, so a job's work is accepted once.
   */
  private async lockHeld(m: EntityManager, key: string): Promise<{ instance: ProcessInstanceEntity; job: ProcessExternalJobEntity }> {
    const parsed = KEY.exec(key);
    const locked = parsed && (await this.engine.lockWith(m, parsed[1].toLowerCase(), this.jobs.lockAlongside(m)));
    if (!parsed || !locked) throw new ProcessError(ProcessErrorCode.JobNotFound, `No job with key ${key}`);
    const job = this.jobs.lockedRow(m, locked.row);
    if (job.status !== 'open') {
      throw new ProcessError(ProcessErrorCode.JobNotActive, `Job ${key} is ${job.status}; it takes no further answer`, [], { status: job.status });
    }
    if (Number(parsed[2]) !== job.activations || !job.deadline) {
      const now = jobKey(job);
      throw new ProcessError(
        ProcessErrorCode.JobHandedOn,
        `Job ${key} is no longer held by this activation: its lock expired or it was failed, and it was handed on (now ${job.deadline ? `held as ${now}` : 'waiting for a worker'})`,
        [],
        { currentKey: job.deadline ? now : null },
      );
    }
    return { instance: locked.instance, job };
  }

  private details(job: ProcessExternalJobEntity): { externalJobId: string; worker?: string } {
    return { externalJobId: job.id, ...(job.worker ? { worker: job.worker } : {}) };
  }
}
