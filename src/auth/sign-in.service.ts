import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { Clock } from '../clock/clock.js';
import { PeopleDirectory } from '../common/people-directory.js';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import type { SignInProvidersDto } from './dto/sign-in-providers.dto.js';
import { IdentityProvider } from './identity-provider.js';
import { groupsIn, identityClaims } from './idp-claims.js';
import { SessionsRepository } from './repositories/sessions.repository.js';
import { cookieOf, LOGIN_COOKIE, loginCookie, type RedirectTo, type WithCookie } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';

const MAX_RETURN_TO = 2000;

/** A same-origin path to come back to after sign-in: `/…`, never `//host`, `/\host` or a scheme. */
function checkedReturnTo(returnTo: string | undefined): string {
  if (returnTo === undefined || returnTo === '') return '/';
  const problem =
    returnTo.length > MAX_RETURN_TO
      ? `is longer than ${MAX_RETURN_TO} characters`
      : !returnTo.startsWith('/') || /^\/[/\\]/.test(returnTo) || /[\p{Cc}\\]/u.test(returnTo)
        ? 'must be a path on this site starting with a single "/"'
        : undefined;
  if (problem) throw new AuthError(AuthErrorCode.InvalidReturnTo, `returnTo ${problem}`, [{ pointer: '/query/returnTo', message: `returnTo ${problem}` }]);
  return returnTo;
}

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

/**
 * Sign-in through the organisation's OpenID provider: Authorization Code with PKCE (openid-client).
 * The verifier, state and nonce stay in the database; the browser carries the state in a short
 * HttpOnly cookie too, so a callback only completes in the browser that started the sign-in.
 */
@Injectable()
export class SignInService {
  private readonly secure: boolean;

  constructor(
    private readonly provider: IdentityProvider,
    private readonly sessions: SessionsService,
    private readonly logins: SessionsRepository,
    private readonly db: Database,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
    private readonly people: PeopleDirectory,
  ) {
    this.secure = config.get('publicUrl', { infer: true }).startsWith('https:');
  }

  /** Whether the console offers sign-in through the provider, and what to call it. */
  providers(): SignInProvidersDto {
    const issuer = this.provider.settings?.issuer;
    return { oidc: !!issuer, oidcName: issuer ? new URL(issuer).host : null };
  }

  /** Where to send the browser to sign in, with the login cookie. */
  async begin(returnTo: string | undefined): Promise<WithCookie<RedirectTo>> {
    const settings = this.provider.required();
    const target = checkedReturnTo(returnTo);
    const config = await this.provider.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const now = this.clock.now();
    await this.logins.insertLogin(this.db.manager, {
      stateHash: hashState(state),
      codeVerifier,
      nonce,
      returnTo: target,
      createdAt: now,
      expiresAt: new Date(now.getTime() + settings.loginTimeoutMs),
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUrl,
      scope: settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { cookie: loginCookie(state, settings.loginTimeoutMs, this.secure), body: { url: url.href, statusCode: 302 } };
  }

  /**
   * The provider's redirect back: the code exchanged (PKCE verifier, state and nonce checked, the ID
   * token validated by openid-client), the person told to the directory, a session opened.
   */
  async complete(query: string, cookieHeader: string | undefined): Promise<WithCookie<RedirectTo>> {
    const settings = this.provider.required();
    const params = new URLSearchParams(query);
    const state = params.get('state');
    const login = state ? await this.logins.takeLogin(this.db.manager, hashState(state)) : undefined;
    const error = params.get('error');
    if (error) {
      const description = params.get('error_description');
      throw new AuthError(AuthErrorCode.LoginFailed, `The OpenID provider refused the sign-in: ${error}${description ? ` (${description})` : ''}`, [
        { pointer: '/query/error', message: error },
      ]);
    }
    if (!state || !login || login.expires_at <= this.clock.now()) {
      throw new AuthError(
        AuthErrorCode.InvalidLoginState,
        'This callback belongs to no sign-in in progress (unknown, already used or expired state): sign in again',
        [{ pointer: '/query/state', message: state ? 'unknown, used or expired' : 'missing' }],
      );
    }
    if (cookieOf(cookieHeader, LOGIN_COOKIE) !== state) {
      throw new AuthError(
        AuthErrorCode.InvalidLoginState,
        'This callback was not started in this browser (the sign-in cookie is missing or names another sign-in)',
        [{ pointer: '/query/state', message: 'does not match the aimsflow_login cookie' }],
      );
    }
    const config = await this.provider.configuration();
    const callbackUrl = new URL(settings.redirectUrl);
    callbackUrl.search = params.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: login.code_verifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (e) {
      throw new AuthError(AuthErrorCode.LoginFailed, `The sign-in could not be completed: ${e instanceof Error ? e.message : String(e)}`);
    }
    const claims: Record<string, unknown> = { ...tokens.claims() };
    // Some providers put groups only in the userinfo answer (or only on request); ask when the ID token has none.
    if (!groupsIn(claims, settings.groupsClaim).length && config.serverMetadata().userinfo_endpoint) {
      Object.assign(claims, await client.fetchUserInfo(config, tokens.access_token, String(claims.sub)).catch(() => ({})), {
        iss: claims.iss,
        sub: claims.sub,
      });
    }
    const person = await this.people.signedIn(identityClaims(claims, settings));
    if (!person.active) throw new AuthError(AuthErrorCode.PersonInactive, `${person.identity} is deactivated in the people directory`);
    const actor = { subject: person.identity, roles: person.roles, tokenId: null };
    const session = await this.sessions.start({ actor, source: 'oidc', idToken: tokens.id_token ?? null });
    return { cookie: [session.cookie as string, loginCookie('', 0, this.secure)], body: { url: login.return_to, statusCode: 302 } };
  }
}
