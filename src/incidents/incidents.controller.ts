import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { IncidentQueryDto, ReportIncidentDto } from './dto/incident.dto.js';
import { AiIncidentDto, AiIncidentPageDto } from './dto/incident-response.dto.js';
import { IncidentsService } from './incidents.service.js';

@ApiTags('registers')
@BearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post()
  @RequireRoles('ai-owner', 'compliance-officer', 'risk-officer', 'dpo', 'top-management', 'governance', 'integration')
  @ApiCreatedResponse({ type: AiIncidentDto, description: 'The incident; `instanceId` names its lifecycle, which starts with triage' })
  @ApiOperation({
    summary: 'Report an AI incident',
    description:
      'ISO/IEC 42001 clause 10.2 and Annex A.8; EU AI Act Art. 73. Starts the incident lifecycle (triage, classification by the incident-reporting rules, report to the market surveillance authority for a serious incident, investigation, corrective action) and emits incident.reported. The reporting deadline counts from `awareAt`.',
  })
  report(@Body() dto: ReportIncidentDto, @CurrentActor() actor: Actor): Promise<AiIncidentDto> {
    return this.incidents.create(dto, actor);
  }

  @Get()
  @ApiOkResponse({ type: AiIncidentPageDto })
  @ApiOperation({ summary: 'Incident register', description: 'Newest first. Filter by system, status, serious, late.' })
  list(@Query() query: IncidentQueryDto): Promise<AiIncidentPageDto> {
    return this.incidents.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AiIncidentDto })
  @ApiOperation({ summary: 'One incident', description: 'With its classification, deadline, submission and whether it was late.' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<AiIncidentDto> {
    return this.incidents.get(id);
  }
}
