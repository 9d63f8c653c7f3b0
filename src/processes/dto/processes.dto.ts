import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { SubjectQueryDto } from '../../common/pagination.js';
import { INSTANCE_STATUSES } from '../entities/process-instance.entity.js';

export class SubjectDto {
  @ApiProperty({ description: 'What the instance is about', example: 'ai-system' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  type: string;

  @ApiProperty({ example: '3f1c2a4e-8d4b-4a55-9a43-1f2f1e0c9b7d' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id: string;
}

export class StartInstanceDto {
  @ApiProperty({ description: 'Key (BPMN process id) of the definition', example: 'nonconformity' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  definitionKey: string;

  @ApiPropertyOptional({ description: 'Definition version; default the latest', example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiProperty({ type: SubjectDto })
  @ValidateNested()
  @Type(() => SubjectDto)
  subject: SubjectDto;

  @ApiPropertyOptional({ description: 'Initial process variables', example: { systemId: 'sys-7', effectivenessReviewDelay: 'P90D' } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}

export class InstanceQueryDto extends SubjectQueryDto {
  @ApiPropertyOptional({ example: 'nonconformity' })
  @IsOptional()
  @IsString()
  definitionKey?: string;

  @ApiPropertyOptional({ enum: INSTANCE_STATUSES })
  @IsOptional()
  @IsIn(INSTANCE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'Children of this instance (started by its call activities)' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class CancelInstanceDto {
  @ApiPropertyOptional({ description: 'Why, for the history and the audit trail', example: 'Raised in error' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class MessageDto {
  @ApiProperty({ description: 'Message name (the `name` of the BPMN message)', example: 'evidenceSubmitted' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    description: 'Delivered to waits whose correlation key equals it (a message without one reaches waits without one)',
    example: 'sys-7',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  correlationKey?: string;

  @ApiPropertyOptional({
    description:
      'De-duplication: a repeated id with the same content (name, correlationKey, variables, timeToLive) has no second effect and returns the first result; with other content it is refused (409 `message-id-conflict`)',
    example: 'mlflow-event-81723',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  messageId?: string;

  @ApiPropertyOptional({
    description: 'Merged into the instance variables (or the variables of a started instance)',
    example: { evidenceUrl: 'https://dms/doc/42' },
  })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', example: 'PT1H' },
      { type: 'integer', minimum: 0, example: 3600000 },
    ],
    description:
      'How long a message nobody waits for is kept (buffered) for the first catch event that subscribes to it later with the same name and correlation key: an ISO 8601 duration or milliseconds, as in Zeebe. Default 0: not kept (404 when nobody waits).',
    example: 'PT1H',
  })
  @IsOptional()
  timeToLive?: string | number;

  @ApiPropertyOptional({
    type: SubjectDto,
    description: 'Subject of instances a message start event starts; default { type: "message", id: correlationKey or name }',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubjectDto)
  subject?: SubjectDto;
}

export class AdvanceClockDto {
  @ApiProperty({ description: 'ISO 8601 duration to move the service clock forward by', example: 'P30D' })
  @IsString()
  @Matches(/^P/, { message: 'must be an ISO 8601 duration such as P30D or PT4H' })
  duration: string;
}

export class SignalDto {
  @ApiProperty({ description: 'Signal name (the `name` of the BPMN signal)', example: 'regulationChanged' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    description:
      'Merged into the variables of every instance it reaches (through the outputs of the catching event, if any) and given to the instances it starts',
    example: { regulation: 'EU AI Act', article: '6' },
  })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: SubjectDto,
    description: 'Subject of instances a signal start event starts; default { type: "signal", id: name }',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubjectDto)
  subject?: SubjectDto;
}
