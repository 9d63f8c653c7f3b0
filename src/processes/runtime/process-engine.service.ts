import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type AuditRecord, AuditTrailService } from '../../audit-trail/audit-trail.service.js';
import type { Actor } from '../../auth/roles.js';
import { Clock } from '../../clock/clock.js';
import {
  applyEvent,
  type CompiledProcess,
  type EngineHooks,
  type InstanceEvent,
  startInstance,
  type StepResult,
  type Wait,
} from '../../engine/process/index.js';
import { type OutboxEvent, OutboxService } from '../../webhooks/outbox.service.js';
import { RuleEvaluator } from '../../rules/rule-evaluator.service.js';
import { TaskEntity } from '../../tasks/entities/task.entity.js';
import { TaskStore, type UserTaskWait } from '../../tasks/task-store.js';
import { DefinitionCache } from '../definitions/definition-cache.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import type { ProcessDefinitionEntity } from '../entities/process-definition.entity.js';
import { ProcessInstanceEntity, RUNNING_STATUSES } from '../entities/process-instance.entity.js';
import { HandlerRegistry, type Subject } from '../handlers/handler-registry.js';
import { JobStore, retryDelayMs, type TimerWait } from '../jobs/job-store.js';
import { engineCall, isStaleEvent, ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { hydrate, hydratePrefixed, prefixedColumns } from '../rows.js';
import { preparedQuery } from '../../database/prepared-query.js';
import { WriteStatement } from '../../database/write-statement.js';
import { RegisterWithdrawals } from './register-withdrawals.js';

export interface StartRequest {
  definitionKey: string;
  /** Default: the latest version. */
  version?: number;
  subject: Subject;
  variables?: Record<string, unknown>;
  /** A message or timer start event; default: the none start event. */
  startEventId?: string;
  /** Who starts it: the initiator, for segregation of duties. */
  actor: Actor;
}

/** What one call did: the instance as it is now, the tasks it opened (in it or instances it started) and completed. */
export interface StepOutcome {
  instance: ProcessInstanceEntity;
  createdTasks: TaskEntity[];
  completedTasks: TaskEntity[];
}

/** What drove a step, kept with its history record (and the outcome of a completed task). */
export interface StepDetails {
  taskId?: string;
  /** A `task.complete`'s recorded outcome (the task API derives it from the form). */
  outcome?: string | null;
  jobId?: string;
  retriedBy?: string;
  messageId?: string;
  messageName?: string;
  reason?: string;
  parentId?: string;
  childId?: string;
}

export interface MessageRequest {
  name: string;
  correlationKey?: string;
  /** Repeats of a message id have no second effect and get the first result back. */
  messageId?: string;
  variables?: Record<string, unknown>;
  /** Subject of the instances a message start event starts; default `{ type: 'message', id: correlationKey ?? name }`. */
  subject?: Subject;
}

export interface MessageResult {
  id: string;
  messageId: string | null;
  name: string;
  correlationKey: string | null;
  receivedAt: string;
  /**
   * Waiting instances: `delivered`; `retrying` when the step failed (retried with backoff, then an incident);
   * `closed` when another event closed the wait first (a concurrent message, say).
   */
  deliveries: Array<{ instanceId: string; elementId: string; status: 'delivered' | 'retrying' | 'closed'; error?: string }>;
  /** Definitions with a message start event of this name. */
  started: Array<{ definitionKey: string; definitionVersion: number; status: 'started' | 'skipped' | 'retrying'; instanceId?: string; reason?: string }>;
  /** True when this is the stored result of an earlier message with the same id. */
  duplicate: boolean;
}

type EngineEvent = InstanceEvent | { type: 'start' };

interface FollowUp {
  instanceId: string;
  event: InstanceEvent;
  details: StepDetails;
}

/** The work of one transaction: events that instances owe each other (a child completed), and what was created. */
class Unit {
  readonly followUps: FollowUp[] = [];
  readonly createdTasks: TaskEntity[] = [];
  readonly completedTasks: TaskEntity[] = [];
  readonly instances = new Map<string, ProcessInstanceEntity>();
  constructor(
    readonly m: EntityManager,
    readonly actor: Actor,
  ) {}
}

interface StartOptions {
  subject: Subject;
  variables: Record<string, unknown>;
  initiator: string;
  startEventId?: string;
  /** Call activities start children without the unique-per-subject check (they share the parent's subject). */
  enforceUnique: boolean;
  parent?: { id: string; rootId: string; waitKey: string };
  /** Restart into the row of a start that failed (its incident is being retried). */
  instanceId?: string;
}

const isKind =
  <K extends Wait['kind']>(kind: K) =>
  (w: Wait): w is Extract<Wait, { kind: K }> =>
    w.kind === kind;

/**
 * Runs process instances, one database transaction per event (DESIGN.md, execution model): lock
 * the instance (its root first), apply the event to the compiled machine of its own version,
 * persist the state, turn the change of waits into task, timer, subscription and child rows,
 * append history and audit events. The caller owns the transaction; anything that throws rolls
 * all of it back. Other modules call `start`, `handleEvent` and `deliverMessage` inside theirs.
 */
@Injectable()
export class ProcessEngineService {
  private savepoints = 0;

  constructor(
    private readonly definitions: DefinitionsService,
    private readonly cache: DefinitionCache,
    private readonly handlers: HandlerRegistry,
    private readonly rules: RuleEvaluator,
    private readonly tasks: TaskStore,
    private readonly jobs: JobStore,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly withdrawals: RegisterWithdrawals,
  ) {}

  /** Starts an instance of a definition (latest version unless given); 409 while a unique-per-subject one is active. */
  async start(m: EntityManager, request: StartRequest): Promise<StepOutcome> {
    const { actor } = request;
    const definition = await this.definitions.resolve(m, request.definitionKey, request.version);
    return this.run(m, actor, (unit) =>
      this.startIn(unit, definition, {
        subject: request.subject,
        variables: request.variables ?? {},
        startEventId: request.startEventId,
        initiator: actor.subject,
        enforceUnique: true,
      }),
    );
  }

  /**
   * Starts one definition version at a start event (the scheduler's timer and message starts).
   * With `instanceId`, fills the row that a failed start left, while its incident is retried.
   */
  async startVersion(
    m: EntityManager,
    definitionId: string,
    options: { subject: Subject; variables: Record<string, unknown>; startEventId: string; instanceId?: string | null },
    actor: Actor,
  ): Promise<StepOutcome> {
    const definition = await this.definitions.byId(m, definitionId);
    return this.run(m, actor, (unit) =>
      this.startIn(unit, definition, {
        subject: options.subject,
        variables: options.variables,
        startEventId: options.startEventId,
        initiator: actor.subject,
        enforceUnique: !options.instanceId,
        instanceId: options.instanceId ?? undefined,
      }),
    );
  }

  /**
   * Applies one event (task completion, timer, message, child completion, cancel) to a running
   * instance: by id, or the instance a caller has just locked with `lockInstance` in this transaction.
   */
  async handleEvent(m: EntityManager, instance: string | ProcessInstanceEntity, event: InstanceEvent, actor: Actor, details: StepDetails = {}): Promise<StepOutcome> {
    return this.run(m, actor, async (unit) => {
      const locked = typeof instance === 'string' ? await this.lockInstance(m, instance) : instance;
      this.assertRunning(locked);
      return this.applyLocked(unit, locked, event, details);
    });
  }

  /** Cancels a top-level instance and, through it, its children, tasks, timers and subscriptions. */
  async cancel(m: EntityManager, instanceId: string, actor: Actor, reason?: string): Promise<StepOutcome> {
    return this.run(m, actor, async (unit) => {
      const instance = await this.lockInstance(m, instanceId);
      if (instance.parentId) {
        throw new ProcessError(ProcessErrorCode.ChildInstance, `Instance ${instanceId} runs for a call activity of ${instance.parentId}; cancel that instance instead`);
      }
      this.assertRunning(instance);
      return this.cancelIn(unit, instance, reason ? { reason } : {});
    });
  }

  /**
   * Delivers a message to every instance waiting for it (same name, same correlation key) and
   * starts every definition whose message start event has that name. Each delivery and start runs
   * in a savepoint: one that fails is rolled back alone and retried later with backoff.
   */
  async deliverMessage(m: EntityManager, message: MessageRequest, actor: Actor): Promise<MessageResult> {
    const correlationKey = message.correlationKey ?? null;
    const variables = message.variables ?? {};
    const receivedAt = this.clock.now();
    const [stored] = await m.query(
      `INSERT INTO process_messages (message_id, name, correlation_key, variables, sent_by, received_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (message_id) WHERE message_id IS NOT NULL DO NOTHING RETURNING id`,
      [message.messageId ?? null, message.name, correlationKey, JSON.stringify(variables), actor.subject, receivedAt],
    );
    if (!stored) {
      // A concurrent first delivery holds the unique index entry until it commits; we get here after it did.
      const [first] = await m.query(`SELECT result FROM process_messages WHERE message_id = $1`, [message.messageId]);
      return { ...(first.result as MessageResult), duplicate: true };
    }
    const subscriptions: Array<{ instance_id: string; wait_key: string; element_id: string }> = await m.query(
      `SELECT instance_id, wait_key, element_id FROM process_message_subscriptions
        WHERE name = $1 AND correlation_key IS NOT DISTINCT FROM $2 ORDER BY created_at, instance_id, wait_key`,
      [message.name, correlationKey],
    );
    const starts = await this.definitions.withMessageStart(m, message.name);
    if (!subscriptions.length && !starts.length) {
      throw new ProcessError(
        ProcessErrorCode.MessageNotCorrelated,
        `No instance waits for message "${message.name}"${correlationKey === null ? ' without a correlation key' : ` with correlation key "${correlationKey}"`} and no process starts on it`,
      );
    }
    const payload = { name: message.name, correlationKey, variables, messageRowId: stored.id, actor: { subject: actor.subject, roles: actor.roles } };
    const result: MessageResult = {
      id: stored.id,
      messageId: message.messageId ?? null,
      name: message.name,
      correlationKey,
      receivedAt: receivedAt.toISOString(),
      deliveries: [],
      started: [],
      duplicate: false,
    };
    for (const sub of subscriptions) {
      const event: InstanceEvent = { type: 'message', name: message.name, waitKey: sub.wait_key, variables };
      const failure = await this.inSavepoint(m, () => this.handleEvent(m, sub.instance_id, event, actor, { messageId: stored.id, messageName: message.name }));
      if (!failure) {
        result.deliveries.push({ instanceId: sub.instance_id, elementId: sub.element_id, status: 'delivered' });
        continue;
      }
      if (isStaleEvent(failure)) {
        result.deliveries.push({ instanceId: sub.instance_id, elementId: sub.element_id, status: 'closed', error: errorMessage(failure) });
        continue;
      }
      await this.scheduleRetry(m, { kind: 'message', instanceId: sub.instance_id, waitKey: sub.wait_key, elementId: sub.element_id, payload }, failure);
      result.deliveries.push({ instanceId: sub.instance_id, elementId: sub.element_id, status: 'retrying', error: errorMessage(failure) });
    }
    const subject = message.subject ?? { type: 'message', id: correlationKey ?? message.name };
    for (const { definition, startEventId } of starts) {
      const entry = { definitionKey: definition.key, definitionVersion: definition.version };
      let started: StepOutcome | undefined;
      const failure = await this.inSavepoint(m, async () => {
        started = await this.run(m, actor, (unit) =>
          this.startIn(unit, definition, { subject, variables, startEventId, initiator: actor.subject, enforceUnique: true }),
        );
      });
      if (!failure) result.started.push({ ...entry, status: 'started', instanceId: started!.instance.id });
      else if (failure instanceof ProcessError && failure.code === ProcessErrorCode.AlreadyActiveForSubject) {
        result.started.push({ ...entry, status: 'skipped', reason: failure.message });
      } else {
        await this.scheduleRetry(m, { kind: 'start-message', definitionId: definition.id, elementId: startEventId, payload: { ...payload, subject } }, failure);
        result.started.push({ ...entry, status: 'retrying', reason: errorMessage(failure) });
      }
    }
    await m.query(`UPDATE process_messages SET result = $2 WHERE id = $1`, [stored.id, JSON.stringify(result)]);
    return result;
  }

  /**
   * Locks an instance for a step: its root first, then itself, in one statement, so events on
   * different instances of one call tree serialise instead of deadlocking.
   */
  async lockInstance(m: EntityManager, instanceId: string): Promise<ProcessInstanceEntity> {
    const locked = await this.lockWhere(m, `SELECT $1::uuid AS id`, instanceId);
    if (!locked) throw new ProcessError(ProcessErrorCode.InstanceNotFound, `No process instance with id ${instanceId}`);
    return locked;
  }

  /**
   * Locks the instance of a task the same way, and the task row with it (undefined: no such
   * task): the task API's completion needs no other read before its step.
   */
  async lockTaskAndInstance(m: EntityManager, taskId: string): Promise<{ instance: ProcessInstanceEntity; task: TaskEntity } | undefined> {
    const rows = await this.lockRows(m, `SELECT instance_id AS id FROM tasks WHERE id = $1`, taskId, { entity: TaskEntity, alias: 't', join: 'JOIN tasks t ON t.id = $1' });
    const row = rows.find((r) => r.is_target);
    return row && { instance: hydrate(m, ProcessInstanceEntity, row), task: hydratePrefixed(m, TaskEntity, row, 't') };
  }

  private async lockWhere(m: EntityManager, target: string, id: string): Promise<ProcessInstanceEntity | undefined> {
    const row = (await this.lockRows(m, target, id)).find((r) => r.is_target);
    return row && hydrate(m, ProcessInstanceEntity, row);
  }

  /** Root first, then the target (ordered), with the rows of `also` locked alongside. */
  private lockRows(m: EntityManager, target: string, id: string, also?: { entity: new () => object; alias: string; join: string }): Promise<Array<Record<string, unknown>>> {
    return preparedQuery(
      m,
      `WITH target AS (${target})
       SELECT p.*, p.id = target.id AS is_target${also ? `, ${prefixedColumns(m, also.entity, also.alias)}` : ''}
         FROM process_instances p ${also?.join ?? ''}, target
        WHERE p.id = target.id OR p.id = (SELECT root_id FROM process_instances WHERE id = target.id)
        ORDER BY p.id = target.id FOR UPDATE OF p${also ? `, ${also.alias}` : ''}`,
      [id],
    );
  }

  private async run(m: EntityManager, actor: Actor, work: (unit: Unit) => Promise<ProcessInstanceEntity>): Promise<StepOutcome> {
    const unit = new Unit(m, actor);
    const instance = await work(unit);
    while (unit.followUps.length) {
      const next = unit.followUps.shift() as FollowUp;
      const target = await this.lockInstance(m, next.instanceId);
      // A parent that ended meanwhile (cancelled, terminated) no longer waits for its child.
      if (RUNNING_STATUSES.includes(target.status) && target.state) await this.applyLocked(unit, target, next.event, next.details);
    }
    return { instance: unit.instances.get(instance.id) ?? instance, createdTasks: unit.createdTasks, completedTasks: unit.completedTasks };
  }

  private async startIn(unit: Unit, definition: ProcessDefinitionEntity, options: StartOptions): Promise<ProcessInstanceEntity> {
    const m = unit.m;
    if (options.enforceUnique && definition.uniquePerSubject) await this.assertNoneActive(m, definition.key, options.subject);
    const compiled = await this.cache.get(m, definition.id);
    const now = this.clock.now();
    const instance = Object.assign(new ProcessInstanceEntity(), {
      id: options.instanceId ?? randomUUID(),
      definitionId: definition.id,
      definitionKey: definition.key,
      definitionVersion: definition.version,
      subjectType: options.subject.type,
      subjectId: options.subject.id,
      status: options.instanceId ? 'failed' : 'active',
      waits: [],
      parentId: options.parent?.id ?? null,
      parentWaitKey: options.parent?.waitKey ?? null,
      startedBy: unit.actor.subject,
      startedAt: now,
      endedAt: null,
      version: 0,
    } satisfies Partial<ProcessInstanceEntity>);
    instance.rootId = options.parent?.rootId ?? instance.id;
    const result = await engineCall(() =>
      startInstance(compiled, options.variables, this.hooks(unit, instance), { startEventId: options.startEventId, initiator: options.initiator }),
    );
    await this.persist(unit, instance, compiled, result, { type: 'start' }, options.parent ? { parentId: options.parent.id } : {});
    await this.audit.append(m, unit.actor, {
      action: 'process-instance.started',
      subjectType: 'process-instance',
      subjectId: instance.id,
      after: { definitionKey: definition.key, definitionVersion: definition.version, subject: options.subject, parentId: instance.parentId },
    });
    await this.outbox.publish(m, {
      type: 'process.started',
      subject: { type: 'process-instance', id: instance.id },
      data: { id: instance.id, definitionKey: definition.key, definitionVersion: definition.version, subject: options.subject, parentId: instance.parentId },
    });
    await this.afterPersist(unit, instance, [], result, { type: 'start' });
    return instance;
  }

  private async applyLocked(unit: Unit, instance: ProcessInstanceEntity, event: InstanceEvent, details: StepDetails): Promise<ProcessInstanceEntity> {
    const compiled = await this.cache.get(unit.m, instance.definitionId);
    const previous = instance.waits;
    const state = instance.state;
    if (!state) throw new ProcessError(ProcessErrorCode.InstanceNotActive, `Instance ${instance.id} never started: retry its incident first`);
    const result = await engineCall(() => applyEvent(compiled, state, event, this.hooks(unit, instance)));
    await this.persist(unit, instance, compiled, result, event, details, previous);
    await this.afterPersist(unit, instance, previous, result, event);
    return instance;
  }

  private async cancelIn(unit: Unit, instance: ProcessInstanceEntity, details: StepDetails): Promise<ProcessInstanceEntity> {
    if (instance.state) return this.applyLocked(unit, instance, { type: 'cancel' }, details);
    // A start that failed has no state yet: there is nothing to run down but its job and incident.
    const now = this.clock.now();
    await unit.m.query(
      `WITH jobs AS (UPDATE process_jobs SET status = 'cancelled', done_at = $2 WHERE instance_id = $1 AND status IN ('pending', 'failed') RETURNING id)
       UPDATE process_incidents SET status = 'resolved', resolution = 'cancelled', resolved_at = $2, resolved_by = $3
        WHERE instance_id = $1 AND status = 'open'`,
      [instance.id, now, unit.actor.subject],
    );
    await unit.m.query(`UPDATE process_instances SET status = 'cancelled', ended_at = $2, updated_at = $2, version = version + 1 WHERE id = $1`, [instance.id, now]);
    Object.assign(instance, { status: 'cancelled', endedAt: now, updatedAt: now, version: instance.version + 1 });
    unit.instances.set(instance.id, instance);
    await this.audit.append(unit.m, unit.actor, { action: 'process-instance.cancelled', subjectType: 'process-instance', subjectId: instance.id, after: { ...details } });
    return instance;
  }

  private hooks(unit: Unit, instance: ProcessInstanceEntity): EngineHooks {
    const subject = { type: instance.subjectType, id: instance.subjectId };
    return {
      now: () => this.clock.now(),
      evaluateRuleSet: async (key, variables, { elementId }) => {
        const decision = await this.rules.decide(unit.m, {
          key,
          facts: variables,
          pickDeclared: true,
          subject,
          trigger: `process:${instance.id}/${elementId}`,
          actor: unit.actor,
        });
        return { result: decision.outcome, decisionId: decision.decisionId };
      },
      callHandler: (name, variables, { elementId }) =>
        this.handlers.call(name, variables, { elementId, instanceId: instance.id, definitionKey: instance.definitionKey, subject, manager: unit.m, actor: unit.actor }),
    };
  }

  /**
   * Stores the step in one statement: task, timer and subscription rows for the waits that opened
   * and closed (the task a completion closed included), the instance itself and its history.
   * `previous` undefined: the instance is new.
   */
  private async persist(
    unit: Unit,
    instance: ProcessInstanceEntity,
    compiled: CompiledProcess,
    result: StepResult,
    event: EngineEvent,
    details: StepDetails,
    previous?: Wait[],
  ): Promise<void> {
    const m = unit.m;
    const now = this.clock.now();
    const wasFailed = instance.status === 'failed';
    const { added, removed } = diffWaits(previous ?? [], result.waits);
    const consumed = 'waitKey' in event ? event.waitKey : undefined;
    const origin = {
      instanceId: instance.id,
      definitionKey: instance.definitionKey,
      definitionVersion: instance.definitionVersion,
      subjectType: instance.subjectType,
      subjectId: instance.subjectId,
    };
    const stmt = new WriteStatement();
    const opened = this.tasks.createIn(stmt, origin, added.filter(isKind('userTask')), (id) => compiled.elements[id]?.documentation, now);
    const left = removed.filter((w) => w.key !== consumed);
    this.tasks.cancelIn(stmt, instance.id, left.filter(isKind('userTask')).map((w) => w.key), now);
    // The audit and outbox events of the tasks it opens and completes go in the same statement.
    const audits: AuditRecord[] = [];
    const announcements: OutboxEvent[] = [];
    const taskEvents = (task: { id: string; name: string; elementId: string }, action: 'task.created' | 'task.completed', audited: object, announced: object) => {
      audits.push({ action, subjectType: 'task', subjectId: task.id, after: { instanceId: instance.id, elementId: task.elementId, ...audited } });
      announcements.push({
        type: action,
        subject: { type: 'task', id: task.id },
        data: { id: task.id, name: task.name, elementId: task.elementId, instanceId: instance.id, subject: { type: instance.subjectType, id: instance.subjectId }, ...announced },
      });
    };
    if (event.type === 'task.complete') {
      const completion = { by: event.completedBy ?? unit.actor.subject, outcome: details.outcome ?? null, variables: event.variables ?? {} };
      this.tasks.completeIn(stmt, instance.id, event.waitKey, completion, now);
      const wait = previous?.find((w): w is UserTaskWait => w.kind === 'userTask' && w.key === event.waitKey);
      if (!wait || !details.taskId) throw new Error(`task.complete of ${event.waitKey} needs the open task's wait and id`);
      const task = { id: details.taskId, name: wait.name, elementId: wait.elementId };
      taskEvents(task, 'task.completed', { outcome: completion.outcome, variables: completion.variables }, { completedBy: completion.by, outcome: completion.outcome });
    }
    for (const task of opened) taskEvents(task, 'task.created', { candidateRoles: task.candidateRoles, dueAt: task.dueAt }, { candidateRoles: task.candidateRoles, dueAt: task.dueAt });
    this.audit.appendIn(stmt, unit.actor, audits);
    if (announcements.length) this.outbox.publishIn(stmt, announcements);
    this.jobs.timersIn(stmt, instance.id, added.filter(isKind('timer')), now);
    const jobWaits = removed.filter((w) => w.kind === 'timer' || w.kind === 'message').map((w) => w.key);
    this.jobs.cancelIn(stmt, instance.id, jobWaits, details.jobId, now);
    this.subscriptionsIn(stmt, instance.id, added.filter(isKind('message')), removed.filter(isKind('message')), now);

    Object.assign(instance, {
      status: result.status,
      state: result.state,
      variables: result.variables,
      activeElementIds: result.activeElementIds,
      waits: result.waits,
      completedBy: result.completedBy,
      initiator: result.initiator,
      updatedAt: now,
      endedAt: result.status === 'active' ? null : now,
      version: instance.version + 1,
    });
    this.instanceIn(stmt, instance, !previous);
    stmt.with(
      'history',
      `INSERT INTO process_history (instance_id, event, wait_key, elements_left, elements_entered, decision_ids, actor, at, details)
       SELECT ${stmt.param(instance.id)}::uuid, h.event, h.wait_key, h.elements_left, h.elements_entered, h.decision_ids, ${stmt.param(unit.actor.subject)}, h.at, h.details
         FROM jsonb_to_recordset(${stmt.param(historyRows(result, details))})
              AS h(event text, wait_key text, elements_left jsonb, elements_entered jsonb, decision_ids jsonb, at timestamptz, details jsonb)`,
    );
    const rows = await stmt.run(m);
    const changed = (change: string) => rows.filter((row) => row.change === change).map((row) => hydrate(m, TaskEntity, row));
    const created = changed('created_tasks');
    unit.createdTasks.push(...created);
    unit.completedTasks.push(...changed('completed_tasks'));
    unit.instances.set(instance.id, instance);

    // Still `failed` while another incident stays open (rare: only instances that had one run this).
    if (wasFailed && result.status === 'active') {
      const [still] = await m.query(
        `WITH marked AS (UPDATE process_instances SET status = 'failed'
                           WHERE id = $1 AND EXISTS (SELECT 1 FROM process_incidents WHERE instance_id = $1 AND status = 'open') RETURNING id)
         SELECT id FROM marked`,
        [instance.id],
      );
      if (still) instance.status = 'failed';
    }
    for (const task of changed('cancelled_tasks')) {
      await this.audit.append(m, unit.actor, { action: 'task.cancelled', subjectType: 'task', subjectId: task.id, after: { instanceId: instance.id, elementId: task.elementId } });
    }
  }

  /** The instance row: updated, or inserted for a start (over the row a failed start left, when retried). */
  private instanceIn(stmt: WriteStatement, instance: ProcessInstanceEntity, isNew: boolean): void {
    const p = (value: unknown) => stmt.param(value);
    const values = {
      status: p(instance.status),
      state: p(JSON.stringify(instance.state)),
      variables: p(JSON.stringify(instance.variables)),
      active_element_ids: p(instance.activeElementIds),
      waits: p(JSON.stringify(instance.waits)),
      completed_by: p(JSON.stringify(instance.completedBy)),
      initiator: p(instance.initiator),
      updated_at: p(instance.updatedAt),
      ended_at: p(instance.endedAt),
    };
    if (!isNew) {
      const set = Object.entries(values).map(([column, value]) => `${column} = ${value}`);
      stmt.with('instance_row', `UPDATE process_instances SET ${set.join(', ')}, version = version + 1 WHERE id = ${p(instance.id)}`);
      return;
    }
    const fixed = {
      id: p(instance.id),
      definition_id: p(instance.definitionId),
      definition_key: p(instance.definitionKey),
      definition_version: p(instance.definitionVersion),
      subject_type: p(instance.subjectType),
      subject_id: p(instance.subjectId),
      parent_id: p(instance.parentId),
      parent_wait_key: p(instance.parentWaitKey),
      root_id: p(instance.rootId),
      started_by: p(instance.startedBy),
      started_at: p(instance.startedAt),
    };
    const columns = { ...fixed, ...values };
    stmt.with(
      'instance_row',
      `INSERT INTO process_instances (${Object.keys(columns).join(', ')}) VALUES (${Object.values(columns).join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${Object.keys(values)
         .map((column) => `${column} = EXCLUDED.${column}`)
         .join(', ')}, version = process_instances.version + 1`,
    );
  }

  /** Escalation and reminder audit, child instances to start or cancel, the parent to notify of an end. */
  private async afterPersist(unit: Unit, instance: ProcessInstanceEntity, previous: Wait[], result: StepResult, event: EngineEvent): Promise<void> {
    const m = unit.m;
    const { added, removed } = diffWaits(previous, result.waits);
    if (event.type === 'timer.fire') {
      const fired = previous.find((w): w is TimerWait => w.kind === 'timer' && w.key === event.waitKey);
      if (fired?.boundary) {
        await this.audit.append(m, unit.actor, {
          action: fired.boundary.interrupting ? 'process-instance.escalated' : 'process-instance.reminded',
          subjectType: 'process-instance',
          subjectId: instance.id,
          after: { elementId: fired.elementId, attachedTo: fired.boundary.attachedTo },
        });
        const [task] = await m.query(
          `SELECT id, name, assignee FROM tasks WHERE instance_id = $1 AND element_id = $2 ORDER BY created_at DESC LIMIT 1`,
          [instance.id, fired.boundary.attachedTo],
        );
        await this.outbox.publish(m, {
          type: fired.boundary.interrupting ? 'task.escalated' : 'task.reminder',
          subject: { type: 'task', id: task?.id ?? `${instance.id}/${fired.boundary.attachedTo}` },
          data: { id: task?.id ?? null, name: task?.name ?? null, assignee: task?.assignee ?? null, instanceId: instance.id, elementId: fired.boundary.attachedTo, timer: fired.elementId },
        });
      }
    }
    for (const wait of added.filter(isKind('child'))) {
      const definition = await this.definitions.resolve(m, wait.processKey).catch((error: unknown) => {
        if (error instanceof ProcessError && error.code === ProcessErrorCode.DefinitionNotFound) {
          throw new ProcessError(ProcessErrorCode.CalledProcessNotFound, `call activity ${wait.elementId} calls "${wait.processKey}", which is not deployed`, [], {
            elementId: wait.elementId,
          });
        }
        throw error;
      });
      await this.startIn(unit, definition, {
        subject: { type: instance.subjectType, id: instance.subjectId },
        variables: wait.variables,
        initiator: instance.initiator ?? unit.actor.subject,
        enforceUnique: false,
        parent: { id: instance.id, rootId: instance.rootId, waitKey: wait.key },
      });
    }
    const consumedChild = event.type === 'child.complete' ? event.waitKey : undefined;
    const leftChildren = removed.filter((w) => w.kind === 'child' && w.key !== consumedChild).map((w) => w.key);
    if (leftChildren.length) {
      const children: Array<{ id: string }> = await m.query(
        `SELECT id FROM process_instances WHERE parent_id = $1 AND parent_wait_key = ANY($2) AND status IN ('active', 'failed') ORDER BY started_at, id`,
        [instance.id, leftChildren],
      );
      for (const child of children) await this.cancelIn(unit, await this.lockInstance(m, child.id), { reason: 'the parent left the call activity', parentId: instance.id });
    }
    if (instance.status === 'active' || instance.status === 'failed') return;
    if (instance.status === 'cancelled') await this.withdrawals.withdraw(m, instance.id, unit.actor);
    await this.audit.append(m, unit.actor, {
      action: `process-instance.${instance.status}`,
      subjectType: 'process-instance',
      subjectId: instance.id,
      after: { definitionKey: instance.definitionKey, definitionVersion: instance.definitionVersion },
    });
    if (instance.status !== 'cancelled') {
      await this.outbox.publish(m, {
        type: 'process.completed',
        subject: { type: 'process-instance', id: instance.id },
        data: { id: instance.id, definitionKey: instance.definitionKey, definitionVersion: instance.definitionVersion, status: instance.status, subject: { type: instance.subjectType, id: instance.subjectId } },
      });
    }
    // BPMN: a called process that ends (a terminate end event included) completes its call activity.
    if (instance.parentId && instance.parentWaitKey && instance.status !== 'cancelled') {
      unit.followUps.push({
        instanceId: instance.parentId,
        event: { type: 'child.complete', waitKey: instance.parentWaitKey, variables: result.variables },
        details: { childId: instance.id },
      });
    }
  }

  private subscriptionsIn(stmt: WriteStatement, instanceId: string, added: Array<Extract<Wait, { kind: 'message' }>>, removed: Wait[], now: Date): void {
    if (removed.length) {
      stmt.with(
        'closed_subscriptions',
        `DELETE FROM process_message_subscriptions WHERE instance_id = ${stmt.param(instanceId)} AND wait_key = ANY(${stmt.param(removed.map((w) => w.key))})`,
      );
    }
    if (!added.length) return;
    const rows = added.map((w) => ({ key: w.key, element_id: w.elementId, name: w.name, correlation_key: w.correlationKey ?? null }));
    stmt.with(
      'new_subscriptions',
      `INSERT INTO process_message_subscriptions (instance_id, wait_key, element_id, name, correlation_key, created_at)
       SELECT ${stmt.param(instanceId)}::uuid, w.key, w.element_id, w.name, w.correlation_key, ${stmt.param(now)}::timestamptz
         FROM jsonb_to_recordset(${stmt.param(JSON.stringify(rows))}) AS w(key text, element_id text, name text, correlation_key text)`,
    );
  }

  /** Race-safe: the advisory lock serialises starts for one definition and subject until commit. */
  private async assertNoneActive(m: EntityManager, definitionKey: string, subject: Subject): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.process-unique'), hashtext($1 || '|' || $2 || '|' || $3))`, [definitionKey, subject.type, subject.id]);
    const [active] = await m.query(
      `SELECT id FROM process_instances WHERE subject_type = $1 AND subject_id = $2 AND definition_key = $3 AND status IN ('active', 'failed') LIMIT 1`,
      [subject.type, subject.id, definitionKey],
    );
    if (active) {
      throw new ProcessError(
        ProcessErrorCode.AlreadyActiveForSubject,
        `Process "${definitionKey}" runs at most once per subject, and instance ${active.id} is active for ${subject.type} ${subject.id}`,
        [],
        { activeInstanceId: active.id },
      );
    }
  }

  private assertRunning(instance: ProcessInstanceEntity): void {
    if (!RUNNING_STATUSES.includes(instance.status)) {
      throw new ProcessError(ProcessErrorCode.InstanceNotActive, `Instance ${instance.id} is ${instance.status}; it accepts no more events`);
    }
  }

  /** Runs `work` in a savepoint; on failure rolls back to it and returns the error instead of throwing. */
  private async inSavepoint(m: EntityManager, work: () => Promise<unknown>): Promise<unknown> {
    const name = `aimsflow_${++this.savepoints}`;
    await m.query(`SAVEPOINT ${name}`);
    try {
      await work();
      await m.query(`RELEASE SAVEPOINT ${name}`);
      return undefined;
    } catch (error) {
      await m.query(`ROLLBACK TO SAVEPOINT ${name}`);
      return error ?? new Error('unknown failure');
    }
  }

  private async scheduleRetry(
    m: EntityManager,
    job: { kind: 'message' | 'start-message'; instanceId?: string; definitionId?: string; waitKey?: string; elementId: string; payload: Record<string, unknown> },
    failure: unknown,
  ): Promise<void> {
    await this.jobs.addRetry(m, { ...job, attempts: 1, runAt: new Date(this.clock.now().getTime() + retryDelayMs(1)), lastError: errorMessage(failure) });
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** History rows of a step; the details of what drove it go with its first record. */
function historyRows(result: StepResult, details: StepDetails): string {
  const drivenBy = Object.keys(details).length ? details : null;
  return JSON.stringify(
    result.steps.map((step, i) => ({
      event: step.event,
      wait_key: step.waitKey ?? null,
      elements_left: step.left,
      elements_entered: step.entered,
      decision_ids: step.decisionIds,
      at: step.at,
      details: i === 0 ? drivenBy : null,
    })),
  );
}

function diffWaits(previous: Wait[], next: Wait[]): { added: Wait[]; removed: Wait[] } {
  const before = new Set(previous.map((w) => w.key));
  const after = new Set(next.map((w) => w.key));
  return { added: next.filter((w) => !before.has(w.key)), removed: previous.filter((w) => !after.has(w.key)) };
}
