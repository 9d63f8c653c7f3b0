import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, bpmn, chain, fixture, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

type Client = ReturnType<typeof processClient>;

describe('process instances', () => {
  let t: TestApp;
  let p: Client;
  let gov: string;
  let auditor: string;
  let owner: string;
  let risk: string;
  let dpo: string;
  let top: string;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    auditor = await t.tokenFor('audrey', 'auditor');
    owner = await t.tokenFor('olga', 'ai-owner');
    risk = await t.tokenFor('rosa', 'risk-officer');
    dpo = await t.tokenFor('dora', 'dpo');
    top = await t.tokenFor('tom', 'top-management');
  });
  afterAll(() => t.close());

  it('runs user tasks through an exclusive gateway and a rework loop, recording every step', async () => {
    await p.deploy(gov, fixture('review-loop.bpmn')).expect(201);
    const started = await p.start(gov, 'review-loop', { title: 'Model card' }).expect(201);
    const id = started.body.id;
    expect(started.body).toMatchObject({
      definitionKey: 'review-loop',
      definitionVersion: 1,
      status: 'active',
      subject: { type: 'case', id: 'sys-1' },
      initiator: 'gina',
      activeElementIds: ['Draft'],
      variables: { title: 'Model card' },
      parent: null,
      children: [],
      incidents: [],
      openTasks: [expect.objectContaining({ elementId: 'Draft', candidateRoles: ['ai-owner', 'governance'], dueAt: expect.any(String) })],
    });

    await p.complete(owner, (await p.taskOf(owner, id, 'Draft')).id, { variables: { summary: 'v1' } }).expect(200);
    const rejected = await p.complete(risk, (await p.taskOf(risk, id, 'Review')).id, { outcome: 'rejected' }).expect(200);
    expect(rejected.body).toMatchObject({
      status: 'completed',
      outcome: 'rejected',
      completedBy: 'rosa',
      instance: { status: 'active', activeElementIds: ['Draft'] },
    });
    expect(rejected.body.nextTasks).toEqual([expect.objectContaining({ elementId: 'Draft', waitKey: 'Draft:2' })]);

    await p.complete(owner, (await p.taskOf(owner, id, 'Draft')).id, { variables: { summary: 'v2', pages: 3 } }).expect(200);
    await p.complete(risk, (await p.taskOf(risk, id, 'Review')).id, { outcome: 'approved' }).expect(200);

    const done = (await p.instance(gov, id)).body;
    expect(done).toMatchObject({ status: 'completed', activeElementIds: [], openTasks: [], variables: { summary: 'v2', pages: 3, outcome: 'approved' } });
    expect(done.endedAt).toEqual(expect.any(String));
    const history = (await p.history(gov, id)).body.items;
    expect(history.map((h: { event: string; actor: string }) => [h.event, h.actor])).toEqual([
      ['start', 'gina'],
      ['task.complete', 'olga'],
      ['task.complete', 'rosa'],
      ['task.complete', 'olga'],
      ['task.complete', 'rosa'],
    ]);
    expect(history[2]).toMatchObject({
      waitKey: 'Review:1',
      elementsLeft: ['Review', 'Decision'],
      elementsEntered: ['Decision', 'Draft'],
      details: { taskId: rejected.body.id },
    });

    const audit = await t.http.get(`/api/v1/audit-events?subjectType=process-instance&subjectId=${id}`).set(auth(auditor)).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['process-instance.completed', 'process-instance.started']);
    const listed = await t.http.get('/api/v1/process-instances?definitionKey=review-loop&status=completed').set(auth(gov)).expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(listed.body.items[0].variables).toBeUndefined();
  });

  it('forks and joins parallel branches; each completion keeps the others', async () => {
    await p
      .deploy(
        gov,
        bpmn(
          'parallel-review',
          `<bpmn:startEvent id="Start"/><bpmn:parallelGateway id="Fork"/>
           <bpmn:userTask id="Legal" aimsflow:candidateRoles="dpo"/><bpmn:userTask id="Tech" aimsflow:candidateRoles="ai-owner"/>
           <bpmn:parallelGateway id="Join"/><bpmn:userTask id="Sign" aimsflow:candidateRoles="top_management"/><bpmn:endEvent id="End"/>
           ${chain('Start', 'Fork', 'Legal', 'Join', 'Sign', 'End')} ${chain('Fork', 'Tech', 'Join')}`,
        ),
      )
      .expect(201);
    const id = (await p.start(gov, 'parallel-review').expect(201)).body.id;
    expect((await p.instance(gov, id)).body.activeElementIds).toEqual(['Legal', 'Tech']);
    await p.complete(dpo, (await p.taskOf(dpo, id, 'Legal')).id, { variables: { legalOk: true } }).expect(200);
    expect((await p.instance(gov, id)).body.activeElementIds).toEqual(['Tech']);
    await p.complete(owner, (await p.taskOf(owner, id, 'Tech')).id, { variables: { techOk: true } }).expect(200);
    const joined = (await p.instance(gov, id)).body;
    expect(joined).toMatchObject({ activeElementIds: ['Sign'], variables: { legalOk: true, techOk: true } });
    await p.complete(top, (await p.taskOf(top, id, 'Sign')).id).expect(200);
    expect((await p.instance(gov, id)).body.status).toBe('completed');
  });

  it('evaluates business rule tasks with the stored rule sets and records the decision', async () => {
    await p
      .deploy(
        gov,
        bpmn(
          'classify',
          `<bpmn:startEvent id="Start"/>
           <bpmn:businessRuleTask id="Classify" aimsflow:ruleSet="eu-ai-act-risk-class" aimsflow:resultVariable="classification"/>
           <bpmn:exclusiveGateway id="High" default="Low"/>
           <bpmn:serviceTask id="Flag" aimsflow:handler="set-variables?flagged=true&amp;queue=&quot;priority&quot;"/>
           <bpmn:userTask id="Confirm" aimsflow:candidateRoles="governance"/><bpmn:endEvent id="End"/>
           ${chain('Start', 'Classify', 'High')}
           <bpmn:sequenceFlow id="IsHigh" sourceRef="High" targetRef="Flag"><bpmn:conditionExpression>classification.riskClass = "high"</bpmn:conditionExpression></bpmn:sequenceFlow>
           <bpmn:sequenceFlow id="Low" sourceRef="High" targetRef="Confirm"/>
           ${chain('Flag', 'Confirm', 'End')}`,
        ),
      )
      .expect(201);
    const started = await p
      .start(gov, 'classify', { useCases: ['recruitment'], profilesNaturalPersons: true, art6_3Derogation: 'none', unrelated: 'ignored by the rules' })
      .expect(201);
    expect(started.body).toMatchObject({
      activeElementIds: ['Confirm'],
      variables: { classification: { riskClass: 'high' }, flagged: true, queue: 'priority' },
    });
    const history = (await p.history(gov, started.body.id)).body.items;
    const ruleStep = history.find((h: { event: string }) => h.event === 'rule.result');
    expect(ruleStep).toMatchObject({ elementsLeft: expect.arrayContaining(['Classify']), decisionIds: [expect.any(String)] });
    const { rows } = await t.db.query(`SELECT trigger, subject_type, subject_id, outcome FROM decisions WHERE id = $1`, [ruleStep.decisionIds[0]]);
    expect(rows[0]).toMatchObject({
      trigger: `process:${started.body.id}/Classify`,
      subject_type: 'case',
      subject_id: 'sys-1',
      outcome: { riskClass: 'high' },
    });
  });

  it('collects one approval per item of a multi-instance user task', async () => {
    await p.deploy(gov, fixture('multi-instance.bpmn')).expect(201);
    const id = (await p.start(owner, 'multi-instance', { requiredApprovers: ['risk_officer', 'dpo'] }).expect(201)).body.id;
    const open = (await p.tasks(gov, { instanceId: id })).body.items.sort(
      (a: { item: { index: number } }, b: { item: { index: number } }) => a.item.index - b.item.index,
    );
    expect(open.map((task: { candidateRoles: string[]; item: { index: number } }) => [task.candidateRoles, task.item.index])).toEqual([
      [['risk-officer'], 0],
      [['dpo'], 1],
    ]);
    await p.complete(risk, open[0].id, { variables: { decision: 'approve' } }).expect(200);
    expect((await p.instance(gov, id)).body.status).toBe('active');
    await p.complete(dpo, open[1].id, { variables: { decision: 'reject' } }).expect(200);
    const done = (await p.instance(gov, id)).body;
    expect(done).toMatchObject({
      status: 'completed',
      variables: {
        decisions: [
          { role: 'risk_officer', decision: 'approve' },
          { role: 'dpo', decision: 'reject' },
        ],
      },
    });
  });

  it('starts a child for a call activity and maps its variables back when it completes', async () => {
    await p
      .deploy(
        gov,
        bpmn(
          'impact-child',
          `<bpmn:startEvent id="Start"/>
           <bpmn:userTask id="Rate" aimsflow:candidateRoles="risk-officer">
             <bpmn:extensionElements><aimsflow:formField name="rating" type="enum" values="low,high" required="true"/></bpmn:extensionElements>
           </bpmn:userTask><bpmn:endEvent id="End"/>${chain('Start', 'Rate', 'End')}`,
        ),
      )
      .expect(201);
    await p
      .deploy(
        gov,
        bpmn(
          'impact-parent',
          `<bpmn:startEvent id="Start"/>
           <bpmn:callActivity id="Assess" calledElement="impact-child">
             <bpmn:extensionElements><aimsflow:in source="systemName" target="system"/><aimsflow:out source="rating" target="impactRating"/></bpmn:extensionElements>
           </bpmn:callActivity>
           <bpmn:userTask id="Accept" aimsflow:candidateRoles="governance"/><bpmn:endEvent id="End"/>${chain('Start', 'Assess', 'Accept', 'End')}`,
        ),
      )
      .expect(201);
    const parent = (await p.start(gov, 'impact-parent', { systemName: 'CV screening' }).expect(201)).body;
    expect(parent.children).toEqual([expect.objectContaining({ definitionKey: 'impact-child', status: 'active', waitKey: 'Assess:1' })]);
    const childId = parent.children[0].id;
    const child = (await p.instance(gov, childId)).body;
    expect(child).toMatchObject({
      parent: { id: parent.id, definitionKey: 'impact-parent' },
      variables: { system: 'CV screening' },
      subject: parent.subject,
      initiator: 'gina',
    });

    await p.complete(risk, (await p.taskOf(risk, childId, 'Rate')).id, { variables: { rating: 'high' } }).expect(200);
    expect((await p.instance(gov, childId)).body.status).toBe('completed');
    const after = (await p.instance(gov, parent.id)).body;
    expect(after).toMatchObject({ activeElementIds: ['Accept'], variables: { impactRating: 'high' } });
    const history = (await p.history(gov, parent.id)).body.items;
    expect(history[1]).toMatchObject({ event: 'child.complete', actor: 'rosa', details: { childId } });
  });

  it('runs children that complete at once, and multi-instance call activities, in the same transaction', async () => {
    const automatic = (key: string, value: string) =>
      bpmn(
        key,
        `<bpmn:startEvent id="Start"/><bpmn:serviceTask id="Rate" aimsflow:handler="set-variables?rating=${value}"/><bpmn:endEvent id="End"/>${chain('Start', 'Rate', 'End')}`,
      );
    await p.deploy(gov, automatic('impact-assessment', 'high')).expect(201);
    await p.deploy(gov, automatic('component-assessment', 'low')).expect(201);
    await p.deploy(gov, fixture('call-activity.bpmn')).expect(201);
    const started = await p.start(gov, 'call-activity', { systemId: 'sys-5', owner: 'olga', components: ['encoder', 'ranker'] }).expect(201);
    expect(started.body).toMatchObject({ status: 'completed', variables: { impactRating: 'high', componentRatings: ['low', 'low'] } });
    expect(started.body.children.map((c: { definitionKey: string; status: string; waitKey: string }) => [c.definitionKey, c.status, c.waitKey])).toEqual([
      ['impact-assessment', 'completed', 'Assess:1'],
      ['component-assessment', 'completed', 'AssessEach:1/0'],
      ['component-assessment', 'completed', 'AssessEach:1/1'],
    ]);
    const firstChild = (await p.instance(gov, started.body.children[0].id)).body;
    expect(firstChild.variables).toMatchObject({ subjectId: 'sys-5', ownerLabel: 'olga (owner)', rating: 'high' });
  });

  it('cancels an instance with its children, tasks, timers and subscriptions; a child cannot be cancelled alone', async () => {
    await p
      .deploy(
        gov,
        bpmn(
          'cancel-child',
          `<bpmn:startEvent id="Start"/><bpmn:userTask id="Work" aimsflow:candidateRoles="ai-owner"/>
           <bpmn:boundaryEvent id="Late" attachedToRef="Work"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
           <bpmn:endEvent id="End"/><bpmn:endEvent id="LateEnd"/>${chain('Start', 'Work', 'End')} ${chain('Late', 'LateEnd')}`,
        ),
      )
      .expect(201);
    await p
      .deploy(
        gov,
        bpmn(
          'cancel-parent',
          `<bpmn:startEvent id="Start"/><bpmn:parallelGateway id="Fork"/>
           <bpmn:callActivity id="Sub" calledElement="cancel-child"/>
           <bpmn:intermediateCatchEvent id="Evidence" aimsflow:correlationKey="=caseId"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:intermediateCatchEvent>
           <bpmn:parallelGateway id="Join"/><bpmn:endEvent id="End"/>
           ${chain('Start', 'Fork', 'Sub', 'Join', 'End')} ${chain('Fork', 'Evidence', 'Join')}`,
          '',
          '<bpmn:message id="Msg" name="cancelEvidence"/>',
        ),
      )
      .expect(201);
    const parent = (await p.start(gov, 'cancel-parent', { caseId: 'case-1' }).expect(201)).body;
    expect(parent.messageSubscriptions).toEqual([{ elementId: 'Evidence', name: 'cancelEvidence', correlationKey: 'case-1' }]);
    const childId = parent.children[0].id;
    expect((await p.instance(gov, childId)).body.timers).toEqual([expect.objectContaining({ elementId: 'Late', status: 'pending' })]);

    await t.http.post(`/api/v1/process-instances/${childId}/cancel`).set(auth(gov)).send({}).expect(409);
    await t.http.post(`/api/v1/process-instances/${parent.id}/cancel`).set(auth(owner)).send({}).expect(403);
    const cancelled = await t.http.post(`/api/v1/process-instances/${parent.id}/cancel`).set(auth(gov)).send({ reason: 'raised in error' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', messageSubscriptions: [], children: [expect.objectContaining({ status: 'cancelled' })] });
    const child = (await p.instance(gov, childId)).body;
    expect(child).toMatchObject({ status: 'cancelled', openTasks: [], timers: [] });
    const tasks = (await p.tasks(gov, { instanceId: childId })).body.items;
    expect(tasks).toEqual([expect.objectContaining({ status: 'cancelled', cancelledAt: expect.any(String) })]);
    const jobs = await t.db.query(`SELECT status FROM process_jobs WHERE instance_id = $1`, [childId]);
    expect(jobs.rows).toEqual([{ status: 'cancelled' }]);
    const history = (await p.history(gov, parent.id)).body.items;
    expect(history.at(-1)).toMatchObject({ event: 'cancel', actor: 'gina', details: { reason: 'raised in error' } });
    await t.http.post(`/api/v1/process-instances/${parent.id}/cancel`).set(auth(gov)).send({}).expect(409);
    await p.advance(gov, 'P10D').expect(200);
    expect((await p.instance(gov, childId)).body.status).toBe('cancelled');
  });

  it('ends everything at a terminate end event: the task of the other branch is cancelled', async () => {
    await p.deploy(gov, fixture('terminate.bpmn')).expect(201);
    const auditor = await t.tokenFor('aldo', 'auditor');
    const id = (await p.start(gov, 'terminate').expect(201)).body.id;
    const work = await p.taskOf(owner, id, 'Work');
    await p.complete(auditor, (await p.taskOf(auditor, id, 'Check')).id, { variables: { abort: true } }).expect(200);
    expect((await p.instance(gov, id)).body).toMatchObject({ status: 'terminated', openTasks: [], activeElementIds: [] });
    expect((await t.http.get(`/api/v1/tasks/${work.id}`).set(auth(owner))).body.status).toBe('cancelled');
    await p.complete(owner, work.id).expect(409);
  });

  it('refuses a second active instance of a unique-per-subject definition (409), also when started concurrently', async () => {
    await p
      .deploy(
        gov,
        bpmn(
          'once-per-system',
          `<bpmn:startEvent id="Start"/><bpmn:userTask id="Do" aimsflow:candidateRoles="ai-owner"/><bpmn:endEvent id="End"/>${chain('Start', 'Do', 'End')}`,
          'aimsflow:uniquePerSubject="true"',
        ),
      )
      .expect(201);
    const subject = { type: 'case', id: 'unique-1' };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.http.post('/api/v1/process-instances').set(auth(gov)).send({ definitionKey: 'once-per-system', subject })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.body).toMatchObject({ code: 'process-already-active-for-subject', activeInstanceId: results.find((r) => r.status === 201)!.body.id });
    await p.start(gov, 'once-per-system', {}, { type: 'case', id: 'unique-2' }).expect(201);
    const first = results.find((r) => r.status === 201)!.body.id;
    await p.complete(owner, (await p.taskOf(owner, first, 'Do')).id).expect(200);
    await p.start(gov, 'once-per-system', {}, subject).expect(201);
  });

  it('validates start requests', async () => {
    await t.http
      .post('/api/v1/process-instances')
      .set(auth(gov))
      .send({ definitionKey: 'nope', subject: { type: 'x', id: 'y' } })
      .expect(404);
    const bad = await t.http
      .post('/api/v1/process-instances')
      .set(auth(gov))
      .send({ definitionKey: 'review-loop', subject: { type: '' } })
      .expect(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/subject/type', '/subject/id']));
    await t.http
      .post('/api/v1/process-instances')
      .set(auth(gov))
      .send({ definitionKey: 'review-loop', version: 7, subject: { type: 'x', id: 'y' } })
      .expect(404);
    await t.http
      .post('/api/v1/process-instances')
      .set(auth(auditor))
      .send({ definitionKey: 'review-loop', subject: { type: 'x', id: 'y' } })
      .expect(403);
    await t.http.get('/api/v1/process-instances/00000000-0000-4000-8000-000000000000').set(auth(auditor)).expect(404);
  });
});

describe('timers on a manual clock', () => {
  let t: TestApp;
  let p: Client;
  let gov: string;
  let risk: string;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    risk = await t.tokenFor('rosa', 'risk-officer');
  });
  afterAll(() => t.close());

  it('reminds on a non-interrupting cycle and escalates on an interrupting boundary timer', async () => {
    await p.deploy(gov, fixture('boundary-timers.bpmn')).expect(201);
    const started = (await p.start(gov, 'boundary-timers').expect(201)).body;
    const id = started.id;
    const approve = await p.taskOf(risk, id, 'Approve');
    expect(started.timers.map((timer: { elementId: string }) => timer.elementId).sort()).toEqual(['Escalation', 'Reminder']);
    const escalationDue = started.timers.find((timer: { elementId: string }) => timer.elementId === 'Escalation').dueAt;
    expect(Date.parse(escalationDue) - Date.parse(started.startedAt)).toBe(10 * 86_400_000);

    const early = await p.advance(gov, 'P1D').expect(200);
    expect(early.body.fired).toEqual([]);
    const reminders = await p.advance(gov, 'P6D').expect(200);
    expect(reminders.body.fired.map((f: { elementId: string; outcome: string }) => [f.elementId, f.outcome])).toEqual([
      ['Reminder', 'fired'],
      ['Reminder', 'fired'],
      ['Reminder', 'fired'],
    ]);
    // Each firing ran at its own due time: 2, 4 and 6 days after the start.
    expect(reminders.body.fired.map((f: { at: string }) => (Date.parse(f.at) - Date.parse(started.startedAt)) / 86_400_000)).toEqual([2, 4, 6]);
    expect((await p.taskOf(risk, id, 'Approve')).id).toBe(approve.id);

    const escalation = await p.advance(gov, 'P5D').expect(200);
    expect(escalation.body.fired).toEqual([expect.objectContaining({ elementId: 'Escalation', outcome: 'fired', dueAt: escalationDue })]);
    const after = (await p.instance(gov, id)).body;
    expect(after).toMatchObject({ activeElementIds: ['EscalatedApproval'], timers: [] });
    expect((await t.http.get(`/api/v1/tasks/${approve.id}`).set(auth(gov))).body.status).toBe('cancelled');

    const auditor = await t.tokenFor('audrey', 'auditor');
    const audit = await t.http.get(`/api/v1/audit-events?subjectType=process-instance&subjectId=${id}&limit=100`).set(auth(auditor)).expect(200);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'process-instance.reminded')).toHaveLength(3);
    expect(actions.filter((a: string) => a === 'process-instance.notification')).toHaveLength(3);
    expect(actions).toContain('process-instance.escalated');
  });

  it('waits on intermediate timers, then correlates a message by name and key; repeats of a message id have no second effect', async () => {
    await p.deploy(gov, fixture('catch-events.bpmn')).expect(201);
    const id = (await p.start(gov, 'catch-events', { reviewInterval: 'P30D', systemId: 'sys-42' }).expect(201)).body.id;
    const message = { name: 'evidenceSubmitted', correlationKey: 'sys-42', messageId: 'evidence-1', variables: { evidence: 'report.pdf' } };
    const early = await t.http.post('/api/v1/messages').set(auth(gov)).send(message).expect(404);
    expect(early.body.code).toBe('message-not-correlated');

    const interval = (await p.advance(gov, 'P30D').expect(200)).body.fired.filter((f: { instanceId: string }) => f.instanceId === id);
    expect(interval[0]).toMatchObject({ elementId: 'WaitInterval', outcome: 'fired' });
    const { rows } = await t.db.query(`SELECT due_at FROM process_jobs WHERE instance_id = $1 AND element_id = 'WaitDate'`, [id]);
    expect(rows[0].due_at.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    await p.advance(gov, 'P800D').expect(200);
    expect((await p.instance(gov, id)).body.activeElementIds).toEqual(['Evidence']);

    await t.http
      .post('/api/v1/messages')
      .set(auth(gov))
      .send({ ...message, correlationKey: 'sys-other', messageId: 'evidence-0' })
      .expect(404);
    const [first, second] = await Promise.all([
      t.http.post('/api/v1/messages').set(auth(gov)).send(message),
      t.http.post('/api/v1/messages').set(auth(gov)).send(message),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const original = first.body.duplicate ? second.body : first.body;
    const repeat = first.body.duplicate ? first.body : second.body;
    expect(original.deliveries).toEqual([{ instanceId: id, elementId: 'Evidence', status: 'delivered' }]);
    expect(repeat).toEqual({ ...original, duplicate: true });
    const done = (await p.instance(gov, id)).body;
    expect(done).toMatchObject({ status: 'completed', variables: { evidence: 'report.pdf' } });
    const messages = (await p.history(gov, id)).body.items.filter((h: { event: string }) => h.event === 'message');
    expect(messages).toEqual([expect.objectContaining({ details: { messageId: original.id, messageName: 'evidenceSubmitted' } })]);
    await t.http.post('/api/v1/messages').set(auth(gov)).send(message).expect(200);
  });

  it('starts instances on message start events and on timer start cycles', async () => {
    await p.deploy(gov, fixture('start-events.bpmn')).expect(201);
    const message = { name: 'modelChanged', correlationKey: 'sys-9', subject: { type: 'case', id: 'sys-9' }, variables: { model: 'v2' } };
    const first = await t.http.post('/api/v1/messages').set(auth(gov)).send(message).expect(200);
    expect(first.body.started).toEqual([{ definitionKey: 'start-events', definitionVersion: 1, status: 'started', instanceId: expect.any(String) }]);
    const instance = (await p.instance(gov, first.body.started[0].instanceId)).body;
    expect(instance).toMatchObject({
      subject: { type: 'case', id: 'sys-9' },
      activeElementIds: ['Reassess'],
      variables: { model: 'v2' },
      initiator: 'gina',
    });
    // Unique per subject: the second change finds the reassessment still running.
    const second = await t.http.post('/api/v1/messages').set(auth(gov)).send(message).expect(200);
    expect(second.body.started).toEqual([expect.objectContaining({ status: 'skipped', reason: expect.stringContaining('at most once per subject') })]);

    const yearly = await p.advance(gov, 'P1Y').expect(200);
    const startFired = yearly.body.fired.filter((f: { kind: string }) => f.kind === 'start-timer');
    expect(startFired).toEqual([expect.objectContaining({ elementId: 'Yearly', outcome: 'fired' })]);
    const started = await t.http.get('/api/v1/process-instances?definitionKey=start-events&subjectType=process-definition').set(auth(gov)).expect(200);
    expect(started.body.items).toEqual([expect.objectContaining({ subject: { type: 'process-definition', id: 'start-events' }, initiator: 'system' })]);
    const { rows } = await t.db.query(`SELECT due_at FROM process_jobs WHERE kind = 'start-timer' AND status = 'pending'`);
    expect(rows).toHaveLength(1);
  });
});

describe('incidents', () => {
  let t: TestApp;
  let p: Client;
  let gov: string;
  let failuresLeft = 0;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual', processMaxAttempts: 3 });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    const { HandlerRegistry } = await import('../../src/processes/handlers/handler-registry.js');
    t.app.get(HandlerRegistry).register('flaky', 'Fails while the test says so', () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('ticketing system unavailable');
      }
      return { ticket: 'T-1' };
    });
    await p
      .deploy(
        gov,
        bpmn(
          'timer-then-flaky',
          `<bpmn:startEvent id="Start"/>
           <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
           <bpmn:serviceTask id="Ticket" aimsflow:handler="flaky"/><bpmn:userTask id="Check" aimsflow:candidateRoles="governance"/><bpmn:endEvent id="End"/>
           ${chain('Start', 'Wait', 'Ticket', 'Check', 'End')}`,
        ),
      )
      .expect(201);
  });
  afterAll(() => t.close());

  it('retries a failing timer step with backoff, then raises an incident that a retry resolves; nothing is lost', async () => {
    const id = (await p.start(gov, 'timer-then-flaky').expect(201)).body.id;
    failuresLeft = 100;
    const advanced = await p.advance(gov, 'P2D').expect(200);
    expect(advanced.body.fired.map((f: { outcome: string }) => f.outcome)).toEqual(['retry-scheduled', 'retry-scheduled', 'incident']);
    const at = advanced.body.fired.map((f: { at: string }) => Date.parse(f.at));
    expect([at[1] - at[0], at[2] - at[1]]).toEqual([10_000, 20_000]);

    const failed = (await p.instance(gov, id)).body;
    expect(failed).toMatchObject({
      status: 'failed',
      activeElementIds: ['Wait'],
      timers: [
        expect.objectContaining({ elementId: 'Wait', status: 'failed', attempts: 3, lastError: expect.stringContaining('ticketing system unavailable') }),
      ],
      incidents: [
        expect.objectContaining({ elementId: 'Wait', status: 'open', attempts: 3, message: expect.stringContaining('ticketing system unavailable') }),
      ],
    });
    const listed = await t.http.get('/api/v1/process-instances?status=failed').set(auth(gov)).expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(id);

    const incidentId = failed.incidents[0].id;
    const again = await t.http.post(`/api/v1/process-instances/${id}/incidents/${incidentId}/retry`).set(auth(gov)).expect(422);
    expect(again.body).toMatchObject({ code: 'incident-retry-failed', incidentId });
    expect((await p.instance(gov, id)).body.incidents[0]).toMatchObject({ status: 'open', attempts: 4 });

    failuresLeft = 0;
    const resolved = await t.http.post(`/api/v1/process-instances/${id}/incidents/${incidentId}/retry`).set(auth(gov)).expect(200);
    expect(resolved.body).toMatchObject({
      status: 'active',
      activeElementIds: ['Check'],
      variables: { ticket: 'T-1' },
      timers: [],
      incidents: [expect.objectContaining({ status: 'resolved', resolution: 'retried', resolvedBy: 'gina' })],
    });
    await t.http.post(`/api/v1/process-instances/${id}/incidents/${incidentId}/retry`).set(auth(gov)).expect(409);
    const history = (await p.history(gov, id)).body.items;
    expect(history.filter((h: { event: string }) => h.event === 'timer.fire')).toEqual([
      expect.objectContaining({ actor: 'gina', details: expect.objectContaining({ retriedBy: 'gina' }) }),
    ]);
  });

  it('a step that fails once is retried after its backoff and succeeds', async () => {
    const id = (await p.start(gov, 'timer-then-flaky').expect(201)).body.id;
    failuresLeft = 1;
    const advanced = await p.advance(gov, 'P2D').expect(200);
    expect(advanced.body.fired.map((f: { outcome: string }) => f.outcome)).toEqual(['retry-scheduled', 'fired']);
    expect((await p.instance(gov, id)).body).toMatchObject({ status: 'active', activeElementIds: ['Check'], incidents: [] });
  });
});

describe('without a manual clock', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(OWN_PROCESSES_ONLY);
  });
  afterAll(() => t.close());

  it('has no clock route', async () => {
    const admin = await t.tokenFor('ada', 'admin');
    await t.http.post('/api/v1/clock/advance').set(auth(admin)).send({ duration: 'P1D' }).expect(404);
  });

  it('fires due timers with the background scheduler', async () => {
    const gov = await t.tokenFor('gina', 'governance');
    const p = processClient(t);
    await p
      .deploy(
        gov,
        bpmn(
          'soon',
          `<bpmn:startEvent id="Start"/><bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT0.5S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:endEvent id="End"/>${chain('Start', 'Wait', 'End')}`,
        ),
      )
      .expect(201);
    const id = (await p.start(gov, 'soon').expect(201)).body.id;
    const deadline = Date.now() + 10_000;
    while ((await p.instance(gov, id)).body.status !== 'completed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect((await p.instance(gov, id)).body.status).toBe('completed');
  });
});
