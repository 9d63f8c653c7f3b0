import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/roles.js';
import { Clock } from '../../clock/clock.js';
import { inSavepoint } from '../../database/savepoint.js';
import type { InstanceEvent } from '../../engine/process/index.js';
import type { ProcessDefinitionEntity } from '../entities/process-definition.entity.js';
import { isStaleEvent, ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { ProcessJobsRepository } from '../repositories/process-jobs.repository.js';
import { MessageSubscriptionsRepository } from '../repositories/message-subscriptions.repository.js';
import { ProcessMessagesRepository } from '../repositories/process-messages.repository.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { retryDelayMs } from '../jobs/retry-delay.js';
import { errorMessage, type StepDetails, type StepOutcome, type Subject } from './step-unit.js';

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

/** The engine's steps that a message drives. */
export interface MessageSteps {
  handleEvent(m: EntityManager, instanceId: string, event: InstanceEvent, actor: Actor, details: StepDetails): Promise<StepOutcome>;
  startAt(
    m: EntityManager,
    definition: ProcessDefinitionEntity,
    options: { subject: Subject; variables: Record<string, unknown>; startEventId: string },
    actor: Actor,
  ): Promise<StepOutcome>;
}

/**
 * Correlates a message: delivers it to every instance waiting for it (same name, same correlation
 * key) and starts every definition whose message start event has that name. Each delivery and start
 * runs in a savepoint: one that fails is rolled back alone and retried later with backoff.
 */
@Injectable()
export class MessageCorrelation {
  constructor(
    private readonly messages: ProcessMessagesRepository,
    private readonly subscriptions: MessageSubscriptionsRepository,
    private readonly jobs: ProcessJobsRepository,
    private readonly definitions: DefinitionsService,
    private readonly clock: Clock,
  ) {}

  /** Whether an instance waits for this message now. */
  isAwaited(m: EntityManager, name: string, correlationKey: string): Promise<boolean> {
    return this.subscriptions.anyWaiting(m, name, correlationKey);
  }

  async deliver(m: EntityManager, message: MessageRequest, actor: Actor, steps: MessageSteps): Promise<MessageResult> {
    const correlationKey = message.correlationKey ?? null;
    const variables = message.variables ?? {};
    const receivedAt = this.clock.now();
    const storedId = await this.messages.insert(m, {
      messageId: message.messageId ?? null,
      name: message.name,
      correlationKey,
      variables,
      sentBy: actor.subject,
      receivedAt,
    });
    if (!storedId) {
      // A concurrent first delivery holds the unique index entry until it commits; we get here after it did.
      const first = await this.messages.resultOf<MessageResult>(m, message.messageId as string);
      return { ...(first as MessageResult), duplicate: true };
    }
    const waiting = await this.subscriptions.waiting(m, message.name, correlationKey);
    const starts = await this.definitions.withMessageStart(m, message.name);
    if (!waiting.length && !starts.length) {
      throw new ProcessError(
        ProcessErrorCode.MessageNotCorrelated,
        `No instance waits for message "${message.name}"${correlationKey === null ? ' without a correlation key' : ` with correlation key "${correlationKey}"`} and no process starts on it`,
      );
    }
    const payload = { name: message.name, correlationKey, variables, messageRowId: storedId, actor: { subject: actor.subject, roles: actor.roles } };
    const result: MessageResult = {
      id: storedId,
      messageId: message.messageId ?? null,
      name: message.name,
      correlationKey,
      receivedAt: receivedAt.toISOString(),
      deliveries: [],
      started: [],
      duplicate: false,
    };
    for (const sub of waiting) {
      const event: InstanceEvent = { type: 'message', name: message.name, waitKey: sub.wait_key, variables };
      const failure = await inSavepoint(m, () => steps.handleEvent(m, sub.instance_id, event, actor, { messageId: storedId, messageName: message.name }));
      const delivery = { instanceId: sub.instance_id, elementId: sub.element_id };
      if (!failure) result.deliveries.push({ ...delivery, status: 'delivered' });
      else if (isStaleEvent(failure)) result.deliveries.push({ ...delivery, status: 'closed', error: errorMessage(failure) });
      else {
        await this.scheduleRetry(m, { kind: 'message', instanceId: sub.instance_id, waitKey: sub.wait_key, elementId: sub.element_id, payload }, failure);
        result.deliveries.push({ ...delivery, status: 'retrying', error: errorMessage(failure) });
      }
    }
    const subject = message.subject ?? { type: 'message', id: correlationKey ?? message.name };
    for (const { definition, startEventId } of starts) {
      const entry = { definitionKey: definition.key, definitionVersion: definition.version };
      let started: StepOutcome | undefined;
      const failure = await inSavepoint(m, async () => {
        started = await steps.startAt(m, definition, { subject, variables, startEventId }, actor);
      });
      if (!failure) result.started.push({ ...entry, status: 'started', instanceId: started!.instance.id });
      else if (failure instanceof ProcessError && failure.code === ProcessErrorCode.AlreadyActiveForSubject) {
        result.started.push({ ...entry, status: 'skipped', reason: failure.message });
      } else {
        await this.scheduleRetry(m, { kind: 'start-message', definitionId: definition.id, elementId: startEventId, payload: { ...payload, subject } }, failure);
        result.started.push({ ...entry, status: 'retrying', reason: errorMessage(failure) });
      }
    }
    await this.messages.setResult(m, storedId, result);
    return result;
  }

  private async scheduleRetry(
    m: EntityManager,
    job: {
      kind: 'message' | 'start-message';
      instanceId?: string;
      definitionId?: string;
      waitKey?: string;
      elementId: string;
      payload: Record<string, unknown>;
    },
    failure: unknown,
  ): Promise<void> {
    const now = this.clock.now();
    await this.jobs.addRetry(m, { ...job, attempts: 1, runAt: new Date(now.getTime() + retryDelayMs(1)), lastError: errorMessage(failure) }, now);
  }
}
