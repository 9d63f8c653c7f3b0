import { IdempotencyService } from '../../src/idempotency/idempotency.service.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const system = { name: 'Idempotent', intendedPurpose: 'x', roles: ['deployer'], attributes: { useCases: ['chatbot'] } };

describe('Idempotency-Key on POST', () => {
  let t: TestApp;
  let owner: string;
  const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM ai_systems WHERE name = 'Idempotent'`)).rows[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.tokenFor('olivia', 'ai-owner');
  });
  afterAll(() => t.close());

  it('replays the first response for the same key and body, with no second effect', async () => {
    const first = await t.http.post('/api/v1/ai-systems').set('Authorization', `Bearer ${owner}`).set('Idempotency-Key', 'k-1').send(system);
    expect(first.status).toBe(201);
    const again = await t.http.post('/api/v1/ai-systems').set('Authorization', `Bearer ${owner}`).set('Idempotency-Key', 'k-1').send(system);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await count()).toBe(1);
  });

  it('replays the status the route chose for the answer: a queued simulation is 202 again, with the same simulation', async () => {
    const governance = await t.tokenFor('gina', 'governance');
    const send = () =>
      t.http
        .post('/api/v1/rule-sets/review-interval/versions/1/simulate')
        .set('Authorization', `Bearer ${governance}`)
        .set('Idempotency-Key', 'k-simulate')
        .send({});
    const first = await send().expect(202);
    const again = await send().expect(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM rule_simulations`)).rows[0].n).toBe(1);
  });

  it('shows a token secret once: the replay answers without it and the store never held it', async () => {
    const admin = await t.tokenFor('ada', 'admin');
    const send = () =>
      t.http
        .post('/api/v1/tokens')
        .set('Authorization', `Bearer ${admin}`)
        .set('Idempotency-Key', 'k-secret')
        .send({ subject: 'sam', roles: ['auditor'] });
    const first = await send().expect(201);
    expect(first.body.token).toMatch(/^afw_/);
    expect(first.body.secretShownOnce).toBeUndefined();
    const replay = await send().expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual({ ...first.body, token: undefined, secretShownOnce: true });
    expect(replay.body).not.toHaveProperty('token');
    const stored = await t.db.query(`SELECT response_body::text AS body FROM idempotency_keys WHERE key = 'k-secret'`);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].body).not.toContain(first.body.token);
    expect(JSON.parse(stored.rows[0].body)).not.toHaveProperty('token');
    // The one token still works, and there is still only one.
    await t.http.get('/api/v1/audit-events').set('Authorization', `Bearer ${first.body.token}`).expect(200);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM api_tokens WHERE subject = 'sam'`)).rows[0].n).toBe(1);
  });

  it('gives simultaneous requests with one key one effect and the same response', async () => {
    const before = await count();
    const send = () => t.http.post('/api/v1/ai-systems').set('Authorization', `Bearer ${owner}`).set('Idempotency-Key', 'k-race').send(system);
    const responses = await Promise.all([send(), send(), send(), send()]);
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('refuses the same key with a different body (422), and a malformed key (400)', async () => {
    const other = await t.http
      .post('/api/v1/ai-systems')
      .set('Authorization', `Bearer ${owner}`)
      .set('Idempotency-Key', 'k-1')
      .send({ ...system, name: 'Other' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key-reused');
    const malformed = await t.http.post('/api/v1/ai-systems').set('Authorization', `Bearer ${owner}`).set('Idempotency-Key', 'x'.repeat(300)).send(system);
    expect(malformed.status).toBe(400);
  });

  it('frees the key when the request failed, so a corrected retry goes through', async () => {
    const bad = await t.http
      .post('/api/v1/ai-systems')
      .set('Authorization', `Bearer ${owner}`)
      .set('Idempotency-Key', 'k-fail')
      .send({ ...system, attributes: { useCases: ['nope'] } });
    expect(bad.status).toBe(400);
    const same = await t.http
      .post('/api/v1/ai-systems')
      .set('Authorization', `Bearer ${owner}`)
      .set('Idempotency-Key', 'k-fail')
      .send({ ...system, attributes: { useCases: ['nope'] } });
    expect(same.status).toBe(400);
  });

  it('scopes keys per caller', async () => {
    const other = await t.tokenFor('omar', 'ai-owner');
    const res = await t.http
      .post('/api/v1/ai-systems')
      .set('Authorization', `Bearer ${other}`)
      .set('Idempotency-Key', 'k-1')
      .send({ ...system, name: 'Idempotent' });
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('never applies a change twice when the service stops between committing it and answering', async () => {
    const m = await createTestApp({ clock: 'manual' });
    try {
      const olivia = await m.tokenFor('olivia', 'ai-owner');
      const gina = await m.tokenFor('gina', 'governance');
      const send = () => m.http.post('/api/v1/ai-systems').set('Authorization', `Bearer ${olivia}`).set('Idempotency-Key', 'k-crash').send(system);
      // The change commits, then storing its response fails, as if the process had died right then.
      const keys = m.app.get(IdempotencyService);
      const complete = keys.complete.bind(keys);
      keys.complete = () => Promise.reject(new Error('the process died'));
      expect((await send()).status).toBe(500);
      keys.complete = complete;
      const stored = await m.db.query(`SELECT status FROM idempotency_keys WHERE key = 'k-crash'`);
      expect(stored.rows).toEqual([{ status: 'committed' }]); // written by the change's own transaction

      // After the in-progress lease a retry is told what happened instead of creating a second system.
      await m.http.post('/api/v1/clock/advance').set('Authorization', `Bearer ${gina}`).send({ duration: 'PT2M' }).expect(200);
      const retry = await send();
      expect(retry.status).toBe(409);
      expect(retry.body.code).toBe('idempotent-response-lost');
      expect((await m.db.query(`SELECT count(*)::int AS n FROM ai_systems WHERE name = 'Idempotent'`)).rows[0].n).toBe(1);
    } finally {
      await m.close();
    }
  });
});
