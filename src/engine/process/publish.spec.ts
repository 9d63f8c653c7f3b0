import { parseProcess } from './parse.js';
import { deploy, Driver } from './spec-helpers.js';
import { validateDefinition } from './validate.js';

/** A document with messages and signals beside the process; zeebe declared for Camunda 8 attributes. */
function doc(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="https://aimsflow.dev/test">
  <bpmn:message id="M_done" name="assessmentDone">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=systemId"/></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:message id="M_dynamic" name="=&quot;result-&quot; + kind"/>
  <bpmn:signal id="Sig_reg" name="regulationChanged"/>
  <bpmn:process id="publish" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

let flows = 0;
const chain = (...ids: string[]): string =>
  ids
    .slice(1)
    .map((id, i) => `<bpmn:sequenceFlow id="F${++flows}" sourceRef="${ids[i]}" targetRef="${id}"/>`)
    .join('');
const user = (id: string): string => `<bpmn:userTask id="${id}" aimsflow:candidateRoles="reviewer"/>`;
const io = (inputs: string, outputs = ''): string => `<bpmn:extensionElements><zeebe:ioMapping>${inputs}${outputs}</zeebe:ioMapping></bpmn:extensionElements>`;
const signal = '<bpmn:signalEventDefinition signalRef="Sig_reg"/>';

async function issues(xml: string): Promise<Array<{ elementId?: string; message: string }>> {
  return validateDefinition(await parseProcess(xml), { knownHandlers: new Set(['notify']) });
}

describe('messages thrown', () => {
  it('a send task publishes its message with the correlation key and its inputs as variables, then goes on', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/>' +
        `<bpmn:sendTask id="Send" messageRef="M_done">${io('<zeebe:input source="=score * 2" target="score"/>', '<zeebe:output source="=true" target="sent"/>')}</bpmn:sendTask>` +
        user('After') +
        '<bpmn:endEvent id="E"/>' +
        chain('S', 'Send', 'After', 'E'),
    );
    const d = await Driver.start(await deploy(xml), { systemId: 'sys-7', score: 4 });
    expect(d.last.published).toEqual([{ kind: 'message', elementId: 'Send', name: 'assessmentDone', correlationKey: 'sys-7', variables: { score: 8 } }]);
    expect(d.last.activeElementIds).toEqual(['After']);
    expect(d.last.variables).toEqual({ systemId: 'sys-7', score: 4, sent: true });
    expect(d.last.steps.flatMap((s) => s.entered)).toContain('Send');
    // Published only in the step that ran it.
    expect((await d.complete('After')).published).toBeUndefined();
  });

  it('a message throw event with a FEEL name and a message end event publish; the end event ends the instance', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/>' +
        '<bpmn:intermediateThrowEvent id="Throw"><bpmn:messageEventDefinition messageRef="M_dynamic"/></bpmn:intermediateThrowEvent>' +
        '<bpmn:endEvent id="E"><bpmn:messageEventDefinition messageRef="M_done"/></bpmn:endEvent>' +
        chain('S', 'Throw', 'E'),
    );
    const d = await Driver.start(await deploy(xml), { kind: 'dpia', systemId: 'sys-1' });
    expect(d.last.published).toEqual([
      { kind: 'message', elementId: 'Throw', name: 'result-dpia', variables: {} },
      { kind: 'message', elementId: 'E', name: 'assessmentDone', correlationKey: 'sys-1', variables: {} },
    ]);
    expect(d.last.status).toBe('completed');
  });

  it('a send task with a zeebe:taskDefinition type is a job like a service task', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/><bpmn:sendTask id="Send"><bpmn:extensionElements><zeebe:taskDefinition type="mailer"/></bpmn:extensionElements></bpmn:sendTask>' +
        '<bpmn:endEvent id="E"/>' +
        chain('S', 'Send', 'E'),
    );
    const parsed = await parseProcess(xml);
    expect(parsed.elements.find((e) => e.id === 'Send')).toMatchObject({ kind: 'serviceTask', jobType: 'mailer' });
  });

  it('a send task without a message is a job like a service task without implementation (Camunda 7): typed by its id, with a warning', async () => {
    const parsed = await parseProcess(doc('<bpmn:startEvent id="S"/><bpmn:sendTask id="Send"/><bpmn:endEvent id="E"/>' + chain('S', 'Send', 'E')));
    expect(parsed.elements.find((e) => e.id === 'Send')).toMatchObject({ kind: 'serviceTask', jobType: 'Send', external: true });
    expect(parsed.warnings).toContainEqual({ elementId: 'Send', message: expect.stringMatching(/^send task without a message names no implementation/) });
    expect(validateDefinition(parsed, {})).toEqual([]);
  });

  it('a send task whose message has no name is refused at deploy time', async () => {
    const found = await issues(
      doc('<bpmn:startEvent id="S"/><bpmn:sendTask id="Send" messageRef="M_anon"/><bpmn:endEvent id="E"/>' + chain('S', 'Send', 'E')).replace(
        '<bpmn:signal ',
        '<bpmn:message id="M_anon"/><bpmn:signal ',
      ),
    );
    expect(found).toEqual([expect.objectContaining({ elementId: 'Send', message: expect.stringContaining('needs a bpmn:message with a name') })]);
  });
});

describe('receive tasks', () => {
  it('may follow an event-based gateway like a message catch event', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/><bpmn:eventBasedGateway id="G"/><bpmn:receiveTask id="Receive" messageRef="M_done"/>' +
        '<bpmn:intermediateCatchEvent id="Late"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>' +
        '<bpmn:endEvent id="E1"/><bpmn:endEvent id="E2"/>' +
        chain('S', 'G', 'Receive', 'E1') +
        chain('G', 'Late', 'E2'),
    );
    const d = await Driver.start(await deploy(xml), { systemId: 'sys-9' });
    expect(d.wait('Receive')).toMatchObject({ kind: 'message', name: 'assessmentDone', correlationKey: 'sys-9', eventGateway: 'G' });
    await d.send({ type: 'message', name: 'assessmentDone', correlationKey: 'sys-9' });
    expect(d.last.status).toBe('completed');
    expect(d.last.steps.flatMap((s) => s.entered)).toContain('E1');
  });

  it('wait for their message like a catch event and may carry boundary events', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/><bpmn:receiveTask id="Receive" messageRef="M_done"/>' +
        '<bpmn:boundaryEvent id="Late" attachedToRef="Receive"><bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>' +
        user('Chase') +
        user('After') +
        '<bpmn:endEvent id="E"/><bpmn:endEvent id="E2"/>' +
        chain('S', 'Receive', 'After', 'E') +
        chain('Late', 'Chase', 'E2'),
    );
    const def = await deploy(xml);
    const d = await Driver.start(def, { systemId: 'sys-3' });
    expect(d.wait('Receive')).toEqual({ kind: 'message', key: 'Receive:1', elementId: 'Receive', name: 'assessmentDone', correlationKey: 'sys-3' });
    await d.send({ type: 'message', name: 'assessmentDone', correlationKey: 'sys-3', variables: { score: 5 } });
    expect(d.last).toMatchObject({ activeElementIds: ['After'], variables: { systemId: 'sys-3', score: 5 } });
    const late = await Driver.start(def, { systemId: 'sys-4' });
    await late.fire('Late');
    expect(late.last.activeElementIds).toEqual(['Chase']);
    expect(late.last.waits.map((w) => w.kind)).toEqual(['userTask']);
  });
});

describe('signals', () => {
  const waiting = (id: string): string => `<bpmn:intermediateCatchEvent id="${id}">${signal}</bpmn:intermediateCatchEvent>`;

  it('a signal catch event waits for the signal; its variables go through the outputs', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/>' +
        `<bpmn:intermediateCatchEvent id="Wait">${io('', '<zeebe:output source="=regulation" target="changed"/>')}${signal}</bpmn:intermediateCatchEvent>` +
        user('Review') +
        '<bpmn:endEvent id="E"/>' +
        chain('S', 'Wait', 'Review', 'E'),
    );
    const d = await Driver.start(await deploy(xml));
    expect(d.waits).toEqual([{ kind: 'signal', key: 'Wait:1', elementId: 'Wait', name: 'regulationChanged' }]);
    await d.send({ type: 'signal', waitKey: 'Wait:1', variables: { regulation: 'EU AI Act', noise: 1 } });
    expect(d.last.activeElementIds).toEqual(['Review']);
    expect(d.last.variables).toEqual({ changed: 'EU AI Act' });
  });

  it('signal boundary events: a non-interrupting one runs its path and keeps listening, an interrupting one cancels the task', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/>' +
        user('Work') +
        `<bpmn:boundaryEvent id="Note" attachedToRef="Work" cancelActivity="false">${signal}</bpmn:boundaryEvent>` +
        '<bpmn:serviceTask id="Notify" aimsflow:handler="notify"/><bpmn:endEvent id="Noted"/>' +
        user('Next') +
        `<bpmn:boundaryEvent id="Stop" attachedToRef="Next">${signal}</bpmn:boundaryEvent>` +
        '<bpmn:endEvent id="Stopped"/><bpmn:endEvent id="E"/>' +
        chain('S', 'Work', 'Next', 'E') +
        chain('Note', 'Notify', 'Noted') +
        chain('Stop', 'Stopped'),
    );
    const d = await Driver.start(await deploy(xml));
    expect(d.wait('Note')).toEqual({
      kind: 'signal',
      key: 'Note:1',
      elementId: 'Note',
      name: 'regulationChanged',
      boundary: { attachedTo: 'Work', interrupting: false },
    });
    await d.send({ type: 'signal', waitKey: 'Note:1' });
    expect(d.hooks.callHandler).toHaveBeenCalledTimes(1);
    expect(d.wait('Note').key).toBe('Note:2');
    await d.complete('Work');
    await d.send({ type: 'signal', waitKey: d.wait('Stop').key, variables: { why: 'repealed' } });
    expect(d.last.status).toBe('completed');
    expect(d.last.variables).toEqual({ why: 'repealed' });
  });

  it('after an event-based gateway a signal catch event races a timer: the first to occur is taken, the other wait vanishes', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/><bpmn:eventBasedGateway id="G"/>' +
        `<bpmn:intermediateCatchEvent id="Heard">${signal}</bpmn:intermediateCatchEvent>` +
        '<bpmn:intermediateCatchEvent id="Late"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>' +
        user('Review') +
        user('Chase') +
        '<bpmn:endEvent id="E1"/><bpmn:endEvent id="E2"/>' +
        chain('S', 'G', 'Heard', 'Review', 'E1') +
        chain('G', 'Late', 'Chase', 'E2'),
    );
    const d = await Driver.start(await deploy(xml));
    expect(d.wait('Heard')).toMatchObject({ kind: 'signal', name: 'regulationChanged', eventGateway: 'G' });
    expect(d.wait('Late')).toMatchObject({ kind: 'timer', eventGateway: 'G' });
    await d.send({ type: 'signal', waitKey: d.wait('Heard').key, variables: { regulation: 'EU AI Act' } });
    expect(d.last).toMatchObject({ activeElementIds: ['Review'], variables: { regulation: 'EU AI Act' } });
    expect(d.waits.map((w) => w.elementId)).toEqual(['Review']);
  });

  it('signal throw and end events publish the signal; a signal start event is listed', async () => {
    const xml = doc(
      `<bpmn:startEvent id="S">${signal}</bpmn:startEvent>` +
        `<bpmn:intermediateThrowEvent id="Throw">${io('<zeebe:input source="=area" target="area"/>')}${signal}</bpmn:intermediateThrowEvent>` +
        `<bpmn:endEvent id="E">${signal}</bpmn:endEvent>` +
        chain('S', 'Throw', 'E'),
    );
    const def = await deploy(xml);
    expect(def.startEvents).toEqual([{ id: 'S', kind: 'signal', signalName: 'regulationChanged' }]);
    const d = await Driver.start(def, { area: 'privacy' }, undefined, { startEventId: 'S' });
    expect(d.last.published).toEqual([
      { kind: 'signal', elementId: 'Throw', name: 'regulationChanged', variables: { area: 'privacy' } },
      { kind: 'signal', elementId: 'E', name: 'regulationChanged', variables: {} },
    ]);
    expect(d.last.status).toBe('completed');
  });

  it('a catch needs a named signal, written as a fixed name', async () => {
    const found = await issues(doc('<bpmn:startEvent id="S"/>' + waiting('W') + '<bpmn:endEvent id="E"/>' + chain('S', 'W', 'E')));
    expect(found).toEqual([]);
    const unnamed = await issues(
      doc(
        '<bpmn:startEvent id="S"/><bpmn:intermediateCatchEvent id="W"><bpmn:signalEventDefinition/></bpmn:intermediateCatchEvent><bpmn:endEvent id="E"/>' +
          chain('S', 'W', 'E'),
      ),
    );
    expect(unnamed).toEqual([{ elementId: 'W', message: 'signal catch event needs a bpmn:signal with a name (signalRef)' }]);
  });
});
