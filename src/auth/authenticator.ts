import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { InactivePeople } from '../people/inactive-people.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import { bearerSecret } from './bearer.js';
import { IdpAccessTokens } from './idp-access-tokens.js';
import { looksLikeJwt } from './idp-claims.js';
import type { Actor } from './roles.js';
import { CSRF_HEADER, csrfMatches, sessionCookieOf, sessionId } from './session-cookie.js';
import { csrfMismatch, type ResolvedSession, SessionsService } from './sessions.service.js';
import { hashTokenSecret, isApiTokenSecret } from './token-secret.js';
import { TokensService } from './tokens.service.js';

/** What authentication reads of a request, and what it leaves on it for handlers. */
export interface AuthenticatedRequest {
  method?: string;
  headers: IncomingHttpHeaders;
  id?: unknown;
  actor?: Actor;
  session?: ResolvedSession;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The one place that decides who a request speaks for. An Authorization header wins: an IdP access
 * token when it is a JWT, else an API token. Without one, the session cookie. Then: a person the
 * directory has deactivated is refused, and a write with the cookie needs the session's X-CSRF-Token (a bearer token is never sent by a browser on its own, so
 * bearer requests need none).
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokensService,
    private readonly idpTokens: IdpAccessTokens,
    private readonly sessions: SessionsService,
    private readonly inactive: InactivePeople,
  ) {}

  /** The actor of a request, left on it (`actor`, and `session` for the cookie) also when refused with 403, so the refusal is audited. */
  async authenticate(req: AuthenticatedRequest): Promise<Actor> {
    const requestId = req.id === undefined ? undefined : String(req.id);
    const bearer = bearerSecret(req.headers.authorization);
    const secret = bearer ? undefined : sessionCookieOf(req.headers.cookie);
    if (!bearer && !secret) throw new AuthError(AuthErrorCode.MissingToken, 'Send a token as "Authorization: Bearer <token>", or sign in for a session cookie');
    if (bearer) req.actor = await this.bearerActor(bearer, requestId);
    else {
      req.session = await this.sessions.resolve(secret!, requestId);
      req.actor = req.session.actor;
    }
    const actor = req.actor;
    if (await this.inactive.isInactive(actor.subject)) {
      throw new AuthError(AuthErrorCode.PersonInactive, `${actor.subject} has been deactivated in the people directory`, [], { rule: 'active person' });
    }
    const csrf = req.headers[CSRF_HEADER];
    if (secret && WRITES.has((req.method ?? 'GET').toUpperCase()) && !csrfMatches(secret, Array.isArray(csrf) ? csrf[0] : csrf)) throw csrfMismatch();
    return actor;
  }

  /**
   * Who a request speaks for, for rate limiting: a bearer token's subject, or the session (by its
   * hash: no lookup); undefined when nobody known (limited per address then).
   */
  async principalOf(headers: IncomingHttpHeaders): Promise<string | undefined> {
    try {
      const bearer = bearerSecret(headers.authorization);
      if (bearer) return (await this.bearerActor(bearer)).subject;
      const secret = sessionCookieOf(headers.cookie);
      return secret ? `session:${sessionId(secret)}` : undefined;
    } catch {
      return undefined;
    }
  }

  /** API tokens carry their prefix; a JWT, or with introspection any other value, is the provider's. The fixed admin token may have any shape. */
  private bearerActor(bearer: string, requestId?: string): Promise<Actor> {
    const providers = !isApiTokenSecret(bearer) && (looksLikeJwt(bearer) || this.idpTokens.acceptsOpaque);
    if (providers && !this.tokens.isAdminCredential(hashTokenSecret(bearer))) return this.idpTokens.authenticate(bearer, requestId);
    return this.tokens.authenticate(bearer, requestId);
  }
}
