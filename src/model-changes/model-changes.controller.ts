import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { PageQueryDto } from '../common/pagination.js';
import { ModelVersionDto } from './dto/model-change.dto.js';
import { ModelEventAcceptedDto, ModelEventProgressDto, ModelVersionHistoryPageDto, RecordedModelVersionDto } from './dto/model-version-response.dto.js';
import { ModelEventsService } from './model-events.service.js';
import { ModelVersionsService } from './model-versions.service.js';

const IDEMPOTENCY = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Retries with the same key and body return the first response and have no second effect (kept 24 h).',
};

@ApiTags('integrations')
@BearerAuth()
@Controller()
export class ModelChangesController {
  constructor(
    private readonly versions: ModelVersionsService,
    private readonly events: ModelEventsService,
  ) {}

  @Post('ai-systems/:id/model-versions')
  @RequireRoles('integration', 'ai-owner')
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({
    type: RecordedModelVersionDto,
    description: 'The model version, the reassessment decision and the impact-assessment instance if one started.',
  })
  @ApiOperation({
    summary: 'Record a new model version of a system',
    description: 'Derives the change facts (semver bump, provider or model changed, declared changes) and evaluates reassessment-triggers.',
  })
  record(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ModelVersionDto, @CurrentActor() actor: Actor): Promise<RecordedModelVersionDto> {
    return this.versions.record(id, dto, actor);
  }

  @Get('ai-systems/:id/model-versions')
  @ApiOkResponse({ type: ModelVersionHistoryPageDto })
  @ApiOperation({ summary: 'Model version history of a system', description: 'Newest first, each with its change facts and reassessment decision.' })
  history(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQueryDto): Promise<ModelVersionHistoryPageDto> {
    return this.versions.history(id, query);
  }

  @Post('model-events')
  @HttpCode(202)
  @RequireRoles('integration', 'governance')
  @ApiHeader(IDEMPOTENCY)
  @ApiAcceptedResponse({ type: ModelEventAcceptedDto, description: 'Recorded; the systems are processed in the background' })
  @ApiOperation({
    summary: 'A provider released a new model version',
    description: 'Fanned out to every system using provider + model name by a background worker; follow progress at GET /model-events/{id}.',
  })
  createEvent(@Body() dto: ModelVersionDto, @CurrentActor() actor: Actor): Promise<ModelEventAcceptedDto> {
    return this.events.create(dto, actor);
  }

  @Get('model-events/:id')
  @ApiOkResponse({ type: ModelEventProgressDto })
  @ApiOperation({ summary: 'Progress of a model event', description: 'total, processed, pending, reassessments started, failures.' })
  progress(@Param('id', new ParseUUIDPipe()) id: string): Promise<ModelEventProgressDto> {
    return this.events.progress(id);
  }
}
