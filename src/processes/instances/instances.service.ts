import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/roles.js';
import { type Page, page, type PageQueryDto } from '../../common/pagination.js';
import { Database } from '../../database/database.js';
import { DecisionsService } from '../../rules/decisions.service.js';
import { TaskRecords } from '../../tasks/task-records.service.js';
import { type HistoryStepDto, type InstanceDto, type InstanceSummaryDto, toHistoryStepDto, toInstanceDto, toInstanceSummaryDto } from '../dto/instance.dto.js';
import type { CancelInstanceDto, InstanceQueryDto, StartInstanceDto } from '../dto/processes.dto.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { MessageSubscriptionsRepository } from '../repositories/message-subscriptions.repository.js';
import { ProcessHistoryRepository } from '../repositories/process-history.repository.js';
import { ProcessIncidentsRepository } from '../repositories/process-incidents.repository.js';
import { ProcessInstancesRepository } from '../repositories/process-instances.repository.js';
import { ProcessJobsRepository } from '../repositories/process-jobs.repository.js';
import { ProcessEngineService } from '../runtime/process-engine.service.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { SubjectTypes } from '../subjects/subject-types.js';
import { canonicalRole } from '../../tasks/candidate-roles.js';
import type { LockedInstance } from '../runtime/step-unit.js';

/** The HTTP face of instances (each write one transaction around the engine), and what other modules read of them. */
@Injectable()
export class InstancesService {
  constructor(
    private readonly db: Database,
    private readonly engine: ProcessEngineService,
    private readonly definitions: DefinitionsService,
    private readonly subjectTypes: SubjectTypes,
    private readonly jobRunner: JobRunner,
    private readonly instances: ProcessInstancesRepository,
    private readonly historyRows: ProcessHistoryRepository,
    private readonly jobs: ProcessJobsRepository,
    private readonly incidents: ProcessIncidentsRepository,
    private readonly subscriptions: MessageSubscriptionsRepository,
    private readonly tasks: TaskRecords,
    private readonly decisions: DecisionsService,
  ) {}

  /**
   * Starts an instance for a caller of the API: the definition must let the caller's roles start it
   * (`aimsflow:startableBy`; `internal` ones only start from their registers), and the subject must
   * be a real row when it names a register.
   */
  async start(dto: StartInstanceDto, actor: Actor): Promise<InstanceDto> {
    return this.db.transaction(async (m) => {
      const policy = await this.definitions.startPolicy(m, dto.definitionKey, dto.version);
      if (
        policy === 'internal' ||
        (policy && !actor.roles.includes('admin') && !policy.some((role) => actor.roles.map(canonicalRole).includes(canonicalRole(role))))
      ) {
        throw new ProcessError(
          ProcessErrorCode.NotStartable,
          policy === 'internal'
            ? `Process "${dto.definitionKey}" is started by the service itself (from its register), not through this endpoint`
            : `Starting "${dto.definitionKey}" needs one of the roles: ${policy.join(', ')}`,
          [],
          { startableBy: policy },
        );
      }
      const subjectProblem = await this.subjectTypes.problem(m, dto.subject);
      if (subjectProblem) throw new ProcessError(ProcessErrorCode.InvalidSubject, `The subject ${subjectProblem.message}`, [subjectProblem]);
      const { instance } = await this.engine.start(m, {
        definitionKey: dto.definitionKey,
        version: dto.version,
        subject: dto.subject,
        variables: dto.variables,
        actor,
      });
      return this.view(m, instance);
    });
  }

  async cancel(id: string, dto: CancelInstanceDto, actor: Actor): Promise<InstanceDto> {
    return this.db.transaction(async (m) => {
      const { instance } = await this.engine.cancel(m, id, actor, dto.reason);
      return this.view(m, instance);
    });
  }

  async retryIncident(id: string, incidentId: string, actor: Actor): Promise<InstanceDto> {
    await this.jobRunner.retryIncident(id, incidentId, actor);
    return this.get(id);
  }

  async list(query: InstanceQueryDto): Promise<Page<InstanceSummaryDto>> {
    const [items, total] = await this.instances.list(this.db.manager, query);
    return page(items.map(toInstanceSummaryDto), total, query);
  }

  async get(id: string): Promise<InstanceDto> {
    const instance = await this.instances.find(this.db.manager, id);
    if (!instance) throw new ProcessError(ProcessErrorCode.InstanceNotFound, `No process instance with id ${id}`);
    return this.view(this.db.manager, instance);
  }

  async history(id: string, query: PageQueryDto): Promise<Page<HistoryStepDto>> {
    if (!(await this.instances.exists(this.db.manager, id))) throw new ProcessError(ProcessErrorCode.InstanceNotFound, `No process instance with id ${id}`);
    const [items, total] = await this.historyRows.page(this.db.manager, id, query.limit, query.offset);
    return page(items.map(toHistoryStepDto), total, query);
  }

  /** Every step of an instance, oldest first, as the history route shows them (a register shows how its row came about). */
  async steps(instanceId: string): Promise<HistoryStepDto[]> {
    return (await this.historyRows.all(this.db.manager, instanceId)).map(toHistoryStepDto);
  }

  /**
   * Rules decisions taken inside an instance (their trigger is `process:<instanceId>/<elementId>`),
   * in the order of the steps that took them (decisions of the step still running come last):
   * several decisions share one timestamp when taken in one transaction or on a manual clock.
   */
  async decisionIdsOf(m: EntityManager, instanceId: string): Promise<string[]> {
    const decisions = await this.decisions.triggeredBy(m, `process:${instanceId}/`);
    const positions = await this.historyRows.decisionPositions(m, instanceId);
    const position = (id: string) => positions.get(id) ?? Number.POSITIVE_INFINITY;
    return decisions
      .map((decision, order) => ({ id: decision.id, order }))
      .sort((a, b) => position(a.id) - position(b.id) || a.order - b.order)
      .map((decision) => decision.id);
  }

  private async view(m: EntityManager, instance: LockedInstance): Promise<InstanceDto> {
    // One query after the other: inside a transaction they share one connection.
    const parentKey = instance.parentId ? await this.instances.definitionKeyOf(m, instance.parentId) : undefined;
    const children = await this.instances.children(m, instance.id);
    const openTasks = await this.tasks.openForInstance(m, instance.id);
    const jobs = await this.jobs.openForInstance(m, instance.id);
    const subscriptions = await this.subscriptions.forInstance(m, instance.id);
    const incidents = await this.incidents.forInstance(m, instance.id);
    return toInstanceDto({ instance, parentKey, children, openTasks, jobs, subscriptions, incidents });
  }
}
