import { Injectable, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import * as client from 'openid-client';
import { Clock } from '../clock/clock.js';
import { PeopleDirectory } from '../common/people-directory.js';
import type { AppConfig } from '../config/app-config.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import { IdentityProvider } from './identity-provider.js';
import { identityClaims, idpIdentity } from './idp-claims.js';
import { type Actor, isRole } from './roles.js';
import { hashTokenSecret } from './token-secret.js';

/** Leeway for `exp` and `nbf` between the provider's clock and ours. */
const CLOCK_TOLERANCE_SECONDS = 30;
const MAX_ENTRIES = 10_000;

interface Verified {
  subject: string;
  roles: string[];
  /** The token's own `exp` (ms since the epoch): past it, the entry is useless whatever its lifetime. */
  exp: number;
  /** Real time (performance.now) until which the entry is trusted without asking again. */
  until: number;
}

/**
 * Access tokens of the organisation's OpenID provider (JWTs) used as bearer tokens on the API:
 * verified with jose against the provider's published keys — issuer, audience, expiry, not-before,
 * the allowed algorithms — and, with AIMSFLOW_OIDC_INTROSPECTION, asked about at the provider's
 * introspection endpoint so a revoked token stops working. A verified token is kept for a short
 * while (the token cache's time, or the introspection cache's), so the hot path costs one hash.
 */
@Injectable()
export class IdpAccessTokens {
  private readonly verified = new Map<string, Verified>();
  private readonly cacheMs: number;

  constructor(
    private readonly provider: IdentityProvider,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
    @Optional() private readonly people?: PeopleDirectory,
  ) {
    const oidc = config.get('oidc', { infer: true });
    this.cacheMs = oidc?.introspection ? oidc.introspectionCacheMs : config.get('tokenCacheSeconds', { infer: true }) * 1000;
  }

  async authenticate(token: string, requestId?: string): Promise<Actor> {
    const key = hashTokenSecret(token);
    const now = this.clock.now().getTime();
    const hit = this.verified.get(key);
    if (hit && hit.until > performance.now() && hit.exp > now) return { subject: hit.subject, roles: hit.roles.filter(isRole), tokenId: null, requestId };
    this.verified.delete(key);
    const entry = await this.verify(token);
    if (this.cacheMs > 0) {
      if (this.verified.size >= MAX_ENTRIES) this.verified.clear();
      this.verified.set(key, { ...entry, until: performance.now() + this.cacheMs });
    }
    return { subject: entry.subject, roles: entry.roles.filter(isRole), tokenId: null, requestId };
  }

  private async verify(token: string): Promise<Omit<Verified, 'until'>> {
    let claimed: JWTPayload;
    try {
      claimed = decodeJwt(token);
    } catch {
      throw new AuthError(AuthErrorCode.InvalidToken, 'The bearer token is neither an API token nor a readable JWT');
    }
    const settings = this.provider.settings;
    if (!settings || claimed.iss !== settings.issuer) {
      throw new AuthError(AuthErrorCode.UnknownIssuer, `Tokens of ${JSON.stringify(claimed.iss ?? null)} are not accepted here`, [], {
        issuer: claimed.iss ?? null,
        ...(settings ? { trustedIssuer: settings.issuer } : {}),
      });
    }
    const payload = await this.checked(token);
    if (settings.introspection) {
      const introspected = await client.tokenIntrospection(await this.provider.configuration(), token);
      if (!introspected.active) throw new AuthError(AuthErrorCode.RevokedToken, 'The OpenID provider says this access token is no longer active (revoked)');
    }
    const claims = identityClaims(payload, settings);
    let roles = claims.roles;
    if (this.people) {
      const person = await this.people.signedIn(claims);
      if (!person.active) throw new AuthError(AuthErrorCode.PersonInactive, `${person.identity} is deactivated in the people directory`);
      roles = person.roles;
    }
    return { subject: idpIdentity(claims.issuer, claims.sub), roles, exp: (payload.exp ?? 0) * 1000 };
  }

  /** The token's claims once signature, issuer, audience, expiry, not-before and algorithm hold; else 401 naming the check. */
  private async checked(token: string): Promise<JWTPayload> {
    const settings = this.provider.required();
    try {
      const { payload } = await jwtVerify(token, await this.provider.keys(), {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: settings.algorithms,
        currentDate: this.clock.now(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      });
      return payload;
    } catch (error) {
      if (error instanceof AuthError) throw error;
      if (error instanceof errors.JWTExpired)
        throw new AuthError(AuthErrorCode.ExpiredToken, `The access token expired at ${new Date(Number(error.payload.exp) * 1000).toISOString()}`);
      if (error instanceof errors.JWTClaimValidationFailed) {
        throw new AuthError(AuthErrorCode.InvalidToken, `The access token's "${error.claim}" claim is not accepted: ${error.message}`, [], {
          claim: error.claim,
        });
      }
      if (error instanceof errors.JOSEAlgNotAllowed) {
        throw new AuthError(
          AuthErrorCode.InvalidToken,
          `The access token is signed with an algorithm not allowed here (AIMSFLOW_OIDC_ALGORITHMS: ${settings.algorithms.join(', ')})`,
        );
      }
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed) {
        throw new AuthError(AuthErrorCode.InvalidToken, 'The access token is not signed with a key the OpenID provider publishes');
      }
      throw new AuthError(AuthErrorCode.InvalidToken, `The access token is not valid: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
