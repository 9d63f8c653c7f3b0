import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../../audit-trail/audit-trail.service.js';
import type { Actor } from '../../auth/roles.js';
import { Clock } from '../../clock/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import type { LockedAlongside } from '../../database/locked-alongside.js';
import { applyEvent, type EngineHooks, type InstanceEvent, startInstance, type StepResult, UnresolvedLinkError } from '../../engine/process/index.js';
import { FormRegistry } from '../../common/form-registry.js';
import { RuleEvaluator } from '../../rules/rule-evaluator.service.js';
import { RulesError, RulesErrorCode } from '../../rules/rules.errors.js';
import { OutboxService } from '../../webhooks/outbox.service.js';
import { DefinitionCache } from '../definitions/definition-cache.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import type { ProcessDefinitionEntity } from '../entities/process-definition.entity.js';
import { ProcessInstanceEntity, RUNNING_STATUSES } from '../entities/process-instance.entity.js';
import { HandlerRegistry } from '../handlers/handler-registry.js';
import { engineCall, ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { ProcessInstancesRepository } from '../repositories/process-instances.repository.js';
import { ProcessIncidentsRepository } from '../repositories/process-incidents.repository.js';
import { ProcessJobsRepository } from '../repositories/process-jobs.repository.js';
import { InstanceLocks } from './instance-locks.js';
import { MessageCorrelation, type MessageRequest, type MessageResult, type MessageSteps } from './message-correlation.js';
import { SignalBroadcast, type SignalRequest, type SignalResult } from './signal-broadcast.js';
import { StepEffects } from './step-effects.js';
import { diffWaits, type LockedInstance, type StartRequest, type Step, type StepDetails, type StepOutcome, type Subject, Unit } from './step-unit.js';
import { StepWriter } from './step-writer.js';

/** Instances call activities may start within one step (500 multi-instance items, each calling a process, fit). */
const MAX_CHILDREN_PER_STEP = 1000;

interface StartOptions {
  subject: Subject;
  variables: Record<string, unknown>;
  startEventId?: string;
  /** Whoever started the top-level instance: segregation of duties keeps them out of its approvals. */
  initiator: string;
  /** Call activities start children without the unique-per-subject check (they share the parent's subject). */
  enforceUnique: boolean;
  parent?: { id: string; rootId: string; waitKey: string; callDepth: number };
  /** Restart into the row of a start that failed (its incident is being retried). */
  instanceId?: string;
}

/**
 * Runs process instances, one database transaction per event (DESIGN.md, execution model): lock
 * the instance (its root first), apply the event to the compiled machine of its own version, store
 * the step (StepWriter), then its consequences (StepEffects): children started or cancelled, the
 * parent told of an end. The caller owns the transaction; anything that throws rolls all of it back.
 * Other modules call `start`, `handleEvent`, `cancel` and `deliverMessage` inside theirs.
 */
@Injectable()
export class ProcessEngineService implements MessageSteps {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly cache: DefinitionCache,
    private readonly handlers: HandlerRegistry,
    private readonly rules: RuleEvaluator,
    private readonly locks: InstanceLocks,
    private readonly writer: StepWriter,
    private readonly effects: StepEffects,
    private readonly correlation: MessageCorrelation,
    private readonly signals: SignalBroadcast,
    private readonly instances: ProcessInstancesRepository,
    private readonly jobs: ProcessJobsRepository,
    private readonly incidents: ProcessIncidentsRepository,
    private readonly audit: AuditTrailService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly forms: FormRegistry,
    config: ConfigService<AppConfig, true>,
  ) {
    this.maxCallDepth = config.get('bpmnMaxCallDepth', { infer: true });
  }

  private readonly maxCallDepth: number;

  /** Starts an instance of a definition (latest version unless given); 409 while a unique-per-subject one is running. */
  async start(m: EntityManager, request: StartRequest): Promise<StepOutcome> {
    const definition = await this.definitions.resolve(m, request.definitionKey, request.version);
    return this.startAt(m, definition, { subject: request.subject, variables: request.variables ?? {}, startEventId: request.startEventId }, request.actor);
  }

  /** Starts a definition version at a start event; with `instanceId`, fills the row a failed start left while its incident is retried. */
  startAt(
    m: EntityManager,
    definition: ProcessDefinitionEntity,
    options: { subject: Subject; variables: Record<string, unknown>; startEventId?: string; instanceId?: string | null },
    actor: Actor,
    depth = 0,
  ): Promise<StepOutcome> {
    const { instanceId, ...rest } = options;
    return this.run(
      m,
      actor,
      (unit) => this.startIn(unit, definition, { ...rest, initiator: actor.subject, enforceUnique: !instanceId, instanceId: instanceId ?? undefined }),
      depth,
    );
  }

  /** Applies one event (task completion, timer, message, child completion) to a running instance, by id or as locked by the caller. */
  async handleEvent(
    m: EntityManager,
    instance: string | LockedInstance,
    event: InstanceEvent,
    actor: Actor,
    details: StepDetails = {},
    depth = 0,
  ): Promise<StepOutcome> {
    return this.run(
      m,
      actor,
      async (unit) => {
        const locked = typeof instance === 'string' ? await this.locks.lock(m, instance) : (instance as ProcessInstanceEntity);
        this.assertRunning(locked);
        return this.applyLocked(unit, locked, event, details);
      },
      depth,
    );
  }

  /** Cancels a top-level instance and, through it, its children, tasks, timers and subscriptions. */
  async cancel(m: EntityManager, instanceId: string, actor: Actor, reason?: string): Promise<StepOutcome> {
    return this.run(m, actor, async (unit) => {
      const instance = await this.locks.lock(m, instanceId);
      if (instance.parentId) {
        throw new ProcessError(
          ProcessErrorCode.ChildInstance,
          `Instance ${instanceId} runs for a call activity of ${instance.parentId}; cancel that instance instead`,
        );
      }
      this.assertRunning(instance);
      return this.cancelIn(unit, instance, reason ? { reason } : {});
    });
  }

  deliverMessage(m: EntityManager, message: MessageRequest, actor: Actor): Promise<MessageResult> {
    return this.correlation.deliver(m, message, actor, this);
  }

  broadcastSignal(m: EntityManager, signal: SignalRequest, actor: Actor): Promise<SignalResult> {
    return this.signals.broadcast(m, signal, actor, this);
  }

  /** Whether an instance waits for this message now. */
  awaitsMessage(m: EntityManager, name: string, correlationKey: string): Promise<boolean> {
    return this.correlation.isAwaited(m, name, correlationKey);
  }

  lockInstance(m: EntityManager, instanceId: string): Promise<LockedInstance> {
    return this.locks.lock(m, instanceId);
  }

  lockWith(m: EntityManager, id: string, alongside: LockedAlongside): Promise<{ instance: LockedInstance; row: Record<string, unknown> } | undefined> {
    return this.locks.lockWith(m, id, alongside);
  }

  lockSubject(m: EntityManager, subject: Subject): Promise<void> {
    return this.locks.lockSubject(m, subject);
  }

  /** Active top-level instances of a subject. */
  activeFor(m: EntityManager, subject: Subject): Promise<string[]> {
    return this.instances.activeTopLevel(m, subject);
  }

  private async run(m: EntityManager, actor: Actor, work: (unit: Unit) => Promise<ProcessInstanceEntity>, depth = 0): Promise<StepOutcome> {
    const unit = new Unit(m, actor);
    const instance = await work(unit);
    for (let next = unit.followUps.shift(); next; next = unit.followUps.shift()) {
      const target = await this.locks.lock(m, next.instanceId);
      // A parent that ended meanwhile (cancelled, terminated) no longer waits for its child.
      if (RUNNING_STATUSES.includes(target.status) && target.state) await this.applyLocked(unit, target, next.event, next.details);
    }
    if (unit.published.length) await this.publish(unit, depth);
    return { instance: unit.instances.get(instance.id) ?? instance, createdTasks: unit.createdTasks, completedTasks: unit.completedTasks };
  }

  private async startIn(unit: Unit, definition: ProcessDefinitionEntity, options: StartOptions): Promise<ProcessInstanceEntity> {
    const m = unit.m;
    if (options.enforceUnique && definition.uniquePerSubject) await this.assertNoneRunning(m, definition.key, options.subject);
    const compiled = await this.cache.get(m, definition.id);
    const now = this.clock.now();
    const id = options.instanceId ?? randomUUID();
    const instance = Object.assign(new ProcessInstanceEntity(), {
      id,
      definitionId: definition.id,
      definitionKey: definition.key,
      definitionVersion: definition.version,
      subjectType: options.subject.type,
      subjectId: options.subject.id,
      status: options.instanceId ? 'failed' : 'active',
      waits: [],
      parentId: options.parent?.id ?? null,
      parentWaitKey: options.parent?.waitKey ?? null,
      rootId: options.parent?.rootId ?? id,
      callDepth: options.parent ? options.parent.callDepth + 1 : 0,
      startedBy: unit.actor.subject,
      startedAt: now,
      endedAt: null,
      version: 0,
    } satisfies Partial<ProcessInstanceEntity>);
    const result = await engineCall(() =>
      startInstance(compiled, options.variables, this.hooks(unit, instance), { startEventId: options.startEventId, initiator: options.initiator }),
    );
    assertCaught(instance, result);
    const step: Step = { unit, instance, result, event: { type: 'start' }, details: options.parent ? { parentId: options.parent.id } : {} };
    await this.writer.write(step, compiled);
    await this.afterWrite(step);
    await this.raiseIncidents(step);
    const started = { definitionKey: definition.key, definitionVersion: definition.version, subject: options.subject, parentId: instance.parentId };
    await this.audit.append(m, unit.actor, { action: 'process-instance.started', subjectType: 'process-instance', subjectId: instance.id, after: started });
    await this.outbox.publish(m, { type: 'process.started', subject: { type: 'process-instance', id: instance.id }, data: { id: instance.id, ...started } });
    await this.consequences(step);
    return instance;
  }

  private async applyLocked(unit: Unit, instance: ProcessInstanceEntity, event: InstanceEvent, details: StepDetails): Promise<ProcessInstanceEntity> {
    const compiled = await this.cache.get(unit.m, instance.definitionId);
    const state = instance.state;
    if (!state) throw new ProcessError(ProcessErrorCode.InstanceNotActive, `Instance ${instance.id} never started: retry its incident first`);
    const result = await engineCall(() => applyEvent(compiled, state, event, this.hooks(unit, instance)));
    assertCaught(instance, result);
    const step: Step = { unit, instance, result, event, details, previous: instance.waits };
    await this.writer.write(step, compiled);
    await this.afterWrite(step);
    await this.raiseIncidents(step);
    await this.consequences(step);
    return instance;
  }

  /** What a stored step owes the messages: buffered ones its new catch events take, and those it published (sent once the unit is done). */
  private async afterWrite({ unit, instance, result, previous }: Step): Promise<void> {
    const opened = diffWaits(previous ?? [], result.waits).added;
    unit.followUps.push(...(await this.correlation.takeBuffered(unit.m, instance.id, opened)));
    const subject = { type: instance.subjectType, id: instance.subjectId };
    unit.published.push(...(result.published ?? []).map((p) => ({ ...p, instanceId: instance.id, subject })));
  }

  /**
   * The messages and signals a unit's steps published, in order: correlated like POST /messages (announced as
   * `message.published`) and broadcast like POST /signals, in the same transaction. Instances they start run about
   * the thrower's subject. Processes that answer each other's messages nest; past AIMSFLOW_BPMN_MAX_CALL_DEPTH the step fails.
   */
  private async publish(unit: Unit, depth: number): Promise<void> {
    const m = unit.m;
    for (let p = unit.published.shift(); p; p = unit.published.shift()) {
      if (depth >= this.maxCallDepth) {
        throw new ProcessError(
          ProcessErrorCode.CallDepthExceeded,
          `${p.kind} "${p.name}" thrown by ${p.elementId} would set off more than ${this.maxCallDepth} nested throws (AIMSFLOW_BPMN_MAX_CALL_DEPTH); do processes answer each other without end?`,
          [],
          { elementId: p.elementId },
        );
      }
      const opts = { thrownBy: { instanceId: p.instanceId, elementId: p.elementId }, depth: depth + 1 };
      if (p.kind === 'signal') {
        await this.signals.broadcast(m, { name: p.name, variables: p.variables, subject: p.subject }, unit.actor, this, opts);
        continue;
      }
      const message = { name: p.name, correlationKey: p.correlationKey, variables: p.variables, subject: p.subject };
      const result = await this.correlation.deliver(m, message, unit.actor, this, opts);
      await this.outbox.publish(m, {
        type: 'message.published',
        subject: { type: 'process-instance', id: p.instanceId },
        data: {
          id: result.id,
          name: p.name,
          correlationKey: result.correlationKey,
          variables: p.variables,
          instanceId: p.instanceId,
          elementId: p.elementId,
          deliveries: result.deliveries,
          started: result.started,
        },
      });
    }
    // Deliveries ran as steps of their own; an instance of this unit they reached is read again.
    for (const id of unit.instances.keys()) unit.instances.set(id, await this.locks.lock(m, id));
  }

  /** Children of the call activities entered are started, those of the ones left are cancelled; then the end, if any. */
  private async consequences(step: Step): Promise<void> {
    const { unit, instance } = step;
    const { childrenToStart, childrenToCancel } = await this.effects.after(step);
    for (const wait of childrenToStart) {
      const definition = await this.definitions.resolve(unit.m, wait.processKey).catch((error: unknown) => {
        if (!(error instanceof ProcessError && error.code === ProcessErrorCode.DefinitionNotFound)) throw error;
        throw new ProcessError(
          ProcessErrorCode.CalledProcessNotFound,
          `call activity ${wait.elementId} calls "${wait.processKey}", which is not deployed`,
          [],
          { elementId: wait.elementId },
        );
      });
      this.assertCallBounds(unit, instance, wait.elementId);
      const parent = { id: instance.id, rootId: instance.rootId, waitKey: wait.key, callDepth: instance.callDepth };
      const subject = { type: instance.subjectType, id: instance.subjectId };
      await this.startIn(unit, definition, {
        subject,
        variables: wait.variables,
        initiator: instance.initiator ?? unit.actor.subject,
        enforceUnique: false,
        parent,
      });
    }
    for (const child of childrenToCancel) {
      await this.cancelIn(unit, await this.locks.lock(unit.m, child), { reason: 'the parent left the call activity', parentId: instance.id });
    }
    await this.effects.ended(step);
  }

  /**
   * A call activity that calls its own process (directly or round about) would start instances
   * without end inside one step: the call hierarchy is bounded in depth, and one step starts at most
   * MAX_CHILDREN_PER_STEP children. Past either, the step fails naming the call activity.
   */
  private assertCallBounds(unit: Unit, parent: ProcessInstanceEntity, elementId: string): void {
    if (parent.callDepth + 1 > this.maxCallDepth) {
      throw new ProcessError(
        ProcessErrorCode.CallDepthExceeded,
        `call activity ${elementId} would nest call activities deeper than ${this.maxCallDepth} levels (AIMSFLOW_BPMN_MAX_CALL_DEPTH); does it call its own process?`,
        [],
        { elementId },
      );
    }
    if (++unit.childrenStarted > MAX_CHILDREN_PER_STEP) {
      throw new ProcessError(
        ProcessErrorCode.CallDepthExceeded,
        `call activity ${elementId} would start more than ${MAX_CHILDREN_PER_STEP} instances in one step`,
        [],
        {
          elementId,
        },
      );
    }
  }

  private async cancelIn(unit: Unit, instance: ProcessInstanceEntity, details: StepDetails): Promise<ProcessInstanceEntity> {
    if (instance.state) return this.applyLocked(unit, instance, { type: 'cancel' }, details);
    // A start that failed has no state yet: there is nothing to run down but its job and incident.
    const now = this.clock.now();
    await this.jobs.cancelForInstance(unit.m, instance.id, now, unit.actor.subject);
    await this.instances.markCancelled(unit.m, instance.id, now);
    Object.assign(instance, { status: 'cancelled', endedAt: now, updatedAt: now, version: instance.version + 1 });
    unit.instances.set(instance.id, instance);
    await this.audit.append(unit.m, unit.actor, {
      action: 'process-instance.cancelled',
      subjectType: 'process-instance',
      subjectId: instance.id,
      after: { ...details },
    });
    return instance;
  }

  /**
   * Tasks the step left held: a service task by a BPMN error of its handler that nothing catches, a business rule or
   * user task by a rule set or linked form not deployed. Each gets an incident (no job: retrying it runs the task
   * again) and the instance is `failed` until they are resolved.
   */
  private async raiseIncidents({ unit, instance, result }: Step): Promise<void> {
    for (const held of result.incidents ?? []) {
      const now = this.clock.now();
      const message = held.errorCode === undefined ? held.message : uncaughtMessage(held.elementId, held.errorCode, held.message);
      const incidentId = await this.incidents.insertForElement(unit.m, { instanceId: instance.id, elementId: held.elementId, message, attempts: 1, at: now });
      await this.instances.markFailed(unit.m, instance.id, now);
      if (instance.status === 'active') Object.assign(instance, { status: 'failed', version: instance.version + 1 });
      await this.audit.append(unit.m, unit.actor, {
        action: 'process-instance.incident-raised',
        subjectType: 'process-instance',
        subjectId: instance.id,
        after: {
          incidentId,
          elementId: held.elementId,
          ...(held.errorCode === undefined ? { missing: held.missing } : { errorCode: held.errorCode }),
          error: message,
        },
      });
    }
  }

  private hooks(unit: Unit, instance: ProcessInstanceEntity): EngineHooks {
    const subject = { type: instance.subjectType, id: instance.subjectId };
    return {
      // A called process hands an uncaught error to its call activity; a top-level instance keeps it as an incident.
      uncaughtHandlerErrors: instance.parentId ? 'end' : 'incident',
      now: () => this.clock.now(),
      evaluateRuleSet: async (key, variables, { elementId }) => {
        const trigger = `process:${instance.id}/${elementId}`;
        try {
          const decision = await this.rules.decide(unit.m, { key, facts: variables, pickDeclared: true, subject, trigger, actor: unit.actor });
          return { result: decision.outcome, decisionId: decision.decisionId };
        } catch (error) {
          // Linked by key and resolved now (as Camunda does): the task waits with an incident until the rule set is there.
          if (error instanceof RulesError && error.code === RulesErrorCode.RuleSetNotFound) {
            throw new UnresolvedLinkError(
              { kind: 'ruleSet', key },
              `does not exist: create and activate a version of it (POST /rule-sets/${key}/versions), then retry this incident`,
            );
          }
          if (error instanceof RulesError && error.code === RulesErrorCode.NoActiveVersion) {
            throw new UnresolvedLinkError({ kind: 'ruleSet', key }, 'has no active version: activate one, then retry this incident');
          }
          throw error;
        }
      },
      storedForms: async (formIds) => new Set((await this.forms.latest(unit.m, formIds)).keys()),
      callHandler: (name, variables, { elementId }) =>
        this.handlers.call(name, variables, {
          elementId,
          instanceId: instance.id,
          definitionKey: instance.definitionKey,
          subject,
          manager: unit.m,
          actor: unit.actor,
        }),
    };
  }

  /** Race-safe: the advisory lock serialises starts for one definition and subject until commit. */
  private async assertNoneRunning(m: EntityManager, definitionKey: string, subject: Subject): Promise<void> {
    await this.instances.lockUniqueStart(m, definitionKey, subject);
    const running = await this.instances.runningFor(m, definitionKey, subject);
    if (running) {
      throw new ProcessError(
        ProcessErrorCode.AlreadyActiveForSubject,
        `Process "${definitionKey}" runs at most once per subject, and instance ${running} is active for ${subject.type} ${subject.id}`,
        [],
        { activeInstanceId: running },
      );
    }
  }

  private assertRunning(instance: ProcessInstanceEntity): void {
    if (!RUNNING_STATUSES.includes(instance.status)) {
      throw new ProcessError(ProcessErrorCode.InstanceNotActive, `Instance ${instance.id} is ${instance.status}; it accepts no more events`);
    }
  }
}

/** What an incident of a BPMN error nothing caught says (with the handler's own message when it gave one). */
function uncaughtMessage(elementId: string, errorCode: string, message: string): string {
  const reason = message === `BPMN error "${errorCode}"` ? '' : `: ${message}`;
  return `BPMN error "${errorCode}" thrown by ${elementId} is not caught by any error boundary event${reason}`;
}

/**
 * A BPMN error nothing in the instance caught ends a called process, and its call activity gets the error
 * (`child.error`); anywhere else the step fails naming the element and the error code — a timer- or
 * message-driven step is retried and then becomes an incident, a request is answered 422.
 */
function assertCaught(instance: ProcessInstanceEntity, result: StepResult): void {
  if (!result.error || instance.parentId) return;
  const { code, elementId } = result.error;
  throw new ProcessError(ProcessErrorCode.UncaughtBpmnError, `BPMN error "${code}" thrown by ${elementId} is not caught by any error boundary event`, [], {
    elementId,
    errorCode: code,
  });
}
