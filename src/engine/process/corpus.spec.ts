import { compileProcess } from './compile.js';
import { parseProcess } from './parse.js';
import { bpmn, deploy, Driver } from './spec-helpers.js';
import { definitionWarnings, validateDefinition } from './validate.js';

/** Constructs met in the BPMN corpus (test/fixtures/bpmn/corpus), each reduced to a minimal document. */
const c7 = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="Defs" targetNamespace="https://aimsflow.dev/test">
  <bpmn:process id="corpus" isExecutable="true">
    <bpmn:startEvent id="Start"/>${body}
    <bpmn:endEvent id="End"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('Camunda 7 extensions nobody reads are ignored with a warning, whatever they contain', () => {
  it('a connector with its own input/output and a retry cycle body', async () => {
    const parsed = await parseProcess(
      c7(`<bpmn:task id="Mail">
        <bpmn:extensionElements>
          <camunda:connector>
            <camunda:inputOutput><camunda:inputParameter name="to"/></camunda:inputOutput>
            <camunda:connectorId>send-email</camunda:connectorId>
          </camunda:connector>
          <camunda:failedJobRetryTimeCycle>R3/PT10M</camunda:failedJobRetryTimeCycle>
        </bpmn:extensionElements>
      </bpmn:task>
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Mail"/>
      <bpmn:sequenceFlow id="F2" sourceRef="Mail" targetRef="End"/>`),
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        '<camunda:connector> is ignored: it has no meaning in aimsflow',
        '<camunda:failedJobRetryTimeCycle> is ignored: it has no meaning in aimsflow',
        expect.stringMatching(/^<camunda:inputOutput> is ignored: it has no meaning in aimsflow \(line \d+, column \d+\)$/),
      ]),
    );
  });
});

describe('a flow node without outgoing flow ends its token (the implicit end of BPMN)', () => {
  it('a diagram that is only a start event completes at once', async () => {
    const d = await Driver.start(await deploy(bpmn('<bpmn:startEvent id="Start"/>')));
    expect(d.last.status).toBe('completed');
  });

  it('a task without outgoing flow completes the process when completed', async () => {
    const def = await deploy(
      bpmn(`<bpmn:startEvent id="Start"/>
        <bpmn:userTask id="Review" aimsflow:candidateRoles="dpo"/>
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review"/>`),
    );
    const d = await Driver.start(def);
    expect(d.waits.map((w) => w.elementId)).toEqual(['Review']);
    await d.complete('Review');
    expect(d.last.status).toBe('completed');
  });

  it('a parallel branch that ends implicitly ends only that branch; the process ends with the last one', async () => {
    const def = await deploy(
      bpmn(`<bpmn:startEvent id="Start"/>
        <bpmn:parallelGateway id="Fork"/>
        <bpmn:userTask id="A" aimsflow:candidateRoles="dpo"/>
        <bpmn:userTask id="B" aimsflow:candidateRoles="dpo"/>
        <bpmn:endEvent id="End"/>
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Fork"/>
        <bpmn:sequenceFlow id="F2" sourceRef="Fork" targetRef="A"/>
        <bpmn:sequenceFlow id="F3" sourceRef="Fork" targetRef="B"/>
        <bpmn:sequenceFlow id="F4" sourceRef="B" targetRef="End"/>`),
    );
    const d = await Driver.start(def);
    await d.complete('A');
    expect(d.last.status).toBe('active');
    expect(d.waits.map((w) => w.elementId)).toEqual(['B']);
    await d.complete('B');
    expect(d.last.status).toBe('completed');
  });

  it('inside a sub-process it ends the sub-process, whose outgoing flow is taken', async () => {
    const def = await deploy(
      bpmn(`<bpmn:startEvent id="Start"/>
        <bpmn:subProcess id="Sub">
          <bpmn:startEvent id="SubStart"/>
          <bpmn:userTask id="Inner" aimsflow:candidateRoles="dpo"/>
          <bpmn:sequenceFlow id="S1" sourceRef="SubStart" targetRef="Inner"/>
        </bpmn:subProcess>
        <bpmn:userTask id="After" aimsflow:candidateRoles="dpo"/>
        <bpmn:endEvent id="End"/>
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sub"/>
        <bpmn:sequenceFlow id="F2" sourceRef="Sub" targetRef="After"/>
        <bpmn:sequenceFlow id="F3" sourceRef="After" targetRef="End"/>`),
    );
    const d = await Driver.start(def);
    await d.complete('Inner');
    expect(d.waits.map((w) => w.elementId)).toEqual(['After']);
  });

  it('the added end event is named after the element it follows and never clashes with an id of the file', async () => {
    const parsed = await parseProcess(
      bpmn(`<bpmn:startEvent id="Start"/><bpmn:task id="Start__implicitEnd"/>
        <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Start__implicitEnd"/>`),
    );
    const ends = parsed.elements.filter((e) => e.kind === 'endEvent');
    expect(ends.map((e) => [e.id, e.name, e.incoming])).toEqual([
      ['Start__implicitEnd__implicitEnd', 'implicit end after Start__implicitEnd', ['Start__implicitEnd__implicitEnd_flow']],
    ]);
  });
});

describe('a user task without candidate roles', () => {
  it('waits naming no candidate role (the app gives such a task to administrators)', async () => {
    const d = await Driver.start(
      await deploy(
        bpmn(`<bpmn:startEvent id="Start"/><bpmn:userTask id="Review"/><bpmn:endEvent id="End"/>
          <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review"/><bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End"/>`),
      ),
    );
    expect(d.waits).toEqual([expect.objectContaining({ kind: 'userTask', elementId: 'Review', candidateRoles: [] })]);
    await d.complete('Review', {}, 'ada');
    expect(d.last.status).toBe('completed');
  });
});

describe('a service task with no implementation aimsflow runs', () => {
  it('a Camunda 7 Java delegate waits as an external job typed by its element id, even when the id names a built-in handler', async () => {
    const xml = c7(`<bpmn:serviceTask id="notify" camunda:class="com.example.Notify"/>
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="notify"/>
      <bpmn:sequenceFlow id="F2" sourceRef="notify" targetRef="End"/>`);
    const parsed = await parseProcess(xml);
    expect(definitionWarnings(parsed)).toContainEqual({ elementId: 'notify', message: expect.stringMatching(/waits as an external job of type "notify"/) });
    const d = await Driver.start(compileProcess(parsed, { knownHandlers: new Set(['notify']) }));
    expect(d.waits).toEqual([expect.objectContaining({ kind: 'job', elementId: 'notify', jobType: 'notify' })]);
    expect(d.hooks.callHandler).not.toHaveBeenCalled();
    await d.send({ type: 'job.complete', waitKey: d.wait('notify').key, variables: { sent: true } });
    expect(d.last).toMatchObject({ status: 'completed', variables: { sent: true } });
  });
});

describe('a process or sub-process drawn without a start event starts every flow node without incoming flow', () => {
  it('one such node: the instance starts there', async () => {
    const d = await Driver.start(await deploy(bpmn('<bpmn:userTask id="Review" aimsflow:candidateRoles="dpo"/>')));
    expect(d.waits.map((w) => w.elementId)).toEqual(['Review']);
    await d.complete('Review');
    expect(d.last.status).toBe('completed');
  });

  it('several: they all start, side by side, and the process ends with the last', async () => {
    const d = await Driver.start(
      await deploy(bpmn('<bpmn:userTask id="A" aimsflow:candidateRoles="dpo"/><bpmn:userTask id="B" aimsflow:candidateRoles="dpo"/>')),
    );
    expect(d.waits.map((w) => w.elementId).sort()).toEqual(['A', 'B']);
    await d.complete('B');
    expect(d.last.status).toBe('active');
    await d.complete('A');
    expect(d.last.status).toBe('completed');
  });

  it('an embedded sub-process without start event starts its first node; the process goes on after it', async () => {
    const d = await Driver.start(
      await deploy(
        bpmn(`<bpmn:startEvent id="Start"/>
          <bpmn:subProcess id="Sub"><bpmn:userTask id="Inner" aimsflow:candidateRoles="dpo"/></bpmn:subProcess>
          <bpmn:userTask id="After" aimsflow:candidateRoles="dpo"/>
          <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sub"/>
          <bpmn:sequenceFlow id="F2" sourceRef="Sub" targetRef="After"/>`),
      ),
    );
    expect(d.waits.map((w) => w.elementId)).toEqual(['Inner']);
    await d.complete('Inner');
    expect(d.waits.map((w) => w.elementId)).toEqual(['After']);
  });

  it('an empty executable process starts and completes at once; one with a start event of its own is left alone', async () => {
    expect((await Driver.start(await deploy(bpmn('')))).last.status).toBe('completed');
    const parsed = await parseProcess(bpmn('<bpmn:startEvent id="Start"/><bpmn:userTask id="Orphan" aimsflow:candidateRoles="dpo"/>'));
    expect(parsed.elements.filter((e) => e.kind === 'startEvent').map((e) => e.id)).toEqual(['Start']);
  });
});

describe('link events are a goto', () => {
  const linked = (catchName: string) =>
    bpmn(`<bpmn:startEvent id="Start"/>
      <bpmn:intermediateThrowEvent id="Throw"><bpmn:linkEventDefinition name="A"/></bpmn:intermediateThrowEvent>
      <bpmn:intermediateCatchEvent id="Catch"><bpmn:linkEventDefinition name="${catchName}"/></bpmn:intermediateCatchEvent>
      <bpmn:userTask id="Review" aimsflow:candidateRoles="dpo"/>
      <bpmn:endEvent id="End"/>
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Throw"/>
      <bpmn:sequenceFlow id="F2" sourceRef="Catch" targetRef="Review"/>
      <bpmn:sequenceFlow id="F3" sourceRef="Review" targetRef="End"/>`);

  it('a link throw event continues at the link catch event of the same name', async () => {
    const d = await Driver.start(await deploy(linked('A')));
    expect(d.waits.map((w) => w.elementId)).toEqual(['Review']);
    expect(d.last.steps.flatMap((s) => s.entered)).toEqual(expect.arrayContaining(['Throw', 'Catch', 'Review']));
  });

  it('a link throw event without its catch event is refused, naming it', async () => {
    const issues = validateDefinition(await parseProcess(linked('B')));
    expect(issues).toContainEqual({ elementId: 'Throw', message: expect.stringMatching(/bpmn:LinkEventDefinition is not supported/) });
  });
});

describe('implicit ends stay off what is not on a path', () => {
  it('an event sub-process or an orphan gets no end event, and an event sub-process is no implicit start', async () => {
    const parsed = await parseProcess(
      bpmn(`<bpmn:userTask id="Review" aimsflow:candidateRoles="dpo"/>
        <bpmn:subProcess id="OnMessage" triggeredByEvent="true">
          <bpmn:startEvent id="MsgStart"><bpmn:messageEventDefinition/></bpmn:startEvent>
        </bpmn:subProcess>`),
    );
    const byId = new Map(parsed.elements.map((e) => [e.id, e]));
    expect(byId.get('OnMessage')?.outgoing).toEqual([]);
    expect(byId.get('OnMessage')?.incoming).toEqual([]);
    expect(byId.get('Review')?.incoming).toHaveLength(1);
    // Nothing is added inside it either: an event sub-process ends at its own end event, and says so when it has none.
    expect(parsed.elements.filter((e) => e.parent === 'OnMessage').map((e) => e.id)).toEqual(['MsgStart']);
    expect(validateDefinition(parsed, {})).toContainEqual({ elementId: 'OnMessage', message: 'an event sub-process needs an end event' });
  });

  it('a process without start event runs its flow and keeps its event sub-process armed', async () => {
    const d = await Driver.start(
      await deploy(
        bpmn(`<bpmn:userTask id="Review" aimsflow:candidateRoles="dpo"/>
          <bpmn:subProcess id="Every" triggeredByEvent="true">
            <bpmn:startEvent id="Tick" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:userTask id="Nudge" aimsflow:candidateRoles="dpo"/><bpmn:endEvent id="Nudged"/>
            <bpmn:sequenceFlow id="T1" sourceRef="Tick" targetRef="Nudge"/><bpmn:sequenceFlow id="T2" sourceRef="Nudge" targetRef="Nudged"/>
          </bpmn:subProcess>`),
      ),
    );
    expect(d.waits.map((w) => w.elementId).sort()).toEqual(['Review', 'Tick']);
    await d.fire('Tick');
    expect(d.last.activeElementIds).toEqual(['Review', 'Every', 'Nudge']);
    await d.complete('Nudge');
    expect((await d.complete('Review')).steps.flatMap((s) => s.entered)).toContain('Review__implicitEnd');
  });
});

describe('an error end event without a bpmn:error', () => {
  const withCatchers = (catchers: string) =>
    bpmn(
      `<bpmn:error id="Err_x" errorCode="X"/>`.replace(/.*/, '') +
        `<bpmn:startEvent id="Start"/>
      <bpmn:subProcess id="Sub">
        <bpmn:startEvent id="SubStart"/>
        <bpmn:endEvent id="Fail"><bpmn:errorEventDefinition/></bpmn:endEvent>
        <bpmn:sequenceFlow id="S1" sourceRef="SubStart" targetRef="Fail"/>
      </bpmn:subProcess>
      ${catchers}
      <bpmn:endEvent id="End"/>
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sub"/>
      <bpmn:sequenceFlow id="F2" sourceRef="Sub" targetRef="End"/>`,
    );

  it('throws an error without code: a catch-all error boundary event catches it', async () => {
    const d = await Driver.start(
      await deploy(
        withCatchers(`<bpmn:boundaryEvent id="Caught" attachedToRef="Sub"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>
          <bpmn:userTask id="Handle" aimsflow:candidateRoles="dpo"/>
          <bpmn:sequenceFlow id="F3" sourceRef="Caught" targetRef="Handle"/>`),
      ),
    );
    expect(d.waits.map((w) => w.elementId)).toEqual(['Handle']);
  });
});

describe('a boundary event without outgoing flow', () => {
  it('ends the path it starts: an interrupting timer on a task without start event (bpmn-engine simple-task) ends the process', async () => {
    const d = await Driver.start(
      await deploy(
        bpmn(`<bpmn:userTask id="Review" aimsflow:candidateRoles="dpo"/>
          <bpmn:boundaryEvent id="Late" attachedToRef="Review"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`),
      ),
    );
    expect(d.waits.map((w) => w.elementId).sort()).toEqual(['Late', 'Review']);
    await d.fire('Late');
    expect(d.last.status).toBe('completed');
    expect(d.waits).toEqual([]);
  });
});

describe('Camunda attributes aimsflow does not read', () => {
  it('are ignored with a warning naming the element; those it reads are not named', async () => {
    const parsed = await parseProcess(
      c7(`<bpmn:userTask id="Approve" camunda:asyncBefore="true" camunda:assignee="demo" camunda:candidateGroups="dpo" camunda:dueDate="P2D"/>
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Approve"/>
      <bpmn:sequenceFlow id="F2" sourceRef="Approve" targetRef="End"/>`),
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.warnings).toEqual([
      { elementId: 'Approve', message: 'camunda:asyncBefore is ignored: it has no meaning in aimsflow' },
      { elementId: 'Approve', message: 'camunda:assignee is ignored: it has no meaning in aimsflow' },
    ]);
  });
});
