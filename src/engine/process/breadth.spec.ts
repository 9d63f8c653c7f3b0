import { BpmnError } from './errors.js';
import { engineLimits } from './limits.js';
import { parseProcess } from './parse.js';
import { boundary, chain, deploy, Driver, durationTimer as timer, end, error, fakeHooks, fixture, flow, message, service, sub, user } from './spec-helpers.js';
import { definitionWarnings, validateDefinition } from './validate.js';

/** A document with root elements (messages, errors) beside the process. */
function doc(roots: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0"
  id="Defs" targetNamespace="https://aimsflow.dev/test">
  ${roots}
  <bpmn:process id="breadth" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

const ROOTS = `<bpmn:message id="M_cancel" name="cancelRequested"/><bpmn:message id="M_info" name="infoAdded"/>
  <bpmn:error id="Err_rejected" name="Rejected" errorCode="REJECTED"/><bpmn:error id="Err_other" errorCode="OTHER"/>`;

async function issues(xml: string): Promise<Array<{ elementId?: string; message: string }>> {
  return validateDefinition(await parseProcess(xml), { knownHandlers: new Set(['notify', 'check']) });
}

describe('pass-through elements', () => {
  it('runs a plain task, a manual task and a none intermediate throw event without waiting', async () => {
    const def = await deploy(
      doc(
        '',
        '<bpmn:startEvent id="S"/><bpmn:task id="T"/><bpmn:manualTask id="M"/><bpmn:intermediateThrowEvent id="I"/>' +
          user('U') +
          end('E') +
          chain('S', 'T', 'M', 'I', 'U', 'E'),
      ),
    );
    const d = await Driver.start(def);
    expect(d.last.activeElementIds).toEqual(['U']);
    expect(d.last.steps[0].entered).toEqual(['S', 'T', 'M', 'I', 'U']);
  });
});

describe('embedded sub-processes', () => {
  const nested =
    '<bpmn:startEvent id="S"/>' +
    sub(
      'Outer',
      '<bpmn:startEvent id="S1"/>' +
        user('U1') +
        sub('Inner', '<bpmn:startEvent id="S2"/>' + user('U2') + end('E2') + chain('S2', 'U2', 'E2')) +
        end('E1') +
        chain('S1', 'U1', 'Inner', 'E1'),
    ) +
    user('After') +
    end('E') +
    chain('S', 'Outer', 'After', 'E');

  it('runs nested sub-processes from their start events to their end events, then continues after them', async () => {
    const d = await Driver.start(await deploy(doc('', nested)));
    expect(d.last.activeElementIds).toEqual(['Outer', 'U1']);
    await d.complete('U1');
    expect(d.last.activeElementIds).toEqual(['Outer', 'Inner', 'U2']);
    await d.complete('U2');
    expect(d.last.activeElementIds).toEqual(['After']);
    expect(d.last.steps[0]).toMatchObject({ left: ['U2', 'Inner', 'Outer'], entered: ['E2', 'E1', 'After'] });
    expect((await d.complete('After')).status).toBe('completed');
  });

  it('an interrupting timer on a sub-process cancels its inner tasks and timers and takes the boundary path', async () => {
    const body =
      '<bpmn:startEvent id="S"/>' +
      sub(
        'Sub',
        '<bpmn:startEvent id="S1"/><bpmn:parallelGateway id="Fork"/>' +
          user('Work') +
          `<bpmn:intermediateCatchEvent id="Wait">${timer('P10D')}</bpmn:intermediateCatchEvent>` +
          user('Later') +
          '<bpmn:parallelGateway id="Join"/>' +
          end('E1') +
          boundary('Remind', 'Work', timer('P1D'), false) +
          service('Notify') +
          end('Reminded') +
          chain('S1', 'Fork', 'Work', 'Join') +
          chain('Fork', 'Wait', 'Later', 'Join') +
          chain('Join', 'E1') +
          chain('Remind', 'Notify', 'Reminded'),
      ) +
      boundary('Overdue', 'Sub', timer('P5D')) +
      user('Escalate') +
      end('E') +
      end('EscalatedEnd') +
      chain('S', 'Sub', 'E') +
      chain('Overdue', 'Escalate', 'EscalatedEnd');
    const d = await Driver.start(await deploy(doc('', body)));
    expect(d.waits.map((w) => w.elementId).sort()).toEqual(['Overdue', 'Remind', 'Wait', 'Work']);
    await d.fire('Remind');
    expect(d.hooks.callHandler).toHaveBeenCalledWith('notify', {}, { elementId: 'Notify' });
    expect(d.waits.map((w) => w.elementId).sort()).toEqual(['Overdue', 'Wait', 'Work']);
    const escalated = await d.fire('Overdue');
    expect(escalated.waits.map((w) => w.elementId)).toEqual(['Escalate']);
    expect(escalated.activeElementIds).toEqual(['Escalate']);
    expect(escalated.steps[0].left).toEqual(expect.arrayContaining(['Work', 'Wait', 'Sub']));
  });

  it('a non-interrupting message boundary runs its path every time while the sub-process goes on', async () => {
    const body =
      '<bpmn:startEvent id="S"/>' +
      sub('Sub', '<bpmn:startEvent id="S1"/>' + user('Work') + end('E1') + chain('S1', 'Work', 'E1')) +
      boundary('Info', 'Sub', message('M_info'), false) +
      service('Record') +
      end('Recorded') +
      end('E') +
      chain('S', 'Sub', 'E') +
      chain('Info', 'Record', 'Recorded');
    const d = await Driver.start(await deploy(doc(ROOTS, body)));
    expect(d.wait('Info')).toMatchObject({ kind: 'message', name: 'infoAdded', boundary: { attachedTo: 'Sub', interrupting: false } });
    await d.send({ type: 'message', name: 'infoAdded', variables: { note: 'one' } });
    await d.send({ type: 'message', name: 'infoAdded', variables: { note: 'two' } });
    expect(d.hooks.callHandler).toHaveBeenCalledTimes(2);
    expect(d.last.variables).toEqual({ note: 'two' });
    expect(d.wait('Info').key).toBe('Info:3');
    expect(d.wait('Work').key).toBe('Work:1');
    expect((await d.complete('Work')).status).toBe('completed');
  });

  it('an interrupting message boundary on a user task cancels it and takes its path', async () => {
    const body =
      '<bpmn:startEvent id="S"/>' +
      user('Review') +
      boundary('Cancel', 'Review', message('M_cancel')) +
      end('E') +
      end('Cancelled') +
      chain('S', 'Review', 'E') +
      chain('Cancel', 'Cancelled');
    const d = await Driver.start(await deploy(doc(ROOTS, body)));
    const done = await d.send({ type: 'message', name: 'cancelRequested', variables: { reason: 'withdrawn' } });
    expect(done.status).toBe('completed');
    expect(done.variables).toEqual({ reason: 'withdrawn' });
    expect(done.steps[0].entered).toEqual(['Cancel', 'Cancelled']);
  });

  it('a terminate end event inside a sub-process ends only the sub-process', async () => {
    const body =
      '<bpmn:startEvent id="S"/>' +
      sub(
        'Sub',
        '<bpmn:startEvent id="S1"/><bpmn:parallelGateway id="Fork"/>' +
          user('A') +
          user('B') +
          end('Stop', '<bpmn:terminateEventDefinition/>') +
          end('E1') +
          chain('S1', 'Fork', 'A', 'Stop') +
          chain('Fork', 'B', 'E1'),
      ) +
      user('After') +
      end('E') +
      chain('S', 'Sub', 'After', 'E');
    const d = await Driver.start(await deploy(doc('', body)));
    expect(d.last.activeElementIds).toEqual(['Sub', 'A', 'B']);
    const next = await d.complete('A');
    expect(next.status).toBe('active');
    expect(next.activeElementIds).toEqual(['After']);
  });
});

describe('BPMN errors', () => {
  const withSub = (inner: string, boundaries: string): string =>
    '<bpmn:startEvent id="S"/>' +
    sub('Sub', '<bpmn:startEvent id="S1"/>' + inner) +
    boundaries +
    user('Handle') +
    end('E') +
    end('Handled') +
    chain('S', 'Sub', 'E') +
    chain('Caught', 'Handle', 'Handled');

  it('an error end event is caught by the error boundary of its sub-process, which cancels what else runs inside', async () => {
    const inner =
      '<bpmn:parallelGateway id="Fork"/>' +
      user('Check') +
      user('Other') +
      '<bpmn:exclusiveGateway id="Ok" default="Fail"/>' +
      end('Rejected', error('Err_rejected')) +
      end('E1') +
      end('E2') +
      chain('S1', 'Fork', 'Check', 'Ok') +
      chain('Fork', 'Other', 'E2') +
      `<bpmn:sequenceFlow id="Pass" sourceRef="Ok" targetRef="E1"><bpmn:conditionExpression>=ok = true</bpmn:conditionExpression></bpmn:sequenceFlow>` +
      '<bpmn:sequenceFlow id="Fail" sourceRef="Ok" targetRef="Rejected"/>';
    const d = await Driver.start(
      await deploy(
        doc(ROOTS, withSub(inner, boundary('Caught', 'Sub', error('Err_rejected')) + boundary('Any', 'Sub', error()) + end('AnyEnd') + flow('Any', 'AnyEnd'))),
      ),
    );
    const caught = await d.complete('Check', { ok: false });
    expect(caught.activeElementIds).toEqual(['Handle']);
    expect(caught.waits.map((w) => w.elementId)).toEqual(['Handle']);
    expect(caught.steps.map((s) => s.event)).toEqual(['task.complete', 'bpmn.error']);
    expect(caught.steps[1].left).toEqual(expect.arrayContaining(['Rejected', 'Other', 'Sub']));
  });

  it('a BpmnError from a service task handler is caught by its own boundary, else by the sub-process, with its variables', async () => {
    const inner =
      service('Verify', 'check') +
      end('E1') +
      chain('S1', 'Verify', 'E1') +
      boundary('OwnCatch', 'Verify', error('Err_other')) +
      end('OwnEnd') +
      flow('OwnCatch', 'OwnEnd');
    const def = await deploy(doc(ROOTS, withSub(inner, boundary('Caught', 'Sub', error('Err_rejected')))), { handlers: ['check'] });
    const hooks = fakeHooks();
    hooks.callHandler.mockRejectedValueOnce(new BpmnError('REJECTED', 'not acceptable', { reason: 'incomplete' }));
    const d = await Driver.start(def, {}, hooks);
    expect(d.last.activeElementIds).toEqual(['Handle']);
    expect(d.last.variables).toEqual({ reason: 'incomplete' });

    hooks.callHandler.mockRejectedValueOnce(new BpmnError('OTHER'));
    const own = await Driver.start(def, {}, hooks);
    expect(own.last.activeElementIds).toEqual([]);
    expect(own.last.status).toBe('completed');
    expect(own.last.steps.at(-1)?.entered).toEqual(['OwnCatch', 'OwnEnd', 'E']);
  });

  it('an error nothing catches ends the instance, naming the code and the element', async () => {
    const inner = service('Verify', 'check') + end('E1') + chain('S1', 'Verify', 'E1');
    const def = await deploy(doc(ROOTS, withSub(inner, boundary('Caught', 'Sub', error('Err_rejected')))), { handlers: ['check'] });
    const hooks = fakeHooks();
    hooks.callHandler.mockRejectedValueOnce(new BpmnError('UNKNOWN'));
    const d = await Driver.start(def, {}, hooks);
    expect(d.last.status).toBe('terminated');
    expect(d.last.error).toEqual({ code: 'UNKNOWN', elementId: 'Verify' });
    expect(d.last.waits).toEqual([]);
  });

  it('an error a called process ended with reaches the error boundary of the call activity', async () => {
    const body =
      '<bpmn:startEvent id="S"/><bpmn:callActivity id="Call" calledElement="child"/>' +
      boundary('Caught', 'Call', error('Err_rejected')) +
      user('Handle') +
      end('E') +
      end('Handled') +
      chain('S', 'Call', 'E') +
      chain('Caught', 'Handle', 'Handled');
    const d = await Driver.start(await deploy(doc(ROOTS, body)));
    const next = await d.send({ type: 'child.error', waitKey: d.wait('Call').key, errorCode: 'REJECTED' });
    expect(next.activeElementIds).toEqual(['Handle']);

    const other = await Driver.start(await deploy(doc(ROOTS, body)));
    const uncaught = await other.send({ type: 'child.error', waitKey: other.wait('Call').key, errorCode: 'OTHER' });
    expect(uncaught).toMatchObject({ status: 'terminated', error: { code: 'OTHER', elementId: 'Call' } });
  });

  it('rejects a non-interrupting error boundary', async () => {
    const found = await issues(
      doc(ROOTS, '<bpmn:startEvent id="S"/>' + user('U') + end('E') + chain('S', 'U', 'E') + boundary('B', 'U', error(), false) + end('BE') + flow('B', 'BE')),
    );
    expect(found).toEqual([{ elementId: 'B', message: expect.stringMatching(/always interrupts/) }]);
  });
});

describe('a bpmn:error without errorCode', () => {
  // Thrown by the end event Fail inside Sub, under the error's id.
  const NO_CODE = '<bpmn:error id="Err_nocode" name="No code"/>';
  const throwing = (catchers: string): string =>
    '<bpmn:startEvent id="S"/>' +
    sub('Sub', '<bpmn:startEvent id="S1"/>' + user('Check') + end('Fail', error('Err_nocode')) + chain('S1', 'Check', 'Fail')) +
    end('E') +
    chain('S', 'Sub', 'E') +
    catchers;
  const handled = (from: string): string => user('Handle') + end('Handled') + chain(from, 'Handle', 'Handled');

  it('is thrown and caught under its id: by a boundary that references it, before a catch-all on the same activity', async () => {
    const def = await deploy(
      doc(
        NO_CODE,
        throwing(boundary('Caught', 'Sub', error('Err_nocode')) + boundary('Any', 'Sub', error()) + end('AnyEnd') + flow('Any', 'AnyEnd') + handled('Caught')),
      ),
    );
    expect(def.elements.Fail).toMatchObject({ errorCode: 'Err_nocode' });
    expect(def.elements.Caught).toMatchObject({ errorCode: 'Err_nocode' });
    const d = await Driver.start(def);
    const caught = await d.complete('Check');
    expect(caught.steps.map((s) => s.event)).toEqual(['task.complete', 'bpmn.error']);
    expect(caught.steps[1].entered).toEqual(['Caught', 'Handle']);
    expect(d.waits.map((w) => w.elementId)).toEqual(['Handle']);
  });

  it('is caught by a catch-all boundary', async () => {
    const d = await Driver.start(await deploy(doc(NO_CODE, throwing(boundary('Any', 'Sub', error()) + handled('Any')))));
    await d.complete('Check');
    expect(d.last.steps[1]).toMatchObject({ event: 'bpmn.error', entered: ['Any', 'Handle'] });
  });

  it('starts an event sub-process whose error start event references it', async () => {
    const onError =
      '<bpmn:subProcess id="OnError" triggeredByEvent="true">' +
      `<bpmn:startEvent id="OnError_start">${error('Err_nocode')}</bpmn:startEvent>` +
      user('Explain') +
      end('OnError_end') +
      chain('OnError_start', 'Explain', 'OnError_end') +
      '</bpmn:subProcess>';
    const d = await Driver.start(await deploy(doc(NO_CODE, throwing(onError))));
    await d.complete('Check');
    expect(d.last.steps[1]).toMatchObject({ event: 'bpmn.error', entered: ['OnError', 'OnError_start', 'Explain'] });
    await d.complete('Explain');
    expect(d.last.status).toBe('completed');
  });

  it('runs engine-issue-180.bpmn: a job error caught by a catch-all ends in an error end event whose error starts the event sub-process', async () => {
    const def = await deploy(fixture('corpus/bpmn-elements/engine-issue-180.bpmn'), { handlers: [] });
    const d = await Driver.start(def);
    expect(d.waits.map((w) => w.elementId)).toEqual(['Activity_1', 'Activity_2']);
    await d.send({ type: 'job.error', waitKey: d.wait('Activity_1').key, errorCode: 'ANY' });
    expect(d.last.steps.map((s) => s.event)).toEqual(['bpmn.error', 'bpmn.error']);
    expect(d.last.steps[1].entered).toEqual(['on-error', 'start-on-error', 'on-error-task', 'on-error-end']);
    expect(d.last.steps[1].left).toEqual(expect.arrayContaining(['end-error-1', 'Activity_2']));
    expect(d.last).toMatchObject({ status: 'completed', waits: [] });
  });

  it('is deployed with a warning on each element that throws or catches it; uncaught, it ends the instance under its id', async () => {
    const parsed = await parseProcess(doc(NO_CODE, throwing(boundary('Caught', 'Sub', error('Err_nocode')) + handled('Caught'))));
    expect(validateDefinition(parsed)).toEqual([]);
    const warning = 'bpmn:error Err_nocode has no errorCode: it is thrown and caught under its id "Err_nocode"';
    expect(definitionWarnings(parsed).filter((w) => w.message.startsWith('bpmn:error'))).toEqual([
      { elementId: 'Fail', message: warning },
      { elementId: 'Caught', message: warning },
    ]);
    const d = await Driver.start(await deploy(doc(NO_CODE, throwing(''))));
    await d.complete('Check');
    expect(d.last).toMatchObject({ status: 'terminated', error: { code: 'Err_nocode', elementId: 'Fail' } });
  });
});

describe('parallel branches that end', () => {
  it('a terminate end event at the end of a branch ends the whole process', async () => {
    const body =
      '<bpmn:startEvent id="S"/><bpmn:parallelGateway id="Fork"/>' +
      user('A') +
      user('B') +
      '<bpmn:parallelGateway id="Join"/>' +
      user('C') +
      end('Stop', '<bpmn:terminateEventDefinition/>') +
      end('E') +
      chain('S', 'Fork', 'A', 'Join') +
      chain('Fork', 'B', 'Join') +
      chain('Fork', 'C', 'Stop') +
      chain('Join', 'E');
    const d = await Driver.start(await deploy(doc('', body)));
    await d.complete('A');
    const done = await d.complete('C');
    expect(done.status).toBe('terminated');
    expect(done.waits).toEqual([]);
  });

  it('a fork without a join completes the process once every branch has reached its end event', async () => {
    const body =
      '<bpmn:startEvent id="S"/><bpmn:parallelGateway id="Fork"/>' +
      user('A') +
      user('B') +
      end('EA') +
      end('EB') +
      chain('S', 'Fork', 'A', 'EA') +
      chain('Fork', 'B', 'EB');
    const d = await Driver.start(await deploy(doc('', body)));
    expect((await d.complete('A')).status).toBe('active');
    expect((await d.complete('B')).status).toBe('completed');
  });
});

describe('a Camunda Modeler file with a sub-process, error and message boundary events', () => {
  it('runs the rejection, the withdrawal and the approval paths', async () => {
    const def = await deploy(fixture('camunda-modeler-supplier-assessment.bpmn'));
    const rejected = await Driver.start(def, { supplierId: 'sup-1' });
    expect(rejected.wait('Event_infoReceived')).toMatchObject({ kind: 'message', name: 'supplierInfoReceived', correlationKey: 'sup-1' });
    await rejected.send({ type: 'message', name: 'supplierInfoReceived', correlationKey: 'sup-1' });
    expect(rejected.hooks.callHandler).toHaveBeenCalledWith('notify', { supplierId: 'sup-1' }, { elementId: 'Activity_recordInfo' });
    await rejected.complete('Activity_collectEvidence', { evidenceComplete: false });
    expect(rejected.last.waits.map((w) => w.elementId)).toEqual(['Activity_reject']);

    const withdrawn = await Driver.start(def, { supplierId: 'sup-2' });
    await withdrawn.complete('Activity_collectEvidence', { evidenceComplete: true });
    expect(withdrawn.last.waits.map((w) => w.elementId).sort()).toEqual(['Activity_review', 'Event_infoReceived', 'Event_overdue', 'Event_withdrawn']);
    const ended = await withdrawn.send({ type: 'message', name: 'supplierWithdrawn', correlationKey: 'sup-2' });
    expect(ended).toMatchObject({ status: 'completed', waits: [] });

    const approved = await Driver.start(def, { supplierId: 'sup-3' });
    await approved.complete('Activity_collectEvidence', { evidenceComplete: true });
    await approved.complete('Activity_review');
    expect(approved.last.waits.map((w) => w.elementId)).toEqual(['Activity_approve']);
    expect((await approved.complete('Activity_approve')).status).toBe('completed');
  });
});

describe('first errors first', () => {
  const body = (taskId: string): string =>
    `<bpmn:startEvent id="S"/><bpmn:userTask id="${taskId}" aimsflow:candidateRoles="a"/><bpmn:userTask id="U2" aimsflow:candidateRoles="a"/><bpmn:endEvent id="E"/>` +
    `<bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="${taskId}"/><bpmn:sequenceFlow id="F2" sourceRef="${taskId}" targetRef="U2"/>` +
    '<bpmn:sequenceFlow id="F3" sourceRef="U2" targetRef="E"/>';

  it('names an illegal process or element id instead of "found 0 executable processes" or unreachable elements', async () => {
    await expect(parseProcess(doc('', body('T')).replace('id="breadth"', 'id="supplier assessment"'))).rejects.toMatchObject({
      issues: [{ message: expect.stringMatching(/^illegal id "supplier assessment"/) }],
    });
    await expect(parseProcess(doc('', body('1st review')))).rejects.toMatchObject({ issues: [{ message: expect.stringMatching(/^illegal id "1st review"/) }] });
  });

  it('reports a flow to nowhere once, without the unreachable elements that follow from it', async () => {
    const found = await issues(doc('', body('T').replace('targetRef="U2"', 'targetRef="Nowhere"')));
    expect(found).toEqual([{ elementId: 'F2', message: expect.stringMatching(/unresolved reference <Nowhere>/) }]);
  });

  it('reports a flow across a sub-process border, not its consequences', async () => {
    const found = await issues(
      doc(
        '',
        '<bpmn:startEvent id="S"/>' +
          sub('Sub', '<bpmn:startEvent id="S1"/>' + user('In') + end('E1') + chain('S1', 'In', 'E1')) +
          user('Out') +
          end('E') +
          chain('S', 'Sub', 'E') +
          '<bpmn:sequenceFlow id="Across" sourceRef="In" targetRef="Out"/>' +
          chain('Out', 'E'),
      ),
    );
    expect(found).toEqual([
      { elementId: 'Across', message: expect.stringMatching(/crosses the border of sub-process Sub/) },
      { elementId: 'In', message: expect.stringMatching(/2 outgoing flows/) },
    ]);
  });
});

describe('inclusive gateway', () => {
  const cond = (id: string, from: string, to: string, expression: string): string =>
    `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression>${expression}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
  const process = (withDefault: boolean, join = '<bpmn:inclusiveGateway id="Join"/>'): string =>
    doc(
      '',
      `<bpmn:startEvent id="S"/><bpmn:inclusiveGateway id="Fork"${withDefault ? ' default="ToC"' : ''}/>` +
        user('A') +
        user('B') +
        user('C') +
        join +
        end('E') +
        flow('S', 'Fork') +
        cond('ToA', 'Fork', 'A', '=legal = true') +
        cond('ToB', 'Fork', 'B', '=privacy = true') +
        (withDefault ? '<bpmn:sequenceFlow id="ToC" sourceRef="Fork" targetRef="C"/>' : cond('ToC', 'Fork', 'C', '=security = true')) +
        chain('A', 'Join') +
        chain('B', 'Join') +
        chain('C', 'Join') +
        chain('Join', 'E'),
    );

  it('takes every flow whose condition is true and joins only the branches taken', async () => {
    const def = await deploy(process(true));
    const one = await Driver.start(def, { legal: true, privacy: false });
    expect(one.last.activeElementIds).toEqual(['A']);
    expect((await one.complete('A')).status).toBe('completed');

    const two = await Driver.start(def, { legal: true, privacy: true });
    expect(two.last.activeElementIds).toEqual(['A', 'B']);
    expect((await two.complete('B')).status).toBe('active');
    expect((await two.complete('A')).status).toBe('completed');
  });

  it('takes the default flow only when no condition is true, and fails the step when nothing can be taken', async () => {
    const withDefault = await Driver.start(await deploy(process(true)), { legal: false, privacy: false });
    expect(withDefault.last.activeElementIds).toEqual(['C']);
    await expect(Driver.start(await deploy(process(false)), { legal: false, privacy: false, security: false })).rejects.toMatchObject({
      code: 'NO_FLOW_TAKEN',
      elementId: 'Fork',
    });
  });

  it('needs an inclusive join for an inclusive fork', async () => {
    const found = await issues(process(true, '<bpmn:parallelGateway id="Join"/>'));
    expect(found).toEqual([{ elementId: 'Join', message: expect.stringMatching(/join of inclusive fork Fork; it must be an inclusive gateway too/) }]);
  });
});

describe('escalation', () => {
  const ESC = '<bpmn:escalation id="Esc_late" escalationCode="LATE"/>';
  const escalation = '<bpmn:escalationEventDefinition escalationRef="Esc_late"/>';
  const withSub = (inner: string, interrupting: boolean): string =>
    doc(
      ESC,
      '<bpmn:startEvent id="S"/>' +
        sub('Sub', '<bpmn:startEvent id="S1"/>' + inner) +
        boundary('Caught', 'Sub', escalation, interrupting) +
        service('Notify') +
        end('Notified') +
        user('After') +
        end('E') +
        chain('S', 'Sub', 'After', 'E') +
        chain('Caught', 'Notify', 'Notified'),
    );

  it('a non-interrupting catch runs its path while the thrower goes on, also when an escalation end event ends the sub-process', async () => {
    const throwing =
      `<bpmn:intermediateThrowEvent id="Raise">${escalation}</bpmn:intermediateThrowEvent>` + user('Work') + end('E1') + chain('S1', 'Raise', 'Work', 'E1');
    const d = await Driver.start(await deploy(withSub(throwing, false)));
    expect(d.hooks.callHandler).toHaveBeenCalledWith('notify', {}, { elementId: 'Notify' });
    expect(d.last.activeElementIds).toEqual(['Sub', 'Work']);

    const ending = await Driver.start(await deploy(withSub(end('Raise', escalation) + flow('S1', 'Raise'), false)));
    expect(ending.hooks.callHandler).toHaveBeenCalledTimes(1);
    expect(ending.last.activeElementIds).toEqual(['After']);
  });

  it('an interrupting catch cancels the sub-process; an uncaught escalation changes nothing', async () => {
    const throwing =
      user('Work') +
      `<bpmn:intermediateThrowEvent id="Raise">${escalation}</bpmn:intermediateThrowEvent>` +
      user('More') +
      end('E1') +
      chain('S1', 'Work', 'Raise', 'More', 'E1');
    const d = await Driver.start(await deploy(withSub(throwing, true)));
    const caught = await d.complete('Work');
    // The boundary's path (notify, then its end event) ends the process; More is never reached.
    expect(caught.status).toBe('completed');
    expect(caught.steps.flatMap((s) => s.entered)).not.toContain('More');
    expect(d.hooks.callHandler).toHaveBeenCalledTimes(1);

    const plain = doc(
      ESC,
      '<bpmn:startEvent id="S"/>' +
        `<bpmn:intermediateThrowEvent id="Raise">${escalation}</bpmn:intermediateThrowEvent>` +
        user('U') +
        end('E') +
        chain('S', 'Raise', 'U', 'E'),
    );
    expect((await Driver.start(await deploy(plain))).last.activeElementIds).toEqual(['U']);
  });

  it('rejects an escalation boundary event on a task', async () => {
    const found = await issues(
      doc(ESC, '<bpmn:startEvent id="S"/>' + user('U') + end('E') + chain('S', 'U', 'E') + boundary('B', 'U', escalation) + end('BE') + flow('B', 'BE')),
    );
    expect(found).toEqual([{ elementId: 'B', message: expect.stringMatching(/only supported on embedded sub-processes/) }]);
  });
});

describe('boundary events on call activities and nesting limits', () => {
  it('an interrupting message boundary on a call activity closes its child wait', async () => {
    const body =
      '<bpmn:startEvent id="S"/><bpmn:callActivity id="Call" calledElement="child"/>' +
      boundary('Cancel', 'Call', message('M_cancel')) +
      end('E') +
      end('Cancelled') +
      chain('S', 'Call', 'E') +
      chain('Cancel', 'Cancelled');
    const d = await Driver.start(await deploy(doc(ROOTS, body)));
    expect(d.waits.map((w) => w.kind).sort()).toEqual(['child', 'message']);
    const done = await d.send({ type: 'message', name: 'cancelRequested' });
    expect(done).toMatchObject({ status: 'completed', waits: [] });
  });

  it('counts sub-processes inside each other against the nesting limit', async () => {
    let inner = user('U') + '<bpmn:startEvent id="S0"/>' + end('E0') + chain('S0', 'U', 'E0');
    for (let level = 1; level <= 3; level++)
      inner = sub(`Sub${level}`, inner) + `<bpmn:startEvent id="S${level}"/>` + end(`E${level}`) + chain(`S${level}`, `Sub${level}`, `E${level}`);
    const found = validateDefinition(await parseProcess(doc('', inner)), { limits: { ...engineLimits(), maxNesting: 2 } });
    expect(found).toEqual([{ elementId: 'Sub1', message: expect.stringContaining('nested 3 levels deep') }]);
  });
});

describe('non-interrupting message boundary on a user task', () => {
  it('runs its path for every message while the task stays open', async () => {
    const body =
      '<bpmn:startEvent id="S"/>' +
      user('Review') +
      boundary('Info', 'Review', message('M_info'), false) +
      service('Record') +
      end('Recorded') +
      end('E') +
      chain('S', 'Review', 'E') +
      chain('Info', 'Record', 'Recorded');
    const d = await Driver.start(await deploy(doc(ROOTS, body)));
    await d.send({ type: 'message', name: 'infoAdded' });
    await d.send({ type: 'message', name: 'infoAdded' });
    expect(d.hooks.callHandler).toHaveBeenCalledTimes(2);
    expect(d.wait('Review').key).toBe('Review:1');
    expect((await d.complete('Review')).status).toBe('completed');
  });
});
