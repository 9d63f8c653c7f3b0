import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString } from 'class-validator';
import { PageOf } from '../../common/dto/page.dto.js';
import { SubjectQueryDto } from '../../common/pagination.js';
import { InstanceSubjectDto } from './instance.dto.js';

export const TIMER_KINDS = ['timer-catch', 'boundary-timer', 'event-sub-process-start'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export class PendingTimerQueryDto extends SubjectQueryDto {
  @ApiPropertyOptional({ description: 'Timers due before this time (ISO 8601)', example: '2027-03-01T00:00:00Z' })
  @IsOptional()
  @IsDateString()
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'Timers due at or after this time (ISO 8601)', example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsDateString()
  dueAfter?: string;

  @ApiPropertyOptional({ description: 'Timers of instances of this definition', example: 'nonconformity' })
  @IsOptional()
  @IsString()
  definitionKey?: string;
}

/** A timer an instance waits for: a periodic review, a surveillance audit, an effectiveness review... */
export class PendingTimerDto {
  @ApiProperty({ format: 'uuid', description: 'The timer job (an incident names it as `jobId`)' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The instance waiting for it (GET /process-instances/{id})' })
  instanceId: string;

  @ApiProperty({ example: 'nonconformity' })
  definitionKey: string;

  @ApiProperty({ description: 'The definition version the instance runs', example: 1 })
  definitionVersion: number;

  @ApiProperty({ description: 'The timer event', example: 'Timer_effectiveness' })
  elementId: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Name of the timer event in the definition (null when it has none)',
    example: 'Effectiveness review due',
  })
  elementName: string | null;

  @ApiProperty({
    enum: TIMER_KINDS,
    description:
      '`timer-catch`: an intermediate timer catch event on the flow; `boundary-timer`: a timer on a task or sub-process; `event-sub-process-start`: the timer start event of an event sub-process',
  })
  kind: TimerKind;

  @ApiProperty({ type: String, nullable: true, description: 'The task or sub-process a boundary timer is attached to', example: 'Task_review' })
  attachedTo: string | null;

  @ApiProperty({ description: 'Whether firing ends what it is attached to (its scope, for an event sub-process); false for a timer catch event' })
  interrupting: boolean;

  @ApiProperty({ type: Date, description: 'When it is due (in the past: overdue, e.g. when its firing failed)' })
  dueAt: Date;

  @ApiProperty({ enum: ['pending', 'failed'], description: '`failed`: every attempt to fire failed (the instance has an open incident)' })
  status: 'pending' | 'failed';

  @ApiProperty({ type: InstanceSubjectDto, description: 'What the instance is about' })
  subject: InstanceSubjectDto;
}

export class PendingTimerPageDto extends PageOf(PendingTimerDto) {}
