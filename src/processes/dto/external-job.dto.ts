import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { ProcessExternalJobEntity } from '../entities/process-external-job.entity.js';

/** Longest long poll and lock a worker may ask for. */
export const MAX_REQUEST_TIMEOUT_MS = 60_000;
export const MAX_JOB_TIMEOUT_MS = 24 * 60 * 60 * 1000;
export const MAX_JOBS_PER_ACTIVATION = 100;

export class ActivateJobsDto {
  @ApiProperty({ description: 'Job type: the `zeebe:taskDefinition type` of the service tasks to work on', example: 'sanctions-screening' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  type: string;

  @ApiProperty({ description: 'Name of the worker (shown on the job while it holds it)', example: 'screening-worker-1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  worker: string;

  @ApiProperty({ description: `At most this many jobs (1 to ${MAX_JOBS_PER_ACTIVATION})`, example: 10 })
  @IsInt()
  @Min(1)
  @Max(MAX_JOBS_PER_ACTIVATION)
  maxJobsToActivate: number;

  @ApiProperty({
    description: "Lock duration in ms: until then no other worker gets the job; afterwards it is handed out again and this worker's answer is refused (409)",
    example: 300000,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_JOB_TIMEOUT_MS)
  timeout: number;

  @ApiPropertyOptional({
    description: `Long polling: when no job is available, wait up to this many ms (at most ${MAX_REQUEST_TIMEOUT_MS}) for one; 0 or absent answers at once`,
    example: 20000,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_REQUEST_TIMEOUT_MS)
  requestTimeout?: number;
}

export class CompleteJobDto {
  @ApiPropertyOptional({
    description: "Result variables: through the task's output mappings when it has them, otherwise merged into the instance",
    example: { hits: 0 },
  })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}

export class FailJobDto {
  @ApiProperty({ description: "Attempts left (usually the job's `retries` minus one); 0 raises an incident naming the element", example: 2 })
  @IsInt()
  @Min(0)
  @Max(100)
  retries: number;

  @ApiPropertyOptional({ description: 'Wait this many ms before the job can be activated again', example: 30000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_JOB_TIMEOUT_MS)
  retryBackOff?: number;

  @ApiPropertyOptional({ description: 'Why it failed (kept on the job, and on the incident when retries are 0)', example: 'screening service unavailable' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  errorMessage?: string;
}

export class JobErrorDto {
  @ApiProperty({ description: "The BPMN error code: caught by the task's (or a sub-process's) error boundary event, else an incident", example: 'SANCTIONED' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/^\S/, { message: 'errorCode must not start with white space' })
  errorCode: string;

  @ApiPropertyOptional({ example: 'the supplier is on the EU sanctions list' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  errorMessage?: string;

  @ApiPropertyOptional({ description: 'Merged into the instance when an error boundary event catches the error', example: { listedOn: 'EU' } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}

/** A job handed to a worker. */
export class ActivatedJobDto {
  @ApiProperty({
    description: 'This activation of the job: complete, fail or throw an error with it. A later activation (after the lock expired) gets a new key.',
    example: '0b9d3c8e-5a41-4f0e-9a55-1c3b7d2e8f10.1',
  })
  key: string;

  @ApiProperty({ format: 'uuid', description: 'The job (the same across activations and in incidents)' })
  id: string;

  @ApiProperty({ example: 'sanctions-screening' })
  type: string;

  @ApiProperty({ format: 'uuid' })
  processInstanceId: string;

  @ApiProperty({ example: 'supplier-onboarding' })
  processDefinitionKey: string;

  @ApiProperty({ example: 2 })
  processDefinitionVersion: number;

  @ApiProperty({ example: 'Task_screen' })
  elementId: string;

  @ApiProperty({ example: 'Screen the supplier' })
  elementName: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'zeebe:taskHeaders', example: { list: 'EU' } })
  customHeaders: Record<string, string>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The instance variables when the task was entered, overlaid with the task's input mappings",
    example: { supplierId: 's-42', name: 'ACME' },
  })
  variables: Record<string, unknown>;

  @ApiProperty({ description: 'Attempts left', example: 3 })
  retries: number;

  @ApiProperty({ example: 'screening-worker-1' })
  worker: string;

  @ApiProperty({ type: Date, description: 'The lock ends then; afterwards another worker may get the job' })
  deadline: Date;
}

export class ActivatedJobsDto {
  @ApiProperty({ type: [ActivatedJobDto], description: 'Empty when none was available within the request timeout' })
  jobs: ActivatedJobDto[];
}

const OUTCOMES = ['completed', 'error-caught', 'retry-scheduled', 'incident'] as const;
export type JobOutcome = (typeof OUTCOMES)[number];

/** What the worker's answer did. */
export class JobResultDto {
  @ApiProperty({ example: '0b9d3c8e-5a41-4f0e-9a55-1c3b7d2e8f10.1' })
  key: string;

  @ApiProperty({
    enum: OUTCOMES,
    description:
      '`completed`; `error-caught`: an error boundary event took the BPMN error; `retry-scheduled`: available again after the back-off; `incident`: out of retries, or a BPMN error nothing caught',
  })
  outcome: JobOutcome;

  @ApiProperty({ format: 'uuid' })
  processInstanceId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The incident raised (`incident`): POST /process-instances/{id}/incidents/{incidentId}/retry gives the job one more attempt',
  })
  incidentId?: string;
}

export class JobTypeDto {
  @ApiProperty({ example: 'sanctions-screening' })
  type: string;

  @ApiProperty({ type: [String], description: 'Latest deployed definitions with a service task of this type', example: ['supplier-onboarding'] })
  definitionKeys: string[];

  @ApiProperty({ description: 'Jobs of this type waiting for a worker now (activated or not)', example: 4 })
  open: number;
}

export function jobKey(job: Pick<ProcessExternalJobEntity, 'id' | 'activations'>): string {
  return `${job.id}.${job.activations}`;
}

export function toActivatedJobDto(job: ProcessExternalJobEntity): ActivatedJobDto {
  return {
    key: jobKey(job),
    id: job.id,
    type: job.type,
    processInstanceId: job.instanceId,
    processDefinitionKey: job.definitionKey,
    processDefinitionVersion: job.definitionVersion,
    elementId: job.elementId,
    elementName: job.elementName,
    customHeaders: job.headers,
    variables: job.variables,
    retries: job.retries,
    worker: job.worker as string,
    deadline: job.deadline as Date,
  };
}
