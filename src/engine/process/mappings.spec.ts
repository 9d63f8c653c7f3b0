import { parseProcess } from './parse.js';
import { deploy, Driver } from './spec-helpers.js';
import { validateDefinition } from './validate.js';

/** zeebe:ioMapping on the elements that have nothing to run: tasks, throw and end events, timers, boundary events. */
function doc(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="https://aimsflow.dev/test">
  <bpmn:message id="M_info" name="info"/>
  <bpmn:error id="Err" errorCode="REJECTED"/>
  <bpmn:process id="mappings" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

let flows = 0;
const chain = (...ids: string[]): string =>
  ids
    .slice(1)
    .map((id, i) => `<bpmn:sequenceFlow id="M${++flows}" sourceRef="${ids[i]}" targetRef="${id}"/>`)
    .join('');
const io = (inputs: string, outputs: string): string =>
  `<bpmn:extensionElements><zeebe:ioMapping>${inputs}${outputs}</zeebe:ioMapping></bpmn:extensionElements>`;
const user = (id: string): string => `<bpmn:userTask id="${id}" aimsflow:candidateRoles="reviewer"/>`;

describe('zeebe:ioMapping on every element that carries it', () => {
  it('a plain task and a none throw event map outputs over the variables and their inputs', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/>' +
        `<bpmn:task id="T">${io('<zeebe:input source="=base * 2" target="doubled"/>', '<zeebe:output source="=doubled + 1" target="score"/>')}</bpmn:task>` +
        `<bpmn:intermediateThrowEvent id="Mark">${io('', '<zeebe:output source="reviewed" target="stage"/>')}</bpmn:intermediateThrowEvent>` +
        user('After') +
        '<bpmn:endEvent id="E"/>' +
        chain('S', 'T', 'Mark', 'After', 'E'),
    );
    const d = await Driver.start(await deploy(xml), { base: 3 });
    // The input is local: only the output reaches the instance.
    expect(d.last.variables).toEqual({ base: 3, score: 7, stage: 'reviewed' });
  });

  it('a none end event maps its outputs before the instance ends (what a calling process gets back)', async () => {
    const xml = doc(
      `<bpmn:startEvent id="S"/><bpmn:endEvent id="E">${io('', '<zeebe:output source="=upper case(name)" target="label"/>')}</bpmn:endEvent>${chain('S', 'E')}`,
    );
    const d = await Driver.start(await deploy(xml), { name: 'cv screener' });
    expect(d.last).toMatchObject({ status: 'completed', variables: { name: 'cv screener', label: 'CV SCREENER' } });
  });

  it('an intermediate timer catch event maps its outputs when it fires', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/>' +
        `<bpmn:intermediateCatchEvent id="Wait">${io('', '<zeebe:output source="=true" target="waited"/>')}<bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>` +
        user('After') +
        '<bpmn:endEvent id="E"/>' +
        chain('S', 'Wait', 'After', 'E'),
    );
    const d = await Driver.start(await deploy(xml));
    await d.fire('Wait');
    expect(d.last.variables).toEqual({ waited: true });
  });

  it('boundary events map what their event carries: only the output targets of a message or an error reach the instance', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/>' +
        user('Work') +
        `<bpmn:boundaryEvent id="Info" attachedToRef="Work" cancelActivity="false">${io('', '<zeebe:output source="=report.score" target="score"/>')}<bpmn:messageEventDefinition messageRef="M_info"/></bpmn:boundaryEvent>` +
        '<bpmn:endEvent id="Noted"/>' +
        '<bpmn:serviceTask id="Check" aimsflow:handler="notify"/>' +
        `<bpmn:boundaryEvent id="Rejected" attachedToRef="Check">${io('', '<zeebe:output source="=reason" target="rejection"/>')}<bpmn:errorEventDefinition errorRef="Err"/></bpmn:boundaryEvent>` +
        user('Fix') +
        '<bpmn:endEvent id="E"/><bpmn:endEvent id="Fixed"/>' +
        chain('S', 'Work', 'Check', 'E') +
        chain('Info', 'Noted') +
        chain('Rejected', 'Fix', 'Fixed'),
    );
    const d = await Driver.start(await deploy(xml));
    await d.send({ type: 'message', name: 'info', variables: { report: { score: 4 }, noise: true } });
    expect(d.last.variables).toEqual({ score: 4 });
    const { BpmnError } = await import('./errors.js');
    d.hooks.callHandler.mockRejectedValue(new BpmnError('REJECTED', 'no', { reason: 'incomplete', other: 1 }));
    await d.complete('Work');
    expect(d.last.activeElementIds).toEqual(['Fix']);
    expect(d.last.variables).toEqual({ score: 4, rejection: 'incomplete' });
  });

  it('a sub-process: inputs are local variables for its inner flow, outputs map into the process when it ends; an interrupted one maps nothing', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/>' +
        `<bpmn:subProcess id="Sub">${io('<zeebe:input source="=score * 10" target="score"/><zeebe:input source="risk-officer" target="role"/>', '<zeebe:output source="=score + 1" target="subScore"/>')}` +
        `<bpmn:startEvent id="S1"/><bpmn:userTask id="Inner"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="=role"/></bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="E1"/>${chain('S1', 'Inner', 'E1')}</bpmn:subProcess>` +
        `<bpmn:boundaryEvent id="Stop" attachedToRef="Sub"><bpmn:messageEventDefinition messageRef="M_info"/></bpmn:boundaryEvent><bpmn:endEvent id="Stopped"/>` +
        user('After') +
        '<bpmn:endEvent id="E"/>' +
        chain('S', 'Sub', 'After', 'E') +
        chain('Stop', 'Stopped'),
    );
    const def = await deploy(xml);
    const d = await Driver.start(def, { score: 2 });
    expect(d.wait('Inner')).toMatchObject({ candidateRoles: ['risk-officer'] });
    expect(d.last.variables).toEqual({ score: 20, role: 'risk-officer' });
    await d.complete('Inner', { score: 30, note: 'done' });
    // The local score (30 now) is gone, the process's own comes back; what was set inside without an input stays.
    expect(d.last.variables).toEqual({ score: 2, subScore: 31, note: 'done' });

    const interrupted = await Driver.start(def, {});
    await interrupted.send({ type: 'message', name: 'info' });
    expect(interrupted.last).toMatchObject({ status: 'completed', variables: {} });
  });

  it('checks the FEEL of the new mappings at deploy time; start events still take none', async () => {
    const xml = doc(
      `<bpmn:startEvent id="S">${io('', '<zeebe:output source="=x" target="y"/>')}</bpmn:startEvent>` +
        `<bpmn:task id="T">${io('', '<zeebe:output source="=a +" target="b"/>')}</bpmn:task><bpmn:endEvent id="E"/>` +
        chain('S', 'T', 'E'),
    );
    const parsed = await parseProcess(xml);
    expect(validateDefinition(parsed)).toEqual([{ elementId: 'T', message: expect.stringMatching(/mapping source for "b" "a \+" is not valid FEEL/) }]);
    expect(parsed.warnings).toEqual([{ elementId: 'S', message: '<zeebe:ioMapping> is ignored: it has no meaning in aimsflow' }]);
  });
});
