import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../../auth/auth.decorators.js';
import type { Actor } from '../../auth/roles.js';
import { ActivatedJobsDto, ActivateJobsDto, CompleteJobDto, FailJobDto, JobErrorDto, JobResultDto, JobTypeDto } from '../dto/external-job.dto.js';
import { ExternalJobsService } from './external-jobs.service.js';

const HANDED_ON =
  'This activation no longer holds the job (`job-handed-on`: its lock expired and another worker got it, or it was failed), or it was already answered (`job-not-active`)';

@ApiTags('jobs')
@BearerAuth()
@RequireRoles('integration')
@Controller('jobs')
export class ExternalJobsController {
  constructor(private readonly jobs: ExternalJobsService) {}

  @Post('activate')
  @HttpCode(200)
  @ApiOkResponse({ type: ActivatedJobsDto })
  @ApiOperation({
    summary: 'Activate jobs of a type',
    description:
      'Hands up to `maxJobsToActivate` open jobs of the type to the worker, locked for `timeout` ms. With `requestTimeout` it waits (long polling) until jobs arrive or the time is up. Each job is handed to one worker at a time. A multi-instance service task has one job per open item, its variables holding the item (element variable, `loopCounter`).',
  })
  activate(@Body() dto: ActivateJobsDto): Promise<ActivatedJobsDto> {
    return this.jobs.activate(dto);
  }

  @Get('types')
  @ApiOkResponse({ type: [JobTypeDto] })
  @ApiOperation({
    summary: 'Job types',
    description: 'The external job types of the deployed definitions (latest versions) and of open jobs, with how many jobs are open.',
  })
  types(): Promise<JobTypeDto[]> {
    return this.jobs.types();
  }

  @Post(':key/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: JobResultDto })
  @ApiNotFoundResponse({ description: 'No job with this key' })
  @ApiConflictResponse({ description: HANDED_ON })
  @ApiUnprocessableEntityResponse({ description: 'The step after the task failed (an output mapping, a handler, a gateway); nothing was stored' })
  @ApiOperation({
    summary: 'Complete a job',
    description:
      "The service task is left with the variables (through its output mappings) and the instance runs on. For a multi-instance task the job's item is done: the task is left when its last item is, or when its completion condition holds.",
  })
  complete(@Param('key') key: string, @Body() dto: CompleteJobDto, @CurrentActor() actor: Actor): Promise<JobResultDto> {
    return this.jobs.complete(key, dto, actor);
  }

  @Post(':key/fail')
  @HttpCode(200)
  @ApiOkResponse({ type: JobResultDto })
  @ApiNotFoundResponse({ description: 'No job with this key' })
  @ApiConflictResponse({ description: HANDED_ON })
  @ApiOperation({
    summary: 'Fail a job',
    description:
      'With retries left the job is available again after `retryBackOff` ms; with 0 it raises an incident naming the element (retry it to give the job another attempt).',
  })
  fail(@Param('key') key: string, @Body() dto: FailJobDto, @CurrentActor() actor: Actor): Promise<JobResultDto> {
    return this.jobs.fail(key, dto, actor);
  }

  @Post(':key/error')
  @HttpCode(200)
  @ApiOkResponse({ type: JobResultDto })
  @ApiNotFoundResponse({ description: 'No job with this key' })
  @ApiConflictResponse({ description: HANDED_ON })
  @ApiOperation({
    summary: 'Throw a BPMN error for a job',
    description:
      'The error boundary event of the task (or of a sub-process around it) that catches `errorCode` takes over; when none does, the job gets an incident.',
  })
  throwError(@Param('key') key: string, @Body() dto: JobErrorDto, @CurrentActor() actor: Actor): Promise<JobResultDto> {
    return this.jobs.throwError(key, dto, actor);
  }
}
