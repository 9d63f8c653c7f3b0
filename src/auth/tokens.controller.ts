import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../common/pagination.js';
import { BearerAuth, CurrentActor, RequireRoles } from './auth.decorators.js';
import { CreateTokenDto } from './dto/create-token.dto.js';
import { CreatedTokenDto, TokenDto, TokenPageDto } from './dto/token.dto.js';
import type { Actor } from './roles.js';
import { TokensService } from './tokens.service.js';
import { ShownOnce } from '../idempotency/shown-once.decorator.js';

@ApiTags('tokens')
@BearerAuth()
@RequireRoles('admin')
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Post()
  @ShownOnce('token')
  @ApiOperation({ summary: 'Create a token', description: 'Returns the secret once; only its SHA-256 hash is stored.' })
  @ApiCreatedResponse({ type: CreatedTokenDto })
  create(@Body() dto: CreateTokenDto, @CurrentActor() actor: Actor): Promise<CreatedTokenDto> {
    return this.tokens.create(dto, actor);
  }

  @Get()
  @ApiOkResponse({ type: TokenPageDto })
  @ApiOperation({ summary: 'List tokens', description: 'Subjects, roles, prefixes, expiry, last use and revocation; never secrets.' })
  list(@Query() query: PageQueryDto): Promise<TokenPageDto> {
    return this.tokens.list(query);
  }

  @Delete(':id')
  @ApiOkResponse({ type: TokenDto, description: 'The token, revoked' })
  @ApiOperation({ summary: 'Revoke a token', description: 'The token stops working at once. Revoking twice is harmless.' })
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<TokenDto> {
    return this.tokens.revoke(id, actor);
  }
}
