import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, RequireRoles } from '../../auth/auth.decorators.js';
import { ClockAdvanceDto, ClockDto } from '../dto/clock.dto.js';
import { AdvanceClockDto } from '../dto/processes.dto.js';
import { JobRunner } from './job-runner.service.js';

/** Exists only with AIMSFLOW_CLOCK=manual (see ClockControlModule); otherwise the route is a 404. */
@ApiTags('clock')
@BearerAuth()
@Controller('clock')
export class ClockController {
  constructor(private readonly jobs: JobRunner) {}

  @Get()
  @ApiOkResponse({ type: ClockDto })
  @ApiOperation({ summary: 'The service time (manual clock only)', description: 'Where the manual clock stands; it keeps its time across restarts.' })
  now(): ClockDto {
    return this.jobs.clockNow();
  }

  @Post('advance')
  @HttpCode(200)
  @RequireRoles('governance')
  @ApiOkResponse({
    type: ClockAdvanceDto,
    description: '`now`: the new service time; `fired`: every job that came due on the way, in order, with its outcome.',
  })
  @ApiOperation({
    summary: 'Move the service clock forward (manual clock only)',
    description: 'For demos and acceptance tests (AIMSFLOW_CLOCK=manual). Time moves to each due timer or retry in turn, fires it, and ends at now + duration.',
  })
  advance(@Body() dto: AdvanceClockDto): Promise<ClockAdvanceDto> {
    return this.jobs.advance(dto.duration);
  }
}
