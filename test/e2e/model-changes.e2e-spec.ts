import { ModelEventsService } from '../../src/model-changes/model-events.service.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('model changes trigger reassessment', () => {
  let t: TestApp;
  let owner: string;
  let integration: string;

  beforeAll(async () => {
    t = await createTestApp({ modelEventPollIntervalMs: 0, modelEventBatchSize: 3 });
    owner = await t.tokenFor('olivia', 'ai-owner');
    integration = await t.tokenFor('mlflow', 'integration');
  });
  afterAll(() => t.close());

  async function register(name: string, model = { provider: 'acme', name: 'rank', version: '1.2.0' }) {
    const res = await t.http
      .post('/api/v1/ai-systems')
      .set(auth(owner))
      .send({
        name,
        intendedPurpose: 'Rank applicants',
        roles: ['deployer'],
        model,
        attributes: { useCases: ['recruitment'], profilesNaturalPersons: true, deploymentRegions: ['EU'] },
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string };
  }

  /** Puts a system in operation with an approved assessment, as the onboarding would. */
  async function approve(id: string) {
    await t.db.query(`UPDATE ai_systems SET status = 'approved' WHERE id = $1`, [id]);
    await t.db.query(`UPDATE process_instances SET status = 'cancelled' WHERE subject_id = $1`, [id]);
    await t.db.query(
      `INSERT INTO impact_assessments (system_id, version, status, trigger, created_at, updated_at, approved_at) VALUES ($1, 1, 'approved', 'onboarding', now(), now(), now())`,
      [id],
    );
  }

  it('a major version: decision stored, status reassessment-required, assessment review-required, impact assessment started', async () => {
    const system = await register('Major bump');
    await approve(system.id);
    const res = await t.http
      .post(`/api/v1/ai-systems/${system.id}/model-versions`)
      .set(auth(integration))
      .send({ provider: 'acme', modelName: 'rank', version: '2.0.0' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      modelVersion: { version: '2.0.0', changeFacts: { semverBump: 'major' } },
      decision: { reassess: true, reasons: ['major-model-version'], decisionId: expect.any(String) },
      instanceStarted: true,
      instanceId: expect.any(String),
    });
    const now = await t.http.get(`/api/v1/ai-systems/${system.id}`).set(auth(owner));
    expect(now.body).toMatchObject({ status: 'reassessment-required', model: { version: '2.0.0' } });
    const assessments = await t.http.get('/api/v1/impact-assessments').query({ systemId: system.id }).set(auth(owner));
    expect(assessments.body.items.map((a: { status: string }) => a.status).sort()).toEqual(['draft', 'review-required']);
    const instance = await t.http.get(`/api/v1/process-instances/${res.body.instanceId}`).set(auth(owner));
    expect(instance.body).toMatchObject({ definitionKey: 'impact-assessment', status: 'active' });
    expect(instance.body.variables).toMatchObject({ trigger: 'model-version', reasons: ['major-model-version'] });
    const decision = await t.http.get(`/api/v1/decisions/${res.body.decision.decisionId}`).set(auth(owner));
    expect(decision.body).toMatchObject({ ruleSetKey: 'reassessment-triggers', facts: { semverBump: 'major' } });

    // a second material change while that assessment runs: no second instance, the reasons are added
    const again = await t.http
      .post(`/api/v1/ai-systems/${system.id}/model-versions`)
      .set(auth(integration))
      .send({ provider: 'acme', modelName: 'rank', version: '2.0.1', declaredChanges: { trainingDataChanged: true } });
    expect(again.body).toMatchObject({
      instanceStarted: false,
      instanceId: res.body.instanceId,
      decision: { reassess: true, reasons: ['training-data-changed'] },
    });
    const draft = (await t.http.get('/api/v1/impact-assessments').query({ systemId: system.id, status: 'draft' }).set(auth(owner))).body.items[0];
    expect(draft.reasons).toEqual(['major-model-version', 'training-data-changed']);
    const history = await t.http.get(`/api/v1/ai-systems/${system.id}/model-versions`).set(auth(owner));
    expect(history.body.items.map((v: { version: string }) => v.version)).toEqual(['2.0.1', '2.0.0']);
  });

  it('a patch version is no material change', async () => {
    const system = await register('Patch bump');
    await approve(system.id);
    const res = await t.http
      .post(`/api/v1/ai-systems/${system.id}/model-versions`)
      .set(auth(integration))
      .send({ provider: 'acme', modelName: 'rank', version: '1.2.1' });
    expect(res.body).toMatchObject({ decision: { reassess: false, reasons: [] }, instanceId: null });
    expect((await t.http.get(`/api/v1/ai-systems/${system.id}`).set(auth(owner))).body.status).toBe('approved');
  });

  it('PATCH attribute changes run the same trigger rules', async () => {
    const system = await register('New region');
    await approve(system.id);
    const { etag } = (await t.http.get(`/api/v1/ai-systems/${system.id}`).set(auth(owner))).headers;
    const res = await t.http
      .patch(`/api/v1/ai-systems/${system.id}`)
      .set(auth(owner))
      .set('If-Match', etag)
      .send({ attributes: { deploymentRegions: ['EU', 'US'] } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('reassessment-required');
    const decisions = await t.http.get(`/api/v1/ai-systems/${system.id}/decisions`).query({ ruleSet: 'reassessment-triggers' }).set(auth(owner));
    expect(decisions.body.items[0]).toMatchObject({ trigger: 'attribute-change', outcome: { reassess: true, reasons: ['new-deployment-region'] } });
  });

  it('refuses unknown systems (404) and bad bodies (400), changing nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM model_versions');
    expect(
      (
        await t.http
          .post('/api/v1/ai-systems/00000000-0000-4000-8000-000000000000/model-versions')
          .set(auth(integration))
          .send({ provider: 'a', modelName: 'b', version: '1' })
      ).status,
    ).toBe(404);
    const bad = await t.http
      .post('/api/v1/ai-systems/00000000-0000-4000-8000-000000000000/model-versions')
      .set(auth(integration))
      .send({ provider: 'a', version: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/modelName', '/version']));
    expect((await t.http.post('/api/v1/model-events').set(auth(integration)).send({ provider: 'nobody', modelName: 'nothing', version: '1.0.0' })).status).toBe(
      404,
    );
    expect((await t.db.query('SELECT count(*)::int AS n FROM model_versions')).rows[0].n).toBe(before.rows[0].n);
  });

  it('a model event fans out in batches by the worker, with progress', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await register(`Fleet ${i}`, { provider: 'bigco', name: 'llm', version: '3.1.0' })).id);
    for (const id of ids.slice(0, 2)) await approve(id);
    await register('Other model', { provider: 'bigco', name: 'other', version: '1.0.0' });

    const res = await t.http
      .post('/api/v1/model-events')
      .set(auth(integration))
      .set('Idempotency-Key', 'evt-1')
      .send({ provider: 'bigco', modelName: 'llm', version: '4.0.0' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ affectedSystems: 5 });
    const replay = await t.http
      .post('/api/v1/model-events')
      .set(auth(integration))
      .set('Idempotency-Key', 'evt-1')
      .send({ provider: 'bigco', modelName: 'llm', version: '4.0.0' });
    expect(replay.status).toBe(202);
    expect(replay.body.id).toBe(res.body.id);

    const before = await t.http.get(`/api/v1/model-events/${res.body.id}`).set(auth(integration));
    expect(before.body).toMatchObject({ total: 5, processed: 0, pending: 5, completedAt: null });
    expect(await t.app.get(ModelEventsService).runOnce()).toBe(5);
    const after = await t.http.get(`/api/v1/model-events/${res.body.id}`).set(auth(integration));
    expect(after.body).toMatchObject({ total: 5, processed: 5, pending: 0, failures: 0, reassessmentsStarted: 2 });
    expect(after.body.completedAt).not.toBeNull();
    const versions = await t.db.query(`SELECT count(*)::int AS n FROM model_versions WHERE model_event_id = $1`, [res.body.id]);
    expect(versions.rows[0].n).toBe(5);
  });
});
