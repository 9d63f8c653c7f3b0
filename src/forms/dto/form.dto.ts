import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { JSON_OBJECT } from '../../common/dto/json-value.js';
import { PageOf } from '../../common/dto/page.dto.js';
import { PageQueryDto } from '../../common/pagination.js';
import type { CamundaFormSchema } from '../../engine/forms/camunda-form.js';
import type { FormEntity } from '../entities/form.entity.js';
import type { FormSummaryRow } from '../repositories/forms.repository.js';

const SCHEMA_EXAMPLE = {
  id: 'model-approval',
  type: 'default',
  components: [
    { type: 'textfield', key: 'summary', label: 'Summary', validate: { required: true, minLength: 10 } },
    {
      type: 'select',
      key: 'decision',
      label: 'Decision',
      values: [
        { label: 'Approve', value: 'approve' },
        { label: 'Reject', value: 'reject' },
      ],
      validate: { required: true },
    },
    { type: 'textarea', key: 'rejectionReason', label: 'Why rejected', conditional: { hide: '=decision != "reject"' }, validate: { required: true } },
  ],
};

/** The request body of POST /forms, as documentation: the body is the form-js JSON itself (what Camunda Modeler saves as a .form file). */
export class FormDocumentDto {
  @ApiProperty({ description: 'The form id user tasks link with `zeebe:formDefinition formId`', example: 'model-approval' })
  id: string;

  @ApiPropertyOptional({ example: 'default' })
  type?: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'form-js components (see docs/bpmn.md, "Camunda forms")',
    example: SCHEMA_EXAMPLE.components,
  })
  components: unknown[];
}

export class FormQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the form id or name (case-insensitive)', example: 'approval' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

/** One stored version of a form. */
export class FormVersionDto {
  @ApiProperty({ example: 'model-approval' })
  formId: string;

  @ApiProperty({ example: 1, description: 'Versions count from 1 per form id' })
  version: number;

  @ApiProperty({ type: String, nullable: true, example: 'Model approval', description: 'The schema’s `name`, if it has one' })
  name: string | null;

  @ApiProperty({ ...JSON_OBJECT, description: 'The form-js JSON as stored', example: SCHEMA_EXAMPLE })
  schema: CamundaFormSchema;

  @ApiProperty({ example: 'gina' })
  createdBy: string;

  @ApiProperty()
  createdAt: Date;
}

export class FormVersionSummaryDto {
  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty({ example: 'gina' })
  createdBy: string;

  @ApiProperty()
  createdAt: Date;
}

/** A form: its latest version and every version. */
export class FormDetailDto {
  @ApiProperty({ example: 'model-approval' })
  formId: string;

  @ApiProperty({ type: FormVersionDto, description: 'The version tasks created from now on are bound to' })
  latest: FormVersionDto;

  @ApiProperty({ type: [FormVersionSummaryDto], description: 'Newest first' })
  versions: FormVersionSummaryDto[];
}

export class FormSummaryDto {
  @ApiProperty({ example: 'model-approval' })
  formId: string;

  @ApiProperty({ type: String, nullable: true, example: 'Model approval' })
  name: string | null;

  @ApiProperty({ example: 2 })
  latestVersion: number;

  @ApiProperty({ description: 'When the latest version was stored' })
  updatedAt: Date;
}

export class FormPageDto extends PageOf(FormSummaryDto) {}

export function toFormVersionDto(f: FormEntity): FormVersionDto {
  return { formId: f.formId, version: f.version, name: f.name, schema: f.schema, createdBy: f.createdBy, createdAt: f.createdAt };
}

export function toFormSummaryDto(row: FormSummaryRow): FormSummaryDto {
  return { formId: row.formId, name: row.name, latestVersion: row.latestVersion, updatedAt: row.updatedAt };
}
