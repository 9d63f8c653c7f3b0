import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/roles.js';
import { Clock } from '../../clock/clock.js';
import { OutboxService } from '../../webhooks/outbox.service.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { SignalSubscriptionsRepository } from '../repositories/signal-subscriptions.repository.js';
import { type Delivery, EventFanOut, type MessageSteps, type Start } from './event-fanout.js';
import type { ThrownBy } from './message-correlation.js';
import type { Subject } from './step-unit.js';

export interface SignalRequest {
  name: string;
  variables?: Record<string, unknown>;
  /** Subject of the instances a signal start event starts; default `{ type: 'signal', id: name }`. */
  subject?: Subject;
}

export interface SignalResult {
  name: string;
  broadcastAt: string;
  deliveries: Delivery[];
  started: Start[];
}

/**
 * Broadcasts a signal: every instance waiting for it (catch and boundary events of that name) gets it, and every
 * definition with a signal start event of that name starts, each in a savepoint (a failure is retried later). There
 * is no correlation key and nothing is buffered: a signal nobody waits for is gone. Announced as `signal.broadcast`.
 */
@Injectable()
export class SignalBroadcast {
  constructor(
    private readonly subscriptions: SignalSubscriptionsRepository,
    private readonly definitions: DefinitionsService,
    private readonly fanOut: EventFanOut,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async broadcast(
    m: EntityManager,
    signal: SignalRequest,
    actor: Actor,
    steps: MessageSteps,
    opts: { thrownBy?: ThrownBy; depth?: number } = {},
  ): Promise<SignalResult> {
    const variables = signal.variables ?? {};
    const broadcastAt = this.clock.now().toISOString();
    const waiting = await this.subscriptions.waiting(m, signal.name);
    const starts = await this.definitions.withSignalStart(m, signal.name);
    const depth = opts.depth ?? 0;
    const payload = { name: signal.name, variables, actor: { subject: actor.subject, roles: actor.roles } };
    const deliveries = await this.fanOut.deliver(
      m,
      waiting,
      { event: (sub) => ({ type: 'signal', waitKey: sub.wait_key, variables }), details: { signalName: signal.name }, retryKind: 'signal', payload },
      actor,
      steps,
      depth,
    );
    const subject = signal.subject ?? { type: 'signal', id: signal.name };
    const started = await this.fanOut.start(m, starts, { subject, variables, payload }, actor, steps, depth);
    await this.outbox.publish(m, {
      type: 'signal.broadcast',
      subject: opts.thrownBy ? { type: 'process-instance', id: opts.thrownBy.instanceId } : { type: 'signal', id: signal.name },
      data: {
        name: signal.name,
        variables,
        instanceId: opts.thrownBy?.instanceId ?? null,
        elementId: opts.thrownBy?.elementId ?? null,
        deliveries,
        started,
      },
    });
    return { name: signal.name, broadcastAt, deliveries, started };
  }
}
