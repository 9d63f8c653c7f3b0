import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentActor, RequireRoles } from '../auth/auth.decorators.js';
import type { Actor } from '../auth/roles.js';
import { EtagInterceptor } from '../common/etag.interceptor.js';
import { AiSystemsService } from './ai-systems.service.js';
import { AiSystemQueryDto, CreateAiSystemDto, RetireAiSystemDto, UpdateAiSystemDto } from './dto/ai-system.dto.js';
import { AiSystemDto, AiSystemPageDto } from './dto/ai-system-response.dto.js';

const ETAG = { ETag: { description: 'The version, to send back as If-Match', schema: { type: 'string', example: '"3"' } } };

const WRITERS = ['ai-owner', 'governance'] as const;

@ApiTags('ai-systems')
@BearerAuth()
@UseInterceptors(EtagInterceptor)
@Controller('ai-systems')
export class AiSystemsController {
  constructor(private readonly systems: AiSystemsService) {}

  @Post()
  @RequireRoles(...WRITERS)
  @ApiCreatedResponse({ type: AiSystemDto, headers: ETAG, description: 'Registered and classified; its onboarding lifecycle has started' })
  @ApiOperation({ summary: 'Register an AI system', description: 'Attributes are validated against the attribute schema; each error names its attribute.' })
  register(@Body() dto: CreateAiSystemDto, @CurrentActor() actor: Actor): Promise<AiSystemDto> {
    return this.systems.register(dto, actor);
  }

  @Get()
  @ApiOkResponse({ type: AiSystemPageDto })
  @ApiOperation({ summary: 'List AI systems', description: 'Newest first; filter by status, role, use case, risk class or text.' })
  list(@Query() query: AiSystemQueryDto): Promise<AiSystemPageDto> {
    return this.systems.list(query);
  }

  @Get('attribute-schema')
  @ApiOkResponse({
    schema: { type: 'object', additionalProperties: true, description: 'A JSON Schema (draft-07) document', example: { type: 'object', properties: {} } },
  })
  @ApiOperation({
    summary: 'The attribute schema',
    description: 'The JSON Schema that attributes of AI systems are validated against (AIMSFLOW_ATTRIBUTE_SCHEMA), e.g. to generate a registration form.',
  })
  attributeSchema(): Record<string, unknown> {
    return this.systems.attributeSchemaDocument();
  }

  @Get(':id')
  @ApiOkResponse({ type: AiSystemDto, headers: ETAG, description: 'The system; the ETag header carries its version' })
  @ApiOperation({ summary: 'Get an AI system', description: 'The ETag header carries the version to send back as If-Match.' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<AiSystemDto> {
    return this.systems.get(id);
  }

  @Patch(':id')
  @RequireRoles(...WRITERS)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag (version) you read; alternatively send `version` in the body' })
  @ApiOkResponse({ type: AiSystemDto, headers: ETAG, description: 'The system as changed (re-classified when roles, thirdParty or attributes changed)' })
  @ApiConflictResponse({ description: 'The system changed since you read it (stale version), or it is retired' })
  @ApiOperation({ summary: 'Change an AI system', description: 'Attributes are merged (null removes one). Optimistic concurrency via If-Match or `version`.' })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateAiSystemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<AiSystemDto> {
    return this.systems.update(id, dto, ifMatch, actor);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @RequireRoles(...WRITERS)
  @ApiOkResponse({
    type: AiSystemDto,
    headers: ETAG,
    description: 'Retired at once; or, for a system in operation, its decommissioning task is opened and its status becomes retired when that task is done',
  })
  @ApiOperation({ summary: 'Retire an AI system' })
  retire(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: RetireAiSystemDto, @CurrentActor() actor: Actor): Promise<AiSystemDto> {
    return this.systems.retire(id, dto, actor);
  }
}
