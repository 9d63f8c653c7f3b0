import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import { Clock } from '../clock/clock.js';
import { PeopleDirectory } from '../common/people-directory.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import type { LogoutDto, SessionDto } from './dto/session.dto.js';
import { IdentityProvider } from './identity-provider.js';
import { type SessionRow, type SessionSource, SessionsRepository } from './repositories/sessions.repository.js';
import type { Actor } from './roles.js';
import {
  clearedSessionCookie,
  csrfMatches,
  csrfToken,
  newSessionSecret,
  sessionCookie,
  sessionCookieOf,
  sessionId,
  type WithCookie,
} from './session-cookie.js';
import { TokensService } from './tokens.service.js';
import type { BackgroundWorker } from '../workers/background-worker.js';
import { WorkerHost } from '../workers/worker-host.js';

/** A session found for a request's cookie, with the actor it stands for now. */
export interface ResolvedSession {
  secret: string;
  source: SessionSource;
  expiresAt: Date;
  actor: Actor;
}

/** What opens a session: who, how, and what its roles are re-resolved from on each request. */
export interface SessionOpening {
  actor: Actor;
  source: SessionSource;
  tokenId?: string | null;
  credentialHash?: string | null;
  idToken?: string | null;
  /** The session ends no later than this (the token's own expiry). */
  endsBy?: Date | null;
}

/**
 * Console sessions: an HttpOnly cookie whose secret is stored only as its hash. The roles are not
 * kept with the session but re-resolved on every request — from the API token it was opened with,
 * or from the people directory — so revoking the token or deactivating the person ends it at once.
 * Ended sessions and abandoned sign-ins are removed by the `session-sweep` worker.
 */
@Injectable()
export class SessionsService implements OnModuleInit, BackgroundWorker {
  readonly name = 'session-sweep';
  private readonly ttlMs: number;
  private readonly idleMs: number;
  private readonly secure: boolean;

  constructor(
    private readonly db: Database,
    private readonly sessions: SessionsRepository,
    private readonly tokens: TokensService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
    private readonly provider: IdentityProvider,
    config: ConfigService<AppConfig, true>,
    private readonly people: PeopleDirectory,
    private readonly workers: WorkerHost,
  ) {
    this.ttlMs = config.get('sessionTtlMs', { infer: true });
    this.idleMs = config.get('sessionIdleMs', { infer: true });
    this.secure = config.get('publicUrl', { infer: true }).startsWith('https:');
  }

  onModuleInit(): void {
    this.workers.register(this);
  }

  /** The worker's pass: removes sessions past their end or idle limit and sign-ins past their timeout, by the service clock, batch by batch. */
  async runOnce(signal?: AbortSignal): Promise<number> {
    const now = this.clock.now();
    let removed = 0;
    for (;;) {
      const batch = await this.db.transaction((m) => this.sessions.sweep(m, now, this.idleMs));
      removed += batch.sessions + batch.logins;
      if (!batch.more || signal?.aborted) return removed;
    }
  }

  /** The console's token sign-in: a valid API token becomes a session cookie; the token itself is not kept. */
  async startWithToken(token: string, requestId?: string): Promise<WithCookie<SessionDto>> {
    const { actor, expiresAt, adminCredential } = await this.tokens.resolve(token, requestId);
    return adminCredential
      ? this.start({ actor, source: 'admin-token', credentialHash: adminCredential })
      : this.start({ actor, source: 'token', tokenId: actor.tokenId, endsBy: expiresAt });
  }

  async start(opening: SessionOpening): Promise<WithCookie<SessionDto>> {
    const now = this.clock.now();
    const secret = newSessionSecret();
    const id = sessionId(secret);
    const latest = now.getTime() + this.ttlMs;
    const expiresAt = new Date(opening.endsBy ? Math.min(latest, opening.endsBy.getTime()) : latest);
    await this.db.transaction(async (m) => {
      await this.sessions.insert(m, {
        id,
        identity: opening.actor.subject,
        source: opening.source,
        tokenId: opening.tokenId ?? null,
        credentialHash: opening.credentialHash ?? null,
        idToken: opening.idToken ?? null,
        createdAt: now,
        expiresAt,
      });
      await this.audit.append(m, opening.actor, {
        action: 'session.started',
        subjectType: 'session',
        subjectId: id.slice(0, 16),
        after: { source: opening.source, roles: opening.actor.roles, expiresAt: expiresAt.toISOString() },
      });
    });
    const session = { secret, source: opening.source, expiresAt, actor: opening.actor };
    return { cookie: sessionCookie(secret, expiresAt.getTime() - now.getTime(), this.secure), body: this.view(session) };
  }

  /** The session of a cookie secret and who it stands for now, or 401 naming why there is none. */
  async resolve(secret: string, requestId?: string): Promise<ResolvedSession> {
    const now = this.clock.now();
    const row = await this.sessions.resolve(this.db.manager, sessionId(secret), now, this.idleMs);
    if (!row) throw new AuthError(AuthErrorCode.InvalidSession, 'The session cookie names no session (signed out, or never issued): sign in again');
    if (row.expires_at <= now) throw new AuthError(AuthErrorCode.SessionExpired, `The session ended at ${row.expires_at.toISOString()}: sign in again`);
    if (row.last_seen_at.getTime() + this.idleMs <= now.getTime()) {
      throw new AuthError(AuthErrorCode.SessionExpired, `The session was unused for more than ${Math.round(this.idleMs / 1000)} s: sign in again`);
    }
    const roles = await this.rolesNow(row, now);
    return {
      secret,
      source: row.source,
      expiresAt: row.expires_at,
      actor: { subject: row.identity, roles, tokenId: row.token_id, requestId },
    };
  }

  /** The request's session, when it was authenticated by the cookie. */
  current(session: ResolvedSession | undefined): SessionDto {
    if (!session) throw new AuthError(AuthErrorCode.InvalidSession, 'This request was not made with a session cookie');
    return this.view(session);
  }

  view(session: ResolvedSession): SessionDto {
    return {
      identity: session.actor.subject,
      roles: session.actor.roles,
      source: session.source,
      csrfToken: csrfToken(session.secret),
      expiresAt: session.expiresAt,
      idleTimeoutSeconds: Math.round(this.idleMs / 1000),
    };
  }

  /**
   * Ends the session of the request's cookie (a valid one only with its CSRF token) and clears the
   * cookie; offers the provider's end-session URL when the session came from it.
   */
  async logout(cookieHeader: string | undefined, csrfHeader: string | undefined): Promise<WithCookie<LogoutDto>> {
    const secret = sessionCookieOf(cookieHeader);
    let idToken: string | null = null;
    if (secret) {
      const session = await this.resolve(secret).catch(() => undefined);
      if (session && !csrfMatches(secret, csrfHeader)) throw csrfMismatch();
      const ended = await this.db.transaction(async (m) => {
        const deleted = await this.sessions.delete(m, sessionId(secret));
        if (deleted && session) {
          await this.audit.append(m, session.actor, { action: 'session.ended', subjectType: 'session', subjectId: sessionId(secret).slice(0, 16) });
        }
        return deleted;
      });
      idToken = ended?.id_token ?? null;
    }
    return { cookie: clearedSessionCookie(this.secure), body: { endSessionUrl: idToken ? await this.provider.endSessionUrl(idToken) : null } };
  }

  private async rolesNow(row: SessionRow, now: Date): Promise<string[]> {
    switch (row.source) {
      case 'token':
        if (!row.token_roles || row.token_revoked_at)
          throw new AuthError(AuthErrorCode.SessionExpired, 'The token this session was opened with has been revoked');
        if (row.token_expires_at && row.token_expires_at <= now) {
          throw new AuthError(AuthErrorCode.SessionExpired, `The token this session was opened with expired at ${row.token_expires_at.toISOString()}`);
        }
        return row.token_roles;
      case 'admin-token':
        if (!row.credential_hash || !this.tokens.isAdminCredential(row.credential_hash)) {
          throw new AuthError(AuthErrorCode.SessionExpired, 'The admin token this session was opened with is no longer configured');
        }
        return ['admin'];
      case 'oidc': {
        const person = await this.people.byIdentity(row.identity);
        if (!person?.active) throw new AuthError(AuthErrorCode.PersonInactive, `${row.identity} is not an active person in the directory`);
        return person.roles;
      }
    }
  }
}

export function csrfMismatch(): AuthError {
  return new AuthError(
    AuthErrorCode.CsrfMismatch,
    'A write with the session cookie needs the header X-CSRF-Token with the csrfToken of GET /auth/session',
    [],
    {
      rule: 'csrf',
      header: 'X-CSRF-Token',
    },
  );
}
