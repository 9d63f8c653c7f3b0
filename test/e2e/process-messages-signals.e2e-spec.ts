import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, chain, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

/** A Camunda 8 style document: messages and signals beside the process, zeebe declared. */
function doc(key: string, body: string, roots = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs_${key}" targetNamespace="https://aimsflow.dev/test">
  <bpmn:message id="M_done" name="assessmentDone">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=caseId"/></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:signal id="Sig_reg" name="regulationChanged"/>${roots}
  <bpmn:process id="${key}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

const user = (id: string): string => `<bpmn:userTask id="${id}" aimsflow:candidateRoles="risk-officer"/>`;
const signal = '<bpmn:signalEventDefinition signalRef="Sig_reg"/>';
const catchDone = '<bpmn:intermediateCatchEvent id="WaitDone"><bpmn:messageEventDefinition messageRef="M_done"/></bpmn:intermediateCatchEvent>';

describe('BPMN messages thrown, message buffering and signals over HTTP', () => {
  let t: TestApp;
  let p: ReturnType<typeof processClient>;
  let gov: string;
  let risk: string;
  let integration: string;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    risk = await t.tokenFor('rita', 'risk-officer');
    integration = await t.tokenFor('ci-bot', 'integration');
    // Waits for the assessment result of its case, then for a review.
    await p
      .deploy(
        gov,
        doc('waits-for-result', `<bpmn:startEvent id="S"/>${catchDone}${user('Review')}<bpmn:endEvent id="E"/>${chain('S', 'WaitDone', 'Review', 'E')}`),
      )
      .expect(201);
  });
  afterAll(() => t.close());

  const message = (body: Record<string, unknown>) => t.http.post('/api/v1/messages').set(auth(gov)).send(body);
  const startCase = (key: string, caseId: string, variables: Record<string, unknown> = {}) =>
    p.start(gov, key, { caseId, ...variables }, { type: 'case', id: caseId }).expect(201);
  const outbox = async (type: string) => (await t.db.query(`SELECT data FROM outbox_events WHERE type = $1 ORDER BY id`, [type])).rows.map((r) => r.data);

  it('a send task publishes its message to the waiting instance in the same transaction and announces message.published', async () => {
    const sender = doc(
      'sends-result',
      `<bpmn:startEvent id="S"/>${user('Assess')}
       <bpmn:sendTask id="Send" messageRef="M_done">
         <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=score" target="score"/></zeebe:ioMapping></bpmn:extensionElements>
       </bpmn:sendTask>
       <bpmn:endEvent id="E"><bpmn:messageEventDefinition messageRef="M_done"/></bpmn:endEvent>${chain('S', 'Assess', 'Send', 'E')}`,
    );
    await p.deploy(gov, sender).expect(201);
    const waiting = (await startCase('waits-for-result', 'case-1')).body.id;
    const sending = (await startCase('sends-result', 'case-1')).body.id;
    await p.complete(risk, (await p.taskOf(risk, sending, 'Assess')).id, { variables: { score: 7 } }).expect(200);

    expect((await p.instance(gov, sending)).body.status).toBe('completed');
    const reached = (await p.instance(gov, waiting)).body;
    expect(reached).toMatchObject({ status: 'active', activeElementIds: ['Review'], messageSubscriptions: [] });
    expect(reached.variables).toEqual({ caseId: 'case-1', score: 7 });
    const published = await outbox('message.published');
    expect(published).toHaveLength(2);
    expect(published).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'assessmentDone',
          correlationKey: 'case-1',
          variables: { score: 7 },
          instanceId: sending,
          elementId: 'Send',
          deliveries: [{ instanceId: waiting, elementId: 'WaitDone', status: 'delivered' }],
        }),
        // The message end event found nobody waiting any more: published, unmatched.
        expect.objectContaining({ elementId: 'E', deliveries: [], started: [] }),
      ]),
    );
    const history = (await p.history(gov, waiting)).body.items as Array<{ event: string }>;
    expect(history.map((h) => h.event)).toContain('message');
  });

  it('an intermediate message throw event reaches a receive task; its output mappings keep only what they name', async () => {
    const receiver = doc(
      'receives-result',
      `<bpmn:startEvent id="S"/>
       <bpmn:receiveTask id="Receive" messageRef="M_done">
         <bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=score &gt;= 5" target="passed"/></zeebe:ioMapping></bpmn:extensionElements>
       </bpmn:receiveTask>${user('Review')}<bpmn:endEvent id="E"/>${chain('S', 'Receive', 'Review', 'E')}`,
    );
    const thrower = doc(
      'throws-result',
      `<bpmn:startEvent id="S"/>
       <bpmn:intermediateThrowEvent id="Throw">
         <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=9" target="score"/></zeebe:ioMapping></bpmn:extensionElements>
         <bpmn:messageEventDefinition messageRef="M_done"/>
       </bpmn:intermediateThrowEvent><bpmn:endEvent id="E"/>${chain('S', 'Throw', 'E')}`,
    );
    await p.deploy(gov, receiver).expect(201);
    await p.deploy(gov, thrower).expect(201);
    const receiving = (await startCase('receives-result', 'case-r')).body.id;
    expect((await p.instance(gov, receiving)).body.messageSubscriptions).toEqual([{ elementId: 'Receive', name: 'assessmentDone', correlationKey: 'case-r' }]);
    await startCase('throws-result', 'case-r');
    expect((await p.instance(gov, receiving)).body).toMatchObject({ activeElementIds: ['Review'], variables: { caseId: 'case-r', passed: true } });
  });

  it('buffers a message with a timeToLive and correlates it once to the first catch event that subscribes before it expires', async () => {
    const sent = await message({ name: 'assessmentDone', correlationKey: 'case-2', variables: { score: 3 }, timeToLive: 'PT1H', messageId: 'buf-1' }).expect(
      200,
    );
    expect(sent.body).toMatchObject({ status: 'buffered', deliveries: [], started: [], duplicate: false });
    expect(sent.body.expiresAt).toBeDefined();

    const first = (await startCase('waits-for-result', 'case-2')).body.id;
    expect((await p.instance(gov, first)).body).toMatchObject({ activeElementIds: ['Review'], variables: { caseId: 'case-2', score: 3 } });
    const second = (await startCase('waits-for-result', 'case-2')).body.id;
    expect((await p.instance(gov, second)).body.activeElementIds).toEqual(['WaitDone']);

    // The same message id and content: the stored result, which now says where the message went.
    const again = await message({ name: 'assessmentDone', correlationKey: 'case-2', variables: { score: 3 }, timeToLive: 'PT1H', messageId: 'buf-1' }).expect(
      200,
    );
    expect(again.body).toMatchObject({
      status: 'correlated',
      duplicate: true,
      deliveries: [{ instanceId: first, elementId: 'WaitDone', status: 'delivered' }],
    });
  });

  it('drops a buffered message once its time to live is over (by the service clock)', async () => {
    await message({ name: 'assessmentDone', correlationKey: 'case-3', timeToLive: 60_000, messageId: 'exp-1' }).expect(200);
    await p.advance(gov, 'PT2M').expect(200);
    const late = (await startCase('waits-for-result', 'case-3')).body.id;
    expect((await p.instance(gov, late)).body.activeElementIds).toEqual(['WaitDone']);
    const repeat = await message({ name: 'assessmentDone', correlationKey: 'case-3', timeToLive: 60_000, messageId: 'exp-1' }).expect(200);
    expect(repeat.body).toMatchObject({ status: 'expired', deliveries: [], duplicate: true });
    // Without a timeToLive nothing is kept: nobody waits, 404.
    const unmatched = await message({ name: 'assessmentDone', correlationKey: 'case-nobody' }).expect(404);
    expect(unmatched.body.type).toMatch(/message-not-correlated/);
  });

  it('refuses a messageId reused with other content (409 naming it) and an invalid timeToLive (400 naming the field); neither stores anything', async () => {
    await message({ name: 'assessmentDone', correlationKey: 'case-4', timeToLive: 'PT1H', messageId: 'dup-1' }).expect(200);
    const conflict = await message({ name: 'assessmentDone', correlationKey: 'case-4', timeToLive: 'PT1H', messageId: 'dup-1', variables: { x: 1 } }).expect(
      409,
    );
    expect(conflict.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(conflict.body).toMatchObject({ code: 'message-id-conflict', messageId: 'dup-1' });
    expect(conflict.body.detail).toContain('dup-1');
    const invalid = await message({ name: 'assessmentDone', correlationKey: 'case-4', timeToLive: 'one hour' }).expect(400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ pointer: '/timeToLive' })]);
    const stored = await t.db.query(`SELECT count(*)::int AS n FROM process_messages WHERE correlation_key = 'case-4'`);
    expect(stored.rows[0].n).toBe(1);
  });

  it('a definition deployed later with a message start event takes the buffered messages of its name (started by the job runner)', async () => {
    await message({ name: 'incidentReported', correlationKey: 'inc-1', variables: { severity: 'major' }, timeToLive: 'P1D', messageId: 'inc-msg-1' }).expect(
      200,
    );
    const starter = doc(
      'incident-intake',
      `<bpmn:startEvent id="OnIncident"><bpmn:messageEventDefinition messageRef="M_incident"/></bpmn:startEvent>${user('Triage')}<bpmn:endEvent id="E"/>${chain('OnIncident', 'Triage', 'E')}`,
      '<bpmn:message id="M_incident" name="incidentReported"/>',
    );
    await p.deploy(gov, starter).expect(201);
    const fired = await p.advance(gov, 'PT1S').expect(200);
    const started = fired.body.fired.find((f: { kind: string }) => f.kind === 'start-message');
    expect(started).toMatchObject({ outcome: 'fired', elementId: 'OnIncident' });
    const list = await t.http.get('/api/v1/process-instances').query({ definitionKey: 'incident-intake' }).set(auth(gov)).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ status: 'active', subject: { type: 'message', id: 'inc-1' } })]);
    expect((await p.instance(gov, list.body.items[0].id)).body.variables).toEqual({ severity: 'major' });
    const again = await message({
      name: 'incidentReported',
      correlationKey: 'inc-1',
      variables: { severity: 'major' },
      timeToLive: 'P1D',
      messageId: 'inc-msg-1',
    }).expect(200);
    expect(again.body).toMatchObject({ status: 'correlated', started: [expect.objectContaining({ definitionKey: 'incident-intake', status: 'started' })] });
  });

  it('trap: two catchers subscribing at the same time take a buffered message exactly once', async () => {
    await message({ name: 'assessmentDone', correlationKey: 'case-5', timeToLive: 'P1D' }).expect(200);
    const [a, b] = await Promise.all([startCase('waits-for-result', 'case-5'), startCase('waits-for-result', 'case-5')]);
    const states = await Promise.all([a.body.id, b.body.id].map(async (id) => (await p.instance(gov, id)).body.activeElementIds));
    expect(states.sort()).toEqual([['Review'], ['WaitDone']]);
    const row = await t.db.query(`SELECT result->'deliveries' AS deliveries FROM process_messages WHERE correlation_key = 'case-5'`);
    expect(row.rows[0].deliveries).toHaveLength(1);
  });

  describe('signals', () => {
    beforeAll(async () => {
      const listener = doc(
        'regulation-watch',
        `<bpmn:startEvent id="S"/>${user('Work')}
         <bpmn:boundaryEvent id="Noted" attachedToRef="Work" cancelActivity="false">${signal}</bpmn:boundaryEvent>
         <bpmn:serviceTask id="Log" aimsflow:handler="noop"/><bpmn:endEvent id="Logged"/>
         <bpmn:intermediateCatchEvent id="WaitReg">${signal}</bpmn:intermediateCatchEvent>${user('Review')}
         <bpmn:boundaryEvent id="Stop" attachedToRef="Review">${signal}</bpmn:boundaryEvent><bpmn:endEvent id="Stopped"/>
         <bpmn:endEvent id="E"/>
         ${chain('S', 'Work', 'WaitReg', 'Review', 'E')} ${chain('Noted', 'Log', 'Logged')} ${chain('Stop', 'Stopped')}`,
      );
      await p.deploy(gov, listener).expect(201);
      const starter = doc(
        'regulation-review',
        `<bpmn:startEvent id="OnSignal">${signal}</bpmn:startEvent>${user('Assess')}<bpmn:endEvent id="E"/>${chain('OnSignal', 'Assess', 'E')}`,
      );
      await p.deploy(gov, starter).expect(201);
    });

    it('trap: POST /signals reaches two waiting instances at once and starts the signal start definition; announced as signal.broadcast', async () => {
      const one = (await startCase('regulation-watch', 'w-1')).body.id;
      const two = (await startCase('regulation-watch', 'w-2')).body.id;
      await p.complete(risk, (await p.taskOf(risk, one, 'Work')).id).expect(200);
      await p.complete(risk, (await p.taskOf(risk, two, 'Work')).id).expect(200);
      expect((await p.instance(gov, one)).body.signalSubscriptions).toEqual([{ elementId: 'WaitReg', name: 'regulationChanged' }]);

      const res = await t.http
        .post('/api/v1/signals')
        .set(auth(integration))
        .send({ name: 'regulationChanged', variables: { regulation: 'EU AI Act' } })
        .expect(200);
      expect(res.body.deliveries).toEqual(
        expect.arrayContaining([
          { instanceId: one, elementId: 'WaitReg', status: 'delivered' },
          { instanceId: two, elementId: 'WaitReg', status: 'delivered' },
        ]),
      );
      expect(res.body.started).toEqual([expect.objectContaining({ definitionKey: 'regulation-review', status: 'started' })]);
      for (const id of [one, two]) {
        expect((await p.instance(gov, id)).body).toMatchObject({ activeElementIds: ['Review'], variables: { regulation: 'EU AI Act' } });
      }
      const started = (await p.instance(gov, res.body.started[0].instanceId)).body;
      expect(started).toMatchObject({ status: 'active', activeElementIds: ['Assess'], variables: { regulation: 'EU AI Act' } });
      expect(await outbox('signal.broadcast')).toEqual([expect.objectContaining({ name: 'regulationChanged', instanceId: null, elementId: null })]);

      // The interrupting signal boundary on Review ends both instances with the next broadcast.
      await t.http.post('/api/v1/signals').set(auth(gov)).send({ name: 'regulationChanged' }).expect(200);
      for (const id of [one, two]) expect((await p.instance(gov, id)).body.status).toBe('completed');
    });

    it('a non-interrupting signal boundary runs its path and keeps listening; a signal thrown in a process broadcasts like POST /signals', async () => {
      const watcher = (await startCase('regulation-watch', 'w-3')).body.id;
      const thrower = doc(
        'regulation-announce',
        `<bpmn:startEvent id="S"/><bpmn:intermediateThrowEvent id="Announce">${signal}</bpmn:intermediateThrowEvent><bpmn:endEvent id="E"/>${chain('S', 'Announce', 'E')}`,
      );
      await p.deploy(gov, thrower).expect(201);
      const announcer = (await startCase('regulation-announce', 'a-1')).body.id;
      expect((await p.instance(gov, announcer)).body.status).toBe('completed');
      const watched = (await p.instance(gov, watcher)).body;
      expect(watched).toMatchObject({ activeElementIds: ['Work'], signalSubscriptions: [{ elementId: 'Noted', name: 'regulationChanged' }] });
      const history = (await p.history(gov, watcher)).body.items as Array<{ event: string; elementsEntered: string[] }>;
      expect(history.filter((h) => h.event === 'signal').flatMap((h) => h.elementsEntered)).toEqual(expect.arrayContaining(['Noted', 'Log']));
      expect(await outbox('signal.broadcast')).toEqual(expect.arrayContaining([expect.objectContaining({ instanceId: announcer, elementId: 'Announce' })]));
    });

    it('a signal thrown in one branch reaches the catch event of another branch of the same instance', async () => {
      const self = doc(
        'self-signal',
        `<bpmn:startEvent id="S"/><bpmn:parallelGateway id="Fork"/>
         <bpmn:intermediateCatchEvent id="Heard"><bpmn:signalEventDefinition signalRef="Sig_self"/></bpmn:intermediateCatchEvent>
         ${user('Decide')}<bpmn:intermediateThrowEvent id="Say"><bpmn:signalEventDefinition signalRef="Sig_self"/></bpmn:intermediateThrowEvent>
         <bpmn:parallelGateway id="Join"/><bpmn:endEvent id="E"/>
         ${chain('S', 'Fork', 'Heard', 'Join', 'E')} ${chain('Fork', 'Decide', 'Say', 'Join')}`,
        '<bpmn:signal id="Sig_self" name="decided"/>',
      );
      await p.deploy(gov, self).expect(201);
      const id = (await startCase('self-signal', 's-1')).body.id;
      const done = await p.complete(risk, (await p.taskOf(risk, id, 'Decide')).id).expect(200);
      expect(done.body.instance).toMatchObject({ id, status: 'completed' });
      expect((await p.instance(gov, id)).body).toMatchObject({ status: 'completed', signalSubscriptions: [] });
    });

    it('a non-interrupting signal event sub-process runs on POST /signals and keeps listening until its scope ends', async () => {
      const recall = doc(
        'recall-watch',
        `<bpmn:startEvent id="S"/>${user('Work')}<bpmn:endEvent id="E"/>${chain('S', 'Work', 'E')}
         <bpmn:subProcess id="Recall" triggeredByEvent="true">
           <bpmn:startEvent id="Recall_start" isInterrupting="false"><bpmn:signalEventDefinition signalRef="Sig_recall"/></bpmn:startEvent>
           <bpmn:serviceTask id="Note" aimsflow:handler="noop"/><bpmn:endEvent id="Recall_end"/>${chain('Recall_start', 'Note', 'Recall_end')}
         </bpmn:subProcess>`,
        '<bpmn:signal id="Sig_recall" name="modelRecalled"/>',
      );
      await p.deploy(gov, recall).expect(201);
      const id = (await startCase('recall-watch', 'r-1')).body.id;
      expect((await p.instance(gov, id)).body.signalSubscriptions).toEqual([{ elementId: 'Recall_start', name: 'modelRecalled' }]);
      const res = await t.http
        .post('/api/v1/signals')
        .set(auth(gov))
        .send({ name: 'modelRecalled', variables: { batch: 4 } })
        .expect(200);
      expect(res.body.deliveries).toEqual([{ instanceId: id, elementId: 'Recall_start', status: 'delivered' }]);
      const after = (await p.instance(gov, id)).body;
      expect(after).toMatchObject({
        activeElementIds: ['Work'],
        variables: { batch: 4 },
        signalSubscriptions: [{ elementId: 'Recall_start', name: 'modelRecalled' }],
      });
      await p.complete(risk, (await p.taskOf(risk, id, 'Work')).id).expect(200);
      expect((await p.instance(gov, id)).body).toMatchObject({ status: 'completed', signalSubscriptions: [] });
    });

    it('only governance and integrations broadcast signals; a signal without a name is a 400', async () => {
      await t.http.post('/api/v1/signals').set(auth(risk)).send({ name: 'regulationChanged' }).expect(403);
      await t.http.post('/api/v1/signals').set(auth(gov)).send({}).expect(400);
    });
  });
});
