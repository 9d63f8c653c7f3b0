import { generateKeyPair, SignJWT } from 'jose';
import { Clock } from '../../src/clock/clock.js';
import type { OidcSettings } from '../../src/config/app-config.js';
import { API_RESOURCE, Browser, startTestProvider, TEST_CLIENT, type TestProvider } from '../helpers/oidc-provider.js';
import { bpmn, chain, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/test-app.js';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The `name=value` of a Set-Cookie header of this name, as a browser would send it back. */
function cookieFrom(res: { headers: Record<string, unknown> }, name = 'aimsflow_session'): { pair: string; attributes: string } {
  const all = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const header = all.find((c) => c.startsWith(`${name}=`));
  if (!header) throw new Error(`no ${name} cookie in ${JSON.stringify(all)}`);
  const [pair, ...attributes] = header.split('; ');
  return { pair, attributes: attributes.join('; ') };
}

describe('console sessions', () => {
  let t: TestApp;
  const advance = (duration: string) => t.http.post('/api/v1/clock/advance').set(bearer(ADMIN_TOKEN)).send({ duration }).expect(200);
  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual', sessionTtlMs: 8 * 3600_000, sessionIdleMs: 30 * 60_000 });
  });
  afterAll(() => t.close());

  async function signInWith(token: string) {
    const res = await t.http.post('/api/v1/auth/token-session').send({ token }).expect(200);
    return { cookie: cookieFrom(res), session: res.body as { identity: string; roles: string[]; csrfToken: string; expiresAt: string; source: string } };
  }

  it('tells the console that sign-in is with API tokens only when no OpenID provider is configured', async () => {
    await expect(t.http.get('/api/v1/auth/providers').expect(200)).resolves.toMatchObject({ body: { oidc: false, oidcName: null } });
  });

  it('exchanges an API token for an HttpOnly SameSite=Lax cookie; the cookie authenticates reads', async () => {
    const owner = await t.tokenFor('Olivia', 'ai-owner');
    const { cookie, session } = await signInWith(owner);
    expect(cookie.attributes).toMatch(/^Path=\/; HttpOnly; SameSite=Lax; Max-Age=28800$/);
    expect(session).toMatchObject({ identity: 'olivia', roles: ['ai-owner'], source: 'token', idleTimeoutSeconds: 1800 });
    expect(JSON.stringify(session)).not.toContain(owner);
    await t.http.get('/api/v1/ai-systems').set('Cookie', cookie.pair).expect(200);
    expect((await t.http.get('/api/v1/auth/session').set('Cookie', cookie.pair).expect(200)).body).toEqual(session);
    const refused = await t.http.post('/api/v1/auth/token-session').send({ token: 'afw_unknown' });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('invalid-token');
    expect(refused.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a write with the cookie but without the CSRF token (403 csrf-mismatch), allows it with the token; bearer writes need none', async () => {
    const { cookie, session } = await signInWith(await t.tokenFor('oscar', 'ai-owner'));
    const system = { name: 'Chat assistant', intendedPurpose: 'Answer questions', roles: ['deployer'], attributes: {} };
    const refused = await t.http.post('/api/v1/ai-systems').set('Cookie', cookie.pair).send(system);
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'csrf-mismatch', header: 'X-CSRF-Token' });
    await t.http.post('/api/v1/ai-systems').set('Cookie', cookie.pair).set('X-CSRF-Token', 'forged').send(system).expect(403);
    const created = await t.http.post('/api/v1/ai-systems').set('Cookie', cookie.pair).set('X-CSRF-Token', session.csrfToken).send(system).expect(201);
    expect(created.body.createdBy).toBe('oscar');
    const listed = await t.http.get('/api/v1/audit-events?action=security.denied').set(bearer(ADMIN_TOKEN)).expect(200);
    expect(listed.body.items.some((e: { actor: string; after: { code: string } }) => e.actor === 'oscar' && e.after.code === 'csrf-mismatch')).toBe(true);
  });

  it('re-resolves roles on every request: a revoked token ends its session at once', async () => {
    const created = await t.http
      .post('/api/v1/tokens')
      .set(bearer(ADMIN_TOKEN))
      .send({ subject: 'rita', roles: ['risk-officer'] })
      .expect(201);
    const { cookie } = await signInWith(created.body.token);
    await t.http.get('/api/v1/risks').set('Cookie', cookie.pair).expect(200);
    await t.http.delete(`/api/v1/tokens/${created.body.id}`).set(bearer(ADMIN_TOKEN)).expect(200);
    const ended = await t.http.get('/api/v1/risks').set('Cookie', cookie.pair);
    expect(ended.status).toBe(401);
    expect(ended.body.code).toBe('session-expired');
  });

  it('logs out: the session is gone, the cookie cleared; a valid session needs the CSRF token to log out', async () => {
    const { cookie, session } = await signInWith(ADMIN_TOKEN);
    expect(session).toMatchObject({ identity: 'admin', roles: ['admin'], source: 'admin-token' });
    await t.http.post('/api/v1/auth/logout').set('Cookie', cookie.pair).expect(403);
    const out = await t.http.post('/api/v1/auth/logout').set('Cookie', cookie.pair).set('X-CSRF-Token', session.csrfToken).expect(200);
    expect(out.body).toEqual({ endSessionUrl: null });
    expect(cookieFrom(out)).toEqual({ pair: 'aimsflow_session=', attributes: expect.stringContaining('Max-Age=0') });
    const after = await t.http.get('/api/v1/auth/session').set('Cookie', cookie.pair);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('invalid-session');
    await t.http.get('/api/v1/auth/session').expect(401);
  });

  it('ends a session idle for longer than AIMSFLOW_SESSION_IDLE_MS, and any session after AIMSFLOW_SESSION_TTL_MS', async () => {
    const token = await t.tokenFor('ida', 'auditor');
    const idle = await signInWith(token);
    const busy = await signInWith(token);
    for (let i = 0; i < 3; i++) {
      await advance('PT20M');
      await t.http.get('/api/v1/auth/session').set('Cookie', busy.cookie.pair).expect(200); // used every 20 minutes: stays
    }
    const idled = await t.http.get('/api/v1/auth/session').set('Cookie', idle.cookie.pair);
    expect(idled.status).toBe(401);
    expect(idled.body).toMatchObject({ code: 'session-expired', detail: expect.stringContaining('unused for more than 1800 s') });
    for (let i = 0; i < 22; i++) {
      await advance('PT20M');
      const res = await t.http.get('/api/v1/auth/session').set('Cookie', busy.cookie.pair);
      if (res.status === 401) {
        expect(res.body).toMatchObject({ code: 'session-expired', detail: `The session ended at ${busy.session.expiresAt}: sign in again` });
        expect(t.app.get(Clock).now().getTime()).toBeGreaterThanOrEqual(Date.parse(busy.session.expiresAt));
        return;
      }
    }
    throw new Error('the session outlived its absolute lifetime');
  });
});

const PUBLIC_URL = 'http://aimsflow.test';
const REDIRECT = `${PUBLIC_URL}/api/v1/auth/callback`;
const MAPPING = { 'aims-risk': ['risk-officer'], 'aims-governance': ['governance'], 'aims-owners': ['ai-owner'], 'aims-ethics': ['ethics-board'] };

/** Two review steps kept apart: whoever reported may not assess. */
const REVIEW = bpmn(
  'idp-review',
  `<bpmn:startEvent id="Start"/>
   <bpmn:userTask id="Report" aimsflow:candidateRoles="ai-owner"/>
   <bpmn:userTask id="Assess" aimsflow:candidateRoles="risk-officer" aimsflow:separateFrom="Report"/>
   <bpmn:endEvent id="End"/>${chain('Start', 'Report', 'Assess', 'End')}`,
);

describe('sign-in through the OpenID provider, and its access tokens on the API', () => {
  let idp: TestProvider;
  let t: TestApp;
  let settings: OidcSettings;

  beforeAll(async () => {
    idp = await startTestProvider({
      rita: { name: 'Rita Risk', email: 'rita@acme.example', groups: ['aims-risk', 'staff'] },
      gina: { name: 'Gina Gov', groups: ['aims-governance'] },
      dual: { groups: ['aims-owners', 'aims-risk'] },
      DUAL: { groups: ['aims-owners', 'aims-risk'] },
      nobody: { groups: ['staff'] },
      erik: { groups: ['aims-ethics'] },
      carol: { groups: ['aims-governance'], groupsInAccessToken: false },
    });
    idp.allowRedirect(REDIRECT);
    settings = {
      issuer: idp.issuer,
      clientId: TEST_CLIENT.id,
      clientSecret: TEST_CLIENT.secret,
      redirectUrl: REDIRECT,
      scopes: 'openid profile email',
      groupsClaim: 'groups',
      roleMapping: MAPPING,
      audience: API_RESOURCE,
      algorithms: ['RS256', 'ES256', 'PS256'],
      introspection: false,
      introspectionCacheMs: 0,
      jwksCooldownMs: 0,
      loginTimeoutMs: 600_000,
    };
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual', publicUrl: PUBLIC_URL, oidc: settings });
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  /** Signs in through the provider's authorization endpoint (its login and consent forms); returns the session cookie and where the app sent the browser. */
  async function signIn(accountId: string, returnTo = '/console') {
    const login = await t.http.get('/api/v1/auth/login').query({ returnTo }).expect(302);
    const loginCookie = cookieFrom(login, 'aimsflow_login');
    expect(login.headers.location.startsWith(`${idp.issuer}/auth?`)).toBe(true);
    const authorize = new URL(login.headers.location);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const back = await new Browser().signIn(authorize.href, accountId, REDIRECT);
    const callback = await t.http.get(`/api/v1/auth/callback${back.search}`).set('Cookie', loginCookie.pair).expect(302);
    return { cookie: cookieFrom(callback), location: callback.headers.location as string, back, loginCookie };
  }

  const identity = (sub: string) => `${idp.issuer}#${sub}`;

  it('tells the console, without a token, that sign-in through the provider is on and what to call it', async () => {
    await expect(t.http.get('/api/v1/auth/providers').expect(200)).resolves.toMatchObject({ body: { oidc: true, oidcName: new URL(idp.issuer).host } });
  });

  it('signs a person in through the authorization endpoint (PKCE, state, nonce): a session cookie with their mapped roles', async () => {
    const { cookie, location } = await signIn('rita', '/console/tasks?status=open');
    expect(location).toBe('/console/tasks?status=open');
    expect(cookie.attributes).toContain('HttpOnly; SameSite=Lax');
    const session = (await t.http.get('/api/v1/auth/session').set('Cookie', cookie.pair).expect(200)).body;
    expect(session).toMatchObject({ identity: identity('rita'), roles: ['risk-officer'], source: 'oidc' });
    await t.http.get('/api/v1/risks').set('Cookie', cookie.pair).expect(200);
    const out = await t.http.post('/api/v1/auth/logout').set('Cookie', cookie.pair).set('X-CSRF-Token', session.csrfToken).expect(200);
    expect(out.body.endSessionUrl).toMatch(new RegExp(`^${idp.issuer}/session/end\\?`));
    const idToken = new URL(out.body.endSessionUrl).searchParams.get('id_token_hint')!;
    await t.http.get('/api/v1/risks').set('Cookie', cookie.pair).expect(401);
    // The ID token the page now holds is no bearer token.
    const replayed = await t.http.get('/api/v1/risks').set(bearer(idToken)).expect(401);
    expect(replayed.body).toMatchObject({ code: 'invalid-token', detail: expect.stringContaining('ID tokens are not accepted') });
  });

  it('maps IdP groups to roles: a governance route is open to the governance group only', async () => {
    const gina = await signIn('gina');
    const rita = await signIn('rita');
    await t.http.get('/api/v1/webhook-subscriptions').set('Cookie', gina.cookie.pair).expect(200);
    const refused = await t.http.get('/api/v1/webhook-subscriptions').set('Cookie', rita.cookie.pair).expect(403);
    expect(refused.body).toMatchObject({ code: 'role-required' });
    const nobody = await signIn('nobody');
    expect((await t.http.get('/api/v1/auth/session').set('Cookie', nobody.cookie.pair).expect(200)).body.roles).toEqual([]);
  });

  it('maps groups to organisation-defined roles too, and a mapped role cannot be deleted', async () => {
    await t.http.post('/api/v1/roles').set(bearer(ADMIN_TOKEN)).send({ key: 'ethics-board', name: 'Ethics board' }).expect(201);
    const erik = await signIn('erik');
    expect((await t.http.get('/api/v1/auth/session').set('Cookie', erik.cookie.pair).expect(200)).body.roles).toEqual(['ethics-board']);
    const inUse = await t.http.delete('/api/v1/roles/ethics-board').set(bearer(ADMIN_TOKEN)).expect(409);
    expect(inUse.body).toMatchObject({ code: 'role-in-use' });
    expect(inUse.body.usedBy).toContainEqual({ source: 'identity-provider group mappings', usages: ['AIMSFLOW_OIDC_ROLE_MAPPING group "aims-ethics"'] });
  });

  it('refuses callbacks that belong to no sign-in, come from another browser, are replayed, or carry the provider’s error', async () => {
    const unknown = await t.http.get('/api/v1/auth/callback?code=abc&state=forged').expect(400);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.body).toMatchObject({ code: 'invalid-login-state', errors: [{ pointer: '/query/state', message: 'unknown, used or expired' }] });

    const { back, loginCookie } = await signIn('rita');
    const replayed = await t.http.get(`/api/v1/auth/callback${back.search}`).set('Cookie', loginCookie.pair).expect(400);
    expect(replayed.body.code).toBe('invalid-login-state');

    const login = await t.http.get('/api/v1/auth/login').expect(302);
    const started = await new Browser().signIn(login.headers.location, 'rita', REDIRECT);
    const otherBrowser = await t.http.get(`/api/v1/auth/callback${started.search}`).expect(400);
    expect(otherBrowser.body).toMatchObject({ code: 'invalid-login-state', errors: [{ pointer: '/query/state', message: expect.stringContaining('cookie') }] });

    const denied = await t.http.get('/api/v1/auth/login').expect(302);
    const state = new URL(denied.headers.location).searchParams.get('state');
    const error = await t.http
      .get('/api/v1/auth/callback')
      .query({ error: 'access_denied', error_description: 'The person declined', state })
      .set('Cookie', cookieFrom(denied, 'aimsflow_login').pair)
      .expect(401);
    expect(error.body).toMatchObject({ code: 'login-failed', detail: expect.stringContaining('access_denied (The person declined)') });

    const offsite = await t.http.get('/api/v1/auth/login').query({ returnTo: '//evil.example/x' }).expect(400);
    expect(offsite.body).toMatchObject({ code: 'invalid-return-to', errors: [{ pointer: '/query/returnTo' }] });
  });

  it('accepts the provider’s JWT access tokens as bearer tokens: identity <issuer>#<sub>, roles from the groups claim', async () => {
    const token = await idp.accessTokenFor('rita');
    expect(token.split('.')).toHaveLength(3);
    const system = { name: 'Fraud scoring', intendedPurpose: 'Score transactions', roles: ['deployer'], attributes: {} };
    const refused = await t.http.post('/api/v1/ai-systems').set(bearer(token)).send(system).expect(403);
    expect(refused.body.code).toBe('role-required');
    await t.http.get('/api/v1/risks').set(bearer(token)).expect(200);
    const owner = await idp.accessTokenFor('dual');
    const created = await t.http.post('/api/v1/ai-systems').set(bearer(owner)).send(system).expect(201);
    expect(created.body.createdBy).toBe(identity('dual'));
  });

  it('keeps the roles of the last sign-in for an access token that carries no groups claim', async () => {
    await signIn('carol');
    const token = await idp.accessTokenFor('carol');
    expect(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())).not.toHaveProperty('groups');
    await t.http.get('/api/v1/webhook-subscriptions').set(bearer(token)).expect(200);
  });

  it('refuses tokens of an unknown issuer, tokens not signed with a key the provider publishes, and shared-secret algorithms', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forge = (issuer: string) =>
      new SignJWT({ groups: ['aims-governance'], scope: 'api' })
        .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
        .setIssuer(issuer)
        .setSubject('mallory')
        .setAudience(API_RESOURCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    const stranger = await t.http
      .get('/api/v1/risks')
      .set(bearer(await forge('https://idp.elsewhere.example')))
      .expect(401);
    expect(stranger.body).toMatchObject({ code: 'unknown-issuer', issuer: 'https://idp.elsewhere.example' });
    expect(stranger.headers['www-authenticate']).toContain('invalid_token');
    const forged = await t.http
      .get('/api/v1/risks')
      .set(bearer(await forge(idp.issuer)))
      .expect(401);
    expect(forged.body).toMatchObject({ code: 'invalid-token', detail: expect.stringContaining('not signed with a key the OpenID provider publishes') });
    const hmac = await new SignJWT({ scope: 'api' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(idp.issuer)
      .setSubject('mallory')
      .setAudience(API_RESOURCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(TEST_CLIENT.secret));
    const shared = await t.http.get('/api/v1/risks').set(bearer(hmac)).expect(401);
    expect(shared.body).toMatchObject({ code: 'invalid-token', detail: expect.stringContaining('algorithm not allowed here') });
  });

  it('refuses an access token issued for another audience', async () => {
    const elsewhere = await createTestApp({ publicUrl: PUBLIC_URL, oidc: { ...settings, audience: 'urn:another:api' } });
    try {
      const res = await elsewhere.http
        .get('/api/v1/risks')
        .set(bearer(await idp.accessTokenFor('rita')))
        .expect(401);
      expect(res.body).toMatchObject({ code: 'invalid-token', detail: expect.stringContaining('aud') });
    } finally {
      await elsewhere.close();
    }
  });

  it('with introspection on, refuses a revoked access token; fails closed on tokens the provider cannot introspect', async () => {
    const checking = await createTestApp({ publicUrl: PUBLIC_URL, oidc: { ...settings, introspection: true, introspectionCacheMs: 0 } });
    try {
      const token = await idp.accessTokenFor('rita', 'opaque');
      expect(token.split('.')).toHaveLength(1);
      await checking.http.get('/api/v1/risks').set(bearer(token)).expect(200);
      await idp.revoke(token);
      const revoked = await checking.http.get('/api/v1/risks').set(bearer(token)).expect(401);
      expect(revoked.body).toMatchObject({ code: 'revoked-token', detail: expect.stringContaining('not active') });
      // oidc-provider neither introspects nor revokes JWT access tokens: with introspection on they are not taken on trust.
      const jwt = await checking.http
        .get('/api/v1/risks')
        .set(bearer(await idp.accessTokenFor('rita')))
        .expect(401);
      expect(jwt.body).toMatchObject({ code: 'invalid-token', detail: expect.stringContaining('introspection endpoint did not confirm') });
    } finally {
      await checking.close();
    }
  });

  it('keeps apart people whose subs differ only in case (segregation of duties compares <issuer>#<sub>)', async () => {
    const gov = await t.tokenFor('gus', 'governance');
    const p = processClient(t);
    await p.deploy(gov, REVIEW).expect(201);
    const id = (await p.start(gov, 'idp-review').expect(201)).body.id as string;
    const dual = await idp.accessTokenFor('dual');
    const DUAL = await idp.accessTokenFor('DUAL');
    await p.complete(dual, (await p.taskOf(dual, id, 'Report')).id).expect(200);
    const assess = await p.taskOf(DUAL, id, 'Assess');
    // The same person through a session cookie is still barred.
    const session = await signIn('dual');
    const csrf = (await t.http.get('/api/v1/auth/session').set('Cookie', session.cookie.pair)).body.csrfToken;
    const barred = await t.http.post(`/api/v1/tasks/${assess.id}/complete`).set('Cookie', session.cookie.pair).set('X-CSRF-Token', csrf).send({}).expect(403);
    expect(barred.body).toMatchObject({ code: 'segregation-of-duties', rule: 'separateFrom: Report' });
    await p.complete(DUAL, assess.id).expect(200);
  });

  it('follows key rotation: a token signed with a key published after the service fetched the keys is accepted', async () => {
    const before = await idp.accessTokenFor('rita');
    await t.http.get('/api/v1/risks').set(bearer(before)).expect(200);
    await idp.rotateKeys();
    const after = await idp.accessTokenFor('rita');
    expect(JSON.parse(Buffer.from(after.split('.')[0], 'base64url').toString()).kid).not.toBe(
      JSON.parse(Buffer.from(before.split('.')[0], 'base64url').toString()).kid,
    );
    await t.http.get('/api/v1/risks').set(bearer(after)).expect(200);
    await t.http.get('/api/v1/risks').set(bearer(before)).expect(200); // the old key is still published
  });

  it('refuses an expired access token (the service clock moved past exp)', async () => {
    const token = await idp.accessTokenFor('rita');
    await t.http.get('/api/v1/risks').set(bearer(token)).expect(200);
    await t.http.post('/api/v1/clock/advance').set(bearer(ADMIN_TOKEN)).send({ duration: 'PT15M' }).expect(200);
    const expired = await t.http.get('/api/v1/risks').set(bearer(token)).expect(401);
    expect(expired.body).toMatchObject({ code: 'expired-token', detail: expect.stringContaining('The access token expired at') });
  });
});
