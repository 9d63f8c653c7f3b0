import { compileProcess } from './compile.js';
import { BpmnError } from './errors.js';
import { parseProcess } from './parse.js';
import { Driver, fakeHooks } from './spec-helpers.js';
import { definitionWarnings, validateDefinition } from './validate.js';

/** A Camunda 8 document: zeebe job types, task headers and mappings. */
function zeebe(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0" id="Defs" targetNamespace="https://aimsflow.dev/test">
  <bpmn:error id="Err_sanctioned" errorCode="SANCTIONED"/>
  <bpmn:process id="jobs" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

const SCREEN = `<bpmn:serviceTask id="Screen" name="Screen the supplier">
  <bpmn:extensionElements>
    <zeebe:taskDefinition type="sanctions-screening" retries="5"/>
    <zeebe:taskHeaders><zeebe:header key="list" value="EU"/><zeebe:header key="strict" value="true"/></zeebe:taskHeaders>
    <zeebe:ioMapping>
      <zeebe:input source="=supplier.name" target="name"/>
      <zeebe:output source="=hits = 0" target="clear"/>
    </zeebe:ioMapping>
  </bpmn:extensionElements>
</bpmn:serviceTask>`;

const FLOWS = `<bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Screen"/><bpmn:sequenceFlow id="f2" sourceRef="Screen" targetRef="Review"/>
  <bpmn:sequenceFlow id="f3" sourceRef="Review" targetRef="E"/>`;
const REST = `<bpmn:startEvent id="S"/><bpmn:userTask id="Review" aimsflow:candidateRoles="reviewer"/><bpmn:endEvent id="E"/>`;

async function compile(xml: string) {
  const parsed = await parseProcess(xml);
  const knownHandlers = new Set(['notify']);
  expect(validateDefinition(parsed, { knownHandlers })).toEqual([]);
  return compileProcess(parsed, { knownHandlers });
}

describe('external jobs', () => {
  it('a job type with no built-in handler waits for a worker, with its headers, retries and input variables', async () => {
    const hooks = fakeHooks();
    const d = await Driver.start(await compile(zeebe(REST + SCREEN + FLOWS)), { supplier: { name: 'ACME' }, other: 1 }, hooks);
    expect(hooks.callHandler).not.toHaveBeenCalled();
    expect(d.last.activeElementIds).toEqual(['Screen']);
    expect(d.wait('Screen')).toEqual({
      kind: 'job',
      key: 'Screen:1',
      elementId: 'Screen',
      name: 'Screen the supplier',
      jobType: 'sanctions-screening',
      headers: { list: 'EU', strict: 'true' },
      retries: 5,
      variables: { supplier: { name: 'ACME' }, other: 1, name: 'ACME' },
    });
    // The output mappings see the job's input plus what the worker sent; only their targets reach the instance.
    await d.send({ type: 'job.complete', waitKey: 'Screen:1', variables: { hits: 0, raw: 'x' } });
    expect(d.last.variables).toEqual({ supplier: { name: 'ACME' }, other: 1, clear: true });
    expect(d.last.activeElementIds).toEqual(['Review']);
  });

  it('a job type naming a built-in handler runs that handler', async () => {
    const hooks = fakeHooks();
    const xml = zeebe(REST + SCREEN.replace('sanctions-screening', 'notify') + FLOWS);
    const d = await Driver.start(await compile(xml), { supplier: { name: 'ACME' } }, hooks);
    expect(hooks.callHandler).toHaveBeenCalledTimes(1);
    expect(d.last.activeElementIds).toEqual(['Review']);
  });

  it('without outputs the worker variables are merged; a second completion finds no wait', async () => {
    const plain = `<bpmn:serviceTask id="Screen"><bpmn:extensionElements><zeebe:taskDefinition type="screen"/></bpmn:extensionElements></bpmn:serviceTask>`;
    const d = await Driver.start(await compile(zeebe(REST + plain + FLOWS)), { a: 1 });
    expect(d.wait('Screen')).toMatchObject({ retries: 3, headers: {}, variables: { a: 1 } });
    await d.send({ type: 'job.complete', waitKey: 'Screen:1', variables: { b: 2 } });
    expect(d.last.variables).toEqual({ a: 1, b: 2 });
    await expect(d.send({ type: 'job.complete', waitKey: 'Screen:1' })).rejects.toMatchObject({ code: 'WAIT_NOT_FOUND' });
  });

  it('a BPMN error from the worker takes the error boundary event, with its variables', async () => {
    const body =
      REST +
      SCREEN +
      FLOWS +
      `<bpmn:boundaryEvent id="Sanctioned" attachedToRef="Screen"><bpmn:errorEventDefinition errorRef="Err_sanctioned"/></bpmn:boundaryEvent>
       <bpmn:userTask id="Reject" aimsflow:candidateRoles="reviewer"/><bpmn:endEvent id="E2"/>
       <bpmn:sequenceFlow id="f4" sourceRef="Sanctioned" targetRef="Reject"/><bpmn:sequenceFlow id="f5" sourceRef="Reject" targetRef="E2"/>`;
    const d = await Driver.start(await compile(zeebe(body)), { supplier: { name: 'ACME' } });
    await d.send({ type: 'job.error', waitKey: 'Screen:1', errorCode: 'SANCTIONED', variables: { listedOn: 'EU' } });
    expect(d.last.activeElementIds).toEqual(['Reject']);
    expect(d.last.variables.listedOn).toBe('EU');
    expect(d.waits.some((w) => w.kind === 'job')).toBe(false);
  });

  it('an uncaught BPMN error from the worker ends the instance with the error, for the app to turn into an incident', async () => {
    const d = await Driver.start(await compile(zeebe(REST + SCREEN + FLOWS)), {});
    await d.send({ type: 'job.error', waitKey: 'Screen:1', errorCode: 'SANCTIONED' });
    expect(d.last.error).toEqual({ code: 'SANCTIONED', elementId: 'Screen' });
  });

  it('a boundary timer on an external job fires (the job disappears with the task)', async () => {
    const body =
      REST +
      SCREEN +
      FLOWS +
      `<bpmn:boundaryEvent id="Late" attachedToRef="Screen"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
       <bpmn:sequenceFlow id="f6" sourceRef="Late" targetRef="Review"/>`;
    const d = await Driver.start(await compile(zeebe(body)), {});
    expect(d.waits.map((w) => w.kind).sort()).toEqual(['job', 'timer']);
    await d.fire('Late');
    expect(d.last.activeElementIds).toEqual(['Review']);
    expect(d.waits.map((w) => w.kind)).toEqual(['userTask']);
  });

  it('aimsflow:handler stays a built-in: an unknown one is refused; an unknown job type is not', async () => {
    const knownHandlers = new Set(['notify']);
    const builtIn = await parseProcess(zeebe(REST + FLOWS + '<bpmn:serviceTask id="Screen" aimsflow:handler="screen"/>'));
    expect(validateDefinition(builtIn, { knownHandlers })).toEqual([{ elementId: 'Screen', message: 'unknown service task handler "screen"' }]);
    const bad = await parseProcess(zeebe(REST + FLOWS + SCREEN.replace('retries="5"', 'retries="many"')));
    expect(validateDefinition(bad, { knownHandlers })).toEqual([
      { elementId: 'Screen', message: 'zeebe:taskDefinition retries="many" must be a whole number from 1 to 100' },
    ]);
  });

  it('each trigger of a non-interrupting boundary event whose path waits for a worker runs a path of its own', async () => {
    const ask = '<bpmn:serviceTask id="Ask"><bpmn:extensionElements><zeebe:taskDefinition type="ask-owner"/></bpmn:extensionElements></bpmn:serviceTask>';
    const ping =
      '<bpmn:boundaryEvent id="Ping" attachedToRef="Review" cancelActivity="false"><bpmn:messageEventDefinition messageRef="M_ping"/></bpmn:boundaryEvent>' +
      '<bpmn:endEvent id="Asked"/><bpmn:sequenceFlow id="p1" sourceRef="Ping" targetRef="Ask"/><bpmn:sequenceFlow id="p2" sourceRef="Ask" targetRef="Asked"/>';
    const flows = '<bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Review"/><bpmn:sequenceFlow id="f3" sourceRef="Review" targetRef="E"/>';
    const xml = zeebe(REST + ask + ping + flows).replace('<bpmn:process', '<bpmn:message id="M_ping" name="ping"/><bpmn:process');
    const d = await Driver.start(await compile(xml));
    await d.send({ type: 'message', name: 'ping', variables: { round: 1 } });
    // The subscription stays open while the first path waits for its worker: the second message runs a second path.
    await d.send({ type: 'message', name: 'ping', variables: { round: 2 } });
    const jobs = d.waits.filter((w) => w.kind === 'job');
    expect(jobs.map((w) => [w.elementId, w.kind === 'job' && w.variables.round])).toEqual([
      ['Ask', 1],
      ['Ask', 2],
    ]);
    expect(d.wait('Ping')).toMatchObject({ kind: 'message', boundary: { attachedTo: 'Review', interrupting: false } });
    await d.send({ type: 'job.complete', waitKey: jobs[1].key });
    expect(d.waits.filter((w) => w.kind === 'job').map((w) => w.key)).toEqual([jobs[0].key]);
    await d.send({ type: 'job.complete', waitKey: jobs[0].key });
    expect(d.last.activeElementIds).toEqual(['Review']);
    expect((await d.complete('Review')).status).toBe('completed');
  });
});

describe('incidents for BPMN errors of handlers that nothing catches', () => {
  const body =
    REST.replace(
      '<bpmn:userTask id="Review" aimsflow:candidateRoles="reviewer"/>',
      '<bpmn:userTask id="Review" aimsflow:candidateRoles="reviewer"/><bpmn:serviceTask id="Screen" aimsflow:handler="notify"/>',
    ) +
    '<bpmn:userTask id="Fill" aimsflow:candidateRoles="reviewer"/>' +
    `<bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Fill"/><bpmn:sequenceFlow id="f2" sourceRef="Fill" targetRef="Screen"/>
     <bpmn:sequenceFlow id="f3" sourceRef="Screen" targetRef="Review"/><bpmn:sequenceFlow id="f4" sourceRef="Review" targetRef="E"/>`;

  it('keeps the token at the service task with an incident, skips it on other events, and runs the handler again on incident.retry', async () => {
    const hooks = { ...fakeHooks(), uncaughtHandlerErrors: 'incident' as const };
    hooks.callHandler.mockRejectedValueOnce(new BpmnError('UNLISTED', 'not in the register'));
    const d = await Driver.start(await compile(zeebe(body)), {}, hooks);
    const result = await d.complete('Fill');
    expect(result.incidents).toEqual([{ elementId: 'Screen', waitKey: 'Screen:1', errorCode: 'UNLISTED', message: 'not in the register' }]);
    expect(result).toMatchObject({ status: 'active', activeElementIds: ['Screen'] });
    expect(result.error).toBeUndefined();
    await expect(d.send({ type: 'incident.retry', elementId: 'Fill' })).rejects.toMatchObject({ code: 'WAIT_NOT_FOUND' });
    const retried = await d.send({ type: 'incident.retry', elementId: 'Screen' });
    expect(hooks.callHandler).toHaveBeenCalledTimes(2);
    expect(retried.incidents).toBeUndefined();
    expect(retried.activeElementIds).toEqual(['Review']);
  });

  it('without the option the instance ends with the error, as before', async () => {
    const hooks = fakeHooks();
    hooks.callHandler.mockRejectedValueOnce(new BpmnError('UNLISTED'));
    const d = await Driver.start(await compile(zeebe(body)), {}, hooks);
    expect((await d.complete('Fill')).error).toEqual({ code: 'UNLISTED', elementId: 'Screen' });
  });
});

describe('Camunda 8 files as drawn: mappings on user tasks and message catch events, static inputs, FEEL message names', () => {
  it('maps a user task: inputs scope its candidate roles, outputs alone reach the instance; a static source is text', async () => {
    const body = `<bpmn:startEvent id="S"/>
      <bpmn:userTask id="Approve"><bpmn:extensionElements>
        <zeebe:assignmentDefinition candidateGroups="=approverRole"/>
        <zeebe:ioMapping>
          <zeebe:input source="risk-officer" target="approverRole"/>
          <zeebe:input source="=amount * 2" target="limit"/>
          <zeebe:output source="=decision = &quot;yes&quot; and amount &lt; limit" target="approved"/>
        </zeebe:ioMapping>
      </bpmn:extensionElements></bpmn:userTask>
      <bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Approve"/><bpmn:sequenceFlow id="f2" sourceRef="Approve" targetRef="E"/>`;
    const d = await Driver.start(await compile(zeebe(body)), { amount: 10, 'risk-officer': 'not me' });
    expect(d.wait('Approve')).toMatchObject({ candidateRoles: ['risk-officer'] });
    await d.complete('Approve', { decision: 'yes', note: 'kept local' });
    expect(d.last.variables).toEqual({ amount: 10, 'risk-officer': 'not me', approved: true });
  });

  it('maps the variables of a message, and evaluates a FEEL message name when the subscription opens', async () => {
    const xml = zeebe(`<bpmn:startEvent id="S"/>
      <bpmn:intermediateCatchEvent id="Wait"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=payload.score" target="score"/></zeebe:ioMapping></bpmn:extensionElements>
        <bpmn:messageEventDefinition messageRef="M_dynamic"/></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Wait"/><bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="E"/>`).replace(
      '<bpmn:process',
      '<bpmn:message id="M_dynamic" name="=&quot;result-&quot; + kind"/><bpmn:process',
    );
    const d = await Driver.start(await compile(xml), { kind: 'audit' });
    expect(d.wait('Wait')).toMatchObject({ kind: 'message', name: 'result-audit' });
    await expect(d.send({ type: 'message', name: '="result-" + kind', variables: {} })).rejects.toMatchObject({ code: 'WAIT_NOT_FOUND' });
    await d.send({ type: 'message', name: 'result-audit', variables: { payload: { score: 7 }, noise: true } });
    expect(d.last.variables).toEqual({ kind: 'audit', score: 7 });
    expect(d.last.status).toBe('completed');
  });

  it('refuses a FEEL name on a message start event, and a name that gives no text at run time', async () => {
    const start = zeebe(`<bpmn:startEvent id="S"><bpmn:messageEventDefinition messageRef="M_dynamic"/></bpmn:startEvent><bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="E"/>`).replace('<bpmn:process', '<bpmn:message id="M_dynamic" name="=kind"/><bpmn:process');
    expect(validateDefinition(await parseProcess(start))).toEqual([
      { elementId: 'S', message: 'a message start event needs a fixed message name, not an expression ("=kind"): nothing is there to evaluate it over' },
    ]);
    const catching =
      zeebe(`<bpmn:startEvent id="S"/><bpmn:intermediateCatchEvent id="Wait"><bpmn:messageEventDefinition messageRef="M_dynamic"/></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="E"/><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Wait"/><bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="E"/>`).replace(
        '<bpmn:process',
        '<bpmn:message id="M_dynamic" name="=kind"/><bpmn:process',
      );
    await expect(Driver.start(await compile(catching), {})).rejects.toMatchObject({ code: 'INVALID_MESSAGE_NAME', elementId: 'Wait' });
  });
});

describe('script tasks', () => {
  const flows = `<bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Score"/><bpmn:sequenceFlow id="f2" sourceRef="Score" targetRef="Review"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Review" targetRef="E"/>`;
  const rest = `<bpmn:startEvent id="S"/><bpmn:userTask id="Review" aimsflow:candidateRoles="reviewer"/><bpmn:endEvent id="E"/>`;

  it('evaluates its FEEL expression (over the variables and its inputs) into the result variable and goes on', async () => {
    const script = `<bpmn:scriptTask id="Score"><bpmn:extensionElements>
      <zeebe:script expression="=base * factor + count(findings)" resultVariable="score"/>
      <zeebe:ioMapping><zeebe:input source="=2" target="factor"/></zeebe:ioMapping>
    </bpmn:extensionElements></bpmn:scriptTask>`;
    const d = await Driver.start(await compile(zeebe(rest + script + flows)), { base: 5, findings: ['a', 'b'] });
    expect(d.last.variables).toEqual({ base: 5, findings: ['a', 'b'], score: 12 });
    expect(d.last.activeElementIds).toEqual(['Review']);
    expect(d.last.steps[0].entered).toEqual(['S', 'Score', 'Review']);
  });

  it('refuses JavaScript and a missing expression or result variable, pointing at FEEL', async () => {
    const js = zeebe(rest + flows + '<bpmn:scriptTask id="Score" scriptFormat="javascript"><bpmn:script>score = 1</bpmn:script></bpmn:scriptTask>');
    expect(validateDefinition(await parseProcess(js))).toEqual([
      { elementId: 'Score', message: expect.stringContaining('a javascript script is not supported: write it as a FEEL expression, <zeebe:script') },
    ]);
    const noResult = zeebe(
      rest + flows + '<bpmn:scriptTask id="Score"><bpmn:extensionElements><zeebe:script expression="=1 +"/></bpmn:extensionElements></bpmn:scriptTask>',
    );
    expect(validateDefinition(await parseProcess(noResult))).toEqual([
      { elementId: 'Score', message: expect.stringMatching(/^script expression "=1 \+" is not valid FEEL/) },
      { elementId: 'Score', message: 'script task needs a result variable (zeebe:script resultVariable)' },
    ]);
  });
});

describe('deploy warnings', () => {
  it('lists extensions nothing reads instead of dropping them silently', async () => {
    const body = `<bpmn:startEvent id="S"><bpmn:extensionElements><zeebe:executionListeners><zeebe:executionListener eventType="end" type="audit"/></zeebe:executionListeners></bpmn:extensionElements></bpmn:startEvent>
      <bpmn:userTask id="Review" aimsflow:candidateRoles="reviewer"><bpmn:extensionElements>
        <zeebe:taskListeners><zeebe:taskListener eventType="assigning" type="notify"/></zeebe:taskListeners>
        <zeebe:properties><zeebe:property name="color" value="red"/></zeebe:properties>
      </bpmn:extensionElements></bpmn:userTask>
      <bpmn:serviceTask id="Notify" aimsflow:handler="notify"><bpmn:extensionElements><zeebe:taskHeaders><zeebe:header key="k" value="v"/></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Review"/><bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="Notify"/><bpmn:sequenceFlow id="f3" sourceRef="Notify" targetRef="E"/>`;
    const parsed = await parseProcess(zeebe(body));
    expect(validateDefinition(parsed, { knownHandlers: new Set(['notify']) })).toEqual([]);
    expect(definitionWarnings(parsed, { knownHandlers: new Set(['notify']) })).toEqual([
      { elementId: 'S', message: '<zeebe:executionListeners> is ignored: it has no meaning in aimsflow' },
      { elementId: 'Review', message: '<zeebe:taskListeners> is ignored: it has no meaning in aimsflow' },
      { elementId: 'Review', message: '<zeebe:properties> is ignored: it has no meaning in aimsflow' },
      { elementId: 'Notify', message: '<zeebe:taskHeaders> is ignored: the task runs a built-in handler, and only external job workers get headers' },
    ]);
  });
});
