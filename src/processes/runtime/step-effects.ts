import { Injectable } from '@nestjs/common';
import { AuditTrailService } from '../../audit-trail/audit-trail.service.js';
import type { Wait } from '../../engine/process/index.js';
import { TaskRecords } from '../../tasks/task-records.service.js';
import { OutboxService } from '../../webhooks/outbox.service.js';
import { ProcessInstancesRepository } from '../repositories/process-instances.repository.js';
import { RegisterWithdrawals } from './register-withdrawals.js';
import { diffWaits, isKind, type Step } from './step-unit.js';

type TimerWait = Extract<Wait, { kind: 'timer' }>;
type ChildWait = Extract<Wait, { kind: 'child' }>;

/** What a step leaves for the engine to do next in the same transaction. */
export interface Consequences {
  /** Call activities entered: start a child for each. */
  childrenToStart: ChildWait[];
  /** Running children of call activities the step left: cancel each. */
  childrenToCancel: string[];
}

/**
 * What follows once a step is stored: reminder and escalation events of a boundary timer that
 * fired and the children to start and cancel, which the engine runs (`after`); then the end of an
 * instance: audit, announcement, withdrawn register rows, its parent told (`ended`).
 */
@Injectable()
export class StepEffects {
  constructor(
    private readonly tasks: TaskRecords,
    private readonly instances: ProcessInstancesRepository,
    private readonly withdrawals: RegisterWithdrawals,
    private readonly audit: AuditTrailService,
    private readonly outbox: OutboxService,
  ) {}

  async after(step: Step): Promise<Consequences> {
    const { unit, instance, result, event } = step;
    const previous = step.previous ?? [];
    const m = unit.m;
    const { added, removed } = diffWaits(previous, result.waits);
    if (event.type === 'timer.fire') {
      const fired = previous.find((w): w is TimerWait => w.kind === 'timer' && w.key === event.waitKey);
      if (fired?.boundary) await this.boundaryTimerFired(step, fired.elementId, fired.boundary);
      if (fired?.eventSubProcess) await this.eventSubTimerFired(step, fired.elementId, fired.eventSubProcess);
    }
    const consumedChild = event.type === 'child.complete' || event.type === 'child.error' ? event.waitKey : undefined;
    const leftChildren = removed.filter((w) => w.kind === 'child' && w.key !== consumedChild).map((w) => w.key);
    return {
      childrenToStart: added.filter(isKind('child')),
      childrenToCancel: leftChildren.length ? await this.instances.runningChildren(m, instance.id, leftChildren) : [],
    };
  }

  /** Once the children are dealt with: what the end of an instance entails, if it ended. */
  async ended({ unit, instance, result }: Step): Promise<void> {
    if (instance.status === 'active' || instance.status === 'failed') return;
    const m = unit.m;

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
        data: {
          id: instance.id,
          definitionKey: instance.definitionKey,
          definitionVersion: instance.definitionVersion,
          status: instance.status,
          subject: { type: instance.subjectType, id: instance.subjectId },
        },
      });
    }
    // BPMN: a called process that ends (a terminate end event included) completes its call activity; one ended by an
    // uncaught BPMN error hands the error to the call activity instead, for its error boundary events.
    if (instance.parentId && instance.parentWaitKey && instance.status !== 'cancelled') {
      const waitKey = instance.parentWaitKey;
      unit.followUps.push({
        instanceId: instance.parentId,
        event: result.error
          ? { type: 'child.error', waitKey, errorCode: result.error.code, elementId: result.error.elementId }
          : { type: 'child.complete', waitKey, variables: result.variables },
        details: { childId: instance.id },
      });
    }
  }

  /**
   * The timer of an event sub-process fired: audited like a boundary timer (an interrupting one escalates, a
   * non-interrupting one reminds). It sits on no task, so there is no task event to announce.
   */
  private async eventSubTimerFired({ unit, instance }: Step, timer: string, eventSub: NonNullable<TimerWait['eventSubProcess']>): Promise<void> {
    await this.audit.append(unit.m, unit.actor, {
      action: eventSub.interrupting ? 'process-instance.escalated' : 'process-instance.reminded',
      subjectType: 'process-instance',
      subjectId: instance.id,
      after: { elementId: timer, eventSubProcess: eventSub.id },
    });
  }

  /** An interrupting boundary timer escalates, a non-interrupting one reminds: audited and announced for the task it sits on. */
  private async boundaryTimerFired({ unit, instance }: Step, timer: string, boundary: NonNullable<TimerWait['boundary']>): Promise<void> {
    const m = unit.m;
    await this.audit.append(m, unit.actor, {
      action: boundary.interrupting ? 'process-instance.escalated' : 'process-instance.reminded',
      subjectType: 'process-instance',
      subjectId: instance.id,
      after: { elementId: timer, attachedTo: boundary.attachedTo },
    });
    const task = await this.tasks.latestForElement(m, instance.id, boundary.attachedTo);
    await this.outbox.publish(m, {
      type: boundary.interrupting ? 'task.escalated' : 'task.reminder',
      subject: { type: 'task', id: task?.id ?? `${instance.id}/${boundary.attachedTo}` },
      data: {
        id: task?.id ?? null,
        name: task?.name ?? null,
        assignee: task?.assignee ?? null,
        candidateRoles: task?.candidateRoles ?? [],
        instanceId: instance.id,
        elementId: boundary.attachedTo,
        subject: { type: instance.subjectType, id: instance.subjectId },
        timer,
      },
    });
  }
}
