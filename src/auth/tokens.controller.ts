import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../common/pagination.js';
import { BearerAuth, CurrentActor, RequireRoles } from './auth.decorators.js';
import { CreateTokenDto } from './dto/create-token.dto.js';
import type { Actor } from './roles.js';
import { TokensService } from './tokens.service.js';

@ApiTags('tokens')
@BearerAuth()
@RequireRoles('admin')
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Post()
  @ApiOperation({ summary: 'Create a token', description: 'Returns the secret once; only its SHA-256 hash is stored.' })
  @ApiCreatedResponse({ schema: { example: { id: '0b6f…', subject: 'alice', roles: ['ai-owner'], prefix: 'afw_x7Tq2a', expiresAt: null, token: 'afw_x7Tq2a…' } } })
  create(@Body() dto: CreateTokenDto, @CurrentActor() actor: Actor) {
    return this.tokens.create(dto, actor);
  }

  @Get()
  @ApiOperation({ summary: 'List tokens', description: 'Subjects, roles, prefixes, expiry, last use and revocation; never secrets.' })
  list(@Query() query: PageQueryDto) {
    return this.tokens.list(query);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a token', description: 'The token stops working at once. Revoking twice is harmless.' })
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.tokens.revoke(id, actor);
  }
}
