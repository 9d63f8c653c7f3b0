import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { TokensService } from '../auth/tokens.service.js';
import { Clock } from '../clock/clock.js';
import type { ProblemFieldError } from '../common/domain-error.js';
import { EvidenceRegister } from '../common/evidence-register.js';
import { type Page, page } from '../common/pagination.js';
import { PeopleDirectory } from '../common/people-directory.js';
import { RoleUsages } from '../common/role-usages.js';
import { TaskLinks } from '../common/task-links.js';
import { Database } from '../database/database.js';
import { ProcessEngineService } from '../processes/runtime/process-engine.service.js';
import type { LockedInstance } from '../processes/runtime/step-unit.js';
import { canonicalRole, holdsCandidateRole } from './candidate-roles.js';
import type { CompleteTaskDto, DelegateTaskDto, TaskQueryDto } from './dto/tasks.dto.js';
import { type TaskCompletionDto, type TaskDto, toTaskDto } from './dto/task.dto.js';
import type { TaskEntity } from './entities/task.entity.js';
import { evidenceIds, validateCamundaCompletion, validateCompletion } from './form-validation.js';
import { TasksRepository } from './repositories/tasks.repository.js';
import { segregationViolation } from './segregation.js';
import { TaskRecords } from './task-records.service.js';
import { TaskError, TaskErrorCode } from './tasks.errors.js';
import { OutboxService } from '../webhooks/outbox.service.js';

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
export class TasksService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly tasks: TasksRepository,
    private readonly records: TaskRecords,
    private readonly engine: ProcessEngineService,
    private readonly tokens: TokensService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly people: PeopleDirectory,
    private readonly roleUsages: RoleUsages,
    private readonly outbox: OutboxService,
    private readonly evidence: EvidenceRegister,
    private readonly links: TaskLinks,
  ) {}

  /** A role still offered open tasks (whatever named it, FEEL included) cannot be deleted. */
  onModuleInit(): void {
    this.roleUsages.register({
      describe: 'open tasks',
      usages: async (role) => (await this.tasks.openOfferedTo(this.db.manager, role)).map((t) => `task ${t.id} "${t.name}" (${t.definition_key})`),
    });
  }

  /** Without a filter: my inbox (open tasks assigned to me or claimable with one of my roles). */
  async list(query: TaskQueryDto, actor: Actor): Promise<Page<TaskDto>> {
    const inbox = !query.assignee && !query.candidateRole && !query.instanceId && !query.subjectType && !query.subjectId;
    const overdue = query.overdue === 'true';
    const dueBefore = [overdue ? this.clock.now() : undefined, query.dueBefore ? new Date(query.dueBefore) : undefined]
      .filter((d): d is Date => d !== undefined)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    const [items, total] = await this.tasks.list(
      this.db.manager,
      {
        inbox: inbox ? { me: actor.subject, roles: actor.roles.map(canonicalRole) } : undefined,
        status: query.status ?? (inbox || overdue ? 'open' : undefined),
        dueBefore,
        assignee: query.assignee,
        candidateRole: query.candidateRole ? canonicalRole(query.candidateRole) : undefined,
        instanceId: query.instanceId,
        subjectType: query.subjectType,
        subjectId: query.subjectId,
      },
      query.limit,
      query.offset,
    );
    return page(await this.linked(items.map(toTaskDto)), total, query);
  }

  async get(id: string): Promise<TaskDto> {
    const task = await this.tasks.find(this.db.manager, id);
    if (!task) throw new TaskError(TaskErrorCode.NotFound, `No task with id ${id}`);
    return (await this.linked([toTaskDto(task)]))[0];
  }

  /** The tasks with the links the registered sources give them (what their step works on). */
  private async linked(tasks: TaskDto[]): Promise<TaskDto[]> {
    const links = await this.links.of(tasks);
    return tasks.map((task) => ({ ...task, links: links.get(task.id) ?? {} }));
  }

  /** Claims the task for the actor: they need a candidate role and must not be barred from completing it (segregation of duties). */
  async claim(id: string, actor: Actor): Promise<TaskDto> {
    return this.db.transaction(async (m) => {
      const { task, instance } = await this.lockOpen(m, id);
      if (task.assignee === actor.subject) return toTaskDto(task);
      if (task.assignee) throw this.claimedByOther(task);
      this.assertCandidate(task, actor);
      // Someone who may never complete it must not hold it either: a claim would stall the review.
      this.assertNotBarred(task, instance, actor.subject, 'claim');
      await this.assign(m, task, actor.subject, { by: actor.subject, via: 'claim', instance });
      await this.audit.append(m, actor, { action: 'task.claimed', subjectType: 'task', subjectId: id, after: { assignee: actor.subject } });
      return toTaskDto(task);
    });
  }

  async unclaim(id: string, actor: Actor): Promise<TaskDto> {
    return this.db.transaction(async (m) => {
      const { task } = await this.lockOpen(m, id);
      if (!task.assignee) return toTaskDto(task);
      if (task.assignee !== actor.subject && !isAdmin(actor)) {
        throw new TaskError(TaskErrorCode.NotAssignee, `Task ${id} is held by ${task.assignee}; only they (or an admin) can release it`, [], {
          rule: 'assignee',
          taskId: id,
        });
      }
      const previous = task.assignee;
      await this.assign(m, task, null);
      await this.audit.append(m, actor, {
        action: 'task.unclaimed',
        subjectType: 'task',
        subjectId: id,
        before: { assignee: previous },
        after: { assignee: null },
      });
      return toTaskDto(task);
    });
  }

  /**
   * Hands the task to a subject who can act now with one of its candidate roles (a token neither
   * revoked nor expired, or their active person in the directory, says so) and whom segregation of
   * duties does not bar from completing it. A deactivated person is never handed work (409).
   */
  async delegate(id: string, dto: DelegateTaskDto, actor: Actor): Promise<TaskDto> {
    return this.db.transaction(async (m) => {
      const { task, instance } = await this.lockOpen(m, id);
      if (task.assignee ? task.assignee !== actor.subject && !isAdmin(actor) : !isAdmin(actor) && !holdsCandidateRole(actor.roles, task.candidateRoles)) {
        throw new TaskError(
          TaskErrorCode.NotAssignee,
          task.assignee
            ? `Task ${id} is held by ${task.assignee}; only they (or an admin) can delegate it`
            : `Delegating needs one of the roles: ${task.candidateRoles.join(', ')} (or admin)`,
          [],
          task.assignee ? { rule: 'assignee', taskId: id } : { rule: 'candidate roles', candidateRoles: task.candidateRoles, taskId: id },
        );
      }
      const person = await this.people.byIdentity(dto.to);
      if (person && !person.active) {
        throw new TaskError(TaskErrorCode.DelegateInactive, `${dto.to} has been deactivated and cannot be handed work`, [
          { pointer: '/to', message: 'is a deactivated person' },
        ]);
      }
      const tokenRoles = await this.tokens.activeRolesOf(m, dto.to);
      const roles = tokenRoles || person ? [...(tokenRoles ?? []), ...(person?.roles ?? [])] : undefined;
      const rule = segregationViolation(task, instance, dto.to);
      if (!roles || !holdsCandidateRole(roles, task.candidateRoles) || rule) {
        const message = !roles
          ? 'is no person in the directory and has no token that is neither revoked nor expired'
          : rule
            ? `may not complete this task (segregation of duties: ${rule})`
            : `holds none of the roles ${task.candidateRoles.join(', ')}`;
        throw new TaskError(TaskErrorCode.InvalidDelegate, `${dto.to} cannot act on this task`, [{ pointer: '/to', message }], rule ? { rule } : {});
      }
      const previous = task.assignee;
      await this.assign(m, task, dto.to, { by: actor.subject, via: 'delegate', instance });
      await this.audit.append(m, actor, {
        action: 'task.delegated',
        subjectType: 'task',
        subjectId: id,
        before: { assignee: previous },
        after: { assignee: dto.to },
      });
      return toTaskDto(task);
    });
  }

  /**
   * Completes the task: roles, segregation of duties and the form are checked, then the
   * instance's `task.complete` event runs in this transaction. The instance (its root first) and
   * the task row are locked in one statement, so two concurrent completions give one success and one 409.
   */
  async complete(id: string, dto: CompleteTaskDto, actor: Actor): Promise<TaskCompletionDto> {
    return this.db.transaction(async (m) => {
      const { task, instance } = await this.lockOpen(m, id);
      if (task.assignee && task.assignee !== actor.subject) throw this.claimedByOther(task);
      if (!task.assignee) this.assertCandidate(task, actor);
      this.assertNotBarred(task, instance, actor.subject, 'complete');
      const completion = task.camundaForm
        ? validateCamundaCompletion(task.camundaForm.schema, dto.outcome, dto.variables, instance.variables)
        : validateCompletion(task.form, dto.outcome, dto.variables);
      if (!completion.errors.length) completion.errors.push(...(await this.evidenceProblems(m, task, completion.variables)));
      if (completion.errors.length) throw new TaskError(TaskErrorCode.InvalidVariables, "The variables do not match the task's form", completion.errors);
      // The step completes the task row itself (and audits it), in the same statement as the instance.
      const step = await this.engine.handleEvent(
        m,
        instance,
        { type: 'task.complete', waitKey: task.waitKey, variables: completion.variables, completedBy: actor.subject },
        actor,
        { taskId: task.id, outcome: completion.outcome },
      );
      const completed = step.completedTasks.find((t) => t.id === id) as TaskDto;
      const { status, activeElementIds } = step.instance;
      return { ...completed, instance: { id: instance.id, status, activeElementIds }, nextTasks: step.createdTasks };
    });
  }

  /** Evidence named by the form's `evidence` fields must exist, be current and be linked to the task's AI system (or the task). */
  private async evidenceProblems(m: EntityManager, task: TaskEntity, variables: Record<string, unknown>): Promise<ProblemFieldError[]> {
    const errors: ProblemFieldError[] = [];
    for (const field of task.form.filter((f) => f.type === 'evidence' && variables[f.name] != null && variables[f.name] !== '')) {
      const value = variables[field.name];
      const problems = await this.evidence.problemsAsTaskEvidence(m, evidenceIds(value), task);
      const pointer = `/variables/${field.name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      errors.push(...problems.map((p) => ({ pointer: Array.isArray(value) ? `${pointer}/${p.index}` : pointer, message: p.message })));
    }
    return errors;
  }

  /** The task with its instance (root first), locked in one statement, in the lock order of every step; 409 unless open. */
  private async lockOpen(m: EntityManager, id: string): Promise<{ task: TaskEntity; instance: LockedInstance }> {
    const locked = await this.engine.lockWith(m, id, this.records.lockAlongside(m));
    if (!locked) throw new TaskError(TaskErrorCode.NotFound, `No task with id ${id}`);
    return { task: assertOpen(this.records.lockedTask(m, locked.row)), instance: locked.instance };
  }

  private assertNotBarred(task: TaskEntity, instance: LockedInstance, subject: string, doing: 'claim' | 'complete'): void {
    const rule = segregationViolation(task, instance, subject);
    if (rule)
      throw new TaskError(TaskErrorCode.SegregationOfDuties, `Segregation of duties: ${subject} may not ${doing} "${task.name}" (${rule})`, [], {
        rule,
        taskId: task.id,
      });
  }

  /** Claims (or delegates) the task to `assignee`, announced as `task.assigned`; or releases it with null. */
  private async assign(
    m: EntityManager,
    task: TaskEntity,
    assignee: string | null,
    how?: { by: string; via: 'claim' | 'delegate'; instance: LockedInstance },
  ): Promise<void> {
    const claimedAt = assignee ? this.clock.now() : null;
    await this.tasks.assign(m, task.id, assignee, claimedAt);
    Object.assign(task, { assignee, claimedAt, version: task.version + 1 });
    if (assignee && how) {
      // Whoever holds one item of a multi-instance approval is no longer free for the others.
      const openItems = task.item ? await this.records.openItemsBeside(m, task, how.instance) : undefined;
      await this.outbox.publish(m, {
        type: 'task.assigned',
        subject: { type: 'task', id: task.id },
        data: {
          id: task.id,
          name: task.name,
          assignee,
          by: how.by,
          via: how.via,
          candidateRoles: task.candidateRoles,
          instanceId: task.instanceId,
          subject: { type: task.subjectType, id: task.subjectId },
          ...(openItems && { openItems }),
        },
      });
    }
  }

  private assertCandidate(task: TaskEntity, actor: Actor): void {
    if (!holdsCandidateRole(actor.roles, task.candidateRoles)) {
      throw new TaskError(TaskErrorCode.NotCandidate, `Task "${task.name}" needs one of the roles: ${task.candidateRoles.join(', ')}`, [], {
        rule: 'candidate roles',
        candidateRoles: task.candidateRoles,
        taskId: task.id,
      });
    }
  }

  private claimedByOther(task: TaskEntity): TaskError {
    return new TaskError(TaskErrorCode.ClaimedByOther, `Task ${task.id} is claimed by ${task.assignee}`, [], { assignee: task.assignee });
  }
}
