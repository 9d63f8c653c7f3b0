import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromProjectRoot } from '../../src/common/paths.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, bpmn, chain, fixture, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

const simple = (key: string, name = 'Review') =>
  bpmn(
    key,
    `<bpmn:startEvent id="Start"/>
     <bpmn:userTask id="Review" name="${name}" aimsflow:candidateRoles="risk-officer"/>
     <bpmn:endEvent id="End"/>
     ${chain('Start', 'Review', 'End')}`,
  );

describe('process definitions', () => {
  let t: TestApp;
  let gov: string;
  let p: ReturnType<typeof processClient>;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
  });
  afterAll(() => t.close());

  it('stores a new version (201), returns the existing one for the same content (200), numbers versions per key', async () => {
    const first = await p.deploy(gov, simple('versioned'));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ key: 'versioned', version: 1, created: true, source: 'api', deployedBy: 'gina', uniquePerSubject: false });
    expect(first.body.xml).toBeUndefined();

    const again = await p.deploy(gov, simple('versioned').replace(/\n/g, '\r\n'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, version: 1, created: false });

    const changed = await p.deploy(gov, simple('versioned', 'Review again'));
    expect(changed.status).toBe(201);
    expect(changed.body.version).toBe(2);
    expect((await p.deploy(gov, simple('other'))).body.version).toBe(1);

    const one = await t.http.get('/api/v1/process-definitions/versioned').set(auth(gov)).expect(200);
    expect(one.body).toMatchObject({ key: 'versioned', version: 2 });
    expect(one.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const list = await t.http.get('/api/v1/process-definitions').set(auth(gov)).expect(200);
    const versioned = list.body.items.filter((d: { key: string }) => d.key === 'versioned');
    expect(versioned).toEqual([expect.objectContaining({ version: 2 })]);
    expect(list.body.total).toBe(list.body.items.length);
    const paged = await t.http.get('/api/v1/process-definitions?limit=1&offset=1').set(auth(gov)).expect(200);
    expect(paged.body).toMatchObject({ limit: 1, offset: 1, total: list.body.total });
    expect(paged.body.items).toHaveLength(1);
  });

  it('serves the XML of each version for a diagram viewer', async () => {
    const xml = simple('viewer');
    await p.deploy(gov, xml).expect(201);
    const res = await t.http.get('/api/v1/process-definitions/viewer/versions/1/xml').set(auth(gov)).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.text).toBe(xml);
    await t.http.get('/api/v1/process-definitions/viewer/versions/9/xml').set(auth(gov)).expect(404);
    await t.http.get('/api/v1/process-definitions/nope').set(auth(gov)).expect(404);
  });

  it('rejects a process outside the subset with 422, naming every element at fault, and stores nothing', async () => {
    const xml = bpmn(
      'invalid-kinds',
      `<bpmn:startEvent id="Start"/>
       <bpmn:scriptTask id="Script"/>
       <bpmn:exclusiveGateway id="Choice"/>
       <bpmn:userTask id="A" aimsflow:candidateRoles="dpo"/>
       <bpmn:userTask id="B" aimsflow:candidateRoles="dpo"/>
       <bpmn:businessRuleTask id="Rate" aimsflow:ruleSet="no-such-rule-set"/>
       <bpmn:serviceTask id="Call" aimsflow:handler="no-such-handler"/>
       <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>thirty days</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
       <bpmn:userTask id="Orphan" aimsflow:candidateRoles="dpo"/>
       <bpmn:endEvent id="End"/>
       ${chain('Start', 'Script', 'Choice')}
       <bpmn:sequenceFlow id="ToA" sourceRef="Choice" targetRef="A"><bpmn:conditionExpression>score &gt;</bpmn:conditionExpression></bpmn:sequenceFlow>
       <bpmn:sequenceFlow id="ToB" sourceRef="Choice" targetRef="B"/>
       ${chain('A', 'Rate', 'Call', 'Wait', 'End')}
       ${chain('B', 'End')}
       ${chain('Orphan', 'End')}`,
    );
    const res = await p.deploy(gov, xml).expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('invalid-process-definition');
    const at = (id: string) => res.body.errors.filter((e: { elementId?: string }) => e.elementId === id);
    for (const id of ['Script', 'ToA', 'ToB', 'Rate', 'Call', 'Wait', 'Orphan']) {
      expect(at(id).length).toBeGreaterThan(0);
      expect(at(id)[0].pointer).toBe(`/elements/${id}`);
    }
    // A rule set not deployed yet is no issue (it is resolved when an instance gets there); a missing result variable is.
    expect(at('Rate').map((e: { message: string }) => e.message)).toEqual(['business rule task needs a result variable (aimsflow:resultVariable)']);
    expect(at('Call')[0].message).toContain('no-such-handler');
    await t.http.get('/api/v1/process-definitions/invalid-kinds').set(auth(gov)).expect(404);

    // A none end event on a branch the join waits for: one error, at the end event, naming the join.
    const unbalanced = bpmn(
      'unbalanced',
      `<bpmn:startEvent id="Start"/><bpmn:parallelGateway id="Fork"/><bpmn:parallelGateway id="Join"/>
       <bpmn:userTask id="A" aimsflow:candidateRoles="dpo"/><bpmn:userTask id="B" aimsflow:candidateRoles="dpo"/><bpmn:userTask id="C" aimsflow:candidateRoles="dpo"/>
       <bpmn:endEvent id="EndB"/><bpmn:endEvent id="End"/>
       ${chain('Start', 'Fork', 'A', 'Join', 'End')} ${chain('Fork', 'B', 'EndB')} ${chain('Fork', 'C', 'Join')}`,
    );
    const parallel = await p.deploy(gov, unbalanced).expect(422);
    expect(parallel.body.errors).toEqual([
      expect.objectContaining({ elementId: 'EndB', message: expect.stringContaining('would leave join Join waiting forever') }),
    ]);
  });

  it('answers 400 for a body that is not BPMN, 415 for JSON, 403 without the governance role', async () => {
    const notBpmn = await p.deploy(gov, '<html><body>hello</body></html>').expect(400);
    expect(notBpmn.body).toMatchObject({ code: 'invalid-bpmn', errors: [expect.objectContaining({ pointer: '/' })] });
    await p.deploy(gov, '<bpmn:definitions').expect(400);
    const json = await t.http
      .post('/api/v1/process-definitions')
      .set(auth(gov))
      .send({ xml: simple('json') })
      .expect(415);
    expect(json.body.code).toBe('not-bpmn-xml');
    const owner = await t.tokenFor('olga', 'ai-owner');
    await p.deploy(owner, simple('forbidden')).expect(403);
  });

  it('lists the service task handlers with a description each', async () => {
    const res = await t.http.get('/api/v1/service-task-handlers').set(auth(gov)).expect(200);
    expect(res.body.map((h: { name: string }) => h.name)).toEqual(expect.arrayContaining(['noop', 'notify', 'set-variables']));
    for (const handler of res.body) expect(handler.description.length).toBeGreaterThan(10);
  });

  it('deploys and runs a Camunda Modeler (Camunda 8) file unchanged: user tasks, exclusive gateway, boundary and intermediate timers', async () => {
    const dpo = await t.tokenFor('dora', 'dpo');
    const owner = await t.tokenFor('otto', 'ai-owner');
    // Its review task links a Camunda form, which must be stored first.
    const form = readFileSync(fromProjectRoot('test/fixtures/forms/model-card-review-form.form'), 'utf8');
    await t.http.post('/api/v1/forms').set(auth(gov)).set('Content-Type', 'application/json').send(form).expect(201);
    await p.deploy(gov, fixture('camunda-modeler-c8.bpmn')).expect(201);
    const started = await p.start(gov, 'model-card-review', { reviewDue: 'P3D', publicationDelay: 'P1D' }).expect(201);
    const id = started.body.id;
    const review = await p.taskOf(dpo, id, 'Activity_review');
    expect(review).toMatchObject({ candidateRoles: ['risk-officer', 'dpo'], name: 'Review model card' });
    expect(started.body.timers).toEqual([expect.objectContaining({ elementId: 'Event_reviewOverdue' })]);

    // The 48 h reminder path runs the notify handler while the review stays open.
    const fired = await p.advance(gov, 'P2D').expect(200);
    expect(fired.body.fired).toEqual([expect.objectContaining({ elementId: 'Event_reviewOverdue', outcome: 'fired' })]);
    expect((await p.taskOf(dpo, id, 'Activity_review')).id).toBe(review.id);

    await p.complete(dpo, review.id, { variables: { approved: false } }).expect(200);
    const rework = await p.taskOf(owner, id, 'Activity_rework');
    await p.complete(owner, rework.id).expect(200);
    await p.complete(dpo, (await p.taskOf(dpo, id, 'Activity_review')).id, { variables: { approved: true } }).expect(200);
    expect((await p.instance(gov, id)).body).toMatchObject({ status: 'active', activeElementIds: ['Event_publishDelay'] });
    await p.advance(gov, 'P1D').expect(200);
    expect((await p.instance(gov, id)).body.status).toBe('completed');
  });

  it('names the Camunda 7 file elements that reference what this deployment lacks', async () => {
    const res = await p.deploy(gov, fixture('camunda-modeler-c7.bpmn')).expect(422);
    // Its rule set (supplier-risk, not deployed here) would only be a warning: it is resolved when an instance gets there.
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        elementId: 'Activity_approve',
        message: 'candidate roles names "procurement", which is no defined role (GET /roles lists them)',
      }),
    ]);
  });
});

describe('process definitions deployed from processes/ at start-up', () => {
  let dir: string;
  let database: { url: string; name: string };
  const apps: TestApp[] = [];
  const start = async () => {
    const app = await createTestApp({ processesDir: dir }, database);
    apps.push(app);
    return app;
  };
  const stopAll = async () => {
    while (apps.length) await (apps.pop() as TestApp).close();
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'aimsflow-processes-'));
    database = await createTestDatabase();
  });
  afterEach(stopAll);
  afterAll(async () => {
    await dropTestDatabase(database.name);
    rmSync(dir, { recursive: true, force: true });
  });

  it('deploys each file once, a new version only when its content changed (rule sets are synced first)', async () => {
    // automatic.bpmn names a rule set of rules/: on this fresh database it exists (and is no warning) only once the rules sync ran.
    writeFileSync(path.join(dir, 'automatic.bpmn'), fixture('automatic.bpmn'));
    writeFileSync(path.join(dir, 'review.bpmn'), simple('from-file'));
    let t = await start();
    const gov = await t.tokenFor('gina', 'governance');
    const get = async (key: string) => (await t.http.get(`/api/v1/process-definitions/${key}`).set(auth(gov)).expect(200)).body;
    expect(await get('automatic')).toMatchObject({ version: 1, source: 'file', sourceFile: path.join(path.basename(dir), 'automatic.bpmn') });
    expect((await get('from-file')).version).toBe(1);
    await stopAll();

    t = await start();
    expect((await get('from-file')).version).toBe(1);
    await stopAll();

    writeFileSync(path.join(dir, 'review.bpmn'), simple('from-file', 'Changed in the file'));
    t = await start();
    expect(await get('from-file')).toMatchObject({ version: 2, versions: [expect.objectContaining({ version: 2 }), expect.objectContaining({ version: 1 })] });
  });

  it('refuses to start with an invalid file, naming the file and the elements', async () => {
    writeFileSync(
      path.join(dir, 'broken.bpmn'),
      bpmn('broken', `<bpmn:startEvent id="Start"/><bpmn:scriptTask id="Script"/><bpmn:endEvent id="End"/>${chain('Start', 'Script', 'End')}`),
    );
    await expect(createTestApp({ processesDir: dir }, database)).rejects.toThrow(/broken\.bpmn: Script: a script task needs a FEEL expression/);
    rmSync(path.join(dir, 'broken.bpmn'));
  });
});
