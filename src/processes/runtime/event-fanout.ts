import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/roles.js';
import { Clock } from '../../clock/clock.js';
import { inSavepoint } from '../../database/savepoint.js';
import type { InstanceEvent } from '../../engine/process/index.js';
import type { ProcessDefinitionEntity } from '../entities/process-definition.entity.js';
import type { JobKind } from '../entities/process-job.entity.js';
import { retryDelayMs } from '../jobs/retry-delay.js';
import { isStaleEvent, ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { ProcessJobsRepository } from '../repositories/process-jobs.repository.js';
import { errorMessage, type StepDetails, type StepOutcome, type Subject } from './step-unit.js';

/** The engine's steps that a message or signal drives; `depth`: how many thrown messages and signals led here. */
export interface MessageSteps {
  handleEvent(m: EntityManager, instanceId: string, event: InstanceEvent, actor: Actor, details: StepDetails, depth?: number): Promise<StepOutcome>;
  startAt(
    m: EntityManager,
    definition: ProcessDefinitionEntity,
    options: { subject: Subject; variables: Record<string, unknown>; startEventId: string },
    actor: Actor,
    depth?: number,
  ): Promise<StepOutcome>;
}

/**
 * Waiting instances reached: `delivered`; `retrying` when the step failed (retried with backoff, then an incident);
 * `closed` when another event closed the wait first (a concurrent message, say).
 */
export interface Delivery {
  instanceId: string;
  elementId: string;
  status: 'delivered' | 'retrying' | 'closed';
  error?: string;
}

/** Definitions started by a message or signal start event. */
export interface Start {
  definitionKey: string;
  definitionVersion: number;
  status: 'started' | 'skipped' | 'retrying';
  instanceId?: string;
  reason?: string;
}

export interface Waiting {
  instance_id: string;
  wait_key: string;
  element_id: string;
}

/**
 * Hands a message or signal to waiting instances and starts definitions with it, each in a savepoint: one that
 * fails is rolled back alone and retried later with backoff (a job of `retryKind` / `start-message`).
 */
@Injectable()
export class EventFanOut {
  constructor(
    private readonly jobs: ProcessJobsRepository,
    private readonly clock: Clock,
  ) {}

  async deliver(
    m: EntityManager,
    waiting: Waiting[],
    run: { event: (sub: Waiting) => InstanceEvent; details: StepDetails; retryKind: JobKind; payload: Record<string, unknown> },
    actor: Actor,
    steps: MessageSteps,
    depth: number,
  ): Promise<Delivery[]> {
    const deliveries: Delivery[] = [];
    for (const sub of waiting) {
      const failure = await inSavepoint(m, () => steps.handleEvent(m, sub.instance_id, run.event(sub), actor, run.details, depth));
      const delivery = { instanceId: sub.instance_id, elementId: sub.element_id };
      if (!failure) deliveries.push({ ...delivery, status: 'delivered' });
      else if (isStaleEvent(failure)) deliveries.push({ ...delivery, status: 'closed', error: errorMessage(failure) });
      else {
        const retry = { kind: run.retryKind, instanceId: sub.instance_id, waitKey: sub.wait_key, elementId: sub.element_id, payload: run.payload };
        await this.scheduleRetry(m, retry, failure);
        deliveries.push({ ...delivery, status: 'retrying', error: errorMessage(failure) });
      }
    }
    return deliveries;
  }

  async start(
    m: EntityManager,
    starts: Array<{ definition: ProcessDefinitionEntity; startEventId: string }>,
    run: { subject: Subject; variables: Record<string, unknown>; payload: Record<string, unknown> },
    actor: Actor,
    steps: MessageSteps,
    depth: number,
  ): Promise<Start[]> {
    const result: Start[] = [];
    for (const { definition, startEventId } of starts) {
      const entry = { definitionKey: definition.key, definitionVersion: definition.version };
      let started: StepOutcome | undefined;
      const failure = await inSavepoint(m, async () => {
        started = await steps.startAt(m, definition, { subject: run.subject, variables: run.variables, startEventId }, actor, depth);
      });
      if (!failure) result.push({ ...entry, status: 'started', instanceId: started!.instance.id });
      else if (failure instanceof ProcessError && failure.code === ProcessErrorCode.AlreadyActiveForSubject) {
        result.push({ ...entry, status: 'skipped', reason: failure.message });
      } else {
        const retry = {
          kind: 'start-message' as const,
          definitionId: definition.id,
          elementId: startEventId,
          payload: { ...run.payload, subject: run.subject },
        };
        await this.scheduleRetry(m, retry, failure);
        result.push({ ...entry, status: 'retrying', reason: errorMessage(failure) });
      }
    }
    return result;
  }

  private async scheduleRetry(
    m: EntityManager,
    job: { kind: JobKind; instanceId?: string; definitionId?: string; waitKey?: string; elementId: string; payload: Record<string, unknown> },
    failure: unknown,
  ): Promise<void> {
    const now = this.clock.now();
    await this.jobs.addRetry(m, { ...job, attempts: 1, runAt: new Date(now.getTime() + retryDelayMs(1)), lastError: errorMessage(failure) }, now);
  }
}
