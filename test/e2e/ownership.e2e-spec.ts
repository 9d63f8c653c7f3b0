import pg from 'pg';
import { lifecycleClient, minimalSystem, type Person } from '../helpers/lifecycle.js';
import { auth } from '../helpers/processes.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Regressions of issue "Ownership…": each defect reproduced over HTTP, on real PostgreSQL.
 * The service runs with a manual clock (token expiry); the 503 path has its own service with a short
 * lock timeout, so that the races above are not cut short by a loaded machine.
 */
describe('ownership regressions', () => {
  let t: TestApp;
  let lc: ReturnType<typeof lifecycleClient>;
  let owner: Person;
  let governance: Person;

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    owner = await lc.person('olivia', 'ai-owner');
    governance = await lc.person('gina', 'governance');
  });
  afterAll(() => t.close());

  it('a model version moves the ETag: a PATCH with the ETag read before is 409, and the model stays', async () => {
    const { system } = await lc.register(owner, { ...minimalSystem('Lost update'), model: { provider: 'acme', name: 'rank', version: '1.0.0' } });
    const read = await t.http.get(`/api/v1/ai-systems/${system.id}`).set(auth(owner.token)).expect(200);
    const integration = await lc.person('mlflow', 'integration');
    await lc.post(integration, `/ai-systems/${system.id}/model-versions`, { provider: 'acme', modelName: 'rank', version: '1.1.0' }).expect(201);

    const stale = await t.http
      .patch(`/api/v1/ai-systems/${system.id}`)
      .set(auth(owner.token))
      .set('If-Match', read.headers.etag)
      .send({ description: 'edited from an old page' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale-version', currentVersion: read.body.version + 1 });
    const now = await t.http.get(`/api/v1/ai-systems/${system.id}`).set(auth(owner.token)).expect(200);
    expect(now.body.model).toEqual({ provider: 'acme', name: 'rank', version: '1.1.0' });
    expect(now.headers.etag).toBe(`"${read.body.version + 1}"`);
  });

  it('retiring a system while its onboarding task is completed never deadlocks: no 5xx in many rounds', async () => {
    const statuses: Array<[number, number]> = [];
    for (let round = 0; round < 12; round++) {
      const { system, onboardingId } = await lc.register(owner, minimalSystem(`Race ${round}`));
      const task = await lc.myTask(owner, onboardingId, 'Task_confirmScope');
      const [completed, retired] = await Promise.all([
        lc.post(owner, `/tasks/${task.id}/complete`, { variables: { inScope: true, roles: ['deployer', 'provider'] } }),
        lc.post(owner, `/ai-systems/${system.id}/retire`, { reason: `round ${round}` }),
      ]);
      statuses.push([completed.status, retired.status]);
      // Either order is fine; a server error or a handler failure ("service-task-failed") is not.
      expect(completed.status).toBeLessThan(500);
      expect(retired.status).toBe(200);
      if (completed.status !== 200) expect(completed.body.code).not.toBe('service-task-failed');
      expect((await lc.system(owner, system.id)).status).toBe('retired');
    }
    expect(statuses.every(([, retired]) => retired === 200)).toBe(true);
  });

  it('a task cannot be delegated to someone whose only token has expired', async () => {
    const { onboardingId } = await lc.register(owner, minimalSystem('Delegation'));
    const task = await lc.myTask(owner, onboardingId, 'Task_confirmScope');
    const admin = { subject: 'admin', roles: [], token: 'test-admin-token-0123456789abcdefghijklmnop' } as unknown as Person;
    const expiresAt = new Date(Date.parse((await lc.post(governance, '/clock/advance', { duration: 'PT0S' }).expect(200)).body.now) + 3600_000).toISOString();
    await lc.post(admin, '/tokens', { subject: 'ottilie', roles: ['ai-owner'], expiresAt }).expect(201);
    await lc.post(governance, '/clock/advance', { duration: 'PT2H' }).expect(200);

    const refused = await lc.post(owner, `/tasks/${task.id}/delegate`, { to: 'ottilie' }).expect(400);
    expect(refused.body).toMatchObject({ code: 'invalid-delegate', errors: [{ pointer: '/to', message: expect.stringContaining('expired') }] });
    expect((await lc.get(owner, `/tasks/${task.id}`).expect(200)).body.assignee).toBeNull();
  });

  describe('with a short lock timeout', () => {
    let short: TestApp;
    let shortLc: ReturnType<typeof lifecycleClient>;
    let holderOwner: Person;

    beforeAll(async () => {
      short = await createTestApp({ clock: 'manual', dbLockTimeoutMs: 300, dbRetryAttempts: 2 });
      shortLc = lifecycleClient(short);
      holderOwner = await shortLc.person('olivia', 'ai-owner');
    });
    afterAll(() => short.close());

    it('a change that cannot get its lock in time is 503 with Retry-After, and changes nothing', async () => {
      const { system } = await shortLc.register(holderOwner, minimalSystem('Held'));
      const holder = new pg.Client({ connectionString: short.databaseUrl });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT 1 FROM ai_systems WHERE id = $1 FOR UPDATE', [system.id]);
        const res = await short.http
          .patch(`/api/v1/ai-systems/${system.id}`)
          .set(auth(holderOwner.token))
          .set('If-Match', `"${system.version}"`)
          .send({ description: 'while locked' });
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toBe('1');
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body).toMatchObject({ code: 'database-busy', status: 503 });
      } finally {
        await holder.query('ROLLBACK');
        await holder.end();
      }
      const after = await short.http
        .patch(`/api/v1/ai-systems/${system.id}`)
        .set(auth(holderOwner.token))
        .set('If-Match', `"${system.version}"`)
        .send({ description: 'after the lock' });
      expect(after.status).toBe(200);
      expect(after.body).toMatchObject({ description: 'after the lock', version: system.version + 1 });
    });
  });
});
