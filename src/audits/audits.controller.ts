import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { AuditsService } from './audits.service.js';
import { AuditQueryDto, CreateAuditDto } from './dto/audit.dto.js';
import { AuditDto, AuditPageDto } from './dto/audit-response.dto.js';

@ApiTags('registers')
@BearerAuth()
@Controller('audits')
export class AuditsController {
  constructor(private readonly audits: AuditsService) {}

  @Post()
  @RequireRoles('auditor', 'external-auditor', 'governance', 'top-management', 'compliance-officer')
  @ApiCreatedResponse({ type: AuditDto, description: 'The audit; `instanceId` names the process that runs it' })
  @ApiOperation({ summary: 'Open an audit', description: 'Starts the internal-audit or certification-audit process.' })
  create(@Body() dto: CreateAuditDto, @CurrentActor() actor: Actor): Promise<AuditDto> {
    return this.audits.create(dto, actor);
  }

  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  @ApiOperation({ summary: 'Audit register', description: 'Type, stage, dates, findings, linked nonconformities and the next due date.' })
  list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audits.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AuditDto })
  @ApiOperation({ summary: 'One audit' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<AuditDto> {
    return this.audits.get(id);
  }
}
