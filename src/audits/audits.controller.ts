import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { AuditsService } from './audits.service.js';
import { AuditQueryDto, CreateAuditDto } from './dto/audit.dto.js';

@ApiTags('registers')
@BearerAuth()
@Controller('audits')
export class AuditsController {
  constructor(private readonly audits: AuditsService) {}

  @Post()
  @RequireRoles('auditor', 'external-auditor', 'governance', 'top-management', 'compliance-officer')
  @ApiOperation({ summary: 'Open an audit', description: 'Starts the internal-audit or certification-audit process.' })
  create(@Body() dto: CreateAuditDto, @CurrentActor() actor: Actor) {
    return this.audits.create(dto, actor);
  }

  @Get()
  @ApiOperation({ summary: 'Audit register', description: 'Type, stage, dates, findings, linked nonconformities and the next due date.' })
  list(@Query() query: AuditQueryDto) {
    return this.audits.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One audit' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.audits.get(id);
  }
}
