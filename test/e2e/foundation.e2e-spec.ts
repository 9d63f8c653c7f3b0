import { createTestApp, ADMIN_TOKEN, type TestApp } from '../helpers/test-app.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';
import { AuditTrailService } from '../../src/audit-trail/audit-trail.service.js';
import { Clock } from '../../src/clock/clock.js';

const recruitment = {
  name: 'CV screening assistant',
  intendedPurpose: 'Shortlist applicants for open positions',
  roles: ['deployer'],
  thirdParty: true,
  model: { provider: 'acme', name: 'rank-large', version: '1.2.0' },
  attributes: { useCases: ['recruitment'], profilesNaturalPersons: true, processesPersonalData: true, affectedPersons: ['job-applicants'] },
};

describe('foundation: tokens, roles, AI system register, audit trail', () => {
  let t: TestApp;
  let owner: string;
  let reader: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.tokenFor('olivia', 'ai-owner');
    reader = await t.tokenFor('rita', 'risk-officer');
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  describe('authentication', () => {
    it('refuses a request without a token with 401 problem+json', async () => {
      const res = await t.http.get('/api/v1/ai-systems');
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, code: 'missing-token', instance: '/api/v1/ai-systems' });
    });

    it('refuses a revoked token, and records the revocation', async () => {
      const created = await t.http
        .post('/api/v1/tokens')
        .set(auth(ADMIN_TOKEN))
        .send({ subject: 'temp', roles: ['auditor'] });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^afw_[\w-]{43}$/);
      expect(
        await t.http
          .get('/api/v1/ai-systems')
          .set(auth(created.body.token))
          .then((r) => r.status),
      ).toBe(200);

      const revoked = await t.http.delete(`/api/v1/tokens/${created.body.id}`).set(auth(ADMIN_TOKEN));
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toBeTruthy();
      const after = await t.http.get('/api/v1/ai-systems').set(auth(created.body.token));
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('invalid-token');

      const events = await t.http.get('/api/v1/audit-events').query({ subjectId: created.body.id }).set(auth(ADMIN_TOKEN));
      expect(events.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['token.created', 'token.revoked']);
    });

    it('lists tokens without secrets or hashes, with last use', async () => {
      const res = await t.http.get('/api/v1/tokens').set(auth(ADMIN_TOKEN));
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThanOrEqual(2);
      const olivia = res.body.items.find((x: { subject: string }) => x.subject === 'olivia');
      expect(olivia).toMatchObject({ roles: ['ai-owner'], source: 'api' });
      expect(JSON.stringify(res.body)).not.toMatch(/token_?hash|"token"/i);
      const stored = await t.db.query(`SELECT token_hash FROM api_tokens WHERE subject = 'olivia'`);
      expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.rows[0].token_hash).not.toContain(owner);
    });

    it('refuses token management to non-admins with 403', async () => {
      const res = await t.http
        .post('/api/v1/tokens')
        .set(auth(owner))
        .send({ subject: 'x', roles: ['admin'] });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('role-required');
    });

    it('rejects roles that are not defined, naming each', async () => {
      const res = await t.http
        .post('/api/v1/tokens')
        .set(auth(ADMIN_TOKEN))
        .send({ subject: 'x', roles: ['dpo', 'wizard'] });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'unknown-role', roles: ['wizard'] });
      expect(res.body.errors).toEqual([{ pointer: '/roles/1', message: '"wizard" is not a defined role' }]);
    });
  });

  describe('AI system register', () => {
    it('registers a system (201), lists, filters and reads it', async () => {
      const created = await t.http.post('/api/v1/ai-systems').set(auth(owner)).send(recruitment);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: recruitment.name, status: 'registered', version: 1, owner: 'olivia', createdBy: 'olivia' });
      expect(created.headers.etag).toBe('"1"');

      await t.http
        .post('/api/v1/ai-systems')
        .set(auth(owner))
        .send({ name: 'Spam filter', intendedPurpose: 'Filter spam', roles: ['developer'], attributes: { useCases: ['spam-filtering'] } });

      const all = await t.http.get('/api/v1/ai-systems').set(auth(reader));
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 2, limit: 50, offset: 0 });

      const byUseCase = await t.http.get('/api/v1/ai-systems').query({ useCase: 'recruitment' }).set(auth(reader));
      expect(byUseCase.body.items.map((s: { name: string }) => s.name)).toEqual([recruitment.name]);
      const byRole = await t.http.get('/api/v1/ai-systems').query({ role: 'developer' }).set(auth(reader));
      expect(byRole.body.items.map((s: { name: string }) => s.name)).toEqual(['Spam filter']);
      const byText = await t.http.get('/api/v1/ai-systems').query({ q: 'SHORTLIST' }).set(auth(reader));
      expect(byText.body.total).toBe(1);
      const paged = await t.http.get('/api/v1/ai-systems').query({ limit: 1, offset: 1 }).set(auth(reader));
      expect(paged.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
      expect(paged.body.items).toHaveLength(1);

      const one = await t.http.get(`/api/v1/ai-systems/${created.body.id}`).set(auth(reader));
      expect(one.status).toBe(200);
      expect(one.body.attributes).toEqual(recruitment.attributes);
    });

    it('refuses writes to roles that may only read (403)', async () => {
      const res = await t.http.post('/api/v1/ai-systems').set(auth(reader)).send(recruitment);
      expect(res.status).toBe(403);
    });

    it.each([
      ['missing name', { ...recruitment, name: undefined }, '/name'],
      ['unknown field', { ...recruitment, colour: 'blue' }, '/colour'],
      ['wrong attribute type', { ...recruitment, attributes: { profilesNaturalPersons: 'yes' } }, '/attributes/profilesNaturalPersons'],
      ['unknown attribute', { ...recruitment, attributes: { favouriteColour: 'blue' } }, '/attributes/favouriteColour'],
      ['unknown use case', { ...recruitment, attributes: { useCases: ['mind-reading'] } }, '/attributes/useCases/0'],
      ['unknown organisation role', { ...recruitment, roles: ['owner'] }, '/roles'],
    ])('400 with a pointer for %s, and nothing stored', async (_label, body, pointer) => {
      const before = await t.db.query('SELECT count(*)::int AS n FROM ai_systems');
      const res = await t.http.post('/api/v1/ai-systems').set(auth(owner)).send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer })]));
      const after = await t.db.query('SELECT count(*)::int AS n FROM ai_systems');
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });

    it('PATCH with optimistic concurrency: stale If-Match or version gets 409', async () => {
      const created = await t.http
        .post('/api/v1/ai-systems')
        .set(auth(owner))
        .send({ ...recruitment, name: 'Patch me' });
      const id = created.body.id;
      const first = await t.http
        .patch(`/api/v1/ai-systems/${id}`)
        .set(auth(owner))
        .set('If-Match', '"1"')
        .send({ attributes: { deploymentRegions: ['EU'] } });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(2);
      expect(first.body.attributes.deploymentRegions).toEqual(['EU']);
      expect(first.body.attributes.useCases).toEqual(['recruitment']);

      const stale = await t.http.patch(`/api/v1/ai-systems/${id}`).set(auth(owner)).set('If-Match', '"1"').send({ name: 'Lost update' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'stale-version', currentVersion: 2 });
      const staleBody = await t.http.patch(`/api/v1/ai-systems/${id}`).set(auth(owner)).send({ name: 'Lost update', version: 1 });
      expect(staleBody.status).toBe(409);

      const current = await t.http.get(`/api/v1/ai-systems/${id}`).set(auth(owner));
      expect(current.body.name).toBe('Patch me');

      const badAttr = await t.http
        .patch(`/api/v1/ai-systems/${id}`)
        .set(auth(owner))
        .set('If-Match', '"2"')
        .send({ attributes: { humanOversight: 'sometimes' } });
      expect(badAttr.status).toBe(400);
      expect(badAttr.body.errors[0].pointer).toBe('/attributes/humanOversight');
    });

    it('PATCH without If-Match or version is 428 and changes nothing', async () => {
      const created = await t.http
        .post('/api/v1/ai-systems')
        .set(auth(owner))
        .send({ ...recruitment, name: 'Unconditional' });
      const res = await t.http.patch(`/api/v1/ai-systems/${created.body.id}`).set(auth(owner)).send({ name: 'Blind write' });
      expect(res.status).toBe(428);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'precondition-required', errors: [{ pointer: '/version' }] });
      const current = await t.http.get(`/api/v1/ai-systems/${created.body.id}`).set(auth(owner));
      expect(current.body).toMatchObject({ name: 'Unconditional', version: 1 });
      const malformed = await t.http.patch(`/api/v1/ai-systems/${created.body.id}`).set(auth(owner)).set('If-Match', 'yesterday').send({ name: 'Blind write' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('invalid-if-match');
    });

    it('retires a system; a retired system no longer changes', async () => {
      const created = await t.http
        .post('/api/v1/ai-systems')
        .set(auth(owner))
        .send({ ...recruitment, name: 'Old one' });
      const retired = await t.http.post(`/api/v1/ai-systems/${created.body.id}/retire`).set(auth(owner)).send({ reason: 'replaced' });
      expect(retired.status).toBe(200);
      expect(retired.body.status).toBe('retired');
      const patch = await t.http.patch(`/api/v1/ai-systems/${created.body.id}`).set(auth(owner)).set('If-Match', retired.headers.etag).send({ name: 'x' });
      expect(patch.status).toBe(409);
      expect(patch.body.code).toBe('ai-system-retired');
      const missing = await t.http.get('/api/v1/ai-systems/00000000-0000-4000-8000-000000000000').set(auth(owner));
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('ai-system-not-found');
    });
  });

  describe('audit trail', () => {
    it('records each change with actor, request id and before/after', async () => {
      const created = await t.http
        .post('/api/v1/ai-systems')
        .set(auth(owner))
        .set('X-Request-Id', 'req-audit-1')
        .send({ ...recruitment, name: 'Audited' });
      expect(created.headers['x-request-id']).toBe('req-audit-1');
      await t.http.patch(`/api/v1/ai-systems/${created.body.id}`).set(auth(owner)).send({ name: 'Audited twice', version: created.body.version }).expect(200);
      await t.http.post(`/api/v1/ai-systems/${created.body.id}/retire`).set(auth(owner)).send({});

      const res = await t.http.get('/api/v1/audit-events').query({ subjectType: 'ai-system', subjectId: created.body.id }).set(auth(ADMIN_TOKEN));
      expect(res.status).toBe(200);
      const [retired, updated, registered] = res.body.items;
      expect(registered).toMatchObject({ action: 'ai-system.registered', actor: 'olivia', requestId: 'req-audit-1' });
      expect(registered.after.name).toBe('Audited');
      expect(updated).toMatchObject({ action: 'ai-system.updated', before: { name: 'Audited' }, after: { name: 'Audited twice' } });
      expect(retired).toMatchObject({ action: 'ai-system.retired', after: { status: 'retired' } });

      const byActor = await t.http.get('/api/v1/audit-events').query({ actor: 'olivia', action: 'ai-system.updated' }).set(auth(ADMIN_TOKEN));
      expect(byActor.body.items.every((e: { actor: string; action: string }) => e.actor === 'olivia' && e.action === 'ai-system.updated')).toBe(true);
      expect((await t.http.get('/api/v1/audit-events').set(auth(owner))).status).toBe(403);
    });

    it('refuses UPDATE and DELETE on audit events at the database', async () => {
      await expect(t.db.query(`UPDATE audit_events SET actor = 'mallory'`)).rejects.toThrow(/append-only/);
      await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    });

    it('verify is valid after sealing, and names the first event altered behind the API', async () => {
      // Sealing waits for every older transaction of the cluster (other test files share it): retry briefly.
      let ok = await t.http.get('/api/v1/audit-events/verify').set(auth(ADMIN_TOKEN));
      for (let i = 0; i < 100 && ok.body.pending > 0; i++) {
        await t.app.get(AuditTrailService).sealPending();
        ok = await t.http.get('/api/v1/audit-events/verify').set(auth(ADMIN_TOKEN));
        if (ok.body.pending > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ valid: true, pending: 0 });
      expect(ok.body.checked).toBe(ok.body.sealed);
      expect(ok.body.checked).toBeGreaterThan(5);

      const { rows } = await t.db.query(`SELECT id FROM audit_events WHERE action = 'ai-system.registered' ORDER BY seq LIMIT 1`);
      const client = await t.db.connect();
      try {
        await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
        await client.query(`UPDATE audit_events SET actor = 'mallory' WHERE id = $1`, [rows[0].id]);
        await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      } finally {
        client.release();
      }
      const broken = await t.http.get('/api/v1/audit-events/verify').set(auth(ADMIN_TOKEN));
      expect(broken.body).toMatchObject({ valid: false, firstBrokenId: String(rows[0].id) });
    });
  });

  describe('HTTP conventions', () => {
    it('serves health without a token, and the OpenAPI document', async () => {
      const health = await t.http.get('/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
      const doc = await t.http.get('/docs-json');
      expect(doc.status).toBe(200);
      expect(doc.body.paths).toHaveProperty(['/api/v1/ai-systems']);
      expect((await t.http.get('/docs')).status).toBe(200);
    });

    it('answers malformed JSON with a 400 problem', async () => {
      const res = await t.http.post('/api/v1/ai-systems').set(auth(owner)).set('Content-Type', 'application/json').send('{"name": ');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('refuses a body that is not JSON with 415, and an oversized one with 413, as problems', async () => {
      const xml = await t.http.post('/api/v1/ai-systems').set(auth(owner)).set('Content-Type', 'text/plain').send('name=x');
      expect(xml.status).toBe(415);
      expect(xml.headers['content-type']).toMatch(/application\/problem\+json/);
      const big = await t.http
        .post('/api/v1/ai-systems')
        .set(auth(owner))
        .send({ ...recruitment, description: 'x'.repeat(2 * 1024 * 1024) });
      expect(big.status).toBe(413);
      expect(big.body.detail).toMatch(/limit/);
    });

    it('answers an unknown route with a 404 problem', async () => {
      const res = await t.http.get('/api/v1/nothing-here').set(auth(owner));
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });
  });
});

describe('tokens that expire', () => {
  let t: TestApp;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
  });
  afterAll(() => t.close());

  it('authenticate until their expiry (cached or not), then get 401 expired-token; an expiry in the past is refused', async () => {
    const now = t.app.get(Clock).now().getTime();
    const expiresAt = new Date(now + 3600_000).toISOString();
    const created = await t.http
      .post('/api/v1/tokens')
      .set(auth(ADMIN_TOKEN))
      .send({ subject: 'contractor', roles: ['auditor'], expiresAt })
      .expect(201);
    expect(created.body.expiresAt).toBe(expiresAt);
    await t.http.get('/api/v1/ai-systems').set(auth(created.body.token)).expect(200); // looked up, now cached
    const listed = (await t.http.get('/api/v1/tokens').set(auth(ADMIN_TOKEN))).body.items.find((x: { subject: string }) => x.subject === 'contractor');
    expect(listed.expiresAt).toBe(expiresAt);

    const gina = await t.tokenFor('gina', 'governance');
    await t.http.post('/api/v1/clock/advance').set(auth(gina)).send({ duration: 'PT2H' }).expect(200);
    const expired = await t.http.get('/api/v1/ai-systems').set(auth(created.body.token));
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: 'expired-token', detail: `The token expired at ${expiresAt}` });

    const past = await t.http
      .post('/api/v1/tokens')
      .set(auth(ADMIN_TOKEN))
      .send({ subject: 'late', roles: ['auditor'], expiresAt: new Date(now).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ pointer: '/expiresAt' })]);
    const malformed = await t.http
      .post('/api/v1/tokens')
      .set(auth(ADMIN_TOKEN))
      .send({ subject: 'late', roles: ['auditor'], expiresAt: 'next week' });
    expect(malformed.status).toBe(400);
  });
});

describe('the manual clock', () => {
  it('keeps its time across restarts, and never goes back', async () => {
    const database = await createTestDatabase();
    try {
      const first = await createTestApp({ clock: 'manual' }, database);
      const gina = await first.tokenFor('gina', 'governance');
      const advanced = (await first.http.post('/api/v1/clock/advance').set('Authorization', `Bearer ${gina}`).send({ duration: 'P30D' }).expect(200)).body.now;
      expect(new Date(advanced).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
      await first.close();

      const second = await createTestApp({ clock: 'manual' }, database);
      try {
        const now = await second.http.get('/api/v1/clock').set('Authorization', `Bearer ${gina}`).expect(200);
        expect(now.body).toEqual({ now: advanced });
        expect(second.app.get(Clock).now().toISOString()).toBe(advanced);
      } finally {
        await second.close();
      }
    } finally {
      await dropTestDatabase(database.name);
    }
  });
});
