import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/dto/page.dto.js';
import type { ApiTokenEntity, TokenSource } from '../entities/api-token.entity.js';

const TOKEN_SOURCES: TokenSource[] = ['bootstrap', 'api', 'cli'];

/** A bearer token as administrators see it: never its secret. */
export class TokenDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Who the token acts for; recorded as the actor of every change', example: 'alice' })
  subject: string;

  @ApiProperty({ type: [String], description: 'Roles the token carries (see POST /tokens)', example: ['risk-officer', 'dpo'] })
  roles: string[];

  @ApiProperty({ description: 'The first characters of the secret, to tell tokens apart', example: 'afw_x7Tq2a' })
  prefix: string;

  @ApiProperty({ enum: TOKEN_SOURCES, description: 'Created at first start (bootstrap), through the API or with the CLI', example: 'api' })
  source: TokenSource;

  @ApiProperty({ type: String, nullable: true, example: 'MLflow webhook bridge' })
  description: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who created it (null for the bootstrap token)', example: 'admin' })
  createdBy: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'About when it last authenticated a request (moved at most once a minute, and not while the token is served from the token cache)',
  })
  lastUsedAt: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When it was revoked; it no longer works' })
  revokedAt: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When it stops working; null: until revoked' })
  expiresAt: Date | null;
}

export class TokenPageDto extends PageOf(TokenDto) {}

/** A token just created, with its secret: shown in this response only, never stored. */
export class CreatedTokenDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'alice' })
  subject: string;

  @ApiProperty({ type: [String], description: 'Roles the token carries (built-in or organisation-defined keys)', example: ['risk-officer', 'dpo'] })
  roles: string[];

  @ApiProperty({ description: 'The first characters of the secret', example: 'afw_x7Tq2a' })
  prefix: string;

  @ApiProperty({ type: Date, nullable: true, description: 'When it stops working; null: until revoked' })
  expiresAt: Date | null;

  @ApiPropertyOptional({
    description:
      'The secret, for `Authorization: Bearer <token>`: shown once, only its SHA-256 hash is stored. Absent from an `Idempotency-Key` replay, which says `secretShownOnce: true` instead',
    example: 'afw_x7Tq2a9Lw0c…',
  })
  token?: string;

  @ApiPropertyOptional({ description: 'Only on an `Idempotency-Key` replay: the secret was in the first response and is not shown again', example: true })
  secretShownOnce?: true;
}

/** What creating a token gives before any replay: the secret is always there. */
export type IssuedTokenDto = CreatedTokenDto & { token: string };

export function toTokenDto(t: ApiTokenEntity): TokenDto {
  return {
    id: t.id,
    subject: t.subject,
    roles: t.roles,
    prefix: t.prefix,
    source: t.source,
    description: t.description,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
    expiresAt: t.expiresAt,
  };
}
