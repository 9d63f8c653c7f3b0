import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/roles.js';
import { type Page, page, type PageQueryDto } from '../../common/pagination.js';
import { Database } from '../../database/database.js';
import { DecisionsService } from '../../rules/decisions.service.js';
import type { TaskDto } from '../../tasks/dto/task.dto.js';
import { TaskRecords } from '../../tasks/task-records.service.js';
import type { CancelInstanceDto, InstanceQueryDto, StartInstanceDto } from '../dto/processes.dto.js';
import type { MessageSubscriptionEntity } from '../entities/message-subscription.entity.js';
import type { ProcessHistoryEntity } from '../entities/process-history.entity.js';
import type { ProcessIncidentEntity } from '../entities/process-incident.entity.js';
import type { ProcessJobEntity } from '../entities/process-job.entity.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { MessageSubscriptionsRepository } from '../repositories/message-subscriptions.repository.js';
import { ProcessHistoryRepository } from '../repositories/process-history.repository.js';
import { ProcessIncidentsRepository } from '../repositories/process-incidents.repository.js';
import { ProcessInstancesRepository } from '../repositories/process-instances.repository.js';
import { ProcessJobsRepository } from '../repositories/process-jobs.repository.js';
import { ProcessEngineService } from '../runtime/process-engine.service.js';
import type { LockedInstance } from '../runtime/step-unit.js';

/** An instance as GET /process-instances/{id} shows it. */
export interface InstanceView {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  subject: { type: string; id: string };
  status: string;
  activeElementIds: string[];
  variables: Record<string, unknown>;
  initiator: string | null;
  startedBy: string;
  startedAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
  version: number;
  parent: { id: string; definitionKey: string; waitKey: string | null } | null;
  children: Array<{ id: string; definitionKey: string; status: string; waitKey: string | null }>;
  openTasks: Array<Pick<TaskDto, 'id' | 'name' | 'elementId' | 'candidateRoles' | 'assignee' | 'dueAt' | 'item'>>;
  /** Timer waits not yet fired, with due times (and attempts when a firing failed). */
  timers: Array<Pick<ProcessJobEntity, 'id' | 'elementId' | 'dueAt' | 'runAt' | 'status' | 'attempts' | 'lastError'>>;
  /** Message deliveries and starts that failed and are retried. */
  retries: Array<Pick<ProcessJobEntity, 'id' | 'kind' | 'elementId' | 'runAt' | 'status' | 'attempts' | 'lastError'>>;
  messageSubscriptions: Array<Pick<MessageSubscriptionEntity, 'elementId' | 'name' | 'correlationKey'>>;
  incidents: ProcessIncidentEntity[];
}

export type InstanceSummary = Omit<InstanceView, 'variables' | 'children' | 'openTasks' | 'timers' | 'retries' | 'messageSubscriptions' | 'incidents' | 'parent'> & {
  parentId: string | null;
};

function summary(i: LockedInstance): InstanceSummary {
  return {
    id: i.id,
    definitionKey: i.definitionKey,
    definitionVersion: i.definitionVersion,
    subject: { type: i.subjectType, id: i.subjectId },
    status: i.status,
    activeElementIds: i.activeElementIds,
    initiator: i.initiator,
    startedBy: i.startedBy,
    startedAt: i.startedAt,
    updatedAt: i.updatedAt,
    endedAt: i.endedAt,
    version: i.version,
    parentId: i.parentId,
  };
}

/** The HTTP face of instances (each write one transaction around the engine), and what other modules read of them. */
@Injectable()
export class InstancesService {
  constructor(
    private readonly db: Database,
    private readonly engine: ProcessEngineService,
    private readonly jobRunner: JobRunner,
    private readonly instances: ProcessInstancesRepository,
    private readonly historyRows: ProcessHistoryRepository,
    private readonly jobs: ProcessJobsRepository,
    private readonly incidents: ProcessIncidentsRepository,
    private readonly subscriptions: MessageSubscriptionsRepository,
    private readonly tasks: TaskRecords,
    private readonly decisions: DecisionsService,
  ) {}

  async start(dto: StartInstanceDto, actor: Actor): Promise<InstanceView> {
    return this.db.transaction(async (m) => {
      const { instance } = await this.engine.start(m, { definitionKey: dto.definitionKey, version: dto.version, subject: dto.subject, variables: dto.variables, actor });
      return this.view(m, instance);
    });
  }

  async cancel(id: string, dto: CancelInstanceDto, actor: Actor): Promise<InstanceView> {
    return this.db.transaction(async (m) => {
      const { instance } = await this.engine.cancel(m, id, actor, dto.reason);
      return this.view(m, instance);
    });
  }

  async retryIncident(id: string, incidentId: string, actor: Actor): Promise<InstanceView> {
    await this.jobRunner.retryIncident(id, incidentId, actor);
    return this.get(id);
  }

  async list(query: InstanceQueryDto): Promise<Page<InstanceSummary>> {
    const [items, total] = await this.instances.list(this.db.manager, query);
    return page(items.map(summary), total, query);
  }

  async get(id: string): Promise<InstanceView> {
    const instance = await this.instances.find(this.db.manager, id);
    if (!instance) throw new ProcessError(ProcessErrorCode.InstanceNotFound, `No process instance with id ${id}`);
    return this.view(this.db.manager, instance);
  }

  async history(id: string, query: PageQueryDto): Promise<Page<ProcessHistoryEntity>> {
    if (!(await this.instances.exists(this.db.manager, id))) throw new ProcessError(ProcessErrorCode.InstanceNotFound, `No process instance with id ${id}`);
    const [items, total] = await this.historyRows.page(this.db.manager, id, query.limit, query.offset);
    return page(items, total, query);
  }

  /** Every step of an instance, oldest first (a register shows how its row came about). */
  steps(instanceId: string): Promise<ProcessHistoryEntity[]> {
    return this.historyRows.all(this.db.manager, instanceId);
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

  private async view(m: EntityManager, instance: LockedInstance): Promise<InstanceView> {
    // One query after the other: inside a transaction they share one connection.
    const parentKey = instance.parentId ? await this.instances.definitionKeyOf(m, instance.parentId) : undefined;
    const children = await this.instances.children(m, instance.id);
    const openTasks = await this.tasks.openForInstance(m, instance.id);
    const jobs = await this.jobs.openForInstance(m, instance.id);
    const subscriptions = await this.subscriptions.forInstance(m, instance.id);
    const incidents = await this.incidents.forInstance(m, instance.id);
    return {
      ...summary(instance),
      variables: instance.variables,
      parent: instance.parentId && parentKey ? { id: instance.parentId, definitionKey: parentKey, waitKey: instance.parentWaitKey } : null,
      children: children.map((c) => ({ id: c.id, definitionKey: c.definitionKey, status: c.status, waitKey: c.parentWaitKey })),
      openTasks: openTasks.map(({ id, name, elementId, candidateRoles, assignee, dueAt, item }) => ({ id, name, elementId, candidateRoles, assignee, dueAt, item })),
      timers: jobs
        .filter((j) => j.kind === 'timer')
        .map(({ id, elementId, dueAt, runAt, status, attempts, lastError }) => ({ id, elementId, dueAt, runAt, status, attempts, lastError })),
      retries: jobs
        .filter((j) => j.kind !== 'timer')
        .map(({ id, kind, elementId, runAt, status, attempts, lastError }) => ({ id, kind, elementId, runAt, status, attempts, lastError })),
      messageSubscriptions: subscriptions.map(({ elementId, name, correlationKey }) => ({ elementId, name, correlationKey })),
      incidents,
    };
  }
}
