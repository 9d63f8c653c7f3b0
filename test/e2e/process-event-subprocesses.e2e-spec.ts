import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';
import { auth, fixture, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

/** test/fixtures/bpmn/model-review-event-subprocesses.bpmn over HTTP: timer, message and error event sub-processes. */
describe('BPMN event sub-processes over HTTP', () => {
  const config = { ...OWN_PROCESSES_ONLY, clock: 'manual' as const };
  let database: { url: string; name: string };
  let t: TestApp;
  let p: ReturnType<typeof processClient>;
  let gov: string;
  let risk: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    t = await createTestApp(config, database);
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    risk = await t.tokenFor('rita', 'risk-officer');
    await p.deploy(gov, fixture('model-review-event-subprocesses.bpmn')).expect(201);
  });
  afterAll(async () => {
    await t.close();
    await dropTestDatabase(database.name);
  });

  const start = async (modelId: string): Promise<string> =>
    (await p.start(gov, 'model-review', { modelId }, { type: 'model', id: modelId }).expect(201)).body.id as string;
  const timerIds = async (id: string): Promise<string[]> =>
    ((await p.instance(gov, id)).body.timers as Array<{ elementId: string }>).map((timer) => timer.elementId).sort();

  it('runs a non-interrupting timer inside the sub-process while it runs, and one beside the main flow that the process waits for — across a restart', async () => {
    const id = await start('model-1');
    expect(await timerIds(id)).toEqual(['Chase_start', 'Nudge_start']);
    expect((await p.instance(gov, id)).body.messageSubscriptions).toEqual([
      { elementId: 'Withdrawn_start', name: 'modelReviewWithdrawn', correlationKey: 'model-1' },
    ]);

    // The daily nudge runs its notification and re-arms; the assessment task stays open.
    const fired = await p.advance(gov, 'P1D').expect(200);
    expect(fired.body.fired).toEqual([expect.objectContaining({ instanceId: id, elementId: 'Nudge_start', outcome: 'fired' })]);
    const notified = await t.db.query(
      `SELECT after->>'elementId' AS element FROM audit_events WHERE action = 'process-instance.notification' AND subject_id = $1`,
      [id],
    );
    expect(notified.rows).toEqual([{ element: 'Task_nudge' }]);
    const assess = await p.taskOf(risk, id, 'Task_assess');
    expect(await timerIds(id)).toEqual(['Chase_start', 'Nudge_start']);

    // The sub-process ends: its event sub-process is closed with it, the process-level one stays.
    await p.complete(risk, assess.id).expect(200);
    expect(await timerIds(id)).toEqual(['Chase_start']);
    const nudges = await t.db.query(`SELECT status FROM process_jobs WHERE instance_id = $1 AND element_id = 'Nudge_start' ORDER BY status`, [id]);
    expect(nudges.rows).toEqual([{ status: 'cancelled' }, { status: 'done' }]);

    // The pending event sub-process timer survives a restart.
    await t.close();
    t = await createTestApp(config, database);
    p = processClient(t);
    expect(await timerIds(id)).toEqual(['Chase_start']);
    await p.advance(gov, 'P6D').expect(200);
    const chase = await p.taskOf(gov, id, 'Task_chase');
    expect((await p.instance(gov, id)).body.activeElementIds).toEqual(['Task_approve', 'Event_chase', 'Task_chase']);

    // The main flow ends, but the process waits for the running event sub-process.
    await p.complete(gov, (await p.taskOf(gov, id, 'Task_approve')).id, { variables: { decision: 'approved' } }).expect(200);
    expect((await p.instance(gov, id)).body).toMatchObject({ status: 'active', activeElementIds: ['Event_chase', 'Task_chase'] });
    await p.complete(gov, chase.id).expect(200);
    const done = (await p.instance(gov, id)).body;
    expect(done).toMatchObject({ status: 'completed', timers: [], messageSubscriptions: [], incidents: [] });
    const history = (await p.history(gov, id)).body.items as Array<{ event: string; elementsEntered: string[] }>;
    expect(history.map((h) => h.event)).toEqual(['start', 'timer.fire', 'service.result', 'task.complete', 'timer.fire', 'task.complete', 'task.complete']);
    expect(history[4].elementsEntered).toEqual(['Event_chase', 'Chase_start', 'Task_chase']);
  });

  it('a message correlated on POST /messages starts the interrupting event sub-process: open tasks and timers of the scope are cancelled', async () => {
    const id = await start('model-2');
    const assess = await p.taskOf(risk, id, 'Task_assess');
    const sent = await t.http.post('/api/v1/messages').set(auth(gov)).send({ name: 'modelReviewWithdrawn', correlationKey: 'model-2' }).expect(200);
    expect(sent.body.deliveries).toEqual([{ instanceId: id, elementId: 'Withdrawn_start', status: 'delivered' }]);
    const after = (await p.instance(gov, id)).body;
    expect(after).toMatchObject({ status: 'active', activeElementIds: ['Event_withdrawn', 'Task_archive'], timers: [], messageSubscriptions: [] });
    expect((await t.http.get(`/api/v1/tasks/${assess.id}`).set(auth(risk)).expect(200)).body.status).toBe('cancelled');
    const jobs = await t.db.query(`SELECT element_id, status FROM process_jobs WHERE instance_id = $1 ORDER BY element_id`, [id]);
    expect(jobs.rows).toEqual([
      { element_id: 'Chase_start', status: 'cancelled' },
      { element_id: 'Nudge_start', status: 'cancelled' },
    ]);
    // The subscription closed with the scope: a second message finds nobody.
    await t.http.post('/api/v1/messages').set(auth(gov)).send({ name: 'modelReviewWithdrawn', correlationKey: 'model-2' }).expect(404);

    await p.complete(gov, (await p.taskOf(gov, id, 'Task_archive')).id).expect(200);
    expect((await p.instance(gov, id)).body).toMatchObject({ status: 'completed', incidents: [] });
  });

  it('an error end event is caught by the error event sub-process instead of failing the instance', async () => {
    const id = await start('model-3');
    await p.complete(risk, (await p.taskOf(risk, id, 'Task_assess')).id).expect(200);
    await p.complete(gov, (await p.taskOf(gov, id, 'Task_approve')).id, { variables: { decision: 'rejected' } }).expect(200);
    expect((await p.instance(gov, id)).body).toMatchObject({
      status: 'active',
      activeElementIds: ['Event_rejected', 'Task_record'],
      timers: [],
      incidents: [],
    });
    await p.complete(risk, (await p.taskOf(risk, id, 'Task_record')).id).expect(200);
    expect((await p.instance(gov, id)).body).toMatchObject({ status: 'completed', incidents: [] });
  });

  /** The fixture under another key, with the start event of the non-interrupting Event_chase triggered by `trigger` instead of its P7D timer. */
  const variant = (key: string, trigger: string): string =>
    fixture('model-review-event-subprocesses.bpmn')
      .replace('<bpmn:process id="model-review"', `<bpmn:process id="${key}"`)
      .replace('<bpmn:timerEventDefinition><bpmn:timeDuration>P7D</bpmn:timeDuration></bpmn:timerEventDefinition>', trigger)
      .replace('<bpmn:error ', '<bpmn:message id="Message_info" name="modelReviewInfo" aimsflow:correlationKey="=modelId"/><bpmn:error ');
  const openTasks = async (id: string, elementId: string): Promise<string[]> =>
    ((await p.tasks(gov, { instanceId: id, status: 'open', limit: '500' })).body.items as Array<{ id: string; elementId: string }>)
      .filter((task) => task.elementId === elementId)
      .map((task) => task.id);
  /** Finishes the main flow (assessment, approval): the process then waits for its running event sub-processes. */
  const finishMain = async (id: string): Promise<void> => {
    await p.complete(risk, (await p.taskOf(risk, id, 'Task_assess')).id).expect(200);
    await p.complete(gov, (await p.taskOf(gov, id, 'Task_approve')).id, { variables: { decision: 'approved' } }).expect(200);
  };

  it('each message for a non-interrupting event sub-process starts its own instance; a pending task of the second survives a restart', async () => {
    await p.deploy(gov, variant('model-review-info', '<bpmn:messageEventDefinition messageRef="Message_info"/>')).expect(201);
    const id = (await p.start(gov, 'model-review-info', { modelId: 'model-4' }, { type: 'model', id: 'model-4' }).expect(201)).body.id as string;
    const send = () => t.http.post('/api/v1/messages').set(auth(gov)).send({ name: 'modelReviewInfo', correlationKey: 'model-4' }).expect(200);
    expect((await send()).body.deliveries).toEqual([{ instanceId: id, elementId: 'Chase_start', status: 'delivered' }]);
    // The subscription stays open while the first instance waits: the second message starts a second instance.
    expect((await send()).body.deliveries).toEqual([{ instanceId: id, elementId: 'Chase_start', status: 'delivered' }]);
    const [first, second] = await openTasks(id, 'Task_chase');
    expect(second).toBeDefined();

    await t.close();
    t = await createTestApp(config, database);
    p = processClient(t);
    await p.complete(gov, first).expect(200);
    expect(await openTasks(id, 'Task_chase')).toEqual([second]);
    await finishMain(id);
    expect((await p.instance(gov, id)).body).toMatchObject({ status: 'active', activeElementIds: ['Event_chase', 'Task_chase'] });
    await p.complete(gov, second).expect(200);
    expect((await p.instance(gov, id)).body).toMatchObject({ status: 'completed', timers: [], messageSubscriptions: [], incidents: [] });
  });

  it('a timer cycle fires again while its first instance still waits, each firing audited; an interrupting message cancels both', async () => {
    await p
      .deploy(gov, variant('model-review-cycle', '<bpmn:timerEventDefinition><bpmn:timeCycle>R2/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>'))
      .expect(201);
    const id = (await p.start(gov, 'model-review-cycle', { modelId: 'model-5' }, { type: 'model', id: 'model-5' }).expect(201)).body.id as string;
    await p.advance(gov, 'P1D').expect(200);
    await p.advance(gov, 'P1D').expect(200);
    const chases = await openTasks(id, 'Task_chase');
    expect(chases).toHaveLength(2);
    // The cycle is used up; the daily nudge inside the sub-process goes on.
    expect(await timerIds(id)).toEqual(['Nudge_start']);
    const reminded = await t.db.query(
      `SELECT after->>'elementId' AS element FROM audit_events WHERE action = 'process-instance.reminded' AND subject_id = $1 AND after->>'eventSubProcess' = 'Event_chase'`,
      [id],
    );
    expect(reminded.rows).toEqual([{ element: 'Chase_start' }, { element: 'Chase_start' }]);

    // The interrupting event sub-process cancels both running instances with the rest of the scope.
    await t.http.post('/api/v1/messages').set(auth(gov)).send({ name: 'modelReviewWithdrawn', correlationKey: 'model-5' }).expect(200);
    for (const task of chases) expect((await t.http.get(`/api/v1/tasks/${task}`).set(auth(gov)).expect(200)).body.status).toBe('cancelled');
    expect((await p.instance(gov, id)).body).toMatchObject({ activeElementIds: ['Event_withdrawn', 'Task_archive'], timers: [], messageSubscriptions: [] });
    await p.complete(gov, (await p.taskOf(gov, id, 'Task_archive')).id).expect(200);
    expect((await p.instance(gov, id)).body).toMatchObject({ status: 'completed', incidents: [] });
  });

  it('refuses an event sub-process BPMN does not allow, naming the element', async () => {
    const xml = fixture('model-review-event-subprocesses.bpmn').replace(
      '<bpmn:startEvent id="Rejected_start">',
      '<bpmn:startEvent id="Rejected_start" isInterrupting="false">',
    );
    const refused = await p.deploy(gov, xml).expect(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(refused.body)).toMatch(/Rejected_start.*error start event always interrupts/);
  });
});
