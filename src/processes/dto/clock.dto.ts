import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JobKind } from '../entities/process-job.entity.js';
import type { FiredJob, FireOutcome } from '../jobs/job-runner.service.js';

const JOB_KINDS: JobKind[] = ['timer', 'message', 'signal', 'start-timer', 'start-message'];
const FIRE_OUTCOMES: FireOutcome[] = ['fired', 'skipped', 'obsolete', 'retry-scheduled', 'incident'];

/** A job that came due while the clock moved, and what happened to it. */
export class FiredJobDto {
  @ApiProperty({ format: 'uuid' })
  jobId: string;

  @ApiProperty({
    enum: JOB_KINDS,
    description: '`timer`: a timer wait; `start-timer`: a timer start event; `message`, `start-message`: a retried message delivery or start',
  })
  kind: JobKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The instance (null for a start that has none yet)' })
  instanceId: string | null;

  @ApiProperty({ example: 'Timer_effectivenessReview' })
  elementId: string;

  @ApiProperty({ type: Date, description: 'When it was due' })
  dueAt: Date;

  @ApiProperty({ type: Date, description: 'Service time of the attempt' })
  at: Date;

  @ApiProperty({
    enum: FIRE_OUTCOMES,
    description:
      '`fired`; `skipped`: another worker had it; `obsolete`: its wait was closed meanwhile; `retry-scheduled`: it failed and runs again after a backoff; `incident`: it failed on its last attempt',
  })
  outcome: FireOutcome;

  @ApiPropertyOptional({ description: 'Why it failed or was obsolete' })
  error?: string;
}

/** The manual clock's time. */
export class ClockDto {
  @ApiProperty({ type: Date, description: 'The service time: where the manual clock stands (kept across restarts)' })
  now: Date;
}

export class ClockAdvanceDto {
  @ApiProperty({ type: Date, description: 'The new service time' })
  now: Date;

  @ApiProperty({ type: [FiredJobDto], description: 'Every job that came due on the way, in order' })
  fired: FiredJobDto[];

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Present (`true`) when it stopped after firing 1,000 jobs (a timer cycle over a long advance): jobs due later on the way fire on the next passes of the timer worker',
  })
  truncated?: true;
}

export function toFiredJobDto(f: FiredJob): FiredJobDto {
  return {
    jobId: f.jobId,
    kind: f.kind,
    instanceId: f.instanceId,
    elementId: f.elementId,
    dueAt: new Date(f.dueAt),
    at: new Date(f.at),
    outcome: f.outcome,
    error: f.error,
  };
}
