import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { sendContent } from '../common/send-content.js';
import { AuditPackLocation } from './audit-pack-location.interceptor.js';
import { AuditPacksService } from './audit-packs.service.js';
import { AuditPackDto, AuditPackPageDto, AuditPackQueryDto, CreateAuditPackDto } from './dto/audit-pack.dto.js';

@ApiTags('audit-packs')
@BearerAuth()
@RequireRoles('auditor', 'external-auditor', 'compliance-officer', 'governance')
@Controller('audit-packs')
export class AuditPacksController {
  constructor(private readonly packs: AuditPacksService) {}

  @Post()
  @HttpCode(202)
  @UseInterceptors(AuditPackLocation)
  @ApiAcceptedResponse({ type: AuditPackDto, description: 'Queued; `Location` points at the pack to follow' })
  @ApiOperation({
    summary: 'Request an audit pack',
    description:
      'A background job builds a ZIP of the documents, every evidence file uploaded in the period (with its index as CSV and JSON), the decisions with their explanations and the audit trail with its verification. Follow `GET /audit-packs/{id}`.',
  })
  request(@Body() dto: CreateAuditPackDto, @CurrentActor() actor: Actor): Promise<AuditPackDto> {
    return this.packs.request(dto, actor);
  }

  @Get()
  @ApiOkResponse({ type: AuditPackPageDto })
  @ApiOperation({ summary: 'List audit packs', description: 'Newest first, with status and progress.' })
  list(@Query() query: AuditPackQueryDto): Promise<AuditPackPageDto> {
    return this.packs.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AuditPackDto })
  @ApiOperation({ summary: 'One audit pack', description: 'Status and progress: files done of the total, bytes written.' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<AuditPackDto> {
    return this.packs.get(id);
  }

  @Get(':id/content')
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: 'The ZIP, streamed from its stored chunks; `ETag` is its SHA-256',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({
    summary: 'Download an audit pack',
    description: '409 `audit-pack-not-ready` while it is pending or building (or when it failed); 410 `audit-pack-expired` once kept past its retention.',
  })
  async content(@Param('id', new ParseUUIDPipe()) id: string, @Res() res: unknown): Promise<void> {
    return sendContent(res, await this.packs.content(id));
  }
}
