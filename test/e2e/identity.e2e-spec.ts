import { Clock } from '../../src/clock/clock.js';
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
