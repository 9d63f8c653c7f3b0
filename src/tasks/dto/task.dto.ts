import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FORM_FIELD_TYPES, type FormFieldType } from '../../engine/process/index.js';
import { PageOf } from '../../common/dto/page.dto.js';
import { TASK_STATUSES, type TaskEntity, type TaskStatus } from '../entities/task.entity.js';

export class FormFieldDto {
  @ApiProperty({ example: 'severity' })
  name: string;

  @ApiProperty({ enum: FORM_FIELD_TYPES })
  type: FormFieldType;

  @ApiProperty()
  required: boolean;

  @ApiPropertyOptional({ example: 'Severity' })
  label?: string;

  @ApiPropertyOptional({ type: [String], description: 'Allowed values of an enum field, or of each item of an array field' })
  values?: string[];
}

/** The Camunda form (form-js JSON) a task shows; its completion is validated against it. */
export class TaskCamundaFormDto {
  @ApiProperty({ enum: ['camunda'], example: 'camunda' })
  kind: 'camunda';

  @ApiProperty({ type: String, nullable: true, example: 'model-approval', description: 'A linked form’s id (null for a form embedded in the process)' })
  formId: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2,
    description: 'The linked form’s version the task is bound to: the latest when the task opened (GET /forms/{formId}/versions/{version})',
  })
  version: number | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'An embedded form’s key (camunda-forms:bpmn:<id>)' })
  formKey: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The form-js schema, to render with @bpmn-io/form-js',
    example: { type: 'default', components: [{ type: 'textfield', key: 'summary', label: 'Summary', validate: { required: true } }] },
  })
  schema: Record<string, unknown>;
}

export class TaskItemDto {
  @ApiProperty({ description: 'Position of the item in its collection' })
  index: number;

  // Any JSON value (an approver role, a risk object, …). `type: Array` with a combinator is how
  // @nestjs/swagger leaves `type` out of the schema; `unknown` alone would document an object.
  @ApiProperty({
    type: Array,
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object', additionalProperties: true }, { type: 'array', items: {} }],
    description: 'The collection item this task works on: any JSON value, e.g. an approver role or a risk',
    example: 'compliance-officer',
  })
  value: unknown;

  @ApiProperty({ description: 'Which collection the item belongs to' })
  collectionKey: string;

  @ApiPropertyOptional({
    description: 'How many items the multi-instance activity has (the task is item index + 1 of count); absent on tasks opened before it was recorded',
    example: 3,
  })
  count?: number;
}

/** A user task as approvers see it. */
export class TaskDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  instanceId: string;

  @ApiProperty({ description: "The engine's wait key (opaque)" })
  waitKey: string;

  @ApiProperty({ example: 'Task_review' })
  elementId: string;

  @ApiProperty({ example: 'Review the impact assessment' })
  name: string;

  @ApiProperty({ type: String, nullable: true, description: 'The BPMN documentation of the task: what to do' })
  documentation: string | null;

  @ApiProperty({ example: 'impact-assessment' })
  definitionKey: string;

  @ApiProperty()
  definitionVersion: number;

  @ApiProperty({ example: 'ai-system' })
  subjectType: string;

  @ApiProperty()
  subjectId: string;

  @ApiProperty({
    type: [String],
    example: ['compliance-officer'],
    description: 'Roles that may claim and complete it: built-in or organisation-defined keys (`GET /roles`), in canonical form',
  })
  candidateRoles: string[];

  @ApiProperty({ type: String, nullable: true, example: 'carla' })
  assignee: string | null;

  @ApiProperty({ enum: TASK_STATUSES })
  status: TaskStatus;

  @ApiProperty({ type: Date, nullable: true })
  dueAt: Date | null;

  @ApiProperty({ type: [FormFieldDto], description: 'The fields of an aimsflow form (aimsflow:formField); empty when the task has a Camunda form or none' })
  form: FormFieldDto[];

  @ApiProperty({ type: TaskCamundaFormDto, nullable: true, description: 'The Camunda form of the task (zeebe:formDefinition), or null' })
  camundaForm: TaskCamundaFormDto | null;

  @ApiProperty({ type: [String], description: 'Segregation of duties: `initiator` or element ids whose completers may not complete this task' })
  separateFrom: string[];

  @ApiProperty({ type: TaskItemDto, nullable: true, description: 'The item of a multi-instance task' })
  item: TaskItemDto | null;

  @ApiProperty({ type: String, nullable: true, example: 'approved' })
  outcome: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The variables it was completed with' })
  variables: Record<string, unknown> | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  claimedAt: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  completedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  completedBy: string | null;

  @ApiProperty({ type: Date, nullable: true })
  cancelledAt: Date | null;

  @ApiProperty({ description: 'Changes with every write' })
  version: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'API paths of what the step works on, by name (on GET /tasks and GET /tasks/{id}; empty when there is nothing). The management review: `reviewInput` (its compiled input as JSON) and `reviewInputPdf` (the same as a PDF).',
    example: {
      reviewInput: '/api/v1/management-review-inputs/3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d',
      reviewInputPdf: '/api/v1/documents/management-review?format=pdf&managementReviewInputId=3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d',
    },
  })
  links: Record<string, string>;
}

export class TaskPageDto extends PageOf(TaskDto) {}

export class CompletedInstanceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'active' })
  status: string;

  @ApiProperty({ type: [String], example: ['Task_review'] })
  activeElementIds: string[];
}

/** A completed task, the state its instance is in now, and the tasks the completion opened. */
export class TaskCompletionDto extends TaskDto {
  @ApiProperty({ type: CompletedInstanceDto })
  instance: CompletedInstanceDto;

  @ApiProperty({ type: [TaskDto], description: 'Tasks the completion opened (in this instance or instances it started)' })
  nextTasks: TaskDto[];
}

export function toTaskDto(t: TaskEntity): TaskDto {
  return {
    id: t.id,
    instanceId: t.instanceId,
    waitKey: t.waitKey,
    elementId: t.elementId,
    name: t.name,
    documentation: t.documentation,
    definitionKey: t.definitionKey,
    definitionVersion: t.definitionVersion,
    subjectType: t.subjectType,
    subjectId: t.subjectId,
    candidateRoles: t.candidateRoles,
    assignee: t.assignee,
    status: t.status,
    dueAt: t.dueAt,
    form: t.form,
    camundaForm: t.camundaForm ? { kind: 'camunda', ...t.camundaForm } : null,
    separateFrom: t.separateFrom,
    item: t.item,
    outcome: t.outcome,
    variables: t.variables,
    createdAt: t.createdAt,
    claimedAt: t.claimedAt,
    completedAt: t.completedAt,
    completedBy: t.completedBy,
    cancelledAt: t.cancelledAt,
    version: t.version,
    links: {},
  };
}
