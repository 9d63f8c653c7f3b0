import { BpmnError } from './errors.js';
import { parseProcess } from './parse.js';
import { boundary, chain, deploy, Driver, durationTimer as timer, fakeHooks, fixture, flow, user } from './spec-helpers.js';
import { definitionWarnings, validateDefinition } from './validate.js';

/** Parallel joins outside the structured subset: tokens counted per incoming flow, as BPMN has them. */
const doc = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0"
  id="Defs" targetNamespace="https://aimsflow.dev/test">
  <bpmn:message id="M_restart" name="restart"/>
  <bpmn:error id="Err_failed" errorCode="FAILED"/>
  <bpmn:process id="joins" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

const join = '<bpmn:parallelGateway id="J"/>';

async function check(
  xml: string,
): Promise<{ issues: Array<{ elementId?: string; message: string }>; warnings: Array<{ elementId?: string; message: string }> }> {
  const parsed = await parseProcess(xml);
  return { issues: validateDefinition(parsed, { knownHandlers: new Set(['notify']) }), warnings: definitionWarnings(parsed) };
}

describe('a parallel join reached from the main flow and from a reminder path', () => {
  // The main flow and the path of a non-interrupting timer meet at J: the token goes on once both have arrived.
  const body =
    '<bpmn:startEvent id="S"/>' +
    user('Review') +
    boundary('Remind', 'Review', timer('P1D'), false) +
    join +
    '<bpmn:endEvent id="E"/>' +
    chain('S', 'Review', 'J', 'E') +
    flow('Remind', 'J');

  it('deploys with a warning that names the join', async () => {
    const { issues, warnings } = await check(doc(body));
    expect(issues).toEqual([]);
    expect(warnings).toContainEqual({ elementId: 'J', message: expect.stringMatching(/goes on once every incoming flow .* has brought a token/) });
  });

  it('goes on when the reminder fired before the task was completed', async () => {
    const d = await Driver.start(await deploy(doc(body)));
    await d.fire('Remind');
    expect(d.last.activeElementIds).toEqual(['Review']);
    const done = await d.complete('Review');
    expect(done.status).toBe('completed');
    expect(done.steps.at(-1)?.entered).toEqual(['J', 'E']);
  });

  it('waits at the join, with nothing else to do, when the task was completed first', async () => {
    const d = await Driver.start(await deploy(doc(body)));
    const after = await d.complete('Review');
    expect(after.status).toBe('active');
    expect(after.activeElementIds).toEqual(['J']);
    expect(after.waits).toEqual([]);
    expect((await d.send({ type: 'cancel' })).status).toBe('cancelled');
  });

  it('starts counting afresh when the sub-process holding the join is entered again', async () => {
    // Inside Sub: the reminder's token reaches J, then a restart interrupts Sub and enters it again: the token died with it.
    const xml = doc(
      '<bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="Again"/>' +
        '<bpmn:subProcess id="Sub"><bpmn:startEvent id="SS"/>' +
        user('Review') +
        boundary('Remind', 'Review', timer('P1D'), false) +
        join +
        '<bpmn:endEvent id="SE"/>' +
        chain('SS', 'Review', 'J', 'SE') +
        flow('Remind', 'J') +
        '</bpmn:subProcess>' +
        boundary('Restart', 'Sub', '<bpmn:messageEventDefinition messageRef="M_restart"/>') +
        '<bpmn:endEvent id="E"/>' +
        chain('S', 'Again', 'Sub', 'E') +
        flow('Restart', 'Again'),
    );
    const d = await Driver.start(await deploy(xml));
    await d.fire('Remind');
    await d.send({ type: 'message', name: 'restart' });
    expect(d.last.activeElementIds).toEqual(['Sub', 'Review']);
    const after = await d.complete('Review');
    expect(after.status).toBe('active');
    expect(after.activeElementIds).toEqual(['Sub', 'J']);
  });
});

describe('a parallel join only one token reaches at a time', () => {
  it('deploys an interrupting timer and the task both leading to the join, and the token waits there forever', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/>' +
        user('Review') +
        boundary('Timeout', 'Review', timer('PT1H')) +
        join +
        '<bpmn:endEvent id="E"/>' +
        chain('S', 'Review', 'J', 'E') +
        flow('Timeout', 'J'),
    );
    const { issues, warnings } = await check(xml);
    expect(issues).toEqual([]);
    expect(warnings).toContainEqual({ elementId: 'J', message: expect.stringMatching(/only the main flow reaches this parallel join, one token at a time/) });
    const d = await Driver.start(await deploy(xml));
    const after = await d.fire('Timeout');
    expect(after.status).toBe('active');
    expect(after.activeElementIds).toEqual(['J']);
    expect(after.steps.at(-1)?.entered).toEqual(['Timeout', 'J']);
  });

  it('refuses a join reached only from reminder paths: no token of the main flow goes on after it', async () => {
    const { issues } = await check(
      doc(
        '<bpmn:startEvent id="S"/>' +
          user('Review') +
          boundary('Remind', 'Review', timer('P1D'), false) +
          boundary('Chase', 'Review', timer('P2D'), false) +
          join +
          '<bpmn:endEvent id="E"/><bpmn:endEvent id="E2"/>' +
          chain('S', 'Review', 'E2') +
          chain('Remind', 'J', 'E') +
          flow('Chase', 'J'),
      ),
    );
    expect(issues).toEqual([
      {
        elementId: 'J',
        message: expect.stringMatching(/reached only from the path of non-interrupting boundary event Remind; the main flow must reach it too/),
      },
    ]);
  });
});

describe('a fork whose branch can end before the join', () => {
  // A and B run in parallel; A's error boundary ends its branch in a none end event, so J may never get A's token.
  const body =
    '<bpmn:startEvent id="S"/><bpmn:parallelGateway id="Fork"/>' +
    '<bpmn:serviceTask id="A" aimsflow:handler="notify"/>' +
    user('B') +
    boundary('Failed', 'A', '<bpmn:errorEventDefinition/>') +
    '<bpmn:endEvent id="Gave_up"/>' +
    join +
    '<bpmn:endEvent id="E"/>' +
    chain('S', 'Fork', 'A', 'J', 'E') +
    chain('Fork', 'B', 'J') +
    flow('Failed', 'Gave_up');

  it('deploys with a warning on the end event that leaves the join waiting', async () => {
    const { issues, warnings } = await check(doc(body));
    expect(issues).toEqual([]);
    expect(warnings).toContainEqual({
      elementId: 'Gave_up',
      message: expect.stringMatching(/join J waits forever for it: the instance stays at the join until cancelled/),
    });
  });

  it('goes through the join when every branch reaches it', async () => {
    const d = await Driver.start(await deploy(doc(body)));
    expect(d.last.activeElementIds).toEqual(['B']);
    expect((await d.complete('B')).status).toBe('completed');
  });

  it('stays at the join when a branch ended before it, as BPMN has it', async () => {
    const hooks = fakeHooks();
    hooks.callHandler.mockRejectedValueOnce(new BpmnError('FAILED', 'could not notify'));
    const d = await Driver.start(await deploy(doc(body)), {}, hooks);
    expect(d.last.activeElementIds).toEqual(['B']);
    const after = await d.complete('B');
    expect(after.status).toBe('active');
    expect(after.activeElementIds).toEqual(['J']);
    expect(after.steps.at(-1)?.entered).toEqual(['J']);
  });

  it('ends the scope when every branch ended before the join (no token waits there)', async () => {
    const xml = doc(
      body.replace(user('B'), '<bpmn:serviceTask id="B" aimsflow:handler="notify"/>') +
        boundary('B_failed', 'B', '<bpmn:errorEventDefinition/>') +
        '<bpmn:endEvent id="B_gave_up"/>' +
        flow('B_failed', 'B_gave_up'),
    );
    const hooks = fakeHooks();
    hooks.callHandler.mockRejectedValue(new BpmnError('FAILED', 'could not notify'));
    const d = await Driver.start(await deploy(xml), {}, hooks);
    expect(d.last.status).toBe('completed');
    expect(d.last.steps.flatMap((s) => s.entered)).not.toContain('J');
  });

  it('lets an inclusive join go on with the branches that reached it', async () => {
    const inclusive = body.replace('<bpmn:parallelGateway id="Fork"/>', '<bpmn:inclusiveGateway id="Fork"/>').replace(join, '<bpmn:inclusiveGateway id="J"/>');
    expect((await check(doc(inclusive))).warnings.filter((w) => w.elementId === 'Gave_up')).toEqual([]);
    const hooks = fakeHooks();
    hooks.callHandler.mockRejectedValueOnce(new BpmnError('FAILED', 'could not notify'));
    const d = await Driver.start(await deploy(doc(inclusive)), {}, hooks);
    const done = await d.complete('B');
    expect(done.status).toBe('completed');
    expect(done.steps.at(-1)?.entered).toEqual(['B', 'J', 'E'].slice(1));
  });
});

describe('real files with such joins (from the corpus)', () => {
  it('bpmn-engine boundary-non-interupting-timer: the reminder path and the task meet at the join', async () => {
    const d = await Driver.start(await deploy(fixture('corpus/bpmn-engine/boundary-non-interupting-timer.bpmn')));
    await d.fire('boundaryEvent');
    expect((await d.complete('userTask')).status).toBe('completed');
  });

  it('bpmn-engine one-or-the-other: both branches throw their signal and meet at the join', async () => {
    const d = await Driver.start(await deploy(fixture('corpus/bpmn-engine/one-or-the-other.bpmn')));
    expect(d.last.status).toBe('completed');
    expect(d.last.steps.flatMap((s) => s.entered)).toContain('Gateway_1x31zun');
  });

  it('bpmn-elements event-based-gateway: the timer path reaches the join alone and waits there', async () => {
    const d = await Driver.start(await deploy(fixture('corpus/bpmn-elements/event-based-gateway.bpmn')));
    const after = await d.fire('timerEvent');
    expect(after.status).toBe('active');
    expect(after.activeElementIds).toEqual(['join']);
  });
});

describe('a counted join inside the parallel instances of a non-interrupting event sub-process', () => {
  it('counts the tokens of each instance apart', async () => {
    const xml = doc(
      '<bpmn:startEvent id="S"/>' +
        user('Main') +
        '<bpmn:endEvent id="E"/>' +
        chain('S', 'Main', 'E') +
        '<bpmn:subProcess id="Recheck" triggeredByEvent="true">' +
        '<bpmn:startEvent id="Recheck_start" isInterrupting="false"><bpmn:messageEventDefinition messageRef="M_restart"/></bpmn:startEvent>' +
        user('Review') +
        boundary('Remind', 'Review', timer('P1D'), false) +
        join +
        '<bpmn:endEvent id="Recheck_end"/>' +
        chain('Recheck_start', 'Review', 'J', 'Recheck_end') +
        flow('Remind', 'J') +
        '</bpmn:subProcess>',
    );
    const d = await Driver.start(await deploy(xml));
    await d.send({ type: 'message', name: 'restart' });
    await d.send({ type: 'message', name: 'restart' });
    const [first, second] = d.waits.filter((w) => w.elementId === 'Review');
    const reminders = d.waits.filter((w) => w.elementId === 'Remind');
    expect(reminders).toHaveLength(2);
    // The first instance's reminder fires; the second instance's review completes: its join still waits for its own reminder.
    // Keys carry the instance's copy: Review~1 and Remind~1 belong to the first.
    const firstReminder = reminders.find((r) => r.key.startsWith('Remind~1:')) as (typeof reminders)[number];
    expect(first.key).toMatch(/^Review~1:/);
    await d.send({ type: 'timer.fire', waitKey: firstReminder.key });
    await d.send({ type: 'task.complete', waitKey: second.key, variables: {} });
    expect(d.last.activeElementIds).toEqual(['Main', 'Recheck', 'Review', 'J']);
    await d.send({ type: 'task.complete', waitKey: first.key, variables: {} });
    expect(d.last.activeElementIds).toEqual(['Main', 'Recheck', 'J']);
  });
});
