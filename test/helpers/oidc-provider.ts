import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import * as client from 'openid-client';

// oidc-provider's notices about development-only defaults (in-memory adapter, dev interactions) are what a test provider is.
for (const level of ['info', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => (typeof args[0] === 'string' && args[0].startsWith('oidc-provider ') ? undefined : original(...args));
}

/** A person known to the test provider: their groups go into ID and access tokens as `groups`. */
export interface TestAccount {
  name?: string;
  email?: string;
  groups?: string[];
  /** false: access tokens carry no groups claim (ID tokens still do). */
  groupsInAccessToken?: boolean;
}

export const TEST_CLIENT = { id: 'aimsflow', secret: 'aimsflow-client-secret-0123456789abcdef' };
/** A second client the tests use to obtain access tokens for the API the way an SPA or CLI would. */
export const API_CALLER = { id: 'api-caller', secret: 'api-caller-secret-0123456789abcdef', redirect: 'http://127.0.0.1/api-caller/callback' };
/** The API's resource indicator: the audience of its access tokens. */
export const API_RESOURCE = 'urn:aimsflow:api';
/** The same API, asked for with opaque access tokens (which oidc-provider, unlike JWTs, introspects and revokes). */
const API_RESOURCE_OPAQUE = 'urn:aimsflow:api:opaque';

export interface TestProvider {
  issuer: string;
  accounts: Map<string, TestAccount>;
  /** Registers a redirect URL of the aimsflow client. */
  allowRedirect(url: string): void;
  /** An access token for the API of `accountId` (a JWT, or opaque), obtained through the authorization endpoint (login and consent forms). */
  accessTokenFor(accountId: string, format?: 'jwt' | 'opaque'): Promise<string>;
  /** Revokes a token at the provider's revocation endpoint, as its client. */
  revoke(token: string): Promise<void>;
  /** Replaces the signing keys (the newest first; the provider signs with it), keeping the issuer and port: key rotation. */
  rotateKeys(): Promise<void>;
  close(): Promise<void>;
}

async function signingKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `k-${Math.random().toString(36).slice(2, 10)}`, alg: 'RS256', use: 'sig' };
}

/** A form on a provider page: where it posts and its hidden fields. */
function formIn(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form in the provider's page: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields[name] = value;
  return { action: action.replace(/&amp;/g, '&'), fields };
}

/** A minimal browser: a cookie jar per origin, redirects followed by hand. */
export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookies(url: string): string {
    return [...(this.jar.get(new URL(url).origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** One request; keeps the cookies it sets. */
  async request(url: string, init: { method?: string; body?: URLSearchParams; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.cookies(url);
    if (cookie) headers.cookie = cookie;
    const res = await fetch(url, { method: init.method ?? 'GET', body: init.body, headers, redirect: 'manual' });
    const jar = this.jar.get(new URL(url).origin) ?? new Map<string, string>();
    for (const set of res.headers.getSetCookie()) {
      const [pair, ...attributes] = set.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(attributes.join(';'))) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1).trim());
    }
    this.jar.set(new URL(url).origin, jar);
    return res;
  }

  /**
   * Follows redirects from `url`, signing in as `accountId` on the provider's login page and
   * accepting its consent page, until a redirect leads to `stopAt` (returned, not followed) or a
   * page that is not the provider's.
   */
  async signIn(url: string, accountId: string, stopAt: string): Promise<URL> {
    let next = url;
    for (let hop = 0; hop < 20; hop++) {
      if (next.startsWith(stopAt)) return new URL(next);
      const res = await this.request(next);
      const location = res.headers.get('location');
      if (location) {
        next = new URL(location, next).href;
        continue;
      }
      const html = await res.text();
      if (res.status !== 200) throw new Error(`${next} answered ${res.status}: ${html.slice(0, 300)}`);
      const form = formIn(html);
      const body = new URLSearchParams(form.fields);
      if (form.fields.prompt === 'login') {
        body.set('login', accountId);
        body.set('password', 'any');
      }
      const posted = await this.request(new URL(form.action, next).href, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const after = posted.headers.get('location');
      if (!after) throw new Error(`the provider's form at ${form.action} answered ${posted.status}: ${(await posted.text()).slice(0, 300)}`);
      next = new URL(after, next).href;
    }
    throw new Error('too many redirects');
  }
}

/**
 * A real OpenID provider (oidc-provider) on a loopback port in this process: the aimsflow client
 * (confidential, PKCE), a client that obtains JWT access tokens for the API (resource indicator
 * `urn:aimsflow:api`), introspection and revocation, people with a `groups` claim.
 */
export async function startTestProvider(accounts: Record<string, TestAccount> = {}): Promise<TestProvider> {
  const known = new Map(Object.entries(accounts));
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirects = new Set<string>();
  const clientKeys = [await signingKey()];

  const build = () =>
    new Provider(issuer, {
      clients: [
        {
          client_id: TEST_CLIENT.id,
          client_secret: TEST_CLIENT.secret,
          redirect_uris: [...redirects],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
        {
          client_id: API_CALLER.id,
          client_secret: API_CALLER.secret,
          redirect_uris: [API_CALLER.redirect],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys: clientKeys },
      cookies: { keys: ['test-provider-cookie-key-0123456789'] },
      claims: { openid: ['sub', 'groups'], profile: ['name'], email: ['email'] },
      conformIdTokenClaims: false,
      findAccount: (_ctx: unknown, id: string) => {
        const account = known.get(id);
        return account && { accountId: id, claims: () => ({ sub: id, name: account.name, email: account.email, groups: account.groups ?? [] }) };
      },
      extraTokenClaims: (_ctx: unknown, token: { kind: string; accountId?: string }) => {
        const account = token.kind === 'AccessToken' && token.accountId ? known.get(token.accountId) : undefined;
        return account && account.groupsInAccessToken !== false ? { groups: account.groups ?? [] } : undefined;
      },
      features: {
        devInteractions: { enabled: true },
        introspection: { enabled: true },
        revocation: { enabled: true },
        resourceIndicators: {
          enabled: true,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx: unknown, resource: string) => {
            if (resource !== API_RESOURCE && resource !== API_RESOURCE_OPAQUE) throw new Error(`unknown resource ${resource}`);
            const format = resource === API_RESOURCE ? { accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } } : { accessTokenFormat: 'opaque' };
            return { scope: 'api', audience: API_RESOURCE, accessTokenTTL: 600, ...format };
          },
        },
      },
      pkce: { required: () => true },
    });

  let provider = build();
  const handle = (req: Parameters<ReturnType<Provider['callback']>>[0], res: Parameters<ReturnType<Provider['callback']>>[1]) => provider.callback()(req, res);
  server.on('request', handle);

  const callerConfig = async () =>
    client.discovery(new URL(issuer), API_CALLER.id, API_CALLER.secret, client.ClientSecretBasic(API_CALLER.secret), {
      execute: [client.allowInsecureRequests],
    });

  return {
    issuer,
    accounts: known,
    allowRedirect(url) {
      redirects.add(url);
      provider = build();
    },
    async accessTokenFor(accountId, format = 'jwt') {
      const resource = format === 'jwt' ? API_RESOURCE : API_RESOURCE_OPAQUE;
      const config = await callerConfig();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: API_CALLER.redirect,
        scope: 'openid api',
        resource,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      });
      const back = await new Browser().signIn(url.href, accountId, API_CALLER.redirect);
      const tokens = await client.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier, expectedState: state }, { resource });
      return tokens.access_token;
    },
    async revoke(token) {
      await client.tokenRevocation(await callerConfig(), token);
    },
    async rotateKeys() {
      clientKeys.unshift(await signingKey());
      provider = build();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
