import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { type Json, lifecycleClient, type LifecycleClient, minimalSystem, type Person } from '../helpers/lifecycle.js';

/**
 * Objectives and KPIs (processes/objective.bpmn), ISO/IEC 42001 clauses 6.2 and 9.1: measurements
 * posted by an integration (Idempotency-Key), each judged by the objective-breach rules; a breach
 * raises a nonconformity; a missing measurement past its due date raises a reminder (manual clock).
 */
describe('lifecycle: AI objectives and KPIs', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let carla: Person; // compliance officer: sets the objective
  let olivia: Person; // AI owner: registers the system
  let bot: Person; // integration: posts measurements
  let gina: Person; // governance: moves the clock
  let audrey: Person; // auditor: reads the trail
  let systemId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    carla = await lc.person('carla', 'compliance-officer');
    olivia = await lc.person('olivia', 'ai-owner');
    bot = await lc.person('mlflow', 'integration');
    gina = await lc.person('gina', 'governance');
    audrey = await lc.person('audrey', 'auditor');
    systemId = (await lc.register(olivia, minimalSystem('Support triage'))).system.id;
  });
  afterAll(() => t.close());

  const objective = {
    title: 'Routing accuracy',
    measure: 'Share of tickets routed right, monthly sample',
    unit: '%',
    target: 95,
    direction: 'at-least',
    frequency: 'P1M',
  };
  const measure = (id: string, body: Json, key?: string) => {
    const req = t.http.post(`/api/v1/objectives/${id}/measurements`).set({ Authorization: `Bearer ${bot.token}` });
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };

  it('judges each measurement by the rules; a breach raises a nonconformity; the series shows its trend', async () => {
    const created = (await lc.post(carla, '/objectives', { ...objective, systemIds: [systemId], controlIds: ['A.6.2.6'] }).expect(201)).body;
    expect(created).toMatchObject({ status: 'active', owner: 'carla', series: [], trend: 'insufficient-data', instanceId: expect.any(String) });
    const id = created.id;

    const ok = await measure(id, { value: 96.5, note: 'March sample' }, 'mlflow-run-1').expect(201);
    expect(ok.body).toMatchObject({ value: 96.5, breach: false, severity: 'none', nonconformityId: null, recordedBy: 'mlflow' });
    // The integration retries: the same answer, recorded once.
    const replay = await measure(id, { value: 96.5, note: 'March sample' }, 'mlflow-run-1').expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(ok.body.id);

    await lc.advance(gina, 'P20D');
    const minor = (await measure(id, { value: 92 }, 'mlflow-run-2').expect(201)).body;
    expect(minor).toMatchObject({ breach: true, severity: 'minor', nonconformityId: expect.any(String) });
    const nc = (await lc.get(audrey, `/nonconformities/${minor.nonconformityId}`).expect(200)).body;
    expect(nc).toMatchObject({
      title: 'Objective not met: Routing accuracy',
      source: 'monitoring',
      severity: 'minor',
      systemId,
      clauseRefs: ['6.2', '9.1'],
      controlRefs: ['A.6.2.6'],
      status: 'raised',
      instanceId: expect.any(String),
    });
    await lc.advance(gina, 'P20D');
    const major = (await measure(id, { value: 70 }, 'mlflow-run-3').expect(201)).body;
    expect(major).toMatchObject({ breach: true, severity: 'major' });
    expect((await lc.get(audrey, `/nonconformities/${major.nonconformityId}`).expect(200)).body.severity).toBe('major');

    const row = (await lc.get(audrey, `/objectives/${id}`).expect(200)).body;
    expect(row.series.map((m: Json) => [m.value, m.breach])).toEqual([
      [96.5, false],
      [92, true],
      [70, true],
    ]);
    expect(row.trend).toBe('worsening');
    const decisions = await Promise.all((await lc.decisionIds(audrey, created.instanceId)).map((d) => lc.decision(audrey, d)));
    expect(decisions.map((d) => [d.ruleSetKey, d.outcome.severity])).toEqual([
      ['objective-breach', 'none'],
      ['objective-breach', 'minor'],
      ['objective-breach', 'major'],
    ]);
    expect(decisions[1].facts).toMatchObject({ value: 92, target: 95, direction: 'at-least', deviationPercent: 3.16 });
  });

  it('reminds the owner when a measurement is past its due date, weekly, until one arrives; a closed objective takes none', async () => {
    const created = (
      await lc.post(carla, '/objectives', { ...objective, title: 'Complaint rate', target: 2, direction: 'at-most', unit: 'per 1000' }).expect(201)
    ).body;
    const id = created.id;
    const ours = (fired: Json[]) => fired.filter((f) => f.instanceId === created.instanceId).map((f) => f.elementId);
    expect(ours(await lc.advance(gina, 'P1M'))).toEqual(['Timer_due']);
    let row = (await lc.get(audrey, `/objectives/${id}`).expect(200)).body;
    expect(row.remindedAt).toEqual(expect.any(String));
    expect(ours(await lc.advance(gina, 'P7D'))).toEqual(['Timer_due']);
    const missing = (await lc.get(audrey, '/audit-events', { subjectType: 'objective', subjectId: id, action: 'objective.measurement-missing' }).expect(200))
      .body;
    expect(missing.total).toBe(2);

    // A measurement puts the next due date a period later.
    expect((await measure(id, { value: 1.5 }).expect(201)).body).toMatchObject({ breach: false });
    row = (await lc.get(audrey, `/objectives/${id}`).expect(200)).body;
    expect(ours(await lc.advance(gina, 'P27D'))).toEqual([]);
    expect(row.trend).toBe('insufficient-data');

    const closed = (await lc.post(carla, `/objectives/${id}/close`).expect(200)).body;
    expect(closed.status).toBe('closed');
    expect((await lc.instance(audrey, created.instanceId)).status).toBe('completed');
    expect((await measure(id, { value: 1 }).expect(409)).body.code).toBe('objective-not-monitored');
  });

  it('validates objectives and measurements', async () => {
    const bad = await lc.post(carla, '/objectives', { ...objective, direction: 'about', frequency: 'monthly', target: 'high' }).expect(400);
    expect([...new Set(bad.body.errors.map((e: Json) => e.pointer))].sort()).toEqual(['/direction', '/frequency', '/target']);
    const refs = await lc.post(carla, '/objectives', { ...objective, systemIds: ['00000000-0000-4000-8000-000000000000'], controlIds: ['A.99'] }).expect(400);
    expect(refs.body).toMatchObject({ code: 'invalid-objective' });
    expect(refs.body.errors.map((e: Json) => e.pointer)).toEqual(['/systemIds/0', '/controlIds/0']);
    const id = (await lc.post(carla, '/objectives', objective).expect(201)).body.id;
    const now = Date.parse((await lc.get(gina, '/clock').expect(200)).body.now);
    expect((await measure(id, { value: 1, measuredAt: new Date(now + 86_400_000).toISOString() }).expect(400)).body.errors[0].pointer).toBe('/measuredAt');
    await lc.post(audrey, '/objectives', objective).expect(403);
    await lc.get(audrey, '/objectives/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
