import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, bpmn, chain, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';
import { HandlerRegistry } from '../../src/processes/handlers/handler-registry.js';

/** Every row a step can touch, for before/after comparisons. */
async function snapshot(t: TestApp, instanceId: string) {
  const q = async (sql: string) => (await t.db.query(sql, [instanceId])).rows;
  return {
    instance: await q(`SELECT * FROM process_instances WHERE id = $1`),
    tasks: await q(`SELECT * FROM tasks WHERE instance_id = $1 ORDER BY id`),
    jobs: await q(`SELECT * FROM process_jobs WHERE instance_id = $1 ORDER BY id`),
    subscriptions: await q(`SELECT * FROM process_message_subscriptions WHERE instance_id = $1 ORDER BY wait_key`),
    history: await q(`SELECT * FROM process_history WHERE instance_id = $1 ORDER BY id`),
    children: await q(`SELECT * FROM process_instances WHERE parent_id = $1`),
    audit: (await t.db.query(`SELECT count(*)::int AS n FROM audit_events`)).rows,
    decisions: (await t.db.query(`SELECT count(*)::int AS n FROM decisions`)).rows,
  };
}

describe('concurrency and failure', () => {
  let t: TestApp;
  let p: ReturnType<typeof processClient>;
  let gov: string;
  let failing = false;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    t.app.get(HandlerRegistry).register('fail-when-told', 'Throws while the test says so', () => {
      if (failing) throw new Error('downstream system exploded');
      return { handled: true };
    });
  });
  afterAll(() => t.close());

  it('two simultaneous completions of one task: exactly one 200 and one 409', async () => {
    await p
      .deploy(
        gov,
        bpmn(
          'single',
          `<bpmn:startEvent id="Start"/><bpmn:userTask id="Approve" aimsflow:candidateRoles="risk-officer"/><bpmn:endEvent id="End"/>${chain('Start', 'Approve', 'End')}`,
        ),
      )
      .expect(201);
    const rosa = await t.tokenFor('rosa', 'risk-officer');
    const rita = await t.tokenFor('rita', 'risk-officer');
    for (let round = 0; round < 5; round++) {
      const id = (await p.start(gov, 'single').expect(201)).body.id;
      const task = await p.taskOf(rosa, id, 'Approve');
      const results = await Promise.all([p.complete(rosa, task.id, { variables: { by: 'rosa' } }), p.complete(rita, task.id, { variables: { by: 'rita' } })]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!.body.completedBy;
      const history = (await p.history(gov, id)).body.items;
      expect(history.filter((h: { event: string }) => h.event === 'task.complete')).toHaveLength(1);
      expect((await p.instance(gov, id)).body).toMatchObject({ status: 'completed', variables: { by: winner } });
    }
  });

  it('concurrent events on one instance serialise with no lost update', async () => {
    const branches = Array.from({ length: 8 }, (_, i) => `B${i}`);
    await p
      .deploy(
        gov,
        bpmn(
          'wide',
          `<bpmn:startEvent id="Start"/><bpmn:parallelGateway id="Fork"/><bpmn:parallelGateway id="Join"/><bpmn:endEvent id="End"/>
           ${branches.map((b) => `<bpmn:userTask id="${b}" aimsflow:candidateRoles="ai-owner"/>${chain('Fork', b, 'Join')}`).join('\n')}
           ${chain('Start', 'Fork')} ${chain('Join', 'End')}`,
        ),
      )
      .expect(201);
    const id = (await p.start(gov, 'wide').expect(201)).body.id;
    const owners = await Promise.all(branches.map((b) => t.tokenFor(`owner-${b}`, 'ai-owner')));
    const tasks = await Promise.all(branches.map((b) => p.taskOf(owners[0], id, b)));
    const results = await Promise.all(tasks.map((task, i) => p.complete(owners[i], task.id, { variables: { [`done${i}`]: i } })));
    expect(results.map((r) => r.status)).toEqual(branches.map(() => 200));
    const done = (await p.instance(gov, id)).body;
    expect(done.status).toBe('completed');
    expect(done.variables).toEqual(Object.fromEntries(branches.map((_, i) => [`done${i}`, i])));
    expect(done.version).toBe(1 + branches.length);
    const completions = (await p.history(gov, id)).body.items.filter((h: { event: string }) => h.event === 'task.complete');
    expect(completions.map((h: { actor: string }) => h.actor).sort()).toEqual(branches.map((b) => `owner-${b.toLowerCase()}`).sort());
  });

  it('a handler that throws mid-step leaves instance, tasks, timers and history exactly as before', async () => {
    await p
      .deploy(
        gov,
        bpmn(
          'fragile',
          `<bpmn:startEvent id="Start"/><bpmn:parallelGateway id="Fork"/>
           <bpmn:userTask id="Prepare" aimsflow:candidateRoles="ai-owner"/>
           <bpmn:boundaryEvent id="PrepareLate" attachedToRef="Prepare" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
           <bpmn:businessRuleTask id="Classify" aimsflow:ruleSet="eu-ai-act-risk-class" aimsflow:resultVariable="classification"/>
           <bpmn:serviceTask id="Push" aimsflow:handler="fail-when-told"/>
           <bpmn:userTask id="Review" aimsflow:candidateRoles="risk-officer"/>
           <bpmn:intermediateCatchEvent id="Signal"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:intermediateCatchEvent>
           <bpmn:parallelGateway id="Join"/><bpmn:endEvent id="End"/><bpmn:endEvent id="LateEnd"/>
           ${chain('Start', 'Fork', 'Prepare', 'Classify', 'Push', 'Review', 'Join', 'End')} ${chain('Fork', 'Signal', 'Join')} ${chain('PrepareLate', 'LateEnd')}`,
          '',
          '<bpmn:message id="Msg" name="fragileSignal"/>',
        ),
      )
      .expect(201);
    const owner = await t.tokenFor('olga', 'ai-owner');
    const id = (await p.start(gov, 'fragile', { useCases: ['chatbot'] }).expect(201)).body.id;
    const prepare = await p.taskOf(owner, id, 'Prepare');
    const before = await snapshot(t, id);
    expect(before.jobs).toHaveLength(1);
    expect(before.subscriptions).toHaveLength(1);

    failing = true;
    const res = await p.complete(owner, prepare.id, { variables: { prepared: true } }).expect(422);
    expect(res.body).toMatchObject({ code: 'service-task-failed', elementId: 'Push', detail: expect.stringContaining('downstream system exploded') });
    expect(await snapshot(t, id)).toEqual(before);

    failing = false;
    const ok = await p.complete(owner, prepare.id, { variables: { prepared: true } }).expect(200);
    expect(ok.body.nextTasks).toEqual([expect.objectContaining({ elementId: 'Review' })]);
    const after = await snapshot(t, id);
    expect(after.jobs).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    expect(after.decisions[0].n).toBe(before.decisions[0].n + 1);
  });

  it('a message whose step fails is retried in the background, and delivered once it succeeds', async () => {
    await p
      .deploy(
        gov,
        bpmn(
          'message-then-push',
          `<bpmn:startEvent id="Start"/>
           <bpmn:intermediateCatchEvent id="Evidence" aimsflow:correlationKey="=caseId"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:intermediateCatchEvent>
           <bpmn:serviceTask id="Push" aimsflow:handler="fail-when-told"/><bpmn:endEvent id="End"/>
           ${chain('Start', 'Evidence', 'Push', 'End')}`,
          '',
          '<bpmn:message id="Msg" name="pushEvidence"/>',
        ),
      )
      .expect(201);
    const id = (await p.start(gov, 'message-then-push', { caseId: 'c-7' }).expect(201)).body.id;
    failing = true;
    const sent = await t.http
      .post('/api/v1/messages')
      .set(auth(gov))
      .send({ name: 'pushEvidence', correlationKey: 'c-7', variables: { doc: 1 } })
      .expect(200);
    expect(sent.body.deliveries).toEqual([
      { instanceId: id, elementId: 'Evidence', status: 'retrying', error: expect.stringContaining('downstream system exploded') },
    ]);
    const waiting = (await p.instance(gov, id)).body;
    expect(waiting).toMatchObject({ status: 'active', activeElementIds: ['Evidence'], retries: [expect.objectContaining({ kind: 'message', attempts: 1 })] });

    failing = false;
    const fired = await p.advance(gov, 'PT1M').expect(200);
    expect(fired.body.fired).toEqual([expect.objectContaining({ kind: 'message', instanceId: id, outcome: 'fired' })]);
    expect((await p.instance(gov, id)).body).toMatchObject({ status: 'completed', variables: { doc: 1, handled: true }, retries: [] });
    const history = (await p.history(gov, id)).body.items;
    expect(history.find((h: { event: string }) => h.event === 'message')).toMatchObject({
      actor: 'gina',
      details: expect.objectContaining({ messageName: 'pushEvidence' }),
    });
  });
});

describe('two service instances on one database', () => {
  let database: { url: string; name: string };
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' }, database);
    b = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' }, database);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await dropTestDatabase(database.name);
  });

  it('fire each due timer exactly once', async () => {
    const p = processClient(a);
    const gov = await a.tokenFor('gina', 'governance');
    await p
      .deploy(
        gov,
        bpmn(
          'two-timers',
          `<bpmn:startEvent id="Start"/>
           <bpmn:intermediateCatchEvent id="First"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
           <bpmn:intermediateCatchEvent id="Second"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
           <bpmn:endEvent id="End"/>${chain('Start', 'First', 'Second', 'End')}`,
        ),
      )
      .expect(201);
    const count = 40;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await p.start(gov, 'two-timers', {}, { type: 'case', id: `c${i}` }).expect(201)).body.id);

    const [fromA, fromB] = await Promise.all([
      a.http.post('/api/v1/clock/advance').set(auth(gov)).send({ duration: 'PT3H' }),
      b.http.post('/api/v1/clock/advance').set(auth(gov)).send({ duration: 'PT3H' }),
    ]);
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    const fired = [...fromA.body.fired, ...fromB.body.fired].filter((f: { outcome: string }) => f.outcome === 'fired');
    expect(fired).toHaveLength(2 * count);
    expect(new Set(fired.map((f: { jobId: string }) => f.jobId)).size).toBe(2 * count);

    const { rows } = await a.db.query(
      `SELECT (SELECT count(*)::int FROM process_history WHERE event = 'timer.fire') AS fires,
              (SELECT count(*)::int FROM process_jobs WHERE status = 'done') AS done,
              (SELECT count(DISTINCT done_by)::int FROM process_jobs WHERE status = 'done') AS replicas,
              (SELECT count(*)::int FROM process_instances WHERE status = 'completed') AS completed`,
    );
    expect(rows[0]).toMatchObject({ fires: 2 * count, done: 2 * count, completed: count });
    expect(rows[0].replicas).toBeGreaterThanOrEqual(1);
    for (const id of ids.slice(0, 3)) {
      const history = (await p.history(gov, id)).body.items.map((h: { event: string; waitKey: string }) => `${h.event} ${h.waitKey ?? ''}`.trim());
      expect(history).toEqual(['start', 'timer.fire First:1', 'timer.fire Second:1']);
    }
  });
});
