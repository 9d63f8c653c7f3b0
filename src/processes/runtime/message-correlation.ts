import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/roles.js';
import { Clock } from '../../clock/clock.js';
import type { InstanceEvent, Wait } from '../../engine/process/index.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { MessageSubscriptionsRepository } from '../repositories/message-subscriptions.repository.js';
import { ProcessMessagesRepository } from '../repositories/process-messages.repository.js';
import { type Delivery, EventFanOut, type MessageSteps, type Start } from './event-fanout.js';
import type { FollowUp, Subject } from './step-unit.js';

export type { MessageSteps } from './event-fanout.js';

export interface MessageRequest {
  name: string;
  correlationKey?: string;
  /** Repeats of a message id with the same content have no second effect and get the first result back. */
  messageId?: string;
  variables?: Record<string, unknown>;
  /** Milliseconds a message that finds nobody waiting is kept for the first catch event that subscribes to it; 0: not kept. */
  timeToLiveMs?: number;
  /** Subject of the instances a message start event starts; default `{ type: 'message', id: correlationKey ?? name }`. */
  subject?: Subject;
}

/** Where a message came from when a process published it (send task, throw or end event). */
export interface ThrownBy {
  instanceId: string;
  elementId: string;
}

export interface MessageResult {
  id: string;
  messageId: string | null;
  name: string;
  correlationKey: string | null;
  receivedAt: string;
  /**
   * `correlated`: it reached waiting instances or started some (now, or later from the buffer); `buffered`: nobody
   * waited, it is kept until `expiresAt`; `expired`: it was buffered and nobody took it in time (it is dropped);
   * `unmatched`: a message a process published that nobody waited for.
   */
  status: 'correlated' | 'buffered' | 'expired' | 'unmatched';
  expiresAt?: string;
  deliveries: Delivery[];
  /** Definitions with a message start event of this name. */
  started: Start[];
  /** True when this is the stored result of an earlier message with the same id. */
  duplicate: boolean;
}

/**
 * Correlates a message: delivers it to every instance waiting for it (same name, same correlation
 * key) and starts every definition whose message start event has that name. With a time to live, a
 * message nobody waits for is buffered and taken by the first catch event that subscribes later.
 */
@Injectable()
export class MessageCorrelation {
  constructor(
    private readonly messages: ProcessMessagesRepository,
    private readonly subscriptions: MessageSubscriptionsRepository,
    private readonly definitions: DefinitionsService,
    private readonly fanOut: EventFanOut,
    private readonly clock: Clock,
  ) {}

  /** Whether an instance waits for this message now. */
  isAwaited(m: EntityManager, name: string, correlationKey: string): Promise<boolean> {
    return this.subscriptions.anyWaiting(m, name, correlationKey);
  }

  async deliver(
    m: EntityManager,
    message: MessageRequest,
    actor: Actor,
    steps: MessageSteps,
    opts: { thrownBy?: ThrownBy; depth?: number } = {},
  ): Promise<MessageResult> {
    const correlationKey = message.correlationKey ?? null;
    const variables = message.variables ?? {};
    const timeToLiveMs = message.timeToLiveMs ?? 0;
    const receivedAt = this.clock.now();
    const content = { name: message.name, correlationKey, variables, timeToLiveMs };
    const storedId = await this.messages.insert(m, { ...content, messageId: message.messageId ?? null, sentBy: actor.subject, receivedAt });
    if (!storedId) return this.repeated(m, message.messageId as string, content);
    const waiting = await this.subscriptions.waiting(m, message.name, correlationKey);
    const starts = await this.definitions.withMessageStart(m, message.name);
    const result: MessageResult = {
      id: storedId,
      messageId: message.messageId ?? null,
      name: message.name,
      correlationKey,
      receivedAt: receivedAt.toISOString(),
      status: 'correlated',
      deliveries: [],
      started: [],
      duplicate: false,
    };
    if (!waiting.length && !starts.length) {
      if (timeToLiveMs > 0) {
        const expiresAt = new Date(receivedAt.getTime() + timeToLiveMs);
        await this.messages.buffer(m, storedId, expiresAt);
        Object.assign(result, { status: 'buffered', expiresAt: expiresAt.toISOString() });
      } else if (opts.thrownBy) {
        result.status = 'unmatched';
      } else {
        throw new ProcessError(
          ProcessErrorCode.MessageNotCorrelated,
          `No instance waits for message "${message.name}"${correlationKey === null ? ' without a correlation key' : ` with correlation key "${correlationKey}"`} and no process starts on it; send a timeToLive to keep it for a later subscriber`,
        );
      }
    }
    const payload = { name: message.name, correlationKey, variables, messageRowId: storedId, actor: { subject: actor.subject, roles: actor.roles } };
    const depth = opts.depth ?? 0;
    result.deliveries = await this.fanOut.deliver(
      m,
      waiting,
      {
        event: (sub): InstanceEvent => ({ type: 'message', name: message.name, waitKey: sub.wait_key, variables }),
        details: { messageId: storedId, messageName: message.name },
        retryKind: 'message',
        payload,
      },
      actor,
      steps,
      depth,
    );
    const subject = message.subject ?? { type: 'message', id: correlationKey ?? message.name };
    result.started = await this.fanOut.start(m, starts, { subject, variables, payload }, actor, steps, depth);
    await this.messages.setResult(m, storedId, result);
    return result;
  }

  /**
   * Buffered messages for the message waits a step opened: each wait takes the oldest unexpired one of its name and
   * key (at most once, also against concurrent subscribers), delivered as a follow-up in the same transaction.
   */
  async takeBuffered(m: EntityManager, instanceId: string, opened: Wait[]): Promise<FollowUp[]> {
    const followUps: FollowUp[] = [];
    for (const wait of opened) {
      if (wait.kind !== 'message') continue;
      const delivery: Delivery = { instanceId, elementId: wait.elementId, status: 'delivered' };
      const taken = await this.messages.take(m, wait.name, wait.correlationKey ?? null, this.clock.now(), delivery);
      if (!taken) continue;
      followUps.push({
        instanceId,
        event: { type: 'message', name: wait.name, waitKey: wait.key, variables: taken.variables },
        details: { messageId: taken.id, messageName: wait.name },
      });
    }
    return followUps;
  }

  /** The same message id again: the first result when the content is the same, otherwise a conflict naming the id. */
  private async repeated(
    m: EntityManager,
    messageId: string,
    content: { name: string; correlationKey: string | null; variables: Record<string, unknown>; timeToLiveMs: number },
  ): Promise<MessageResult> {
    // A concurrent first delivery holds the unique index entry until it commits; we get here after it did.
    const first = await this.messages.byMessageId(m, messageId);
    const same =
      first &&
      first.name === content.name &&
      first.correlation_key === content.correlationKey &&
      Number(first.time_to_live_ms) === content.timeToLiveMs &&
      isDeepStrictEqual(first.variables, content.variables);
    if (!same) {
      throw new ProcessError(
        ProcessErrorCode.MessageIdConflict,
        `messageId "${messageId}" was already used for a message with other content (name, correlationKey, variables or timeToLive); use a new messageId`,
        [{ pointer: '/messageId', message: `already used with other content: "${messageId}"` }],
        { messageId },
      );
    }
    const result = first.result as MessageResult;
    // Expiry is checked lazily: a buffered message past its time is simply no longer taken.
    const expired = result.status === 'buffered' && result.expiresAt !== undefined && new Date(result.expiresAt) <= this.clock.now();
    return { ...result, ...(expired ? { status: 'expired' as const } : {}), duplicate: true };
  }
}
