import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { TaskCompletionDto, TaskDto, TaskPageDto } from './dto/task.dto.js';
import { CompleteTaskDto, DelegateTaskDto, TaskQueryDto } from './dto/tasks.dto.js';
import { TasksService } from './tasks.service.js';

@ApiTags('tasks')
@BearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOkResponse({ type: TaskPageDto })
  @ApiOperation({
    summary: 'List tasks (default: my inbox)',
    description:
      'Without filters: open tasks assigned to you or claimable with one of your roles, earliest due first. With any of assignee, candidateRole, instanceId, subjectType, subjectId: all matching tasks.',
  })
  list(@Query() query: TaskQueryDto, @CurrentActor() actor: Actor): Promise<TaskPageDto> {
    return this.tasks.list(query, actor);
  }

  @Get(':id')
  @ApiOkResponse({ type: TaskDto })
  @ApiOperation({
    summary: 'Get a task',
    description: 'With its form, candidate roles, assignee, due time, and for a completed task who completed it with what.',
  })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<TaskDto> {
    return this.tasks.get(id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto })
  @ApiForbiddenResponse({ description: 'You hold none of the candidate roles' })
  @ApiConflictResponse({ description: 'Someone else holds the task, or it is no longer open' })
  @ApiOperation({ summary: 'Claim a task', description: 'Assigns it to you; needs one of its candidate roles. Claiming your own task again changes nothing.' })
  claim(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<TaskDto> {
    return this.tasks.claim(id, actor);
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto })
  @ApiForbiddenResponse({ description: 'Someone else holds the task (only they or an admin may release it)' })
  @ApiOperation({ summary: 'Release a claimed task', description: 'It becomes claimable by its candidate roles again.' })
  unclaim(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<TaskDto> {
    return this.tasks.unclaim(id, actor);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskCompletionDto })
  @ApiBadRequestResponse({ description: 'The variables do not match the form: `errors` points at each one (e.g. /variables/severity)' })
  @ApiForbiddenResponse({
    description: 'No candidate role, or segregation of duties (code `segregation-of-duties`, `rule` names it, e.g. "separateFrom: Draft")',
  })
  @ApiConflictResponse({ description: 'Already completed or cancelled, or claimed by someone else' })
  @ApiOperation({
    summary: 'Complete a task',
    description:
      'Validates the variables against the form, then advances the process instance in the same transaction. An unclaimed task you may claim is claimed by completing it. Returns the task, the instance state and the tasks it opened.',
  })
  complete(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CompleteTaskDto, @CurrentActor() actor: Actor): Promise<TaskCompletionDto> {
    return this.tasks.complete(id, dto, actor);
  }

  @Post(':id/delegate')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskDto })
  @ApiBadRequestResponse({ description: 'The target holds none of the candidate roles (or has no active token)' })
  @ApiForbiddenResponse({ description: 'Only the assignee, a candidate (for an unclaimed task) or an admin may delegate' })
  @ApiOperation({ summary: 'Delegate a task', description: 'Assigns it to another subject who holds one of its candidate roles.' })
  delegate(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: DelegateTaskDto, @CurrentActor() actor: Actor): Promise<TaskDto> {
    return this.tasks.delegate(id, dto, actor);
  }
}
