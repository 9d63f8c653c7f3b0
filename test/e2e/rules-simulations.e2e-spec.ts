import { highRiskSystem, type Json, minimalSystem } from '../helpers/lifecycle.js';
import { auth } from '../helpers/processes.js';
import { settledSimulation } from '../helpers/simulations.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const SIMULATE = (key: string, version: number) => `/api/v1/rule-sets/${key}/versions/${version}/simulate`;

/** What a simulation must leave alone: rule set versions and which is active, decisions, AI systems, events. */
async function storedState(t: TestApp): Promise<Json> {
  const res = await t.db.query(
    `SELECT (SELECT count(*)::int FROM rule_set_versions) AS versions,
            (SELECT string_agg(key || ':' || coalesce(active_version::text, '-'), ',' ORDER BY key) FROM rule_sets) AS active,
            (SELECT count(*)::int FROM decisions) AS decisions,
            (SELECT json_agg(json_build_object('id', id, 'version', version, 'updated', updated_at) ORDER BY id) FROM ai_systems) AS systems,
            (SELECT count(*)::int FROM outbox_events) AS events`,
  );
  return res.rows[0];
}

/** Simulations against every registered AI system run as background jobs: 202, then follow the resource. */
describe('rule simulations against every system', () => {
  let t: TestApp;
  let governance: string;
  let auditor: string;
  let owner: string;
  let candidate: number;

  beforeAll(async () => {
    // No polling: the kick after each POST runs the simulation.
    t = await createTestApp({ simulationPollIntervalMs: 0 });
    governance = await t.tokenFor('gina', 'governance');
    auditor = await t.tokenFor('ada', 'auditor');
    owner = await t.tokenFor('olivia', 'ai-owner');
    for (const system of [
      highRiskSystem('CV screener'),
      minimalSystem('Spam filter'),
      { ...minimalSystem('Helpdesk bot'), attributes: { useCases: ['chatbot'] } },
    ])
      await t.http.post('/api/v1/ai-systems').set(auth(owner)).send(system).expect(201);
    // The candidate reviews high-risk systems every 3 months instead of 6, and no longer accepts minimal-risk facts.
    const active = await t.http.get('/api/v1/rule-sets/review-interval').set(auth(governance)).expect(200);
    const document = structuredClone(active.body.document);
    document.rules.find((rule: Json) => rule.name === 'high-risk').event.params.interval = 'P3M';
    document.factsSchema.properties.riskClass.enum = ['prohibited', 'high', 'limited'];
    candidate = (await t.http.post('/api/v1/rule-sets/review-interval/versions').set(auth(governance)).send(document).expect(201)).body.version;
  });
  afterAll(() => t.close());

  it('answers 202 with a pending simulation and its Location; the worker stores progress and the result, and nothing else', async () => {
    const before = await storedState(t);
    const res = await t.http.post(SIMULATE('review-interval', candidate)).set(auth(governance)).send({});
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/api/v1/rule-simulations/${res.body.id}`);
    expect(res.body).toMatchObject({
      ruleSetKey: 'review-interval',
      candidateVersion: candidate,
      status: 'pending',
      progress: { evaluated: 0, total: null },
      createdBy: 'gina',
      startedAt: null,
      finishedAt: null,
      error: null,
    });
    expect(res.body.result).toBeUndefined();

    const done = await settledSimulation(t, governance, res.headers.location);
    expect(done).toMatchObject({ id: res.body.id, status: 'completed', progress: { evaluated: 3, total: 3 }, error: null });
    expect(Date.parse(done.finishedAt)).toBeGreaterThanOrEqual(Date.parse(done.startedAt));
    expect(done.result).toMatchObject({
      mode: 'systems',
      candidateVersion: candidate,
      activeVersion: 1,
      systemsEvaluated: 2,
      systemsChanged: 1,
      changes: [{ name: 'CV screener', before: { interval: 'P6M' }, after: { interval: 'P3M' } }],
      changesTruncated: false,
      systemsWithInvalidFacts: [{ name: 'Spam filter', errors: [expect.objectContaining({ pointer: '/facts/riskClass' })] }],
    });
    expect(done.result.durationMs).toEqual(expect.any(Number));
    // An auditor and a compliance officer may follow it too.
    expect((await t.http.get(res.headers.location).set(auth(auditor))).body.status).toBe('completed');
    const officer = await t.tokenFor('carla', 'compliance-officer');
    expect((await t.http.get(res.headers.location).set(auth(officer))).status).toBe(200);

    expect(await storedState(t)).toEqual(before);
  });

  it('stays synchronous (200) with facts', async () => {
    const res = await t.http
      .post(SIMULATE('review-interval', candidate))
      .set(auth(auditor))
      .send({ facts: { riskClass: 'high' } });
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toMatchObject({ mode: 'facts', changed: true, candidate: { outcome: { interval: 'P3M' } }, active: { outcome: { interval: 'P6M' } } });
  });

  it('refuses an unknown version or rule set with 404 and stores nothing', async () => {
    const count = async () => (await t.db.query('SELECT count(*)::int AS n FROM rule_simulations')).rows[0].n;
    const before = await count();
    const unknownVersion = await t.http.post(SIMULATE('review-interval', 99)).set(auth(governance)).send({});
    expect(unknownVersion.status).toBe(404);
    expect(unknownVersion.body.code).toBe('rule-set-version-not-found');
    expect((await t.http.post(SIMULATE('no-such-rules', 1)).set(auth(governance)).send({})).status).toBe(404);
    expect(await count()).toBe(before);

    const missing = await t.http.get('/api/v1/rule-simulations/00000000-0000-4000-8000-000000000000').set(auth(governance));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('rule-simulation-not-found');
    expect((await t.http.get('/api/v1/rule-simulations/not-a-uuid').set(auth(governance))).status).toBe(400);
  });

  it('lists simulations newest first, filtered by rule set and status, a page at a time', async () => {
    // Queued back to back: each kick that finds a pass in flight queues one more, so all of them run.
    const otherActive = await t.http.get('/api/v1/rule-sets/risk-rating').set(auth(governance)).expect(200);
    const other = (await t.http.post('/api/v1/rule-sets/risk-rating/versions').set(auth(governance)).send(otherActive.body.document).expect(201)).body.version;
    const locations: string[] = [];
    for (const [key, version] of [
      ['review-interval', candidate],
      ['risk-rating', other],
      ['review-interval', candidate],
    ] as const)
      locations.push((await t.http.post(SIMULATE(key, version)).set(auth(governance)).send({}).expect(202)).headers.location);
    for (const location of locations) expect((await settledSimulation(t, governance, location)).status).toBe('completed');

    const all = await t.http.get('/api/v1/rule-simulations').set(auth(auditor)).expect(200);
    expect(all.body.total).toBe(4);
    const created = all.body.items.map((item: Json) => Date.parse(item.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    for (const item of all.body.items) expect(item.result).toBeUndefined();

    const reviewInterval = await t.http.get('/api/v1/rule-simulations').query({ ruleSetKey: 'review-interval' }).set(auth(auditor)).expect(200);
    expect(reviewInterval.body.total).toBe(3);
    expect(reviewInterval.body.items.every((item: Json) => item.ruleSetKey === 'review-interval')).toBe(true);
    const riskRating = await t.http.get('/api/v1/rule-simulations').query({ ruleSetKey: 'risk-rating', status: 'completed' }).set(auth(auditor)).expect(200);
    expect(riskRating.body.items.map((item: Json) => [item.ruleSetKey, item.candidateVersion, item.status])).toEqual([['risk-rating', other, 'completed']]);
    expect((await t.http.get('/api/v1/rule-simulations').query({ status: 'failed' }).set(auth(auditor)).expect(200)).body).toMatchObject({
      total: 0,
      items: [],
    });

    const first = await t.http.get('/api/v1/rule-simulations').query({ limit: 2 }).set(auth(auditor)).expect(200);
    const second = await t.http.get('/api/v1/rule-simulations').query({ limit: 2, offset: 2 }).set(auth(auditor)).expect(200);
    expect(first.body).toMatchObject({ total: 4, limit: 2, offset: 0 });
    expect(second.body).toMatchObject({ total: 4, limit: 2, offset: 2 });
    expect([...first.body.items, ...second.body.items].map((item: Json) => item.id)).toEqual(all.body.items.map((item: Json) => item.id));
    expect((await t.http.get('/api/v1/rule-simulations').query({ status: 'done' }).set(auth(auditor))).status).toBe(400);
  });

  it('is for governance, auditors and compliance officers: an AI owner gets 403', async () => {
    const one = (await t.http.get('/api/v1/rule-simulations').set(auth(governance)).expect(200)).body.items[0];
    expect((await t.http.post(SIMULATE('review-interval', candidate)).set(auth(owner)).send({})).status).toBe(403);
    expect((await t.http.get('/api/v1/rule-simulations').set(auth(owner))).status).toBe(403);
    expect((await t.http.get(`/api/v1/rule-simulations/${one.id}`).set(auth(owner))).status).toBe(403);
  });
});

describe('rule simulation time budget', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ simulationPollIntervalMs: 0, simulationTimeoutMs: 1 });
    // Enough systems that two evaluations each cannot fit in 1 ms (inserted directly: registering each would take long).
    await t.db.query(
      `INSERT INTO ai_systems (name, intended_purpose, roles, third_party, attributes, created_by, version, risk_class)
       SELECT 'system ' || n, 'test', ARRAY['deployer'], false, '{"useCases": ["chatbot"]}'::jsonb, 'test', 1, 'limited'
         FROM generate_series(1, 300) n`,
    );
  });
  afterAll(() => t.close());

  it('fails a simulation that runs past AIMSFLOW_SIMULATION_TIMEOUT_MS, saying how far it came', async () => {
    const governance = await t.tokenFor('gina', 'governance');
    const res = await t.http.post(SIMULATE('review-interval', 1)).set(auth(governance)).send({}).expect(202);
    const failed = await settledSimulation(t, governance, res.headers.location);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^The time budget of 1 ms \(AIMSFLOW_SIMULATION_TIMEOUT_MS\) was exceeded after \d+ of 300 systems were evaluated$/);
    expect(failed.progress.total).toBe(300);
    expect(failed.progress.evaluated).toBeLessThan(300);
    expect(failed.finishedAt).toEqual(expect.any(String));
    expect(failed.result).toBeUndefined();
  });
});
