import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, RequireRoles } from '../auth/auth.decorators.js';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditEventQueryDto } from './dto/audit-event-query.dto.js';
import { AuditEventPageDto, AuditVerificationDto } from './dto/audit-event.dto.js';

@ApiTags('audit-trail')
@BearerAuth()
@RequireRoles('auditor', 'external-auditor')
@Controller('audit-events')
export class AuditTrailController {
  constructor(private readonly audit: AuditTrailService) {}

  @Get()
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiOperation({
    summary: 'List audit events, newest first',
    description: 'Every state change, with actor, before/after and its place in the hash chain (hash is null until sealed).',
  })
  list(@Query() query: AuditEventQueryDto): Promise<AuditEventPageDto> {
    return this.audit.list(query);
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Verify the hash chain',
    description: 'Recomputes every sealed event: hash = sha256(previousHash + canonical JSON of the event). Events not yet sealed are counted as pending.',
  })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(): Promise<AuditVerificationDto> {
    return this.audit.verify();
  }
}
