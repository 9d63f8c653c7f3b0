import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { BearerAuth } from '../auth/auth.decorators.js';
import { sendContent } from '../common/send-content.js';
import { DOCUMENT_KINDS, MEDIA_TYPES } from './document-kinds.js';
import { DocumentsService } from './documents.service.js';
import { DocumentQueryDto } from './dto/document-query.dto.js';

const KINDS_TABLE = Object.entries(DOCUMENT_KINDS)
  .map(([kind, formats]) => `\`${kind}\`: ${formats.join(', ')}`)
  .join('; ');

@ApiTags('documents')
@BearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':kind')
  @ApiParam({ name: 'kind', enum: Object.keys(DOCUMENT_KINDS), description: `Kinds and their formats (the first is the default): ${KINDS_TABLE}` })
  @ApiProduces(...Object.values(MEDIA_TYPES))
  @ApiOkResponse({
    description: 'The document, streamed as it is generated, as an attachment; `X-Content-SHA256` is the hash of the data in its verification footer.',
    content: Object.fromEntries(Object.values(MEDIA_TYPES).map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiOperation({
    summary: 'Generate a document for auditors',
    description:
      'Generated from current data each time, with the generation time, the rule set versions used and a verification footer (SHA-256 of the data it was built from, audit chain head). The format is chosen with `?format=`; a format the kind lacks is 406 `document-format-not-supported` naming the supported ones.',
  })
  async generate(@Param('kind') kind: string, @Query() query: DocumentQueryDto, @Res() res: unknown): Promise<void> {
    return sendContent(res, await this.documents.generate(kind, query));
  }
}
