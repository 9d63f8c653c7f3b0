import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import { Clock } from '../clock/clock.js';
import { type Page, page, type PageQueryDto } from '../common/pagination.js';
import { PeopleDirectory, unknownRoleProblem } from '../common/people-directory.js';
import { RoleUsages } from '../common/role-usages.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import type { CreateTokenDto } from './dto/create-token.dto.js';
import { type IssuedTokenDto, type TokenDto, toTokenDto } from './dto/token.dto.js';
import { type CachedToken, TOKEN_REVOKED_CHANNEL, TokenCache } from './token-cache.js';
import type { TokenSource } from './entities/api-token.entity.js';
import { ApiTokensRepository } from './repositories/api-tokens.repository.js';
import { canonicalSubject, subjectKey } from './subject.js';
import { type Actor, SYSTEM_ACTOR } from './roles.js';
import { generateTokenSecret, hashTokenSecret, tokenPrefix } from './token-secret.js';

@Injectable()
export class TokensService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(TokensService.name);
  private readonly adminTokenHash?: Buffer;
  private readonly bootstrapToken: boolean;

  constructor(
    private readonly db: Database,
    private readonly tokens: ApiTokensRepository,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly cache: TokenCache,
    private readonly people: PeopleDirectory,
    private readonly roleUsages: RoleUsages,
    config: ConfigService<AppConfig, true>,
  ) {
    this.bootstrapToken = config.get('bootstrapToken', { infer: true });
    const adminToken = config.get('adminToken', { infer: true });
    if (adminToken) this.adminTokenHash = Buffer.from(hashTokenSecret(adminToken), 'hex');
  }

  /** A role named by a token that is not revoked cannot be deleted. */
  onModuleInit(): void {
    this.roleUsages.register({
      describe: 'tokens',
      usages: async (role) => (await this.tokens.namingRole(this.db.manager, role)).map((t) => `token ${t.id} (${t.prefix}…) of ${t.subject}`),
    });
  }

  /** Resolves a bearer secret to its actor, or throws 401. */
  async authenticate(secret: string | undefined, requestId?: string): Promise<Actor> {
    return (await this.resolve(secret, requestId)).actor;
  }

  /**
   * The actor of a token and what a session opened with it must know: when the token expires, and
   * the hash of the fixed admin token when it is that one (a session has no row to re-check then).
   */
  async resolve(secret: string | undefined, requestId?: string): Promise<{ actor: Actor; expiresAt: Date | null; adminCredential?: string }> {
    if (!secret) throw new AuthError(AuthErrorCode.MissingToken, 'Send a token as "Authorization: Bearer <token>"');
    const hash = hashTokenSecret(secret);
    if (this.isAdminCredential(hash)) {
      return { actor: { subject: 'admin', roles: ['admin'], tokenId: null, requestId }, expiresAt: null, adminCredential: hash };
    }
    const row = this.cache.get(hash) ?? (await this.lookUp(hash));
    if (!row) throw new AuthError(AuthErrorCode.InvalidToken, 'The token is unknown or has been revoked');
    if (row.expires_at && row.expires_at <= this.clock.now()) {
      throw new AuthError(AuthErrorCode.ExpiredToken, `The token expired at ${row.expires_at.toISOString()}`);
    }
    return { actor: { subject: row.subject, roles: row.roles, tokenId: row.id, requestId }, expiresAt: row.expires_at };
  }

  /** Whether a token hash is AIMSFLOW_ADMIN_TOKEN's, as configured now. */
  isAdminCredential(hash: string): boolean {
    return !!this.adminTokenHash && hash.length === 64 && timingSafeEqual(this.adminTokenHash, Buffer.from(hash, 'hex'));
  }

  private async lookUp(hash: string): Promise<CachedToken | undefined> {
    const row = await this.tokens.resolve(this.db.manager, hash, this.clock.now());
    if (row) this.cache.set(hash, row);
    return row;
  }

  /**
   * The roles a subject can act with now: those of its tokens neither revoked nor expired
   * (undefined when it has none). The one definition of an active subject, for delegation and
   * anything else that asks who may act.
   */
  activeRolesOf(m: EntityManager, subject: string): Promise<string[] | undefined> {
    return this.tokens.activeRolesOf(m, subjectKey(subject), this.clock.now());
  }

  /** The new token with its secret, which is shown only now. */
  async create(dto: CreateTokenDto, actor: Actor, source: TokenSource = 'api'): Promise<IssuedTokenDto> {
    return this.db.transaction((m) => this.insert(m, dto, actor, source));
  }

  async list(query: PageQueryDto): Promise<Page<TokenDto>> {
    const [items, total] = await this.tokens.list(this.db.manager, query.limit, query.offset);
    return page(items.map(toTokenDto), total, query);
  }

  async revoke(id: string, actor: Actor): Promise<TokenDto> {
    const token = await this.db.transaction(async (m) => {
      const token = await this.tokens.lock(m, id);
      if (!token) throw new AuthError(AuthErrorCode.TokenNotFound, `No token with id ${id}`);
      if (token.revokedAt) return token; // revoking twice is harmless and changes nothing
      token.revokedAt = this.clock.now();
      await this.tokens.revoke(m, id, token.revokedAt, TOKEN_REVOKED_CHANNEL);
      await this.audit.append(m, actor, {
        action: 'token.revoked',
        subjectType: 'api-token',
        subjectId: id,
        before: { revokedAt: null },
        after: { revokedAt: token.revokedAt.toISOString() },
      });
      return token;
    });
    this.cache.forget(id);
    return toTokenDto(token);
  }

  /**
   * Without AIMSFLOW_ADMIN_TOKEN, the first start with no tokens creates one admin token and
   * prints it once. The advisory lock keeps replicas starting together from creating two.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.adminTokenHash || !this.bootstrapToken) return;
    const created = await this.db.transaction(async (m) => {
      await this.tokens.lockBootstrap(m);
      if (await this.tokens.any(m)) return undefined;
      return this.insert(m, { subject: 'admin', roles: ['admin'], description: 'bootstrap admin token' }, SYSTEM_ACTOR, 'bootstrap');
    });
    if (!created) return;
    this.logger.log('created the bootstrap admin token');
    process.stdout.write(
      `\n  aimsflow: no tokens existed, so this admin token was created. It is shown only now:\n\n` +
        `    ${created.token}\n\n` +
        `  Sign in to the console at / with it, or use it as "Authorization: Bearer <token>"; create personal tokens with POST /api/v1/tokens\n` +
        `  (or npm run cli -- token:create --subject alice --roles ai-owner). Only its hash is stored.\n\n`,
    );
  }

  private async insert(m: EntityManager, dto: CreateTokenDto, actor: Actor, source: TokenSource): Promise<IssuedTokenDto> {
    const expiresAt = dto.expiresAt === undefined ? null : new Date(dto.expiresAt);
    if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt <= this.clock.now())) {
      const message = Number.isNaN(expiresAt.getTime()) ? `${dto.expiresAt} is not an ISO 8601 date-time` : `${dto.expiresAt} is not in the future`;
      throw new AuthError(AuthErrorCode.InvalidExpiry, 'A token must expire at a date-time in the future', [{ pointer: '/expiresAt', message }]);
    }
    const canonical = canonicalSubject(dto.subject);
    if ('problem' in canonical)
      throw new AuthError(AuthErrorCode.InvalidSubject, `The subject ${canonical.problem}`, [{ pointer: '/subject', message: canonical.problem }]);
    const subject = canonical.subject;
    const undefinedRoles = await this.people.undefinedRoles(dto.roles);
    if (undefinedRoles.length) {
      const { detail, errors } = unknownRoleProblem(dto.roles, undefinedRoles, '/roles');
      throw new AuthError(AuthErrorCode.UnknownRole, detail, errors, { roles: undefinedRoles });
    }
    const secret = generateTokenSecret();
    const prefix = tokenPrefix(secret);
    const id = await this.tokens.insert(m, {
      subject,
      roles: dto.roles,
      tokenHash: hashTokenSecret(secret),
      prefix,
      source,
      description: dto.description ?? null,
      createdBy: actor.subject,
      createdAt: this.clock.now(),
      expiresAt,
    });
    await this.audit.append(m, actor, {
      action: 'token.created',
      subjectType: 'api-token',
      subjectId: id,
      after: { subject, roles: dto.roles, prefix, source, description: dto.description ?? null, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id, subject, roles: dto.roles, prefix, expiresAt, token: secret };
  }
}
