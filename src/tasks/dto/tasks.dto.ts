import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SubjectQueryDto } from '../../common/pagination.js';
import { SubjectField } from '../../auth/subject.js';
import { TASK_STATUSES } from '../entities/task.entity.js';

export class TaskQueryDto extends SubjectQueryDto {
  @ApiPropertyOptional({ description: 'Tasks held by this subject (compared in canonical form: `Rosa` is `rosa`)', example: 'rosa' })
  @IsOptional()
  @SubjectField()
  assignee?: string;

  @ApiPropertyOptional({
    description: 'Tasks this role may claim, built-in or organisation-defined (`risk_officer` and `risk-officer` are the same role)',
    example: 'risk-officer',
  })
  @IsOptional()
  @IsString()
  candidateRole?: string;

  @ApiPropertyOptional({ enum: TASK_STATUSES, description: 'Default: open in the inbox, any otherwise' })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Tasks of this process instance' })
  @IsOptional()
  @IsUUID()
  instanceId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: '`true`: open tasks past their due time (by the service clock), in the inbox too' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Tasks due before this ISO 8601 date-time (tasks without a due time never match)', example: '2026-12-31T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;
}

export class CompleteTaskDto {
  @ApiPropertyOptional({
    description: 'The decision; stored as the task outcome and set as the process variable `outcome` (validated like a form field when the form has one)',
    example: 'approved',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  outcome?: string;

  @ApiPropertyOptional({
    description: "Form data, validated against the task's form (required fields, types, allowed values); merged into the process variables",
    example: { severity: 'major', comment: 'Plan covers all findings' },
  })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}

export class DelegateTaskDto {
  @ApiProperty({
    description:
      'Subject to hand the task to: must be able to act now with one of its candidate roles (a token neither revoked nor expired, or an active person in the directory holding the role), and not be barred by segregation of duties; a deactivated person is refused (409 `delegate-inactive`)',
    example: 'rosa',
  })
  @SubjectField()
  to: string;
}
