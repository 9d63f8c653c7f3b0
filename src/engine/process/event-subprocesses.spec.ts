import { BpmnError } from './errors.js';
import { EVENT_SUB_INSTANCES } from './event-subprocesses.js';
import { DEFAULT_LIMITS } from './limits.js';
import { parseProcess } from './parse.js';
import { chain, deploy, Driver, end, error, fakeHooks, fixture, flow, message, service, sub, timerOf as timer, user } from './spec-helpers.js';
import { validateDefinition } from './validate.js';

/** Event sub-processes: each start kind, and the traps of interrupting, waiting beside the main flow and closing with the scope. */

const ROOTS = `<bpmn:message id="M_withdraw" name="withdrawn"/><bpmn:message id="M_info" name="infoAdded"/>
  <bpmn:signal id="Sig_recall" name="recalled"/><bpmn:signal id="Sig_halt" name="halted"/>
  <bpmn:error id="Err_rejected" errorCode="REJECTED"/><bpmn:error id="Err_x" errorCode="X"/><bpmn:escalation id="Esc_late" escalationCode="LATE"/>`;

function doc(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0"
  id="Defs" targetNamespace="https://aimsflow.dev/test">
  ${ROOTS}
  <bpmn:process id="esp" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

const signal = '<bpmn:signalEventDefinition signalRef="Sig_recall"/>';
const escalation = '<bpmn:escalationEventDefinition escalationRef="Esc_late"/>';
const boundaryTimer = (id: string, host: string, duration: string): string =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${host}">${timer('timeDuration', duration)}</bpmn:boundaryEvent>`;

/** An event sub-process whose start event `start` (with `definition`) leads through `inner` (ids, chained) to its end event. */
function eventSub(id: string, definition: string, inner: string[], opts: { interrupting?: boolean; extra?: string; startAttrs?: string } = {}): string {
  const start = `${id}_start`;
  const finish = `${id}_end`;
  return (
    `<bpmn:subProcess id="${id}" triggeredByEvent="true">` +
    `<bpmn:startEvent id="${start}"${opts.interrupting === false ? ' isInterrupting="false"' : ''}${opts.startAttrs ?? ''}>${definition}</bpmn:startEvent>` +
    (opts.extra ?? '') +
    end(finish) +
    chain(start, ...inner, finish) +
    '</bpmn:subProcess>'
  );
}

/** Main flow: S → Review (user task, with an interrupting boundary timer Late → Overdue end) → E. */
const MAIN =
  '<bpmn:startEvent id="S"/>' +
  user('Review') +
  end('E') +
  chain('S', 'Review', 'E') +
  boundaryTimer('Late', 'Review', 'P10D') +
  end('Overdue') +
  flow('Late', 'Overdue');

async function issues(xml: string): Promise<Array<{ elementId?: string; message: string }>> {
  return validateDefinition(await parseProcess(xml), { knownHandlers: new Set(['notify']) });
}

describe('event sub-processes: timer start', () => {
  it('a non-interrupting timer runs beside the main flow, and the process waits for it', async () => {
    const def = await deploy(doc(MAIN + eventSub('Remind', timer('timeDuration', 'P2D'), ['Chase'], { interrupting: false, extra: user('Chase') })));
    const d = await Driver.start(def);
    expect(d.wait('Remind_start')).toMatchObject({ kind: 'timer', dueAt: '2026-01-17T09:00:00.000Z', eventSubProcess: { id: 'Remind', interrupting: false } });

    d.hooks.clock.now = new Date('2026-01-17T09:00:00.000Z');
    await d.fire('Remind_start');
    expect(d.last.activeElementIds).toEqual(['Review', 'Remind', 'Chase']);
    // A duration fires once: no new wait for the start event.
    expect(d.waits.map((w) => w.elementId).sort()).toEqual(['Chase', 'Late', 'Review']);

    const afterMain = await d.complete('Review');
    expect(afterMain.status).toBe('active');
    expect(afterMain.activeElementIds).toEqual(['Remind', 'Chase']);
    const done = await d.complete('Chase');
    expect(done.status).toBe('completed');
    expect(done.waits).toEqual([]);
  });

  it('a non-interrupting cycle starts a new instance at each occurrence, beside the ones still running', async () => {
    const def = await deploy(doc(MAIN + eventSub('Remind', timer('timeCycle', 'R2/P1D'), ['Chase'], { interrupting: false, extra: user('Chase') })));
    const d = await Driver.start(def);
    const first = d.wait('Remind_start');
    await d.fire('Remind_start');
    // The start event stays armed at its next occurrence (new key) while the first instance waits at its task.
    const second = d.wait('Remind_start');
    expect(second.key).not.toBe(first.key);
    expect(second).toMatchObject({ dueAt: '2026-01-17T09:00:00.000Z', remaining: 1 });
    const fired = await d.fire('Remind_start');
    expect(fired.steps[0].entered).toEqual(['Remind', 'Remind_start', 'Chase']);
    // Two instances, each with its own task; the cycle is used up.
    const chases = d.waits.filter((w) => w.elementId === 'Chase');
    expect(chases).toHaveLength(2);
    expect(new Set(chases.map((w) => w.key)).size).toBe(2);
    expect(d.waits.map((w) => w.elementId).sort()).toEqual(['Chase', 'Chase', 'Late', 'Review']);
    await d.send({ type: 'task.complete', waitKey: chases[1].key });
    expect(d.waits.filter((w) => w.elementId === 'Chase').map((w) => w.key)).toEqual([chases[0].key]);
    await d.complete('Review');
    expect(d.last.status).toBe('active');
    expect(d.last.activeElementIds).toEqual(['Remind', 'Chase']);
    expect((await d.complete('Chase')).status).toBe('completed');
  });

  it('an interrupting timer cancels the main flow (tasks, boundary timers) and ends the process when it is done', async () => {
    const def = await deploy(doc(MAIN + eventSub('Expire', timer('timeDuration', 'P5D'), ['Archive'], { extra: user('Archive') })));
    const d = await Driver.start(def);
    const fired = await d.fire('Expire_start');
    expect(fired.activeElementIds).toEqual(['Expire', 'Archive']);
    expect(fired.waits.map((w) => w.elementId)).toEqual(['Archive']);
    expect(fired.steps[0].left).toEqual(expect.arrayContaining(['Review']));
    const done = await d.complete('Archive');
    expect(done.status).toBe('completed');
    expect(done.steps[0].entered).toContain('Expire_end');
  });

  it('a date timer keeps its due time across a stored state', async () => {
    const def = await deploy(doc(MAIN + eventSub('Deadline', timer('timeDate', '2026-03-01T00:00:00Z'), ['Archive'], { extra: user('Archive') })));
    const d = await Driver.start(def);
    expect(d.wait('Deadline_start')).toMatchObject({
      kind: 'timer',
      dueAt: '2026-03-01T00:00:00.000Z',
      eventSubProcess: { id: 'Deadline', interrupting: true },
    });
  });
});

describe('event sub-processes: message start', () => {
  const withdrawal = (interrupting: boolean): string =>
    eventSub('Withdraw', message('M_withdraw'), ['Confirm'], { interrupting, extra: user('Confirm'), startAttrs: ' aimsflow:correlationKey="=caseId"' });

  it('an interrupting message is correlated by key, merges its variables and replaces the main flow', async () => {
    const def = await deploy(doc(MAIN + withdrawal(true)));
    const d = await Driver.start(def, { caseId: 'C-7' });
    expect(d.wait('Withdraw_start')).toMatchObject({
      kind: 'message',
      name: 'withdrawn',
      correlationKey: 'C-7',
      eventSubProcess: { id: 'Withdraw', interrupting: true },
    });
    await d.send({ type: 'message', name: 'withdrawn', correlationKey: 'C-7', variables: { reason: 'duplicate' } });
    expect(d.last.activeElementIds).toEqual(['Withdraw', 'Confirm']);
    expect(d.last.variables.reason).toBe('duplicate');
    expect((await d.complete('Confirm')).status).toBe('completed');
  });

  it('each non-interrupting message starts its own instance beside the others; the process ends when all are done', async () => {
    const def = await deploy(doc(MAIN + withdrawal(false)));
    const d = await Driver.start(def, { caseId: 'C-7' });
    const first = d.wait('Withdraw_start').key;
    await d.send({ type: 'message', name: 'withdrawn', correlationKey: 'C-7' });
    expect(d.last.activeElementIds).toEqual(['Review', 'Withdraw', 'Confirm']);
    // The subscription stays open under a new key: a second message starts a second instance with its own task.
    expect(d.wait('Withdraw_start').key).not.toBe(first);
    await d.send({ type: 'message', name: 'withdrawn', correlationKey: 'C-7', variables: { second: true } });
    const confirms = d.waits.filter((w) => w.elementId === 'Confirm');
    expect(confirms).toHaveLength(2);
    expect(d.last.variables.second).toBe(true);
    // The main flow ends first; the process waits for both instances, each completed on its own.
    expect((await d.complete('Review')).status).toBe('active');
    expect((await d.send({ type: 'task.complete', waitKey: confirms[0].key })).status).toBe('active');
    expect(d.waits.filter((w) => w.kind === 'userTask').map((w) => w.key)).toEqual([confirms[1].key]);
    const done = await d.send({ type: 'task.complete', waitKey: confirms[1].key, completedBy: 'dana' });
    expect(done.status).toBe('completed');
    expect(done.waits).toEqual([]);
    expect(done.completedBy).toEqual({ Confirm: ['dana'] });
  });

  it('each instance keeps its own timers and boundary events; a full house of instances fails the step', async () => {
    const confirm = user('Confirm') + boundaryTimer('Confirm_late', 'Confirm', 'P1D') + end('Confirm_lateEnd') + flow('Confirm_late', 'Confirm_lateEnd');
    const def = await deploy(doc(MAIN + eventSub('Withdraw', message('M_withdraw'), ['Confirm'], { interrupting: false, extra: confirm })));
    const d = await Driver.start(def);
    await d.send({ type: 'message', name: 'withdrawn' });
    d.hooks.clock.now = new Date('2026-01-15T12:00:00.000Z');
    await d.send({ type: 'message', name: 'withdrawn' });
    const lates = d.waits.filter((w) => w.elementId === 'Confirm_late');
    expect(lates.map((w) => (w.kind === 'timer' ? w.dueAt : ''))).toEqual(['2026-01-16T09:00:00.000Z', '2026-01-16T12:00:00.000Z']);
    // The first instance's boundary timer ends only that instance.
    await d.send({ type: 'timer.fire', waitKey: lates[0].key });
    expect(d.waits.filter((w) => w.elementId === 'Confirm' || w.elementId === 'Confirm_late')).toHaveLength(2);
    for (let i = 1; i < EVENT_SUB_INSTANCES; i++) await d.send({ type: 'message', name: 'withdrawn' });
    expect(d.waits.filter((w) => w.elementId === 'Confirm')).toHaveLength(EVENT_SUB_INSTANCES);
    await expect(d.send({ type: 'message', name: 'withdrawn' })).rejects.toMatchObject({ code: 'STEP_LIMIT_EXCEEDED', elementId: 'Withdraw_start' });
  });
});

describe('event sub-processes: signal start', () => {
  it('a non-interrupting signal start is a signal wait that runs an instance per broadcast and reopens under a new key', async () => {
    const def = await deploy(doc(MAIN + eventSub('Recall', signal, ['Check'], { interrupting: false, extra: user('Check') })));
    const d = await Driver.start(def);
    const first = d.wait('Recall_start');
    expect(first).toMatchObject({ kind: 'signal', name: 'recalled', eventSubProcess: { id: 'Recall', interrupting: false } });
    await d.send({ type: 'signal', waitKey: first.key, variables: { batch: 7 } });
    expect(d.last.activeElementIds).toEqual(['Review', 'Recall', 'Check']);
    expect(d.last.variables.batch).toBe(7);
    await d.complete('Check');
    expect(d.wait('Recall_start').key).not.toBe(first.key);
    expect((await d.complete('Review')).status).toBe('completed');
  });

  it('an interrupting signal start cancels the main flow', async () => {
    const def = await deploy(doc(MAIN + eventSub('Recall', signal, ['Check'], { extra: user('Check') })));
    const d = await Driver.start(def);
    await d.send({ type: 'signal', waitKey: d.wait('Recall_start').key });
    expect(d.last.activeElementIds).toEqual(['Recall', 'Check']);
    expect((await d.complete('Check')).status).toBe('completed');
  });
});

describe('event sub-processes: messages and signals inside parallel instances', () => {
  it('each instance of a non-interrupting event sub-process has its own signal boundary wait and publishes its own message', async () => {
    const inner =
      user('Check') +
      '<bpmn:intermediateThrowEvent id="Announce"><bpmn:messageEventDefinition messageRef="M_info"/></bpmn:intermediateThrowEvent>' +
      '<bpmn:boundaryEvent id="Halt" attachedToRef="Check"><bpmn:signalEventDefinition signalRef="Sig_halt"/></bpmn:boundaryEvent>' +
      end('Halted') +
      flow('Halt', 'Halted');
    const def = await deploy(doc(MAIN + eventSub('Recall', signal, ['Check', 'Announce'], { interrupting: false, extra: inner })));
    const d = await Driver.start(def);
    await d.send({ type: 'signal', waitKey: d.wait('Recall_start').key, variables: { batch: 1 } });
    await d.send({ type: 'signal', waitKey: d.wait('Recall_start').key, variables: { batch: 2 } });
    const checks = d.waits.filter((w) => w.elementId === 'Check');
    const halts = d.waits.filter((w) => w.elementId === 'Halt');
    expect(checks).toHaveLength(2);
    expect(halts).toHaveLength(2);
    expect(new Set([...checks, ...halts].map((w) => w.key)).size).toBe(4);

    await d.send({ type: 'task.complete', waitKey: checks[0].key, variables: {} });
    expect(d.last.published).toEqual([{ kind: 'message', elementId: 'Announce', name: 'infoAdded', variables: {} }]);
    expect(d.waits.filter((w) => w.elementId === 'Check').map((w) => w.key)).toEqual([checks[1].key]);
    // The other instance's boundary signal is still there; it cancels that instance only.
    const left = d.waits.filter((w) => w.elementId === 'Halt');
    expect(left).toHaveLength(1);
    await d.send({ type: 'signal', waitKey: left[0].key });
    expect(d.waits.filter((w) => w.elementId === 'Check' || w.elementId === 'Halt')).toEqual([]);
    expect((await d.complete('Review')).status).toBe('completed');
  });
});

describe('event sub-processes: error start', () => {
  it('an interrupting error start catches an error thrown in its scope: inner user tasks and timers are cancelled', async () => {
    const body =
      '<bpmn:startEvent id="S"/><bpmn:parallelGateway id="Fork"/>' +
      user('Review') +
      user('Prepare') +
      service('Check', 'check') +
      '<bpmn:parallelGateway id="Join"/>' +
      end('E') +
      chain('S', 'Fork', 'Review', 'Join', 'E') +
      chain('Fork', 'Prepare', 'Check', 'Join') +
      boundaryTimer('Late', 'Review', 'P10D') +
      end('Overdue', '<bpmn:terminateEventDefinition/>') +
      flow('Late', 'Overdue') +
      eventSub('OnRejected', error('Err_rejected'), ['Explain'], { extra: user('Explain') });
    const def = await deploy(doc(body), { handlers: ['notify', 'check'] });
    const hooks = fakeHooks();
    hooks.callHandler.mockImplementation(async (name) => {
      if (name === 'check') throw new BpmnError('REJECTED', 'sanctioned', { listedOn: 'EU' });
    });
    const d = await Driver.start(def, {}, hooks);
    // The error start event is armed but no wait: nothing outside the process can send it.
    expect(d.waits.map((w) => w.elementId).sort()).toEqual(['Late', 'Prepare', 'Review']);
    await d.complete('Prepare');
    expect(d.last.activeElementIds).toEqual(['OnRejected', 'Explain']);
    expect(d.last.steps.flatMap((s) => s.left)).toEqual(expect.arrayContaining(['Review', 'Check']));
    expect(d.waits.map((w) => w.elementId)).toEqual(['Explain']);
    expect(d.last.variables.listedOn).toBe('EU');
    expect((await d.complete('Explain')).status).toBe('completed');
  });

  it('catches an error end event of the main flow; an error of another code goes on up and ends the instance', async () => {
    const body =
      '<bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="G"/>' +
      end('Fail', error('Err_rejected')) +
      end('Other', error('Err_x')) +
      `<bpmn:sequenceFlow id="Fa" sourceRef="G" targetRef="Fail"><bpmn:conditionExpression>=kind = "rejected"</bpmn:conditionExpression></bpmn:sequenceFlow>` +
      `<bpmn:sequenceFlow id="Fb" sourceRef="G" targetRef="Other"><bpmn:conditionExpression>=kind = "x"</bpmn:conditionExpression></bpmn:sequenceFlow>` +
      flow('S', 'G') +
      eventSub('OnRejected', error('Err_rejected'), ['Explain'], { extra: user('Explain') });
    const def = await deploy(doc(body));
    expect((await Driver.start(def, { kind: 'rejected' })).last.activeElementIds).toEqual(['OnRejected', 'Explain']);
    const other = await Driver.start(def, { kind: 'x' });
    expect(other.last.status).toBe('terminated');
    expect(other.last.error).toEqual({ code: 'X', elementId: 'Other' });
  });
});

describe('event sub-processes: escalation start', () => {
  const raise = `<bpmn:intermediateThrowEvent id="Raise">${escalation}</bpmn:intermediateThrowEvent>`;
  const main = '<bpmn:startEvent id="S"/>' + raise + user('Review') + end('E') + chain('S', 'Raise', 'Review', 'E');

  it('a non-interrupting escalation start runs beside the thrower, which goes on', async () => {
    const def = await deploy(doc(main + eventSub('OnLate', escalation, ['Inform'], { interrupting: false, extra: user('Inform') })));
    const d = await Driver.start(def);
    expect(d.last.activeElementIds).toEqual(['Review', 'OnLate', 'Inform']);
    await d.complete('Review');
    expect((await d.complete('Inform')).status).toBe('completed');
  });

  it('an interrupting escalation start stops the thrower', async () => {
    const def = await deploy(doc(main + eventSub('OnLate', escalation, ['Inform'], { extra: user('Inform') })));
    const d = await Driver.start(def);
    expect(d.last.activeElementIds).toEqual(['OnLate', 'Inform']);
    expect(d.last.steps.flatMap((s) => s.entered)).not.toContain('Review');
  });
});

describe('event sub-processes inside an embedded sub-process', () => {
  const body =
    '<bpmn:startEvent id="S"/>' +
    sub(
      'Assess',
      '<bpmn:startEvent id="S1"/>' +
        user('Draft') +
        end('E1') +
        chain('S1', 'Draft', 'E1') +
        eventSub('Nudge', timer('timeCycle', 'R/P1D'), ['Ping'], { interrupting: false, extra: service('Ping') }) +
        eventSub('Abort', message('M_withdraw'), ['Note'], { extra: user('Note'), startAttrs: ' aimsflow:correlationKey="=caseId"' }),
    ) +
    user('Approve') +
    end('E') +
    chain('S', 'Assess', 'Approve', 'E');

  it('are armed while the sub-process runs and closed when it ends', async () => {
    const def = await deploy(doc(body));
    const d = await Driver.start(def, { caseId: 'C-1' });
    expect(d.waits.map((w) => w.elementId).sort()).toEqual(['Abort_start', 'Draft', 'Nudge_start']);
    // The cycle's automatic instance ends in the same step and re-arms at once.
    await d.fire('Nudge_start');
    expect(d.hooks.callHandler).toHaveBeenCalledTimes(1);
    expect(d.wait('Nudge_start')).toMatchObject({ dueAt: '2026-01-17T09:00:00.000Z' });

    const after = await d.complete('Draft');
    expect(after.activeElementIds).toEqual(['Approve']);
    expect(after.waits.map((w) => w.elementId)).toEqual(['Approve']);
    await expect(d.send({ type: 'message', name: 'withdrawn', correlationKey: 'C-1' })).rejects.toThrow(/no open wait for message "withdrawn"/);
  });

  it('an interrupting one ends only its sub-process, whose outgoing flow is then taken', async () => {
    const def = await deploy(doc(body));
    const d = await Driver.start(def, { caseId: 'C-1' });
    await d.send({ type: 'message', name: 'withdrawn', correlationKey: 'C-1' });
    expect(d.last.activeElementIds).toEqual(['Assess', 'Abort', 'Note']);
    expect(d.waits.map((w) => w.elementId)).toEqual(['Note']);
    const after = await d.complete('Note');
    expect(after.activeElementIds).toEqual(['Approve']);
  });
});

describe('event sub-processes: validation', () => {
  it('rejects flows in or out, a none start, a non-interrupting error start and an interrupting cycle, naming the element', async () => {
    const found = await issues(
      doc(
        MAIN +
          eventSub('WithFlow', message('M_info'), []) +
          user('Outside') +
          end('OutsideEnd') +
          flow('WithFlow', 'Outside') +
          flow('Outside', 'OutsideEnd') +
          eventSub('NoTrigger', '', []) +
          eventSub('SoftError', error(), [], { interrupting: false }) +
          eventSub('HardCycle', timer('timeCycle', 'R/P1D'), []),
      ),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { elementId: 'WithFlow', message: expect.stringMatching(/cannot have incoming or outgoing sequence flows/) },
        { elementId: 'NoTrigger_start', message: expect.stringMatching(/needs a timer, message, signal, error or escalation event definition/) },
        { elementId: 'SoftError_start', message: expect.stringMatching(/error start event always interrupts/) },
        { elementId: 'HardCycle_start', message: expect.stringMatching(/time cycle is only supported on the start event of a non-interrupting/) },
      ]),
    );
  });

  it('rejects error and escalation start events outside event sub-processes, two catchers of one error in a scope, nesting, and isInterrupting elsewhere', async () => {
    const found = await issues(
      doc(
        `<bpmn:startEvent id="S0">${error()}</bpmn:startEvent>` +
          end('E0') +
          flow('S0', 'E0') +
          MAIN +
          eventSub('A', error('Err_rejected'), []) +
          eventSub('B', error('Err_rejected'), [], { extra: eventSub('Nested', message('M_info'), []) }) +
          `<bpmn:startEvent id="Soft" isInterrupting="false">${message('M_info')}</bpmn:startEvent>` +
          flow('Soft', 'Review'),
      ),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { elementId: 'S0', message: 'error start events are only supported in event sub-processes (triggeredByEvent="true")' },
        { elementId: 'A', message: expect.stringMatching(/catches error "REJECTED" like event sub-process B in the same scope/) },
        { elementId: 'Nested', message: 'an event sub-process inside event sub-process B is not supported' },
        { elementId: 'Soft', message: 'isInterrupting="false" is only meaningful on the start event of an event sub-process' },
      ]),
    );
  });

  it('refuses nested parallel instances whose statechart would grow past ten times the element limit', async () => {
    // Non-interrupting event sub-processes nested through embedded sub-processes: each level is built ten times more.
    const level = (n: number, inner: string): string =>
      eventSub(`Esp${n}`, message('M_info'), [`Sub${n}`], {
        interrupting: false,
        extra: sub(`Sub${n}`, `<bpmn:startEvent id="S${n}"/>${user(`T${n}`)}${end(`E${n}`)}${chain(`S${n}`, `T${n}`, `E${n}`)}${inner}`),
      });
    const nested = doc(MAIN + level(1, level(2, level(3, ''))));
    const parsed = await parseProcess(nested);
    expect(validateDefinition(parsed, { limits: { ...DEFAULT_LIMITS, maxElements: 100 } })).toEqual([
      { elementId: 'esp', message: expect.stringMatching(/would be built with \d+ states.*at most 1000 are allowed/) },
    ]);
    const def = await deploy(nested);
    const d = await Driver.start(def);
    await d.send({ type: 'message', name: 'infoAdded' });
    // The nested event sub-process is armed inside the first instance only; its wait key names that copy.
    expect(d.wait('Esp2_start').key).toBe('Esp2_start~1:1');
    await d.send({ type: 'message', name: 'infoAdded', waitKey: d.wait('Esp2_start').key });
    await d.send({ type: 'message', name: 'infoAdded', waitKey: d.wait('Esp1_start').key });
    expect(d.waits.filter((w) => w.elementId === 'T1')).toHaveLength(2);
    expect(d.waits.filter((w) => w.elementId === 'T2')).toHaveLength(1);
    expect(d.waits.filter((w) => w.elementId === 'Esp2_start')).toHaveLength(2);
  });
});

describe('event sub-processes: interplay', () => {
  const chaser = eventSub('Remind', timer('timeDuration', 'P2D'), ['Chase'], { interrupting: false, extra: user('Chase') });
  const withdrawal = eventSub('Withdraw', message('M_withdraw'), ['Confirm'], { extra: user('Confirm') });

  it('an interrupting one also cancels every running instance of non-interrupting ones', async () => {
    const cycle = eventSub('Remind', timer('timeCycle', 'R3/P1D'), ['Chase'], { interrupting: false, extra: user('Chase') });
    const d = await Driver.start(await deploy(doc(MAIN + cycle + withdrawal)));
    await d.fire('Remind_start');
    await d.fire('Remind_start');
    expect(d.last.activeElementIds).toEqual(['Review', 'Remind', 'Chase']);
    expect(d.waits.filter((w) => w.elementId === 'Chase')).toHaveLength(2);
    await d.send({ type: 'message', name: 'withdrawn' });
    expect(d.last.steps[0].left.filter((id) => id === 'Chase')).toHaveLength(2);
    expect(d.last.activeElementIds).toEqual(['Withdraw', 'Confirm']);
    expect(d.waits.map((w) => w.elementId)).toEqual(['Confirm']);
    expect((await d.complete('Confirm')).status).toBe('completed');
  });

  it('a terminate end event of the main flow ends the running event sub-processes too; so does cancelling', async () => {
    const main = '<bpmn:startEvent id="S"/>' + user('Review') + end('Stop', '<bpmn:terminateEventDefinition/>') + chain('S', 'Review', 'Stop');
    const def = await deploy(doc(main + chaser));
    const d = await Driver.start(def);
    await d.fire('Remind_start');
    const stopped = await d.complete('Review');
    expect(stopped).toMatchObject({ status: 'terminated', waits: [], activeElementIds: [] });

    const c = await Driver.start(def);
    await c.fire('Remind_start');
    expect(await c.send({ type: 'cancel' })).toMatchObject({ status: 'cancelled', waits: [] });
  });

  it('an error boundary event of the sub-process that threw is nearer than an error event sub-process of the process', async () => {
    const inner = '<bpmn:startEvent id="S1"/>' + service('Check', 'check') + end('E1') + chain('S1', 'Check', 'E1');
    const body = (withBoundary: boolean): string =>
      '<bpmn:startEvent id="S"/>' +
      sub('Sub', inner) +
      end('E') +
      chain('S', 'Sub', 'E') +
      (withBoundary
        ? `<bpmn:boundaryEvent id="Caught" attachedToRef="Sub">${error()}</bpmn:boundaryEvent>` +
          user('Handle') +
          end('Handled') +
          chain('Caught', 'Handle', 'Handled')
        : '') +
      eventSub('OnRejected', error('Err_rejected'), ['Explain'], { extra: user('Explain') });
    const hooks = (): ReturnType<typeof fakeHooks> => {
      const h = fakeHooks();
      h.callHandler.mockImplementation(async () => {
        throw new BpmnError('REJECTED');
      });
      return h;
    };
    const near = await Driver.start(await deploy(doc(body(true)), { handlers: ['check'] }), {}, hooks());
    expect(near.last.activeElementIds).toEqual(['Handle']);
    const far = await Driver.start(await deploy(doc(body(false)), { handlers: ['check'] }), {}, hooks());
    expect(far.last.activeElementIds).toEqual(['OnRejected', 'Explain']);
    // A handler error an error event sub-process catches is no incident.
    const incidents = await Driver.start(await deploy(doc(body(false)), { handlers: ['check'] }), {}, { ...hooks(), uncaughtHandlerErrors: 'incident' });
    expect(incidents.last.incidents).toBeUndefined();
    expect(incidents.last.activeElementIds).toEqual(['OnRejected', 'Explain']);
  });

  it('an error thrown in a non-interrupting event sub-process is caught by an error event sub-process of the same scope', async () => {
    const failing = eventSub('Remind', timer('timeDuration', 'P2D'), ['Ping'], { interrupting: false, extra: service('Ping', 'check') });
    const def = await deploy(doc(MAIN + failing + eventSub('OnRejected', error(), ['Explain'], { extra: user('Explain') })), { handlers: ['check'] });
    const hooks = fakeHooks();
    hooks.callHandler.mockImplementation(async () => {
      throw new BpmnError('ANY');
    });
    const d = await Driver.start(def, {}, hooks);
    await d.fire('Remind_start');
    expect(d.last.activeElementIds).toEqual(['OnRejected', 'Explain']);
  });

  it('instances of a non-interrupting one catch their own errors and run their own nested event sub-processes', async () => {
    const inner =
      '<bpmn:startEvent id="S1"/>' +
      user('Sign') +
      end('E1') +
      chain('S1', 'Sign', 'E1') +
      eventSub('Poke', timer('timeCycle', 'R/P1D'), ['Poked'], { interrupting: false, extra: user('Poked') });
    const extra =
      service('Check', 'check') +
      sub('Inner', inner) +
      `<bpmn:boundaryEvent id="Failed" attachedToRef="Check">${error('Err_rejected')}</bpmn:boundaryEvent>` +
      user('Fix') +
      end('Fixed') +
      chain('Failed', 'Fix', 'Fixed');
    const def = await deploy(doc(MAIN + eventSub('Withdraw', message('M_withdraw'), ['Check', 'Inner'], { interrupting: false, extra })), {
      handlers: ['check'],
    });
    const hooks = fakeHooks();
    hooks.callHandler.mockImplementation(async (_name, variables) => {
      if (variables.fail) throw new BpmnError('REJECTED');
    });
    const d = await Driver.start(def, {}, hooks);
    await d.send({ type: 'message', name: 'withdrawn', variables: { fail: true } });
    await d.send({ type: 'message', name: 'withdrawn', variables: { fail: false } });
    // The first instance's error went to its own boundary event; the second goes on into its sub-process.
    expect(d.last.activeElementIds).toEqual(['Review', 'Withdraw', 'Inner', 'Sign', 'Fix']);
    await d.fire('Poke_start');
    await d.fire('Poke_start');
    expect(d.waits.filter((w) => w.elementId === 'Poked')).toHaveLength(2);
    for (const id of ['Review', 'Fix', 'Sign']) await d.complete(id);
    // The sub-process ends only when its own event sub-process instances have.
    expect(d.last.activeElementIds).toEqual(['Withdraw', 'Inner', 'Poke', 'Poked']);
    for (const wait of d.waits.filter((w) => w.kind === 'userTask')) await d.send({ type: 'task.complete', waitKey: wait.key });
    expect(d.last.status).toBe('completed');
  });

  it('an escalation from inside an embedded sub-process reaches an escalation event sub-process of the process', async () => {
    const inner = '<bpmn:startEvent id="S1"/>' + end('Raise', escalation) + flow('S1', 'Raise');
    const body = '<bpmn:startEvent id="S"/>' + sub('Sub', inner) + user('After') + end('E') + chain('S', 'Sub', 'After', 'E');
    const d = await Driver.start(await deploy(doc(body + eventSub('OnLate', escalation, ['Inform'], { interrupting: false, extra: user('Inform') }))));
    // Non-interrupting: the escalation end event still ends the sub-process, whose flow goes on.
    expect(d.last.activeElementIds).toEqual(['After', 'OnLate', 'Inform']);
  });

  it('a process with several start events keeps its event sub-processes armed from each', async () => {
    const starts = `<bpmn:startEvent id="ByMessage">${message('M_info')}</bpmn:startEvent>` + flow('ByMessage', 'Review');
    const d = await Driver.start(await deploy(doc(MAIN + starts + chaser)), {}, fakeHooks(), { startEventId: 'ByMessage' });
    expect(d.waits.map((w) => w.elementId).sort()).toEqual(['Late', 'Remind_start', 'Review']);
  });
});

describe('event sub-processes: the example of docs/bpmn.md', () => {
  it('deploys and arms its start events', async () => {
    const def = await deploy(fixture('model-review-event-subprocesses.bpmn'));
    const d = await Driver.start(def, { modelId: 'm-1' });
    expect(d.waits.map((w) => w.elementId).sort()).toEqual(['Chase_start', 'Nudge_start', 'Task_assess', 'Withdrawn_start']);
  });
});
