import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../../auth/roles.js';
import { type Page, page, type PageQueryDto } from '../../common/pagination.js';
import { TaskEntity } from '../../tasks/entities/task.entity.js';
import type { CancelInstanceDto, InstanceQueryDto, StartInstanceDto } from '../dto/processes.dto.js';
import { MessageSubscriptionEntity } from '../entities/message-subscription.entity.js';
import { ProcessHistoryEntity } from '../entities/process-history.entity.js';
import { ProcessIncidentEntity } from '../entities/process-incident.entity.js';
import { ProcessInstanceEntity } from '../entities/process-instance.entity.js';
import { ProcessJobEntity } from '../entities/process-job.entity.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { ProcessEngineService } from '../runtime/process-engine.service.js';

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
  openTasks: Array<Pick<TaskEntity, 'id' | 'name' | 'elementId' | 'candidateRoles' | 'assignee' | 'dueAt' | 'item'>>;
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

function summary(i: ProcessInstanceEntity): InstanceSummary {
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

/** The HTTP face of instances: each write is one transaction around the engine. */
@Injectable()
export class InstancesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: ProcessEngineService,
    private readonly jobs: JobRunner,
  ) {}

  async start(dto: StartInstanceDto, actor: Actor): Promise<InstanceView> {
    return this.dataSource.transaction(async (m) => {
      const { instance } = await this.engine.start(m, { definitionKey: dto.definitionKey, version: dto.version, subject: dto.subject, variables: dto.variables, actor });
      return this.view(m, instance);
    });
  }

  async cancel(id: string, dto: CancelInstanceDto, actor: Actor): Promise<InstanceView> {
    return this.dataSource.transaction(async (m) => {
      const { instance } = await this.engine.cancel(m, id, actor, dto.reason);
      return this.view(m, instance);
    });
  }

  async retryIncident(id: string, incidentId: string, actor: Actor): Promise<InstanceView> {
    await this.jobs.retryIncident(id, incidentId, actor);
    return this.get(id);
  }

  async list(query: InstanceQueryDto): Promise<Page<InstanceSummary>> {
    const qb = this.dataSource.getRepository(ProcessInstanceEntity).createQueryBuilder('i');
    if (query.definitionKey) qb.andWhere('i.definition_key = :definitionKey', { definitionKey: query.definitionKey });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.subjectType) qb.andWhere('i.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) qb.andWhere('i.subject_id = :subjectId', { subjectId: query.subjectId });
    if (query.parentId) qb.andWhere('i.parent_id = :parentId', { parentId: query.parentId });
    const [items, total] = await qb.orderBy('i.started_at', 'DESC').addOrderBy('i.id').take(query.limit).skip(query.offset).getManyAndCount();
    return page(items.map(summary), total, query);
  }

  async get(id: string): Promise<InstanceView> {
    const instance = await this.dataSource.getRepository(ProcessInstanceEntity).findOneBy({ id });
    if (!instance) throw new ProcessError(ProcessErrorCode.InstanceNotFound, `No process instance with id ${id}`);
    return this.view(this.dataSource.manager, instance);
  }

  async history(id: string, query: PageQueryDto): Promise<Page<ProcessHistoryEntity>> {
    if (!(await this.dataSource.getRepository(ProcessInstanceEntity).existsBy({ id }))) {
      throw new ProcessError(ProcessErrorCode.InstanceNotFound, `No process instance with id ${id}`);
    }
    const [items, total] = await this.dataSource
      .getRepository(ProcessHistoryEntity)
      .findAndCount({ where: { instanceId: id }, order: { id: 'ASC' }, take: query.limit, skip: query.offset });
    return page(items, total, query);
  }

  private async view(m: EntityManager, instance: ProcessInstanceEntity): Promise<InstanceView> {
    // One query after the other: inside a transaction they share one connection.
    const parent = instance.parentId
      ? await m.getRepository(ProcessInstanceEntity).findOne({ where: { id: instance.parentId }, select: { id: true, definitionKey: true } })
      : null;
    const children = await m.getRepository(ProcessInstanceEntity).find({
      where: { parentId: instance.id },
      select: { id: true, definitionKey: true, status: true, parentWaitKey: true },
      order: { startedAt: 'ASC', parentWaitKey: 'ASC', id: 'ASC' },
    });
    const openTasks = await m.getRepository(TaskEntity).find({ where: { instanceId: instance.id, status: 'open' }, order: { createdAt: 'ASC', id: 'ASC' } });
    const jobs = await m.getRepository(ProcessJobEntity).find({ where: { instanceId: instance.id, status: In(['pending', 'failed']) }, order: { runAt: 'ASC', id: 'ASC' } });
    const subscriptions = await m.getRepository(MessageSubscriptionEntity).find({ where: { instanceId: instance.id }, order: { createdAt: 'ASC' } });
    const incidents = await m.getRepository(ProcessIncidentEntity).find({ where: { instanceId: instance.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return {
      ...summary(instance),
      variables: instance.variables,
      parent: parent ? { id: parent.id, definitionKey: parent.definitionKey, waitKey: instance.parentWaitKey } : null,
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
