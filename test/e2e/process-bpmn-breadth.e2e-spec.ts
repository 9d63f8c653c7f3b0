import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, bpmn, chain, fixture, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

const ERRORS = `<bpmn:error id="Err_rejected" errorCode="REJECTED"/>`;

describe('BPMN breadth over HTTP: sub-processes, boundary events, BPMN errors', () => {
  let t: TestApp;
  let p: ReturnType<typeof processClient>;
  let gov: string;
  let owner: string;
  let risk: string;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual', processMaxAttempts: 2 });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    owner = await t.tokenFor('otto', 'ai-owner');
    risk = await t.tokenFor('rita', 'risk-officer');
  });
  afterAll(() => t.close());

  const start = (key: string, supplierId: string) => p.start(gov, key, { supplierId }, { type: 'supplier', id: supplierId }).expect(201);
  const message = (name: string, correlationKey: string) => t.http.post('/api/v1/messages').set(auth(gov)).send({ name, correlationKey });

  it('deploys the Camunda Modeler supplier assessment unchanged and runs its rejection, withdrawal and approval paths', async () => {
    await p.deploy(gov, fixture('camunda-modeler-supplier-assessment.bpmn')).expect(201);

    // Rejection: the error end event inside the sub-process is caught by the sub-process's error boundary event.
    const rejected = (await start('supplier-assessment', 'sup-1')).body.id;
    expect((await p.instance(gov, rejected)).body.messageSubscriptions).toEqual(
      expect.arrayContaining([
        { elementId: 'Event_infoReceived', name: 'supplierInfoReceived', correlationKey: 'sup-1' },
        { elementId: 'Event_withdrawn', name: 'supplierWithdrawn', correlationKey: 'sup-1' },
      ]),
    );
    // The non-interrupting message boundary runs its path and keeps listening; the evidence task stays open.
    const info = await message('supplierInfoReceived', 'sup-1').expect(200);
    expect(info.body.deliveries).toEqual([{ instanceId: rejected, elementId: 'Event_infoReceived', status: 'delivered' }]);
    const evidence = await p.taskOf(owner, rejected, 'Activity_collectEvidence');
    await message('supplierInfoReceived', 'sup-1').expect(200);
    expect((await p.taskOf(owner, rejected, 'Activity_collectEvidence')).id).toBe(evidence.id);
    await p.complete(owner, evidence.id, { variables: { evidenceComplete: false } }).expect(200);
    const afterError = (await p.instance(gov, rejected)).body;
    expect(afterError).toMatchObject({ status: 'active', activeElementIds: ['Activity_reject'], messageSubscriptions: [] });
    await p.complete(risk, (await p.taskOf(risk, rejected, 'Activity_reject')).id).expect(200);
    expect((await p.instance(gov, rejected)).body.status).toBe('completed');

    // Withdrawal: the interrupting message boundary cancels the open review task and its reminder timer.
    const withdrawn = (await start('supplier-assessment', 'sup-2')).body.id;
    await p.complete(owner, (await p.taskOf(owner, withdrawn, 'Activity_collectEvidence')).id, { variables: { evidenceComplete: true } }).expect(200);
    const review = await p.taskOf(risk, withdrawn, 'Activity_review');
    expect((await p.instance(gov, withdrawn)).body.timers).toEqual([expect.objectContaining({ elementId: 'Event_overdue', status: 'pending' })]);
    await message('supplierWithdrawn', 'sup-2').expect(200);
    const ended = (await p.instance(gov, withdrawn)).body;
    expect(ended).toMatchObject({ status: 'completed', activeElementIds: [], messageSubscriptions: [] });
    expect(ended.timers).toEqual([]);
    const jobs = await t.db.query(`SELECT element_id, status FROM process_jobs WHERE instance_id = $1`, [withdrawn]);
    expect(jobs.rows).toEqual([{ element_id: 'Event_overdue', status: 'cancelled' }]);
    expect((await t.http.get(`/api/v1/tasks/${review.id}`).set(auth(risk)).expect(200)).body.status).toBe('cancelled');

    // Approval: the reminder inside the sub-process fires while the review stays open, then the flow leaves the sub-process.
    const approved = (await start('supplier-assessment', 'sup-3')).body.id;
    await p.complete(owner, (await p.taskOf(owner, approved, 'Activity_collectEvidence')).id, { variables: { evidenceComplete: true } }).expect(200);
    const fired = await p.advance(gov, 'P6D').expect(200);
    expect(fired.body.fired).toEqual(expect.arrayContaining([expect.objectContaining({ instanceId: approved, elementId: 'Event_overdue', outcome: 'fired' })]));
    await p.complete(risk, (await p.taskOf(risk, approved, 'Activity_review')).id).expect(200);
    await p.complete(risk, (await p.taskOf(risk, approved, 'Activity_approve')).id).expect(200);
    expect((await p.instance(gov, approved)).body.status).toBe('completed');
  });

  it('catches a BPMN error of a service task handler on the sub-process; an uncaught one holds the task with an incident', async () => {
    const inner = `<bpmn:startEvent id="SubStart"/><bpmn:serviceTask id="Screen" aimsflow:handler="throw-error?code=REJECTED"/><bpmn:endEvent id="SubEnd"/>
      ${chain('SubStart', 'Screen', 'SubEnd')}`;
    const xml = bpmn(
      'screening',
      `<bpmn:startEvent id="Start"/><bpmn:subProcess id="Sub">${inner}</bpmn:subProcess>
       <bpmn:boundaryEvent id="Caught" attachedToRef="Sub"><bpmn:errorEventDefinition errorRef="Err_rejected"/></bpmn:boundaryEvent>
       <bpmn:userTask id="Handle" aimsflow:candidateRoles="risk-officer"/><bpmn:endEvent id="End"/><bpmn:endEvent id="Handled"/>
       ${chain('Start', 'Sub', 'End')} ${chain('Caught', 'Handle', 'Handled')}`,
      '',
      ERRORS,
    );
    await p.deploy(gov, xml).expect(201);
    const caught = (await p.start(gov, 'screening').expect(201)).body;
    expect(caught).toMatchObject({ status: 'active', activeElementIds: ['Handle'] });

    await p.deploy(gov, xml.replace('code=REJECTED', 'code=UNEXPECTED')).expect(201);
    // Uncaught: the request succeeds, the service task stays where it is with an incident naming element and code.
    const held = (await p.start(gov, 'screening').expect(201)).body;
    expect(held).toMatchObject({ status: 'failed', activeElementIds: ['Sub', 'Screen'] });
    const [incident] = (await p.instance(gov, held.id)).body.incidents;
    expect(incident).toMatchObject({
      elementId: 'Screen',
      jobId: null,
      externalJobId: null,
      status: 'open',
      message: 'BPMN error "UNEXPECTED" thrown by Screen is not caught by any error boundary event',
    });
    // Retrying runs the handler again; it throws again, so a new incident replaces the retried one.
    await t.http.post(`/api/v1/process-instances/${held.id}/incidents/${incident.id}/retry`).set(auth(gov)).expect(200);
    const after = (await p.instance(gov, held.id)).body;
    expect(after.status).toBe('failed');
    // Both at the same (manual) clock time: their order is not defined.
    expect(after.incidents.map((i: { status: string; resolution: string | null }) => [i.status, i.resolution]).sort()).toEqual([
      ['open', null],
      ['resolved', 'retried'],
    ]);
    const history = (await p.history(gov, held.id)).body.items.map((h: { event: string }) => h.event);
    expect(history).toEqual(['start', 'bpmn.incident', 'bpmn.retry', 'bpmn.incident']);
  });

  it('hands the error end event of a called process to the error boundary event of its call activity', async () => {
    await p
      .deploy(
        gov,
        bpmn(
          'called-check',
          `<bpmn:startEvent id="Start"/><bpmn:userTask id="Check" aimsflow:candidateRoles="risk-officer"/>
           <bpmn:exclusiveGateway id="Ok" default="ToFail"/><bpmn:endEvent id="Passed"/>
           <bpmn:endEvent id="Failed"><bpmn:errorEventDefinition errorRef="Err_rejected"/></bpmn:endEvent>
           ${chain('Start', 'Check', 'Ok')}
           <bpmn:sequenceFlow id="ToPass" sourceRef="Ok" targetRef="Passed"><bpmn:conditionExpression>=ok = true</bpmn:conditionExpression></bpmn:sequenceFlow>
           <bpmn:sequenceFlow id="ToFail" sourceRef="Ok" targetRef="Failed"/>`,
          '',
          ERRORS,
        ),
      )
      .expect(201);
    await p
      .deploy(
        gov,
        bpmn(
          'caller',
          `<bpmn:startEvent id="Start"/><bpmn:callActivity id="Call" calledElement="called-check"/>
           <bpmn:boundaryEvent id="Caught" attachedToRef="Call"><bpmn:errorEventDefinition errorRef="Err_rejected"/></bpmn:boundaryEvent>
           <bpmn:userTask id="Handle" aimsflow:candidateRoles="risk-officer"/><bpmn:endEvent id="End"/><bpmn:endEvent id="Handled"/>
           ${chain('Start', 'Call', 'End')} ${chain('Caught', 'Handle', 'Handled')}`,
          '',
          ERRORS,
        ),
      )
      .expect(201);
    const parent = (await p.start(gov, 'caller').expect(201)).body.id;
    const childId = (await p.instance(gov, parent)).body.children[0].id as string;
    await p.complete(risk, (await p.taskOf(risk, childId, 'Check')).id, { variables: { ok: false } }).expect(200);
    expect((await p.instance(gov, childId)).body.status).toBe('terminated');
    expect((await p.instance(gov, parent)).body).toMatchObject({ status: 'active', activeElementIds: ['Handle'] });
  });

  it('turns an uncaught BPMN error of a timer-driven step into an incident naming the element and the code', async () => {
    await p
      .deploy(
        gov,
        bpmn(
          'late-error',
          `<bpmn:startEvent id="Start"/>
           <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
           <bpmn:serviceTask id="Fail" aimsflow:handler="throw-error?code=LATE"/><bpmn:endEvent id="End"/>
           ${chain('Start', 'Wait', 'Fail', 'End')}`,
        ),
      )
      .expect(201);
    const id = (await p.start(gov, 'late-error').expect(201)).body.id;
    await p.advance(gov, 'P2D').expect(200);
    const failed = (await p.instance(gov, id)).body;
    expect(failed.status).toBe('failed');
    expect(failed.incidents).toEqual([expect.objectContaining({ status: 'open', message: expect.stringMatching(/"LATE" thrown by Fail/) })]);
  });

  it('runs Camunda 8 mappings on a user task and a message catch event, static inputs as text, a FEEL message name, a FEEL script task, and warns of an execution listener', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs_c8" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="Message_result" name="=&quot;result-&quot; + supplierId"/>
  <bpmn:process id="c8-mappings" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:extensionElements><zeebe:executionListeners><zeebe:executionListener eventType="end" type="audit"/></zeebe:executionListeners></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:userTask id="Approve"><bpmn:extensionElements>
      <zeebe:assignmentDefinition candidateGroups="=approverRole"/>
      <zeebe:ioMapping><zeebe:input source="risk-officer" target="approverRole"/><zeebe:output source="=decision = &quot;yes&quot;" target="approved"/></zeebe:ioMapping>
    </bpmn:extensionElements></bpmn:userTask>
    <bpmn:intermediateCatchEvent id="Result"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=report.score" target="score"/></zeebe:ioMapping></bpmn:extensionElements>
      <bpmn:messageEventDefinition messageRef="Message_result"/></bpmn:intermediateCatchEvent>
    <bpmn:scriptTask id="Total"><bpmn:extensionElements><zeebe:script expression="=score * 10" resultVariable="total"/></bpmn:extensionElements></bpmn:scriptTask>
    <bpmn:endEvent id="End"/>
    ${chain('Start', 'Approve', 'Result', 'Total', 'End')}
  </bpmn:process>
</bpmn:definitions>`;
    const deployed = await p.deploy(gov, xml).expect(201);
    expect(deployed.body.warnings).toEqual([{ elementId: 'Start', message: '<zeebe:executionListeners> is ignored: it has no meaning in aimsflow' }]);
    const id = (await start('c8-mappings', 'sup-c8')).body.id;
    await p.complete(risk, (await p.taskOf(risk, id, 'Approve')).id, { variables: { decision: 'yes', scratch: 1 } }).expect(200);
    const waiting = (await p.instance(gov, id)).body;
    expect(waiting.variables).toEqual({ supplierId: 'sup-c8', approved: true });
    expect(waiting.messageSubscriptions).toEqual([{ elementId: 'Result', name: 'result-sup-c8', correlationKey: null }]);
    await t.http
      .post('/api/v1/messages')
      .set(auth(gov))
      .send({ name: 'result-sup-c8', variables: { report: { score: 4 } } })
      .expect(200);
    const done = (await p.instance(gov, id)).body;
    expect(done).toMatchObject({ status: 'completed', variables: { supplierId: 'sup-c8', approved: true, score: 4, total: 40 } });
  });
});
