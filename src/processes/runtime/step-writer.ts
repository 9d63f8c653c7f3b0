import { Injectable } from '@nestjs/common';
import { type AuditRecord, AuditTrailService } from '../../audit-trail/audit-trail.service.js';
import { Clock } from '../../clock/clock.js';
import { WriteStatement } from '../../database/write-statement.js';
import type { CompiledProcess, StepResult } from '../../engine/process/index.js';
import { linkedFormIds, type TaskChanges, TaskRecords, type UserTaskWait } from '../../tasks/task-records.service.js';
import { FormRegistry } from '../../common/form-registry.js';
import { type OutboxEvent, OutboxService } from '../../webhooks/outbox.service.js';
import { MessageSubscriptionsRepository } from '../repositories/message-subscriptions.repository.js';
import { SignalSubscriptionsRepository } from '../repositories/signal-subscriptions.repository.js';
import { ProcessExternalJobsRepository } from '../repositories/process-external-jobs.repository.js';
import { ProcessHistoryRepository } from '../repositories/process-history.repository.js';
import { ProcessInstancesRepository } from '../repositories/process-instances.repository.js';
import { ProcessIncidentsRepository } from '../repositories/process-incidents.repository.js';
import { ProcessJobsRepository } from '../repositories/process-jobs.repository.js';
import { diffWaits, isKind, type Step, type StepDetails } from './step-unit.js';

/**
 * Stores a step in one statement (ADR 0003): task, timer, subscription and external job rows for the waits that
 * opened and closed (the task a completion closed included), the instance itself, its history, and
 * the audit and outbox events of the tasks — each table's SQL from its owner, composed here.
 */
@Injectable()
export class StepWriter {
  constructor(
    private readonly tasks: TaskRecords,
    private readonly jobs: ProcessJobsRepository,
    private readonly subscriptions: MessageSubscriptionsRepository,
    private readonly signals: SignalSubscriptionsRepository,
    private readonly externalJobs: ProcessExternalJobsRepository,
    private readonly instances: ProcessInstancesRepository,
    private readonly history: ProcessHistoryRepository,
    private readonly audit: AuditTrailService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly forms: FormRegistry,
    private readonly incidents: ProcessIncidentsRepository,
  ) {}

  async write(step: Step, compiled: CompiledProcess): Promise<void> {
    const { unit, instance, result, event, details, previous } = step;
    const m = unit.m;
    const now = this.clock.now();
    const wasFailed = instance.status === 'failed';
    const { added, removed } = diffWaits(previous ?? [], result.waits);
    const consumed = 'waitKey' in event ? event.waitKey : undefined;
    const stmt = new WriteStatement();
    const changes: TaskChanges = {};
    const origin = {
      instanceId: instance.id,
      definitionKey: instance.definitionKey,
      definitionVersion: instance.definitionVersion,
      subjectType: instance.subjectType,
      subjectId: instance.subjectId,
    };
    const newTasks = added.filter(isKind('userTask'));
    const opened = this.tasks.openIn(
      stmt,
      origin,
      newTasks,
      (id) => compiled.elements[id]?.documentation,
      { initiator: result.initiator, completedBy: result.completedBy, waits: result.waits },
      await this.forms.latest(m, linkedFormIds(newTasks)),
      now,
      changes,
    );
    const left = removed.filter((w) => w.key !== consumed);
    this.tasks.cancelIn(
      stmt,
      instance.id,
      left.filter(isKind('userTask')).map((w) => w.key),
      now,
      changes,
    );

    // The audit and outbox events of the tasks it opens and completes go in the same statement.
    const audits: AuditRecord[] = [];
    const announcements: OutboxEvent[] = [];
    const taskEvents = (
      task: { id: string; name: string; elementId: string },
      action: 'task.created' | 'task.completed',
      audited: object,
      announced: object,
    ) => {
      audits.push({ action, subjectType: 'task', subjectId: task.id, after: { instanceId: instance.id, elementId: task.elementId, ...audited } });
      announcements.push({
        type: action,
        subject: { type: 'task', id: task.id },
        data: {
          id: task.id,
          name: task.name,
          elementId: task.elementId,
          instanceId: instance.id,
          subject: { type: instance.subjectType, id: instance.subjectId },
          ...announced,
        },
      });
    };
    if (event.type === 'task.complete') {
      const completion = { by: event.completedBy ?? unit.actor.subject, outcome: details.outcome ?? null, variables: event.variables ?? {} };
      this.tasks.completeIn(stmt, instance.id, event.waitKey, completion, now, changes);
      const wait = previous?.find((w): w is UserTaskWait => w.kind === 'userTask' && w.key === event.waitKey);
      if (!wait || !details.taskId) throw new Error(`task.complete of ${event.waitKey} needs the open task's wait and id`);
      const task = { id: details.taskId, name: wait.name, elementId: wait.elementId };
      const returnedTo = await this.tasks.returnedTo(m, instance.id, wait.elementId, completion);
      const openItems = wait.item
        ? await this.tasks.openItemsBeside(m, { id: task.id, instanceId: instance.id, elementId: wait.elementId }, result)
        : undefined;
      taskEvents(
        task,
        'task.completed',
        { outcome: completion.outcome, variables: completion.variables },
        { completedBy: completion.by, outcome: completion.outcome, returnedTo, ...(openItems && { openItems }) },
      );
    }
    for (const task of opened) {
      const { candidateRoles, dueAt, barred } = task;
      taskEvents(task, 'task.created', { candidateRoles, dueAt }, { candidateRoles, dueAt, barred });
    }
    this.audit.appendIn(stmt, unit.actor, audits);
    this.outbox.publishIn(stmt, announcements);

    const timers = added.filter(isKind('timer')).map((w) => ({ key: w.key, element_id: w.elementId, due_at: w.dueAt }));
    if (timers.length) this.jobs.timersIn(stmt, instance.id, timers, now);
    const jobWaits = removed.filter((w) => w.kind === 'timer' || w.kind === 'message' || w.kind === 'signal').map((w) => w.key);
    if (jobWaits.length) this.jobs.cancelIn(stmt, instance.id, jobWaits, details.jobId, now);
    const closedMessages = removed.filter(isKind('message')).map((w) => w.key);
    if (closedMessages.length) this.subscriptions.closeIn(stmt, instance.id, closedMessages);
    const newMessages = added
      .filter(isKind('message'))
      .map((w) => ({ key: w.key, element_id: w.elementId, name: w.name, correlation_key: w.correlationKey ?? null }));
    if (newMessages.length) this.subscriptions.openIn(stmt, instance.id, newMessages, now);
    const closedSignals = removed.filter(isKind('signal')).map((w) => w.key);
    if (closedSignals.length) this.signals.closeIn(stmt, instance.id, closedSignals);
    const newSignals = added.filter(isKind('signal')).map((w) => ({ key: w.key, element_id: w.elementId, name: w.name }));
    if (newSignals.length) this.signals.openIn(stmt, instance.id, newSignals, now);
    const newJobs = added.filter(isKind('job')).map((w) => ({
      key: w.key,
      element_id: w.elementId,
      element_name: w.name,
      type: w.jobType,
      headers: w.headers,
      variables: w.variables,
      retries: w.retries,
    }));
    if (newJobs.length) this.externalJobs.openIn(stmt, origin, newJobs, now);
    const closedJobs = removed.filter(isKind('job')).map((w) => w.key);
    if (closedJobs.length) this.externalJobs.cancelIn(stmt, instance.id, closedJobs, consumed, now);
    // Only a failed instance can have a held task whose element this step left.
    if (wasFailed) this.incidents.releaseIn(stmt, instance.id, result.held ?? [], result.status === 'cancelled' ? 'cancelled' : 'obsolete', now);

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
    this.instances.writeIn(stmt, instance, !previous);
    this.history.appendIn(stmt, instance.id, unit.actor.subject, historyRows(result, details));

    const changed = this.tasks.changed(m, await stmt.run(m), changes);
    if (newJobs.length)
      await this.externalJobs.announce(
        m,
        newJobs.map((j) => j.type),
      );
    unit.createdTasks.push(...changed.created);
    unit.completedTasks.push(...changed.completed);
    unit.instances.set(instance.id, instance);

    // Still `failed` while another incident stays open (rare: only instances that had one run this).
    if (wasFailed && result.status === 'active' && (await this.instances.keepFailedWhileIncidentOpen(m, instance.id))) instance.status = 'failed';
    for (const task of changed.cancelled) {
      await this.audit.append(m, unit.actor, {
        action: 'task.cancelled',
        subjectType: 'task',
        subjectId: task.id,
        after: { instanceId: instance.id, elementId: task.elementId },
      });
    }
  }
}

/** History rows of a step; the details of what drove it go with its first record. */
function historyRows(result: StepResult, details: StepDetails) {
  const drivenBy = Object.keys(details).length ? { ...details } : null;
  return result.steps.map((step, i) => ({
    event: step.event,
    wait_key: step.waitKey ?? null,
    elements_left: step.left,
    elements_entered: step.entered,
    decision_ids: step.decisionIds,
    at: step.at,
    details: i === 0 ? drivenBy : null,
  }));
}
