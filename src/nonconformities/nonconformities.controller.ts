import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { NonconformityQueryDto, RaiseNonconformityDto } from './dto/nonconformity.dto.js';
import { NonconformitiesService } from './nonconformities.service.js';

@ApiTags('registers')
@BearerAuth()
@Controller('nonconformities')
export class NonconformitiesController {
  constructor(private readonly nonconformities: NonconformitiesService) {}

  @Post()
  @RequireRoles('compliance-officer', 'auditor', 'external-auditor', 'ai-owner', 'risk-officer', 'governance', 'dpo', 'top-management')
  @ApiOperation({ summary: 'Raise a nonconformity', description: 'Starts its corrective action process (clause 10.2) and emits nonconformity.raised.' })
  raise(@Body() dto: RaiseNonconformityDto, @CurrentActor() actor: Actor) {
    return this.nonconformities.create(dto, actor);
  }

  @Get()
  @ApiOperation({ summary: 'Nonconformity register', description: 'Filter by status, severity, source, system or audit.' })
  list(@Query() query: NonconformityQueryDto) {
    return this.nonconformities.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One nonconformity' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.nonconformities.get(id);
  }
}
