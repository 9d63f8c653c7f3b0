import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/dto/page.dto.js';
import { type TaskDto, TaskItemDto } from '../../tasks/dto/task.dto.js';
import type { MessageSubscriptionEntity } from '../entities/message-subscription.entity.js';
import type { ProcessHistoryEntity } from '../entities/process-history.entity.js';
import type { ProcessIncidentEntity } from '../entities/process-incident.entity.js';
import { INSTANCE_STATUSES, type InstanceStatusValue, type ProcessInstanceEntity } from '../entities/process-instance.entity.js';
import type { JobKind, JobStatus, ProcessJobEntity } from '../entities/process-job.entity.js';

const JOB_STATUSES: JobStatus[] = ['pending', 'done', 'cancelled', 'failed'];
const RETRY_KINDS: JobKind[] = ['message', 'signal', 'start-message', 'start-timer'];
const INCIDENT_STATUSES = ['open', 'resolved'] as const;
const INCIDENT_RESOLUTIONS = ['retried', 'obsolete', 'cancelled'] as const;

export class InstanceSubjectDto {
  @ApiProperty({ description: 'What the instance is about', example: 'ai-system' })
  type: string;

  @ApiProperty({ example: '3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d' })
  id: string;
}

/** A process instance as lists show it. */
export class InstanceSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Key of its process definition', example: 'impact-assessment' })
  definitionKey: string;

  @ApiProperty({ description: 'The definition version it runs (it stays on it when newer versions are deployed)', example: 1 })
  definitionVersion: number;

  @ApiProperty({ type: InstanceSubjectDto })
  subject: InstanceSubjectDto;

  @ApiProperty({
    enum: INSTANCE_STATUSES,
    description:
      '`failed`: still running, but has an open incident (a timer- or message-driven step failed on every attempt, an external job failed, a BPMN error nothing caught holds a service task, or a rule set or linked form not deployed holds a task; see `incidents`); `terminated`: a terminate end event ended it, or (a called process) a BPMN error that its call activity received',
  })
  status: InstanceStatusValue;

  @ApiProperty({ type: [String], description: 'BPMN elements the instance is in now', example: ['Task_review'] })
  activeElementIds: string[];

  @ApiProperty({ type: String, nullable: true, description: 'Who started it, for segregation of duties (`separateFrom: initiator`)', example: 'olivia' })
  initiator: string | null;

  @ApiProperty({ description: 'Subject of the token (or `system`) that started it', example: 'olivia' })
  startedBy: string;

  @ApiProperty({ type: Date })
  startedAt: Date;

  @ApiProperty({ type: Date, description: 'Time of its last step' })
  updatedAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  endedAt: Date | null;

  @ApiProperty({ description: 'Moves with every step', example: 3 })
  version: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The instance whose call activity started this one' })
  parentId: string | null;
}

export class InstanceSummaryPageDto extends PageOf(InstanceSummaryDto) {}

export class ParentInstanceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ai-system-onboarding' })
  definitionKey: string;

  @ApiProperty({ type: String, nullable: true, description: "The parent's call activity wait this instance runs for (opaque)" })
  waitKey: string | null;
}

export class ChildInstanceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'impact-assessment' })
  definitionKey: string;

  @ApiProperty({ enum: INSTANCE_STATUSES })
  status: InstanceStatusValue;

  @ApiProperty({ type: String, nullable: true, description: 'The call activity wait of this instance it runs for (opaque)' })
  waitKey: string | null;
}

/** An open user task of the instance (the whole task: GET /tasks/{id}). */
export class InstanceOpenTaskDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Review impact assessment' })
  name: string;

  @ApiProperty({ example: 'Task_review' })
  elementId: string;

  @ApiProperty({ type: [String], example: ['compliance-officer'], description: 'Built-in or organisation-defined role keys (`GET /roles`)' })
  candidateRoles: string[];

  @ApiProperty({ type: String, nullable: true, example: 'carla' })
  assignee: string | null;

  @ApiProperty({ type: Date, nullable: true })
  dueAt: Date | null;

  @ApiProperty({ type: TaskItemDto, nullable: true, description: 'The item of a multi-instance task' })
  item: TaskItemDto | null;
}

/** A timer the instance waits for. */
export class InstanceTimerDto {
  @ApiProperty({ format: 'uuid', description: 'The timer job (an incident names it as `jobId`)' })
  id: string;

  @ApiProperty({ description: 'The timer event (or the task a boundary timer is attached to)', example: 'Timer_reminder' })
  elementId: string;

  @ApiProperty({ type: Date, description: 'When it is due' })
  dueAt: Date;

  @ApiProperty({ type: Date, description: 'When it fires next: its due time, later after a failed attempt' })
  runAt: Date;

  @ApiProperty({ enum: JOB_STATUSES, description: '`failed`: every attempt failed (see `incidents`)' })
  status: JobStatus;

  @ApiProperty({ description: 'Failed attempts so far', example: 0 })
  attempts: number;

  @ApiProperty({ type: String, nullable: true, description: 'Error of the last failed attempt' })
  lastError: string | null;
}

/** A message delivery or start that failed and is retried with backoff. */
export class InstanceRetryDto {
  @ApiProperty({ format: 'uuid', description: 'The retry job (an incident names it as `jobId`)' })
  id: string;

  @ApiProperty({ enum: RETRY_KINDS, description: '`message`: a message delivery; `start-message` and `start-timer`: the start of this instance' })
  kind: JobKind;

  @ApiProperty({ example: 'Wait_evidence' })
  elementId: string;

  @ApiProperty({ type: Date, description: 'When the next attempt runs' })
  runAt: Date;

  @ApiProperty({ enum: JOB_STATUSES })
  status: JobStatus;

  @ApiProperty({ example: 1 })
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;
}

/** A message the instance waits for. */
export class InstanceMessageSubscriptionDto {
  @ApiProperty({ example: 'Wait_evidence' })
  elementId: string;

  @ApiProperty({ description: 'Message name POST /messages must send', example: 'evidenceSubmitted' })
  name: string;

  @ApiProperty({ type: String, nullable: true, description: 'Correlation key POST /messages must send (null: none)', example: 'sys-7' })
  correlationKey: string | null;
}

/** A signal the instance waits for (a catch or boundary event): any POST /signals of that name, or a signal a process throws. */
export class InstanceSignalSubscriptionDto {
  @ApiProperty({ example: 'Wait_regulation' })
  elementId: string;

  @ApiProperty({ description: 'Signal name', example: 'regulationChanged' })
  name: string;
}

/** A timer- or message-driven step that failed on every attempt, an external job that failed, or a held task: POST …/incidents/{incidentId}/retry runs it again. */
export class IncidentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  instanceId: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The timer or retry job that failed (`timers[].id` or `retries[].id` while it is open); null for an external job, for a service task whose handler threw a BPMN error nothing catches, and for a task whose rule set or linked form was not deployed',
  })
  jobId: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The external job (POST /jobs/activate) out of retries or ended by an uncaught BPMN error; retrying gives it one more attempt',
  })
  externalJobId: string | null;

  @ApiProperty({ example: 'Wait' })
  elementId: string;

  @ApiProperty({ description: 'The last error', example: 'service task Ticket (handler "ticketing.open") failed: ticketing system unavailable' })
  message: string;

  @ApiProperty({ description: 'Attempts made, retries through the API included', example: 5 })
  attempts: number;

  @ApiProperty({ enum: INCIDENT_STATUSES })
  status: (typeof INCIDENT_STATUSES)[number];

  @ApiProperty({
    enum: INCIDENT_RESOLUTIONS,
    nullable: true,
    description: '`retried`: a retry succeeded; `obsolete`: the wait was closed meanwhile; `cancelled`: the instance was',
  })
  resolution: (typeof INCIDENT_RESOLUTIONS)[number] | null;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  resolvedAt: Date | null;

  @ApiProperty({ type: String, nullable: true, example: 'gina' })
  resolvedBy: string | null;
}

/** A process instance with everything it waits for. */
export class InstanceDto extends InstanceSummaryDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The process variables',
    example: { systemId: '3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d', riskClass: 'high' },
  })
  variables: Record<string, unknown>;

  @ApiProperty({ type: ParentInstanceDto, nullable: true, description: 'The instance whose call activity started this one' })
  parent: ParentInstanceDto | null;

  @ApiProperty({ type: [ChildInstanceDto], description: 'Instances its call activities started' })
  children: ChildInstanceDto[];

  @ApiProperty({ type: [InstanceOpenTaskDto] })
  openTasks: InstanceOpenTaskDto[];

  @ApiProperty({ type: [InstanceTimerDto], description: 'Timer waits not yet fired, with due times (and attempts when a firing failed)' })
  timers: InstanceTimerDto[];

  @ApiProperty({ type: [InstanceRetryDto], description: 'Message and signal deliveries and starts that failed and are retried' })
  retries: InstanceRetryDto[];

  @ApiProperty({ type: [InstanceMessageSubscriptionDto] })
  messageSubscriptions: InstanceMessageSubscriptionDto[];

  @ApiProperty({ type: [InstanceSignalSubscriptionDto] })
  signalSubscriptions: InstanceSignalSubscriptionDto[];

  @ApiProperty({ type: [IncidentDto], description: 'Open and resolved incidents, oldest first' })
  incidents: IncidentDto[];
}

/** One step of an instance: the event, the elements left and entered, who and when. */
export class HistoryStepDto {
  @ApiProperty({ description: 'Position in the history of every instance (a 64-bit integer, as text)', example: '1042' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  instanceId: string;

  @ApiProperty({
    description:
      'What drove the step: `start`, `task.complete`, `timer.fire`, `message`, `child.complete`, `job.complete`, `job.error`, `cancel`, `rule.result`, `service.result`, `bpmn.incident` (a task held by an incident: an uncaught BPMN error of its handler, or a rule set or linked form not deployed), `bpmn.retry`',
    example: 'task.complete',
  })
  event: string;

  @ApiProperty({ type: String, nullable: true, description: 'The wait the event closed (opaque)' })
  waitKey: string | null;

  @ApiProperty({ type: [String], example: ['Task_review'] })
  elementsLeft: string[];

  @ApiProperty({ type: [String], example: ['Gateway_reviewed', 'Task_approve'] })
  elementsEntered: string[];

  @ApiProperty({ type: [String], description: 'Rules decisions business rule tasks took in this step (GET /decisions/{id})' })
  decisionIds: string[];

  @ApiProperty({ description: 'Who drove it (`system` for timers)', example: 'carla' })
  actor: string;

  @ApiProperty({ type: Date })
  at: Date;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What drove the step: task id and outcome, message, timer job, the incident retried, the reason of a cancel',
    example: { taskId: '41b0c6de-4c55-4c0e-9d4f-0b7bb0f1f0a2', outcome: 'approve' },
  })
  details: Record<string, unknown> | null;
}

export class HistoryStepPageDto extends PageOf(HistoryStepDto) {}

export function toInstanceSummaryDto(i: Readonly<ProcessInstanceEntity>): InstanceSummaryDto {
  return {
    id: i.id,
    definitionKey: i.definitionKey,
    definitionVersion: i.definitionVersion,
    subject: { type: i.subjectType, id: i.subjectId },
    status: i.status,
    activeElementIds: i.activeElementIds,
    initiator: i.initiator,
    startedBy: i.startedBy,
    startedAt: i.startedAt,
    updatedAt: i.updatedAt,
    endedAt: i.endedAt,
    version: i.version,
    parentId: i.parentId,
  };
}

/** What the instance view is built from: the instance and the rows it waits on. */
export interface InstanceParts {
  instance: Readonly<ProcessInstanceEntity>;
  parentKey: string | undefined;
  children: Array<Pick<ProcessInstanceEntity, 'id' | 'definitionKey' | 'status' | 'parentWaitKey'>>;
  openTasks: Array<Pick<TaskDto, 'id' | 'name' | 'elementId' | 'candidateRoles' | 'assignee' | 'dueAt' | 'item'>>;
  jobs: ProcessJobEntity[];
  subscriptions: MessageSubscriptionEntity[];
  incidents: ProcessIncidentEntity[];
}

export function toIncidentDto(i: ProcessIncidentEntity): IncidentDto {
  return {
    id: i.id,
    instanceId: i.instanceId,
    jobId: i.jobId,
    externalJobId: i.externalJobId,
    elementId: i.elementId,
    message: i.message,
    attempts: i.attempts,
    status: i.status,
    resolution: i.resolution as IncidentDto['resolution'],
    createdAt: i.createdAt,
    resolvedAt: i.resolvedAt,
    resolvedBy: i.resolvedBy,
  };
}

export function toInstanceDto(p: InstanceParts): InstanceDto {
  const { instance } = p;
  return {
    ...toInstanceSummaryDto(instance),
    variables: instance.variables,
    parent: instance.parentId && p.parentKey ? { id: instance.parentId, definitionKey: p.parentKey, waitKey: instance.parentWaitKey } : null,
    children: p.children.map((c) => ({ id: c.id, definitionKey: c.definitionKey, status: c.status, waitKey: c.parentWaitKey })),
    openTasks: p.openTasks.map((t) => ({
      id: t.id,
      name: t.name,
      elementId: t.elementId,
      candidateRoles: t.candidateRoles,
      assignee: t.assignee,
      dueAt: t.dueAt,
      item: t.item && {
        index: t.item.index,
        value: t.item.value,
        collectionKey: t.item.collectionKey,
        ...(t.item.count !== undefined ? { count: t.item.count } : {}),
      },
    })),
    timers: p.jobs
      .filter((j) => j.kind === 'timer')
      .map((j) => ({ id: j.id, elementId: j.elementId, dueAt: j.dueAt, runAt: j.runAt, status: j.status, attempts: j.attempts, lastError: j.lastError })),
    retries: p.jobs
      .filter((j) => j.kind !== 'timer')
      .map((j) => ({ id: j.id, kind: j.kind, elementId: j.elementId, runAt: j.runAt, status: j.status, attempts: j.attempts, lastError: j.lastError })),
    messageSubscriptions: p.subscriptions.map((s) => ({ elementId: s.elementId, name: s.name, correlationKey: s.correlationKey })),
    signalSubscriptions: instance.waits.flatMap((w) => (w.kind === 'signal' ? [{ elementId: w.elementId, name: w.name }] : [])),
    incidents: p.incidents.map(toIncidentDto),
  };
}

export function toHistoryStepDto(h: ProcessHistoryEntity): HistoryStepDto {
  return {
    id: h.id,
    instanceId: h.instanceId,
    event: h.event,
    waitKey: h.waitKey,
    elementsLeft: h.elementsLeft,
    elementsEntered: h.elementsEntered,
    decisionIds: h.decisionIds,
    actor: h.actor,
    at: h.at,
    details: h.details,
  };
}
