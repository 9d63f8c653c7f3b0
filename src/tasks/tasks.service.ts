import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import { Clock } from '../clock/clock.js';
import type { Actor } from '../auth/roles.js';
import { type Page, page } from '../common/pagination.js';
import { ProcessEngineService } from '../processes/runtime/process-engine.service.js';
import type { CompleteTaskDto, DelegateTaskDto, TaskQueryDto } from './dto/tasks.dto.js';
import { TaskEntity } from './entities/task.entity.js';
import { validateCompletion } from './form-validation.js';
import { segregationViolation } from './segregation.js';
import { canonicalRole, holdsCandidateRole, TaskStore } from './task-store.js';
import { TaskError, TaskErrorCode } from './tasks.errors.js';

/** A completed task, the state its instance is in now, and the tasks the completion opened. */
export interface CompletionResult extends TaskEntity {
  instance: { id: string; status: string; activeElementIds: string[] };
  nextTasks: TaskEntity[];
}

const isAdmin = (actor: Actor) => actor.roles.includes('admin');

function assertOpen(task: TaskEntity): TaskEntity {
  if (task.status !== 'open') throw new TaskError(TaskErrorCode.NotOpen, `Task ${task.id} is ${task.status}`, [], { taskStatus: task.status });
  return task;
}

/**
 * The approver's API. Candidate roles gate claiming and completing; admins hold no candidate role
 * by virtue of being admin (they may hand a task on with delegate, or release a claim). Completion
 * is the instance's `task.complete` event, in the same transaction as the task row.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: ProcessEngineService,
    private readonly store: TaskStore,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  /** Without a filter: my inbox (open tasks assigned to me or claimable with one of my roles). */
  async list(query: TaskQueryDto, actor: Actor): Promise<Page<TaskEntity>> {
    const qb = this.dataSource.getRepository(TaskEntity).createQueryBuilder('t');
    const inbox = !query.assignee && !query.candidateRole && !query.instanceId && !query.subjectType && !query.subjectId;
    if (inbox) {
      qb.andWhere('(t.assignee = :me OR (t.assignee IS NULL AND t.candidate_roles && :roles::text[]))', { me: actor.subject, roles: actor.roles.map(canonicalRole) });
    }
    const overdue = query.overdue === 'true';
    const status = query.status ?? (inbox || overdue ? 'open' : undefined);
    if (overdue) qb.andWhere('t.due_at < :now', { now: this.clock.now() });
    if (query.dueBefore) qb.andWhere('t.due_at < :dueBefore', { dueBefore: new Date(query.dueBefore) });
    if (status) qb.andWhere('t.status = :status', { status });
    if (query.assignee) qb.andWhere('t.assignee = :assignee', { assignee: query.assignee });
    if (query.candidateRole) qb.andWhere(':role = ANY(t.candidate_roles)', { role: canonicalRole(query.candidateRole) });
    if (query.instanceId) qb.andWhere('t.instance_id = :instanceId', { instanceId: query.instanceId });
    if (query.subjectType) qb.andWhere('t.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) qb.andWhere('t.subject_id = :subjectId', { subjectId: query.subjectId });
    const [items, total] = await qb
      .orderBy('t.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.created_at', 'ASC')
      .addOrderBy('t.id')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return page(items, total, query);
  }

  get(id: string): Promise<TaskEntity> {
    return this.store.find(this.dataSource.manager, id);
  }

  async claim(id: string, actor: Actor): Promise<TaskEntity> {
    return this.dataSource.transaction(async (m) => {
      const task = await this.lockOpen(m, id);
      if (task.assignee === actor.subject) return task;
      if (task.assignee) throw this.claimedByOther(task);
      this.assertCandidate(task, actor);
      await this.store.assign(m, task, actor.subject);
      await this.audit.append(m, actor, { action: 'task.claimed', subjectType: 'task', subjectId: id, after: { assignee: actor.subject } });
      return task;
    });
  }

  async unclaim(id: string, actor: Actor): Promise<TaskEntity> {
    return this.dataSource.transaction(async (m) => {
      const task = await this.lockOpen(m, id);
      if (!task.assignee) return task;
      if (task.assignee !== actor.subject && !isAdmin(actor)) {
        throw new TaskError(TaskErrorCode.NotAssignee, `Task ${id} is held by ${task.assignee}; only they (or an admin) can release it`);
      }
      const previous = task.assignee;
      await this.store.assign(m, task, null);
      await this.audit.append(m, actor, { action: 'task.unclaimed', subjectType: 'task', subjectId: id, before: { assignee: previous }, after: { assignee: null } });
      return task;
    });
  }

  /** Hands the task to a subject holding one of its candidate roles (their active tokens say which roles they hold). */
  async delegate(id: string, dto: DelegateTaskDto, actor: Actor): Promise<TaskEntity> {
    return this.dataSource.transaction(async (m) => {
      const task = await this.lockOpen(m, id);
      if (task.assignee ? task.assignee !== actor.subject && !isAdmin(actor) : !isAdmin(actor) && !holdsCandidateRole(actor.roles, task.candidateRoles)) {
        throw new TaskError(
          TaskErrorCode.NotAssignee,
          task.assignee ? `Task ${id} is held by ${task.assignee}; only they (or an admin) can delegate it` : `Delegating needs one of the roles: ${task.candidateRoles.join(', ')} (or admin)`,
        );
      }
      const rows: Array<{ roles: string[] }> = await m.query(`SELECT roles FROM api_tokens WHERE subject = $1 AND revoked_at IS NULL`, [dto.to]);
      if (!holdsCandidateRole(rows.flatMap((r) => r.roles), task.candidateRoles)) {
        throw new TaskError(TaskErrorCode.InvalidDelegate, `${dto.to} holds none of the candidate roles of this task`, [
          { pointer: '/to', message: rows.length ? `holds none of the roles ${task.candidateRoles.join(', ')}` : 'has no active token' },
        ]);
      }
      const previous = task.assignee;
      await this.store.assign(m, task, dto.to);
      await this.audit.append(m, actor, { action: 'task.delegated', subjectType: 'task', subjectId: id, before: { assignee: previous }, after: { assignee: dto.to } });
      return task;
    });
  }

    /**
   * Completes the task: roles, segregation of duties and the form are checked, then the
   * instance's `task.complete` event runs in this transaction. The instance (its root first) and
   * the task row are locked in one statement, so two concurrent completions give one success and one 409.
   */
  async complete(id: string, dto: CompleteTaskDto, actor: Actor): Promise<CompletionResult> {
    return this.dataSource.transaction(async (m) => {
      const locked = await this.engine.lockTaskAndInstance(m, id);
      if (!locked) throw new TaskError(TaskErrorCode.NotFound, `No task with id ${id}`);
      const { instance, task } = locked;
      assertOpen(task);
      if (task.assignee && task.assignee !== actor.subject) throw this.claimedByOther(task);
      if (!task.assignee) this.assertCandidate(task, actor);
      const rule = segregationViolation(task, instance, actor.subject);
      if (rule) {
        throw new TaskError(TaskErrorCode.SegregationOfDuties, `Segregation of duties: ${actor.subject} may not complete "${task.name}" (${rule})`, [], { rule });
      }
      const completion = validateCompletion(task.form, dto.outcome, dto.variables);
      if (completion.errors.length) throw new TaskError(TaskErrorCode.InvalidVariables, "The variables do not match the task's form", completion.errors);
      // The step completes the task row itself (and audits it), in the same statement as the instance.
      const step = await this.engine.handleEvent(
        m,
        instance,
        { type: 'task.complete', waitKey: task.waitKey, variables: completion.variables, completedBy: actor.subject },
        actor,
        { taskId: task.id, outcome: completion.outcome },
      );
      const completed = step.completedTasks.find((t) => t.id === id) as TaskEntity;
      const { status, activeElementIds } = step.instance;
      return Object.assign(completed, { instance: { id: instance.id, status, activeElementIds }, nextTasks: step.createdTasks });
    });
  }

  private async lockOpen(m: EntityManager, id: string): Promise<TaskEntity> {
    return assertOpen(await this.store.find(m, id, true));
  }

  private assertCandidate(task: TaskEntity, actor: Actor): void {
    if (!holdsCandidateRole(actor.roles, task.candidateRoles)) {
      throw new TaskError(TaskErrorCode.NotCandidate, `Task "${task.name}" needs one of the roles: ${task.candidateRoles.join(', ')}`);
    }
  }

  private claimedByOther(task: TaskEntity): TaskError {
    return new TaskError(TaskErrorCode.ClaimedByOther, `Task ${task.id} is claimed by ${task.assignee}`, [], { assignee: task.assignee });
  }
}
