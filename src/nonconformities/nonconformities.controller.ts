import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { NonconformityQueryDto, RaiseNonconformityDto } from './dto/nonconformity.dto.js';
import { NonconformityDto, NonconformityPageDto } from './dto/nonconformity-response.dto.js';
import { NonconformitiesService } from './nonconformities.service.js';

@ApiTags('registers')
@BearerAuth()
@Controller('nonconformities')
export class NonconformitiesController {
  constructor(private readonly nonconformities: NonconformitiesService) {}

  @Post()
  @RequireRoles('compliance-officer', 'auditor', 'external-auditor', 'ai-owner', 'risk-officer', 'governance', 'dpo', 'top-management')
  @ApiCreatedResponse({ type: NonconformityDto, description: 'The nonconformity; `instanceId` names its corrective action process' })
  @ApiOperation({ summary: 'Raise a nonconformity', description: 'Starts its corrective action process (clause 10.2) and emits nonconformity.raised.' })
  raise(@Body() dto: RaiseNonconformityDto, @CurrentActor() actor: Actor): Promise<NonconformityDto> {
    return this.nonconformities.create(dto, actor);
  }

  @Get()
  @ApiOkResponse({ type: NonconformityPageDto })
  @ApiOperation({ summary: 'Nonconformity register', description: 'Filter by status, severity, source, system or audit.' })
  list(@Query() query: NonconformityQueryDto): Promise<NonconformityPageDto> {
    return this.nonconformities.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: NonconformityDto })
  @ApiOperation({ summary: 'One nonconformity' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<NonconformityDto> {
    return this.nonconformities.get(id);
  }
}
