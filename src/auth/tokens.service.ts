import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import { Clock } from '../clock/clock.js';
import { type Page, page, type PageQueryDto } from '../common/pagination.js';
import type { AppConfig } from '../config/app-config.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import type { CreateTokenDto } from './dto/create-token.dto.js';
import { type CachedToken, TOKEN_REVOKED_CHANNEL, TokenCache } from './token-cache.js';
import { ApiTokenEntity, type TokenSource } from './entities/api-token.entity.js';
import { type Actor, isRole, type Role, SYSTEM_ACTOR } from './roles.js';
import { generateTokenSecret, hashTokenSecret, tokenPrefix } from './token-secret.js';

export interface CreatedToken {
  id: string;
  subject: string;
  roles: Role[];
  prefix: string;
  expiresAt: Date | null;
  /** The secret itself: shown in this response only, never stored. */
  token: string;
}

/** Writing last-use on every lookup would turn each read into a write; once a minute is enough (cached tokens are not looked up). */
const LAST_USED_RESOLUTION = '1 minute';

@Injectable()
export class TokensService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TokensService.name);
  private readonly adminTokenHash?: Buffer;
  private readonly bootstrapToken: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly cache: TokenCache,
    config: ConfigService<AppConfig, true>,
  ) {
    this.bootstrapToken = config.get('bootstrapToken', { infer: true });
    const adminToken = config.get('adminToken', { infer: true });
    if (adminToken) this.adminTokenHash = Buffer.from(hashTokenSecret(adminToken), 'hex');
  }

  /** Resolves a bearer secret to its actor, or throws 401. */
  async authenticate(secret: string | undefined, requestId?: string): Promise<Actor> {
    if (!secret) throw new AuthError(AuthErrorCode.MissingToken, 'Send a token as "Authorization: Bearer <token>"');
    const hash = hashTokenSecret(secret);
    if (this.adminTokenHash && timingSafeEqual(this.adminTokenHash, Buffer.from(hash, 'hex'))) {
      return { subject: 'admin', roles: ['admin'], tokenId: null, requestId };
    }
    const row = this.cache.get(hash) ?? (await this.lookUp(hash));
    if (!row) throw new AuthError(AuthErrorCode.InvalidToken, 'The token is unknown or has been revoked');
    if (row.expires_at && row.expires_at <= this.clock.now()) {
      throw new AuthError(AuthErrorCode.ExpiredToken, `The token expired at ${row.expires_at.toISOString()}`);
    }
    return { subject: row.subject, roles: row.roles.filter(isRole), tokenId: row.id, requestId };
  }

  private async lookUp(hash: string): Promise<CachedToken | undefined> {
    const [row]: CachedToken[] = await this.dataSource.query(
      `WITH token AS (SELECT id, subject, roles, last_used_at, expires_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL),
            touched AS (UPDATE api_tokens t SET last_used_at = $2 FROM token
                         WHERE t.id = token.id AND (token.expires_at IS NULL OR token.expires_at > $2)
                           AND (token.last_used_at IS NULL OR token.last_used_at < $2::timestamptz - interval '${LAST_USED_RESOLUTION}'))
       SELECT id, subject, roles, expires_at FROM token`,
      [hash, this.clock.now()],
    );
    if (row) this.cache.set(hash, row);
    return row;
  }

  async create(dto: CreateTokenDto, actor: Actor, source: TokenSource = 'api'): Promise<CreatedToken> {
    return this.dataSource.transaction((m) => this.insert(m, dto, actor, source));
  }

  async list(query: PageQueryDto): Promise<Page<ApiTokenEntity>> {
    const [items, total] = await this.dataSource
      .getRepository(ApiTokenEntity)
      .findAndCount({ order: { createdAt: 'DESC', id: 'ASC' }, take: query.limit, skip: query.offset });
    return page(items, total, query);
  }

  async revoke(id: string, actor: Actor): Promise<ApiTokenEntity> {
    const token = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(ApiTokenEntity);
      const token = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!token) throw new AuthError(AuthErrorCode.TokenNotFound, `No token with id ${id}`);
      if (token.revokedAt) return token; // revoking twice is harmless and changes nothing
      token.revokedAt = this.clock.now();
      await repo.update({ id }, { revokedAt: token.revokedAt });
      await this.audit.append(m, actor, {
        action: 'token.revoked',
        subjectType: 'api-token',
        subjectId: id,
        before: { revokedAt: null },
        after: { revokedAt: token.revokedAt.toISOString() },
      });
      await m.query(`SELECT pg_notify($1, $2)`, [TOKEN_REVOKED_CHANNEL, id]);
      return token;
    });
    this.cache.forget(id);
    return token;
  }

  /**
   * Without AIMSFLOW_ADMIN_TOKEN, the first start with no tokens creates one admin token and
   * prints it once. The advisory lock keeps replicas starting together from creating two.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.adminTokenHash || !this.bootstrapToken) return;
    const created = await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.bootstrap-token'))`);
      const [{ count }] = await m.query(`SELECT count(*)::int AS count FROM api_tokens`);
      if (count > 0) return undefined;
      return this.insert(m, { subject: 'admin', roles: ['admin'], description: 'bootstrap admin token' }, SYSTEM_ACTOR, 'bootstrap');
    });
    if (!created) return;
    this.logger.log('created the bootstrap admin token');
    process.stdout.write(
      `\n  aimsflow: no tokens existed, so this admin token was created. It is shown only now:\n\n` +
        `    ${created.token}\n\n` +
        `  Use it as "Authorization: Bearer <token>" and create personal tokens with POST /api/v1/tokens\n` +
        `  (or npm run cli -- token:create --subject alice --roles ai-owner). Only its hash is stored.\n\n`,
    );
  }

  private async insert(m: EntityManager, dto: CreateTokenDto, actor: Actor, source: TokenSource): Promise<CreatedToken> {
    const expiresAt = dto.expiresAt === undefined ? null : new Date(dto.expiresAt);
    if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt <= this.clock.now())) {
      const message = Number.isNaN(expiresAt.getTime()) ? `${dto.expiresAt} is not an ISO 8601 date-time` : `${dto.expiresAt} is not in the future`;
      throw new AuthError(AuthErrorCode.InvalidExpiry, 'A token must expire at a date-time in the future', [{ pointer: '/expiresAt', message }]);
    }
    const secret = generateTokenSecret();
    const prefix = tokenPrefix(secret);
    const [row] = await m.query(
      `INSERT INTO api_tokens (subject, roles, token_hash, prefix, source, description, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [dto.subject, dto.roles, hashTokenSecret(secret), prefix, source, dto.description ?? null, actor.subject, this.clock.now(), expiresAt],
    );
    await this.audit.append(m, actor, {
      action: 'token.created',
      subjectType: 'api-token',
      subjectId: row.id,
      after: { subject: dto.subject, roles: dto.roles, prefix, source, description: dto.description ?? null, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: row.id, subject: dto.subject, roles: dto.roles, prefix, expiresAt, token: secret };
  }
}
