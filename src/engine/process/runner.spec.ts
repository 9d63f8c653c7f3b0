import { EngineError, EngineErrorCode } from './errors.js';
import { applyEvent, inspectInstance, startInstance, type Wait } from './runner.js';
import { type InstanceContext, recordCompleter } from './instance.js';
import { bpmn, deploy, Driver, fakeHooks, fixture } from './spec-helpers.js';

const T0 = '2026-01-15T09:00:00.000Z';
const days = (n: number, from = T0): string => new Date(new Date(from).getTime() + n * 86_400_000).toISOString();

async function rejectsWith(promise: Promise<unknown>, code: EngineErrorCode): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(EngineError);
  await expect(promise).rejects.toMatchObject({ code });
}

function keys(waits: Wait[]): string[] {
  return waits.map((w) => w.key);
}

describe('user tasks, exclusive gateway and loops (review-loop.bpmn)', () => {
  it('starts at the first user task with roles, form, due date and history', async () => {
    const d = await Driver.start(await deploy(fixture('review-loop.bpmn')), { systemId: 'sys-1' }, fakeHooks(T0), { initiator: 'alice' });
    expect(d.last.status).toBe('active');
    expect(d.last.activeElementIds).toEqual(['Draft']);
    expect(d.waits).toEqual([
      {
        kind: 'userTask',
        key: 'Draft:1',
        elementId: 'Draft',
        name: 'Draft the document',
        candidateRoles: ['ai_owner', 'governance'],
        dueAt: days(5),
        form: [
          { name: 'summary', type: 'string', required: true, label: 'Summary' },
          { name: 'pages', type: 'integer', required: false },
        ],
        separateFrom: [],
      },
    ]);
    expect(d.last.steps).toEqual([{ event: 'start', at: T0, left: ['Start'], entered: ['Start', 'Draft'], decisionIds: [] }]);
    expect(d.last.initiator).toBe('alice');
    expect(d.last.variables).toEqual({ systemId: 'sys-1' });
  });

  it('takes the condition that is true, merges task variables and records who completed what', async () => {
    const d = await Driver.start(await deploy(fixture('review-loop.bpmn')), {}, fakeHooks(T0), { initiator: 'alice' });
    await d.complete('Draft', { summary: 'v1' }, 'bob');
    const review = d.wait('Review');
    expect(review).toMatchObject({ key: 'Review:1', candidateRoles: ['risk_officer'], separateFrom: ['Draft', 'initiator'] });
    expect(d.last.completedBy).toEqual({ Draft: ['bob'] });
    const done = await d.complete('Review', { outcome: 'approved' }, 'carol');
    expect(done.status).toBe('completed');
    expect(done.waits).toEqual([]);
    expect(done.activeElementIds).toEqual([]);
    expect(done.variables).toEqual({ summary: 'v1', outcome: 'approved' });
    expect(done.completedBy).toEqual({ Draft: ['bob'], Review: ['carol'] });
    expect(done.steps).toEqual([
      { event: 'task.complete', waitKey: 'Review:1', at: T0, left: ['Review', 'Decision'], entered: ['Decision', 'End_approved'], decisionIds: [] },
    ]);
  });

  it('loops back to an earlier task (implicit merge) with a new wait key and a fresh due date', async () => {
    const hooks = fakeHooks(T0);
    const d = await Driver.start(await deploy(fixture('review-loop.bpmn')), {}, hooks);
    await d.complete('Draft', { summary: 'v1' }, 'bob');
    hooks.clock.now = new Date(days(3));
    await d.complete('Review', { outcome: 'rejected' }, 'carol');
    expect(keys(d.waits)).toEqual(['Draft:2']);
    expect(d.wait('Draft')).toMatchObject({ dueAt: days(8) });
    await d.complete('Draft', { summary: 'v2' }, 'dave');
    expect(keys(d.waits)).toEqual(['Review:2']);
    expect(d.last.completedBy.Draft).toEqual(['bob', 'dave']);
  });

  it('takes the default flow when no condition is true', async () => {
    const d = await Driver.start(await deploy(fixture('review-loop.bpmn')));
    await d.complete('Draft');
    await d.complete('Review', { outcome: 'escalate' });
    expect(keys(d.waits)).toEqual(['Escalate:1']);
    await d.complete('Escalate');
    expect(d.last.status).toBe('completed');
  });

  it('refuses a wait key that is not open, and any event once the instance is over', async () => {
    const def = await deploy(fixture('review-loop.bpmn'));
    const d = await Driver.start(def);
    const stale = d.wait('Draft').key;
    await d.complete('Draft');
    await rejectsWith(d.send({ type: 'task.complete', waitKey: stale }), EngineErrorCode.WaitNotFound);
    await rejectsWith(d.send({ type: 'timer.fire', waitKey: d.wait('Review').key }), EngineErrorCode.WaitNotFound);
    await d.complete('Review', { outcome: 'approved' });
    await rejectsWith(d.send({ type: 'cancel' }), EngineErrorCode.InstanceNotActive);
  });

  it('cancels: every wait goes away', async () => {
    const d = await Driver.start(await deploy(fixture('review-loop.bpmn')));
    const result = await d.send({ type: 'cancel' });
    expect(result).toMatchObject({ status: 'cancelled', waits: [], activeElementIds: [] });
    expect(result.steps[0]).toMatchObject({ event: 'cancel', left: ['Draft'] });
  });
});

describe('parallel gateways (parallel.bpmn)', () => {
  it('opens every branch, including the nested fork', async () => {
    const d = await Driver.start(await deploy(fixture('parallel.bpmn')));
    expect(d.last.activeElementIds).toEqual(['Legal', 'Tech', 'Security']);
    expect(keys(d.waits)).toEqual(['Legal:1', 'Tech:1', 'Security:1']);
    expect(d.last.steps[0].entered).toEqual(['Start', 'Fork', 'Legal', 'InnerFork', 'Tech', 'Security']);
  });

  it('joins only when every branch of its own fork has arrived', async () => {
    const d = await Driver.start(await deploy(fixture('parallel.bpmn')));
    await d.complete('Tech');
    expect(keys(d.waits)).toEqual(['Legal:1', 'Security:1']);
    await d.complete('Security');
    // The inner join fired; the outer one still waits for Legal.
    expect(d.last.steps[0].entered).toContain('InnerJoin');
    expect(d.last.steps[0].entered).not.toContain('Join');
    expect(keys(d.waits)).toEqual(['Legal:1']);
    await d.complete('Legal');
    expect(d.last.steps[0].entered).toEqual(['Join', 'Sign']);
    expect(keys(d.waits)).toEqual(['Sign:1']);
    await d.complete('Sign');
    expect(d.last.status).toBe('completed');
  });

  it('does not let the outer branch alone pass the join', async () => {
    const d = await Driver.start(await deploy(fixture('parallel.bpmn')));
    await d.complete('Legal');
    await d.complete('Tech');
    expect(keys(d.waits)).toEqual(['Security:1']);
    await d.complete('Security');
    expect(keys(d.waits)).toEqual(['Sign:1']);
  });
});

describe('parallel blocks inside loops and empty branches', () => {
  const loopAroundBlock = bpmn(`
    <bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="Again"/><bpmn:parallelGateway id="Fork"/>
    <bpmn:userTask id="A" aimsflow:candidateRoles="r"/><bpmn:parallelGateway id="Join"/>
    <bpmn:exclusiveGateway id="Done" default="Done_Again"/><bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="S_Again" sourceRef="S" targetRef="Again"/><bpmn:sequenceFlow id="Again_Fork" sourceRef="Again" targetRef="Fork"/>
    <bpmn:sequenceFlow id="Fork_A" sourceRef="Fork" targetRef="A"/><bpmn:sequenceFlow id="Fork_Join" sourceRef="Fork" targetRef="Join"/>
    <bpmn:sequenceFlow id="A_Join" sourceRef="A" targetRef="Join"/><bpmn:sequenceFlow id="Join_Done" sourceRef="Join" targetRef="Done"/>
    <bpmn:sequenceFlow id="Done_E" sourceRef="Done" targetRef="E"><bpmn:conditionExpression>finished</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Done_Again" sourceRef="Done" targetRef="Again"/>`);

  it('treats a flow straight from fork to join as a branch that is already done', async () => {
    const d = await Driver.start(await deploy(loopAroundBlock));
    expect(keys(d.waits)).toEqual(['A:1']);
    await d.complete('A', { finished: true });
    expect(d.last.status).toBe('completed');
  });

  it('re-opens every branch with new keys when a loop comes back around the block', async () => {
    const d = await Driver.start(await deploy(loopAroundBlock));
    await d.complete('A', { finished: false });
    expect(keys(d.waits)).toEqual(['A:2']);
    expect(d.last.steps[0].entered).toEqual(['Join', 'Done', 'Again', 'Fork', 'A']);
  });
});

describe('boundary timers (boundary-timers.bpmn)', () => {
  it('arms both boundary timers with the user task', async () => {
    const d = await Driver.start(await deploy(fixture('boundary-timers.bpmn')), {}, fakeHooks(T0));
    expect(d.waits).toEqual([
      expect.objectContaining({ kind: 'userTask', key: 'Approve:1', dueAt: days(10) }),
      { kind: 'timer', key: 'Escalation:1', elementId: 'Escalation', dueAt: days(10), boundary: { attachedTo: 'Approve', interrupting: true } },
      { kind: 'timer', key: 'Reminder:1', elementId: 'Reminder', dueAt: days(2), boundary: { attachedTo: 'Approve', interrupting: false }, remaining: 3 },
    ]);
  });

  it('runs the reminder path to its end event without ending the process or touching the task', async () => {
    const hooks = fakeHooks(T0);
    const d = await Driver.start(await deploy(fixture('boundary-timers.bpmn')), { systemId: 's1' }, hooks);
    hooks.clock.now = new Date(days(2));
    const result = await d.fire('Reminder');
    expect(hooks.callHandler).toHaveBeenCalledWith('notify', { systemId: 's1' }, { elementId: 'SendReminder' });
    expect(result.status).toBe('active');
    expect(result.activeElementIds).toEqual(['Approve']);
    expect(keys(result.waits)).toEqual(['Approve:1', 'Escalation:1', 'Reminder:2']);
    expect(result.steps).toEqual([
      { event: 'timer.fire', waitKey: 'Reminder:1', at: days(2), left: ['Reminder'], entered: ['Reminder', 'SendReminder'], decisionIds: [] },
      { event: 'service.result', waitKey: 'SendReminder:1', at: days(2), left: ['SendReminder', 'ReminderSent'], entered: ['ReminderSent'], decisionIds: [] },
    ]);
  });

  it('fires a cycle timer as often as its repetitions, re-arming it each time', async () => {
    const hooks = fakeHooks(T0);
    const d = await Driver.start(await deploy(fixture('boundary-timers.bpmn')), {}, hooks);
    expect(d.wait('Reminder')).toMatchObject({ remaining: 3, dueAt: days(2) });
    await d.fire('Reminder');
    expect(d.wait('Reminder')).toMatchObject({ key: 'Reminder:2', remaining: 2, dueAt: days(4) });
    await d.fire('Reminder');
    expect(d.wait('Reminder')).toMatchObject({ key: 'Reminder:3', remaining: 1, dueAt: days(6) });
    await d.fire('Reminder');
    expect(d.waits.filter((w) => w.elementId === 'Reminder')).toEqual([]);
    expect(hooks.callHandler).toHaveBeenCalledTimes(3);
    expect(keys(d.waits)).toEqual(['Approve:1', 'Escalation:1']);
    await d.complete('Approve');
    expect(d.last.status).toBe('completed');
  });

  it('an interrupting timer cancels the task and its other timers and follows the escalation path', async () => {
    const d = await Driver.start(await deploy(fixture('boundary-timers.bpmn')));
    const result = await d.fire('Escalation');
    expect(keys(result.waits)).toEqual(['EscalatedApproval:1']);
    expect(result.steps[0].left).toEqual(expect.arrayContaining(['Approve']));
    expect(result.steps[0].entered).toEqual(['Escalation', 'EscalatedApproval']);
    await d.complete('EscalatedApproval');
    expect(d.last.status).toBe('completed');
  });

  it('completing the task disarms its boundary timers', async () => {
    const d = await Driver.start(await deploy(fixture('boundary-timers.bpmn')));
    const reminder = d.wait('Reminder').key;
    await d.complete('Approve');
    expect(d.last).toMatchObject({ status: 'completed', waits: [] });
    await rejectsWith(d.send({ type: 'timer.fire', waitKey: reminder }), EngineErrorCode.InstanceNotActive);
  });

  it('supports boundary timers on call activities (the child wait disappears when it interrupts)', async () => {
    const def = await deploy(
      bpmn(`
      <bpmn:startEvent id="S"/>
      <bpmn:callActivity id="Call" calledElement="child"/>
      <bpmn:boundaryEvent id="Late" attachedToRef="Call"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:endEvent id="E"/><bpmn:endEvent id="TooLate"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Call"/><bpmn:sequenceFlow id="f2" sourceRef="Call" targetRef="E"/>
      <bpmn:sequenceFlow id="f3" sourceRef="Late" targetRef="TooLate"/>`),
    );
    const d = await Driver.start(def);
    expect(d.waits.map((w) => w.kind)).toEqual(['child', 'timer']);
    await d.fire('Late');
    expect(d.last).toMatchObject({ status: 'completed', waits: [] });
  });
});

describe('business rule and service tasks (automatic.bpmn)', () => {
  it('writes the rule result to the result variable and records the decision id', async () => {
    const hooks = fakeHooks(T0);
    hooks.evaluateRuleSet.mockResolvedValue({ result: { level: 'high' }, decisionId: 'dec-1' });
    hooks.callHandler.mockResolvedValue({ notified: true });
    const d = await Driver.start(await deploy(fixture('automatic.bpmn')), { systemId: 's1' }, hooks);
    expect(hooks.evaluateRuleSet).toHaveBeenCalledWith('eu-ai-act-risk-class', { systemId: 's1' }, { elementId: 'Classify' });
    expect(hooks.callHandler).toHaveBeenCalledWith('notify', { systemId: 's1', riskClass: { level: 'high' } }, { elementId: 'Notify' });
    expect(d.last.variables).toEqual({ systemId: 's1', riskClass: { level: 'high' }, notified: true });
    expect(d.last.steps.map((s) => [s.event, s.decisionIds, s.entered])).toEqual([
      ['start', [], ['Start', 'Classify']],
      ['rule.result', ['dec-1'], ['IsHigh', 'Notify']],
      ['service.result', [], ['Confirm']],
    ]);
    expect(keys(d.waits)).toEqual(['Confirm:1']);
  });

  it('routes on the rule result (default flow skips the service task)', async () => {
    const hooks = fakeHooks();
    hooks.evaluateRuleSet.mockResolvedValue({ result: { level: 'minimal' } });
    const d = await Driver.start(await deploy(fixture('automatic.bpmn')), {}, hooks);
    expect(hooks.callHandler).not.toHaveBeenCalled();
    expect(d.last.variables.riskClass).toEqual({ level: 'minimal' });
    expect(keys(d.waits)).toEqual(['Confirm:1']);
  });

  it('propagates a throwing handler or rule set unchanged', async () => {
    const def = await deploy(fixture('automatic.bpmn'));
    const failingHandler = fakeHooks();
    failingHandler.evaluateRuleSet.mockResolvedValue({ result: { level: 'high' } });
    const boom = new Error('mail server down');
    failingHandler.callHandler.mockRejectedValue(boom);
    await expect(startInstance(def, {}, failingHandler)).rejects.toBe(boom);
    const failingRules = fakeHooks();
    failingRules.evaluateRuleSet.mockRejectedValue(new Error('rule set broken'));
    await expect(startInstance(def, {}, failingRules)).rejects.toThrow('rule set broken');
  });

  it('hands hooks a copy of the variables', async () => {
    const hooks = fakeHooks();
    hooks.evaluateRuleSet.mockImplementation(async (_key, variables) => {
      variables.tampered = true;
      return { result: { level: 'low' } };
    });
    const d = await Driver.start(await deploy(fixture('automatic.bpmn')), {}, hooks);
    expect(d.last.variables).toEqual({ riskClass: { level: 'low' } });
  });
});

describe('intermediate catch events (catch-events.bpmn)', () => {
  it('computes a FEEL timer from a variable, a fixed date, and a message with its correlation key', async () => {
    const hooks = fakeHooks(T0);
    const d = await Driver.start(await deploy(fixture('catch-events.bpmn')), { reviewInterval: 'P30D', systemId: 'sys-42' }, hooks);
    expect(d.waits).toEqual([{ kind: 'timer', key: 'WaitInterval:1', elementId: 'WaitInterval', dueAt: days(30) }]);
    await d.fire('WaitInterval');
    expect(d.waits).toEqual([{ kind: 'timer', key: 'WaitDate:1', elementId: 'WaitDate', dueAt: '2027-01-01T00:00:00.000Z' }]);
    await d.fire('WaitDate');
    expect(d.waits).toEqual([{ kind: 'message', key: 'Evidence:1', elementId: 'Evidence', name: 'evidenceSubmitted', correlationKey: 'sys-42' }]);
    await rejectsWith(d.send({ type: 'message', name: 'evidenceSubmitted', correlationKey: 'other' }), EngineErrorCode.WaitNotFound);
    await rejectsWith(d.send({ type: 'message', name: 'somethingElse' }), EngineErrorCode.WaitNotFound);
    const done = await d.send({ type: 'message', name: 'evidenceSubmitted', correlationKey: 'sys-42', variables: { evidenceUrl: 'https://x' } });
    expect(done.status).toBe('completed');
    expect(done.variables.evidenceUrl).toBe('https://x');
  });

  it('fails the step when the correlation key cannot be computed', async () => {
    const hooks = fakeHooks();
    const d = await Driver.start(await deploy(fixture('catch-events.bpmn')), { reviewInterval: 'P1D' }, hooks);
    await d.fire('WaitInterval');
    await rejectsWith(d.fire('WaitDate'), EngineErrorCode.InvalidCorrelationKey);
  });

  it('fails the step when a FEEL timer does not give an ISO 8601 value', async () => {
    const def = await deploy(fixture('catch-events.bpmn'));
    await rejectsWith(startInstance(def, { reviewInterval: 42 }, fakeHooks()), EngineErrorCode.InvalidTimer);
    await rejectsWith(startInstance(def, { reviewInterval: 'soon' }, fakeHooks()), EngineErrorCode.InvalidTimer);
  });

  it('asks for a wait key when a message matches several waits', async () => {
    const def = await deploy(
      bpmn(`
      <bpmn:startEvent id="S"/><bpmn:parallelGateway id="Fork"/>
      <bpmn:intermediateCatchEvent id="A"><bpmn:messageEventDefinition messageRef="M"/></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="B"><bpmn:messageEventDefinition messageRef="M"/></bpmn:intermediateCatchEvent>
      <bpmn:parallelGateway id="Join"/><bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Fork"/>
      <bpmn:sequenceFlow id="f2" sourceRef="Fork" targetRef="A"/><bpmn:sequenceFlow id="f3" sourceRef="Fork" targetRef="B"/>
      <bpmn:sequenceFlow id="f4" sourceRef="A" targetRef="Join"/><bpmn:sequenceFlow id="f5" sourceRef="B" targetRef="Join"/>
      <bpmn:sequenceFlow id="f6" sourceRef="Join" targetRef="E"/>`).replace('<bpmn:process', '<bpmn:message id="M" name="ping"/><bpmn:process'),
    );
    const d = await Driver.start(def);
    await rejectsWith(d.send({ type: 'message', name: 'ping' }), EngineErrorCode.WaitAmbiguous);
    await d.send({ type: 'message', name: 'ping', waitKey: 'B:1' });
    expect(keys(d.waits)).toEqual(['A:1']);
    await d.send({ type: 'message', name: 'ping' });
    expect(d.last.status).toBe('completed');
  });
});

describe('call activities (call-activity.bpmn)', () => {
  it('waits for the child with mapped input and maps only the declared output back', async () => {
    const d = await Driver.start(await deploy(fixture('call-activity.bpmn')), { systemId: 'sys-1', owner: 'Ann', components: [] });
    expect(d.waits).toEqual([
      { kind: 'child', key: 'Assess:1', elementId: 'Assess', processKey: 'impact-assessment', variables: { subjectId: 'sys-1', ownerLabel: 'Ann (owner)' } },
    ]);
    await d.send({ type: 'child.complete', waitKey: 'Assess:1', variables: { rating: 'high', scratch: 1 } });
    expect(d.last.variables).toEqual({ systemId: 'sys-1', owner: 'Ann', components: [], impactRating: 'high', componentRatings: [] });
    // An empty collection completes the multi-instance activity at once.
    expect(d.last.status).toBe('completed');
  });

  it('emits one child wait per item of a multi-instance call activity and collects the results in item order', async () => {
    const d = await Driver.start(await deploy(fixture('call-activity.bpmn')), { systemId: 's', owner: 'o', components: ['data', 'model', 'ui'] });
    await d.send({ type: 'child.complete', waitKey: 'Assess:1', variables: { rating: 'low' } });
    const children = d.waits;
    expect(children).toHaveLength(3);
    expect(children[1]).toEqual({
      kind: 'child',
      key: 'AssessEach:1/1',
      elementId: 'AssessEach',
      processKey: 'component-assessment',
      variables: { systemId: 's', owner: 'o', components: ['data', 'model', 'ui'], impactRating: 'low', component: 'model', loopCounter: 2 },
      item: { index: 1, value: 'model', collectionKey: 'AssessEach:1', count: 3 },
    });
    await d.send({ type: 'child.complete', waitKey: 'AssessEach:1/2', variables: { rating: 'C' } });
    await d.send({ type: 'child.complete', waitKey: 'AssessEach:1/0', variables: { rating: 'A' } });
    expect(keys(d.waits)).toEqual(['AssessEach:1/1']);
    await rejectsWith(d.send({ type: 'child.complete', waitKey: 'AssessEach:1/0', variables: {} }), EngineErrorCode.WaitNotFound);
    await d.send({ type: 'child.complete', waitKey: 'AssessEach:1/1', variables: { rating: 'B' } });
    expect(d.last.status).toBe('completed');
    expect(d.last.variables.componentRatings).toEqual(['A', 'B', 'C']);
  });
});

describe('multi-instance user task (multi-instance.bpmn)', () => {
  it('opens one task per item with per-item roles and completes after the last, collecting outputs', async () => {
    const d = await Driver.start(
      await deploy(fixture('multi-instance.bpmn')),
      { requiredApprovers: ['dpo', 'risk_officer', 'top_management'] },
      fakeHooks(T0),
      {
        initiator: 'alice',
      },
    );
    expect(d.waits).toHaveLength(3);
    expect(d.waits[0]).toEqual({
      kind: 'userTask',
      key: 'Approvals:1/0',
      elementId: 'Approvals',
      name: 'Approve',
      candidateRoles: ['dpo'],
      dueAt: days(7),
      form: [{ name: 'decision', type: 'enum', required: true, values: ['approve', 'reject'] }],
      separateFrom: ['Approvals', 'initiator'],
      item: { index: 0, value: 'dpo', collectionKey: 'Approvals:1', count: 3, completedBy: [] },
    });
    expect(d.waits.map((w) => (w.kind === 'userTask' ? w.candidateRoles : []))).toEqual([['dpo'], ['risk_officer'], ['top_management']]);

    await d.send({ type: 'task.complete', waitKey: 'Approvals:1/2', variables: { decision: 'approve' }, completedBy: 'tom' });
    await d.send({ type: 'task.complete', waitKey: 'Approvals:1/0', variables: { decision: 'reject' }, completedBy: 'dora' });
    expect(d.last.status).toBe('active');
    expect(d.waits).toEqual([
      expect.objectContaining({
        key: 'Approvals:1/1',
        item: { index: 1, value: 'risk_officer', collectionKey: 'Approvals:1', count: 3, completedBy: ['dora', 'tom'] },
      }),
    ]);
    expect(d.last.variables.decisions).toBeUndefined();

    await d.send({ type: 'task.complete', waitKey: 'Approvals:1/1', variables: { decision: 'approve' }, completedBy: 'rita' });
    expect(d.last.status).toBe('completed');
    expect(d.last.variables.decisions).toEqual([
      { role: 'dpo', decision: 'reject' },
      { role: 'risk_officer', decision: 'approve' },
      { role: 'top_management', decision: 'approve' },
    ]);
    // Item variables stay in the items; only the output collection reaches the instance.
    expect(d.last.variables.decision).toBeUndefined();
    expect(d.last.completedBy.Approvals).toEqual(['tom', 'dora', 'rita']);
  });

  it('rejects a collection that is not a list', async () => {
    await rejectsWith(
      startInstance(await deploy(fixture('multi-instance.bpmn')), { requiredApprovers: 'dpo' }, fakeHooks()),
      EngineErrorCode.InvalidCollection,
    );
  });
});

describe('terminate end event (terminate.bpmn)', () => {
  it('ends everything, other branches included', async () => {
    const d = await Driver.start(await deploy(fixture('terminate.bpmn')));
    expect(keys(d.waits)).toEqual(['Work:1', 'Check:1']);
    const result = await d.complete('Check', { abort: true });
    expect(result).toMatchObject({ status: 'terminated', waits: [], activeElementIds: [] });
    expect(result.steps[0].entered).toEqual(['Abort', 'Terminated']);
    expect(result.steps[0].left).toEqual(expect.arrayContaining(['Work', 'Check', 'Abort']));
  });

  it('completes normally when the branch goes to the join', async () => {
    const d = await Driver.start(await deploy(fixture('terminate.bpmn')));
    await d.complete('Check', { abort: false });
    expect(keys(d.waits)).toEqual(['Work:1']);
    await d.complete('Work');
    expect(d.last.status).toBe('completed');
  });
});

describe('start events (start-events.bpmn)', () => {
  it('starts at the none start event by default and at a named one on request', async () => {
    const def = await deploy(fixture('start-events.bpmn'));
    const manual = await Driver.start(def);
    expect(manual.last.steps[0].entered).toEqual(['Manual', 'Merge', 'Reassess']);
    const onMessage = await Driver.start(def, { modelVersion: '2' }, fakeHooks(), { startEventId: 'OnChange' });
    expect(onMessage.last.steps[0].entered).toEqual(['OnChange', 'Merge', 'Reassess']);
    expect(onMessage.last.variables).toEqual({ modelVersion: '2' });
    await rejectsWith(startInstance(def, {}, fakeHooks(), { startEventId: 'Nope' }), EngineErrorCode.UnknownStartEvent);
  });
});

describe('runner guards', () => {
  it('refuses a state that belongs to another process or is not engine state', async () => {
    const review = await deploy(fixture('review-loop.bpmn'));
    const parallel = await deploy(fixture('parallel.bpmn'));
    const d = await Driver.start(review);
    await rejectsWith(applyEvent(parallel, d.last.state, { type: 'cancel' }, fakeHooks()), EngineErrorCode.StateMismatch);
    const broken = { ...d.last.state, snapshot: { ...d.last.state.snapshot, value: 'NoSuchState' } };
    await rejectsWith(applyEvent(review, broken, { type: 'cancel' }, fakeHooks()), EngineErrorCode.StateMismatch);
  });

  it('describes a stored instance without changing it', async () => {
    const def = await deploy(fixture('parallel.bpmn'));
    const d = await Driver.start(def, { a: 1 });
    await d.complete('Tech', {}, 'tina');
    const { steps: _steps, ...expected } = d.last;
    expect(inspectInstance(def, d.last.state)).toEqual(expected);
  });

  it('fails the step when an exclusive gateway has no true condition and no default', async () => {
    const def = await deploy(
      bpmn(`
      <bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="G"/><bpmn:endEvent id="A"/><bpmn:endEvent id="B"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G"/>
      <bpmn:sequenceFlow id="f2" sourceRef="G" targetRef="A"><bpmn:conditionExpression>x = 1</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="f3" sourceRef="G" targetRef="B"><bpmn:conditionExpression>x = 2</bpmn:conditionExpression></bpmn:sequenceFlow>`),
    );
    await expect(startInstance(def, { x: 3 }, fakeHooks())).rejects.toMatchObject({ code: EngineErrorCode.NoFlowTaken, elementId: 'G' });
    expect((await startInstance(def, { x: 2 }, fakeHooks())).steps[0].entered).toEqual(['S', 'G', 'B']);
  });

  it('runs element ids that contain dots', async () => {
    const def = await deploy(
      bpmn(`
      <bpmn:startEvent id="start.1"/><bpmn:userTask id="task.review" aimsflow:candidateRoles="x"/><bpmn:endEvent id="end.1"/>
      <bpmn:sequenceFlow id="f.1" sourceRef="start.1" targetRef="task.review"/><bpmn:sequenceFlow id="f.2" sourceRef="task.review" targetRef="end.1"/>`),
    );
    const d = await Driver.start(def);
    expect(d.last.activeElementIds).toEqual(['task.review']);
    expect(keys(d.waits)).toEqual(['task.review:1']);
    await d.complete('task.review');
    expect(d.last.steps[0]).toMatchObject({ left: ['task.review'], entered: ['end.1'] });
    expect(d.last.status).toBe('completed');
  });
});

describe('who completed a user task', () => {
  it('keeps each subject once, latest completer last, however often a loop returns to the task', () => {
    const ctx = { completedBy: {} } as InstanceContext;
    for (const subject of ['ana', 'ben', 'ana', 'ana']) recordCompleter(ctx, 'Task_review', subject);
    expect(ctx.completedBy.Task_review).toEqual(['ben', 'ana']);
  });
});
