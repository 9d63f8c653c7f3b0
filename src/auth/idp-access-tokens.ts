import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import * as client from 'openid-client';
import { Clock } from '../clock/clock.js';
import { PeopleDirectory } from '../common/people-directory.js';
import type { AppConfig } from '../config/app-config.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import { IdentityProvider } from './identity-provider.js';
import { hasGroupsClaim, identityClaims, looksLikeJwt } from './idp-claims.js';
import type { Actor } from './roles.js';
import { hashTokenSecret } from './token-secret.js';

/** Leeway for `exp` and `nbf` between the provider's clock and ours. */
const CLOCK_TOLERANCE_SECONDS = 30;
const MAX_ENTRIES = 10_000;

/**
 * An access token, not an ID token: typed `at+jwt` (RFC 9068), or carrying the scopes it grants
 * (`scope`; `scp` at Entra ID and Okta), which ID tokens never do. Where the access tokens' audience
 * is the client id (Entra ID), this keeps an ID token from being replayed as a bearer token.
 */
function isAccessToken(token: string, claims: JWTPayload): boolean {
  let typ: unknown;
  try {
    typ = decodeProtectedHeader(token).typ;
  } catch {
    return false;
  }
  return (typeof typ === 'string' && /^(application\/)?at\+jwt$/i.test(typ)) || claims.scope !== undefined || claims.scp !== undefined;
}

interface Verified {
  subject: string;
  roles: string[];
  /** The token's own `exp` (ms since the epoch): past it, the entry is useless whatever its lifetime. */
  exp: number;
  /** Real time (performance.now) until which the entry is trusted without asking again. */
  until: number;
}

/**
 * Access tokens of the organisation's OpenID provider used as bearer tokens on the API. A JWT is
 * verified with jose against the provider's published keys — issuer, audience, expiry, not-before,
 * the allowed algorithms. With AIMSFLOW_OIDC_INTROSPECTION every access token is also asked about
 * at the provider's introspection endpoint, so a revoked one stops working, and opaque (non-JWT)
 * access tokens are accepted on the provider's word. A verified token is kept for a short
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
    private readonly people: PeopleDirectory,
  ) {
    const oidc = config.get('oidc', { infer: true });
    this.cacheMs = oidc?.introspection ? oidc.introspectionCacheMs : config.get('tokenCacheSeconds', { infer: true }) * 1000;
  }

  /** Whether an opaque bearer value (neither an API token nor a JWT) is to be asked about at the provider. */
  get acceptsOpaque(): boolean {
    return !!this.provider.settings?.introspection;
  }

  async authenticate(token: string, requestId?: string): Promise<Actor> {
    const key = hashTokenSecret(token);
    const now = this.clock.now().getTime();
    const hit = this.verified.get(key);
    if (hit && hit.until > performance.now() && hit.exp > now) return { subject: hit.subject, roles: hit.roles, tokenId: null, requestId };
    this.verified.delete(key);
    const payload = looksLikeJwt(token) ? await this.verifiedJwt(token) : await this.introspected(token);
    const entry = { ...(await this.person(payload)), exp: (payload.exp ?? 0) * 1000 };
    if (this.cacheMs > 0) {
      if (this.verified.size >= MAX_ENTRIES) this.verified.clear();
      this.verified.set(key, { ...entry, until: performance.now() + this.cacheMs });
    }
    return { subject: entry.subject, roles: entry.roles, tokenId: null, requestId };
  }

  /** A JWT's claims once it passed every check, and the introspection endpoint when that is on. */
  private async verifiedJwt(token: string): Promise<JWTPayload> {
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
    if (!isAccessToken(token, claimed)) {
      throw new AuthError(
        AuthErrorCode.InvalidToken,
        'The JWT is not an access token (no scope or scp claim, no at+jwt type): ID tokens are not accepted as bearer tokens',
      );
    }
    const payload = await this.checked(token);
    if (settings.introspection) await this.introspected(token);
    return payload;
  }

  /**
   * What the provider's introspection endpoint says of a token: refused unless active, for our
   * audience and unexpired. Fails closed: a token the provider cannot tell about is not accepted
   * (oidc-provider, for one, does not introspect JWT access tokens at all).
   */
  private async introspected(token: string): Promise<JWTPayload> {
    const settings = this.provider.required();
    const answer = await client.tokenIntrospection(await this.provider.configuration(), token).catch((error: unknown) => {
      const reason =
        error instanceof client.ResponseBodyError ? `${error.error}${error.error_description ? `: ${error.error_description}` : ''}` : String(error);
      throw new AuthError(AuthErrorCode.InvalidToken, `The OpenID provider's introspection endpoint did not confirm the access token (${reason})`);
    });
    if (!answer.active) throw new AuthError(AuthErrorCode.RevokedToken, 'The OpenID provider says this access token is not active (revoked, or expired there)');
    const audiences = typeof answer.aud === 'string' ? [answer.aud] : (answer.aud ?? []);
    if (!audiences.includes(settings.audience)) {
      throw new AuthError(AuthErrorCode.InvalidToken, `The access token is not meant for this API (its audience is not ${settings.audience})`, [], {
        claim: 'aud',
      });
    }
    if (answer.iss !== undefined && answer.iss !== settings.issuer) {
      throw new AuthError(AuthErrorCode.UnknownIssuer, `Tokens of ${JSON.stringify(answer.iss)} are not accepted here`, [], {
        issuer: answer.iss,
        trustedIssuer: settings.issuer,
      });
    }
    if (typeof answer.exp === 'number' && answer.exp * 1000 <= this.clock.now().getTime() - CLOCK_TOLERANCE_SECONDS * 1000) {
      throw new AuthError(AuthErrorCode.ExpiredToken, `The access token expired at ${new Date(answer.exp * 1000).toISOString()}`);
    }
    if (typeof answer.sub !== 'string' || !answer.sub)
      throw new AuthError(AuthErrorCode.InvalidToken, 'The access token names no person (no sub)', [], { claim: 'sub' });
    return { ...(answer as JWTPayload), iss: settings.issuer };
  }

  /** The person of verified claims, as the people directory has them now (created on first sight, refreshed from the token). */
  private async person(payload: JWTPayload): Promise<{ subject: string; roles: string[] }> {
    const settings = this.provider.required();
    const claims = identityClaims(payload, settings);
    // An access token without the groups claim says nothing about groups: the roles of the last sign-in stand.
    const known = hasGroupsClaim(payload, settings.groupsClaim) ? undefined : await this.people.byIdentity(`${claims.issuer}#${claims.sub}`);
    const person = known ?? (await this.people.signedIn(claims));
    if (!person.active) throw new AuthError(AuthErrorCode.PersonInactive, `${person.identity} is deactivated in the people directory`);
    return { subject: person.identity, roles: person.roles };
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
