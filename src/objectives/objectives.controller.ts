import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { CreateObjectiveDto, ObjectiveQueryDto, RecordMeasurementDto } from './dto/objective.dto.js';
import { MeasurementDto, ObjectiveDto, ObjectivePageDto } from './dto/objective-response.dto.js';
import { ObjectivesService } from './objectives.service.js';

@ApiTags('registers')
@BearerAuth()
@Controller('objectives')
export class ObjectivesController {
  constructor(private readonly objectives: ObjectivesService) {}

  @Post()
  @RequireRoles('governance', 'compliance-officer', 'top-management', 'ai-owner', 'risk-officer')
  @ApiCreatedResponse({ type: ObjectiveDto, description: 'The objective; `instanceId` names its monitoring process' })
  @ApiOperation({
    summary: 'Set an AI objective or KPI',
    description: 'ISO/IEC 42001 clauses 6.2 and 9.1. The first measurement is due one `frequency` from now.',
  })
  create(@Body() dto: CreateObjectiveDto, @CurrentActor() actor: Actor): Promise<ObjectiveDto> {
    return this.objectives.create(dto, actor);
  }

  @Get()
  @ApiOkResponse({ type: ObjectivePageDto })
  @ApiOperation({ summary: 'Objectives and KPIs', description: 'Newest first, each with its series and trend. Filter by status.' })
  list(@Query() query: ObjectiveQueryDto): Promise<ObjectivePageDto> {
    return this.objectives.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ObjectiveDto })
  @ApiOperation({ summary: 'One objective with its series of measurements and trend' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ObjectiveDto> {
    return this.objectives.get(id);
  }

  @Post(':id/measurements')
  @RequireRoles('governance', 'compliance-officer', 'top-management', 'ai-owner', 'risk-officer', 'integration')
  @ApiCreatedResponse({
    type: MeasurementDto,
    description: 'The measurement as the objective-breach rules judged it; a breach names the nonconformity it raised',
  })
  @ApiOperation({
    summary: 'Record a measurement',
    description:
      'For integrations: send an Idempotency-Key so that a retried request records the value once. 409 `objective-not-monitored` once the objective is closed.',
  })
  measure(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RecordMeasurementDto, @CurrentActor() actor: Actor): Promise<MeasurementDto> {
    return this.objectives.measure(id, dto, actor);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequireRoles('governance', 'compliance-officer', 'top-management', 'ai-owner', 'risk-officer')
  @ApiOkResponse({ type: ObjectiveDto })
  @ApiOperation({ summary: 'Stop monitoring an objective', description: 'Status closed; its monitoring process ends.' })
  close(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<ObjectiveDto> {
    return this.objectives.close(id, actor);
  }
}
