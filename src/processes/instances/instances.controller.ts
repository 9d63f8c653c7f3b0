import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../../auth/auth.decorators.js';
import type { Actor, Role } from '../../auth/roles.js';
import { PageQueryDto } from '../../common/pagination.js';
import { HistoryStepPageDto, InstanceDto, InstanceSummaryPageDto } from '../dto/instance.dto.js';
import { CancelInstanceDto, InstanceQueryDto, StartInstanceDto } from '../dto/processes.dto.js';
import { InstancesService } from './instances.service.js';

/** Everyone but the (read-only) auditors may start processes and send messages. */
export const PROCESS_WRITERS: Role[] = ['governance', 'ai-owner', 'risk-officer', 'compliance-officer', 'dpo', 'top-management', 'integration'];

@ApiTags('processes')
@BearerAuth()
@Controller('process-instances')
export class InstancesController {
  constructor(private readonly instances: InstancesService) {}

  @Post()
  @RequireRoles(...PROCESS_WRITERS)
  @ApiCreatedResponse({ type: InstanceDto, description: 'The instance as it waits now' })
  @ApiConflictResponse({ description: 'The definition runs once per subject and an instance is active for this one' })
  @ApiUnprocessableEntityResponse({ description: 'The first steps failed (a service task, a rule set, an expression); nothing was stored' })
  @ApiOperation({
    summary: 'Start a process instance',
    description: 'Runs the instance until it waits (user tasks, timers, messages, child instances), in one transaction. You become its initiator.',
  })
  start(@Body() dto: StartInstanceDto, @CurrentActor() actor: Actor): Promise<InstanceDto> {
    return this.instances.start(dto, actor);
  }

  @Get()
  @ApiOkResponse({ type: InstanceSummaryPageDto })
  @ApiOperation({ summary: 'List process instances', description: 'Newest first; filter by definition key, status, subject or parent instance.' })
  list(@Query() query: InstanceQueryDto): Promise<InstanceSummaryPageDto> {
    return this.instances.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: InstanceDto })
  @ApiOperation({
    summary: 'Get a process instance',
    description:
      'Status, definition version, active elements, variables, open tasks, pending timers with due times, message subscriptions, parent and children, incidents.',
  })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<InstanceDto> {
    return this.instances.get(id);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: HistoryStepPageDto })
  @ApiOperation({
    summary: 'The history of an instance',
    description: 'Every step, oldest first: event, elements left and entered, actor, time, decision ids.',
  })
  history(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQueryDto): Promise<HistoryStepPageDto> {
    return this.instances.history(id, query);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRoles('governance')
  @ApiOkResponse({ type: InstanceDto, description: 'The cancelled instance' })
  @ApiConflictResponse({ description: 'The instance already ended, or it is a child (cancel its top-level instance)' })
  @ApiOperation({ summary: 'Cancel a process instance', description: 'Cascades to its child instances, open tasks, timers and message subscriptions.' })
  cancel(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CancelInstanceDto, @CurrentActor() actor: Actor): Promise<InstanceDto> {
    return this.instances.cancel(id, dto, actor);
  }

  @Post(':id/incidents/:incidentId/retry')
  @HttpCode(200)
  @RequireRoles('governance')
  @ApiOkResponse({ type: InstanceDto, description: 'The instance after the step, with the incident resolved' })
  @ApiConflictResponse({ description: 'The incident is already resolved' })
  @ApiUnprocessableEntityResponse({ description: 'The step failed again; the incident stays open with the new error' })
  @ApiOperation({
    summary: 'Retry the step of an incident',
    description:
      'Runs the timer or message step that failed on every attempt once more, now; gives an external job another attempt; or runs a held task again (a service task whose handler threw an uncaught BPMN error, a business rule task whose rule set or a user task whose linked form was missing). Success resolves the incident and returns the instance; a held task that fails the same way again gets a new incident.',
  })
  retryIncident(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('incidentId', new ParseUUIDPipe()) incidentId: string,
    @CurrentActor() actor: Actor,
  ): Promise<InstanceDto> {
    return this.instances.retryIncident(id, incidentId, actor);
  }
}
