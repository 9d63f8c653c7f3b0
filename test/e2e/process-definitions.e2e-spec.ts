import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromProjectRoot } from '../../src/common/paths.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, bpmn, chain, fixture, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

const simple = (key: string, name = 'Review') =>
  bpmn(
    key,
    `<bpmn:startEvent id="Start"/>
     <bpmn:userTask id="Review" name="${name}" aimsflow:candidateRoles="risk-officer"/>
     <bpmn:endEvent id="End"/>
     ${chain('Start', 'Review', 'End')}`,
  );

/** A Camunda Modeler collaboration: two pools, each an executable process (ids are unique in the whole file). */
const collaboration = (first: string, second: string, secondTask = `<bpmn:userTask id="${second}_task" name="Review the intake"/>`) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0"
  id="Defs_${first}" targetNamespace="https://aimsflow.dev/test">
  <bpmn:collaboration id="Collab_${first}">
    <bpmn:participant id="Pool_${first}" processRef="${first}"/>
    <bpmn:participant id="Pool_${second}" processRef="${second}"/>
    <bpmn:participant id="Pool_${first}_partner" processRef="${first}_partner"/>
  </bpmn:collaboration>
  <bpmn:process id="${first}" name="Intake" isExecutable="true">
    <bpmn:startEvent id="${first}_start"/>
    <bpmn:userTask id="${first}_task" name="Take in" aimsflow:candidateRoles="risk-officer"/>
    <bpmn:endEvent id="${first}_end"/>
    ${chain(`${first}_start`, `${first}_task`, `${first}_end`)}
  </bpmn:process>
  <bpmn:process id="${first}_partner" isExecutable="false"><bpmn:complexGateway id="${first}_never_read"/></bpmn:process>
  <bpmn:process id="${second}" name="Review" isExecutable="true">
    <bpmn:startEvent id="${second}_start"/>
    ${secondTask}
    <bpmn:endEvent id="${second}_end"/>
    ${chain(`${second}_start`, `${second}_task`, `${second}_end`)}
  </bpmn:process>
</bpmn:definitions>`;

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
       <bpmn:businessRuleTask id="Rate"/>
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
    // A rule set not deployed yet is no issue (it is resolved when an instance gets there); none at all is.
    expect(at('Rate').map((e: { message: string }) => e.message)).toEqual(['business rule task needs a rule set (aimsflow:ruleSet)']);
    expect(at('Call')[0].message).toContain('no-such-handler');
    await t.http.get('/api/v1/process-definitions/invalid-kinds').set(auth(gov)).expect(404);

    // A none end event on a branch the join waits for deploys, with a warning at the end event naming the join (it may wait forever).
    const unbalanced = bpmn(
      'unbalanced',
      `<bpmn:startEvent id="Start"/><bpmn:parallelGateway id="Fork"/><bpmn:parallelGateway id="Join"/>
       <bpmn:userTask id="A" aimsflow:candidateRoles="dpo"/><bpmn:userTask id="B" aimsflow:candidateRoles="dpo"/><bpmn:userTask id="C" aimsflow:candidateRoles="dpo"/>
       <bpmn:endEvent id="EndB"/><bpmn:endEvent id="End"/>
       ${chain('Start', 'Fork', 'A', 'Join', 'End')} ${chain('Fork', 'B', 'EndB')} ${chain('Fork', 'C', 'Join')}`,
    );
    const parallel = await p.deploy(gov, unbalanced).expect(201);
    expect(parallel.body.warnings).toContainEqual({ elementId: 'EndB', message: expect.stringContaining('join Join waits forever for it') });
  });

  it('deploys every executable process of a file as a definition of its own: each listed, startable, audited, its warnings its own', async () => {
    const xml = collaboration('pool-intake', 'pool-review');
    const res = await p.deploy(gov, xml).expect(201);
    // The answer is the first process in document order, as for a file with one; the others follow in deployedWith.
    expect(res.body).toMatchObject({ key: 'pool-intake', version: 1, name: 'Intake', created: true, warnings: [] });
    expect(res.body.deployedWith).toEqual([
      {
        id: expect.any(String),
        key: 'pool-review',
        version: 1,
        name: 'Review',
        created: true,
        warnings: [{ elementId: 'pool-review_task', message: expect.stringMatching(/no candidate roles: only administrators/) }],
      },
    ]);
    expect((await p.deploy(gov, simple('pool-alone'))).body.deployedWith).toEqual([]);

    const list = await t.http.get('/api/v1/process-definitions?limit=500').set(auth(gov)).expect(200);
    const listed = (list.body.items as Array<{ key: string; version: number; id: string }>).filter((d) => d.key.startsWith('pool-'));
    expect(listed.map((d) => [d.key, d.version]).sort()).toEqual([
      ['pool-alone', 1],
      ['pool-intake', 1],
      ['pool-review', 1],
    ]);
    expect(listed.find((d) => d.key === 'pool-review')?.id).toBe(res.body.deployedWith[0].id);
    // Each version keeps the whole file, as deployed.
    expect((await t.http.get('/api/v1/process-definitions/pool-review/versions/1/xml').set(auth(gov)).expect(200)).text).toBe(xml);

    const auditor = await t.tokenFor('audrey', 'auditor');
    for (const key of ['pool-intake', 'pool-review']) {
      const events = await t.http.get('/api/v1/audit-events').query({ action: 'process-definition.deployed', subjectId: key }).set(auth(auditor)).expect(200);
      expect(events.body.items).toEqual([expect.objectContaining({ subjectType: 'process-definition', subjectId: key })]);
    }

    const risk = await t.tokenFor('rita', 'risk-officer');
    const intake = (await p.start(gov, 'pool-intake').expect(201)).body.id as string;
    const review = (await p.start(gov, 'pool-review').expect(201)).body.id as string;
    await p.complete(risk, (await p.taskOf(risk, intake, 'pool-intake_task')).id).expect(200);
    await p.complete(ADMIN_TOKEN, (await p.taskOf(ADMIN_TOKEN, review, 'pool-review_task')).id).expect(200);
    expect((await p.instance(gov, intake)).body.status).toBe('completed');
    expect((await p.instance(gov, review)).body.status).toBe('completed');

    // The same file again: both versions are known (200), nothing new is stored.
    const again = await p.deploy(gov, xml).expect(200);
    expect(again.body).toMatchObject({
      key: 'pool-intake',
      version: 1,
      created: false,
      deployedWith: [expect.objectContaining({ key: 'pool-review', version: 1, created: false })],
    });
  });

  it('stores none of the processes of a file when one is refused: the 422 names the process and the element', async () => {
    const before = (await t.http.get('/api/v1/process-definitions').set(auth(gov)).expect(200)).body.total;
    const res = await p.deploy(gov, collaboration('refused-intake', 'refused-review', '<bpmn:scriptTask id="refused-review_task"/>')).expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('invalid-process-definition');
    expect(res.body.detail).toContain('"refused-review"');
    expect(res.body.errors).toEqual([
      {
        pointer: '/elements/refused-review_task',
        elementId: 'refused-review_task',
        processId: 'refused-review',
        message: expect.stringContaining('a script task needs a FEEL expression'),
      },
    ]);
    for (const key of ['refused-intake', 'refused-review']) await t.http.get(`/api/v1/process-definitions/${key}`).set(auth(gov)).expect(404);
    expect((await t.http.get('/api/v1/process-definitions').set(auth(gov)).expect(200)).body.total).toBe(before);

    // No executable process at all stays a 400.
    const none = await p.deploy(gov, collaboration('none-intake', 'none-review').replace(/isExecutable="true"/g, 'isExecutable="false"')).expect(400);
    expect(none.body.errors).toEqual([{ pointer: '/', message: 'expected at least one executable process (isExecutable="true"), found 0' }]);
    // Each process stores the whole file: a file of many (empty) processes is refused before anything is read.
    const pools = Array.from({ length: 21 }, (_, i) => `<bpmn:process id="many-${i}" isExecutable="true"/>`).join('');
    const many = await p.deploy(gov, bpmn('many', '').replace(/<bpmn:process .*<\/bpmn:process>/, pools)).expect(400);
    expect(many.body.errors).toEqual([{ pointer: '/', message: expect.stringContaining('found 21 executable processes; one file may hold at most 20') }]);
    expect((await t.http.get('/api/v1/process-definitions').set(auth(gov)).expect(200)).body.total).toBe(before);
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

  it('deploys every executable process of a file; after a restart each runs from the stored file (read by its key)', async () => {
    writeFileSync(path.join(dir, 'pools.bpmn'), collaboration('folder-intake', 'folder-review'));
    let t = await start();
    const gov = await t.tokenFor('gina', 'governance');
    for (const key of ['folder-intake', 'folder-review']) {
      const definition = (await t.http.get(`/api/v1/process-definitions/${key}`).set(auth(gov)).expect(200)).body;
      expect(definition).toMatchObject({ version: 1, source: 'file', sourceFile: path.join(path.basename(dir), 'pools.bpmn') });
    }
    await stopAll();

    // A fresh process compiles the second process of the file from the database, not from what the deployment cached.
    t = await start();
    const p = processClient(t);
    const instance = (await p.start(gov, 'folder-review').expect(201)).body;
    expect(instance).toMatchObject({ definitionKey: 'folder-review', definitionVersion: 1, status: 'active', activeElementIds: ['folder-review_task'] });
    rmSync(path.join(dir, 'pools.bpmn'));
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
