import { Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { EvidenceQueryDto, UPLOAD_BODY_SCHEMA } from './dto/evidence.dto.js';
import { EvidenceDto, EvidencePageDto } from './dto/evidence-response.dto.js';
import { EvidenceService } from './evidence.service.js';
import { sendContent } from '../common/send-content.js';

/** Node's request under either adapter (Fastify wraps it as `raw`). */
const rawRequest = (req: IncomingMessage | { raw: IncomingMessage }): IncomingMessage => ('raw' in req ? req.raw : req);

@ApiTags('evidence')
@BearerAuth()
@Controller('evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post()
  @RequireRoles('ai-owner', 'risk-officer', 'compliance-officer', 'dpo', 'auditor', 'governance')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA })
  @ApiCreatedResponse({ type: EvidenceDto, description: 'Stored, with its SHA-256 (also in the audit event `evidence.uploaded`)' })
  @ApiPayloadTooLargeResponse({
    description: '`evidence-too-large` (AIMSFLOW_EVIDENCE_MAX_BYTES) or `evidence-quota-exceeded` (AIMSFLOW_EVIDENCE_QUOTA_BYTES); nothing stored',
  })
  @ApiServiceUnavailableResponse({ description: '`evidence-uploads-busy`: 4 uploads in flight on this replica; retry after `Retry-After`' })
  @ApiUnsupportedMediaTypeResponse({ description: '`evidence-type-not-allowed` or `evidence-type-mismatch`, naming the declared and detected types' })
  @ApiOperation({
    summary: 'Upload evidence',
    description:
      'multipart/form-data: one `file` part and the fields of UploadEvidenceDto (at least one link; link fields may repeat). Streamed into PostgreSQL in ~256 KiB chunks in one transaction with its audit event; the type is detected from the bytes against an allow-list. `supersedes` + `reason` correct an earlier item (both kept).',
  })
  upload(@Req() req: IncomingMessage | { raw: IncomingMessage }, @CurrentActor() actor: Actor): Promise<EvidenceDto> {
    return this.evidence.upload(rawRequest(req), actor);
  }

  @Get()
  @ApiOkResponse({ type: EvidencePageDto })
  @ApiOperation({
    summary: 'Evidence register',
    description: 'Filter by each link, by expiry (`expiringBefore`), uploader and whether superseded; newest first.',
  })
  list(@Query() query: EvidenceQueryDto): Promise<EvidencePageDto> {
    return this.evidence.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: EvidenceDto })
  @ApiOperation({ summary: 'One evidence item' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<EvidenceDto> {
    return this.evidence.get(id);
  }

  @Get(':id/content')
  @ApiProduces('application/octet-stream')
  @ApiHeader({ name: 'Range', required: false, description: 'One byte range, e.g. `bytes=0-1023`, `bytes=1024-` or `bytes=-500`' })
  @ApiOkResponse({
    description: 'The content with its stored type, `Content-Disposition: attachment` and `X-Content-Type-Options: nosniff`',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiResponse({ status: 206, description: 'The requested range, with `Content-Range`', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 416, description: '`range-not-satisfiable`, with `Content-Range: bytes */<size>`' })
  @ApiOperation({ summary: 'Download the content', description: 'Streamed from the stored chunks; a range reads only the chunks it covers.' })
  async content(@Param('id', new ParseUUIDPipe()) id: string, @Headers('range') range: string | undefined, @Res() res: unknown): Promise<void> {
    return sendContent(res, await this.evidence.content(id, range));
  }
}
