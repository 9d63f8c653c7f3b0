import { readFileSync } from 'node:fs';
import { compileProcess, type CompiledProcess } from './compile.js';
import { BpmnError, EngineError, EngineErrorCode } from './errors.js';
import { parseProcess } from './parse.js';
import { startInstance, type Wait } from './runner.js';
import { bpmn, deploy, Driver, fakeHooks } from './spec-helpers.js';
import { validateDefinition } from './validate.js';

const T0 = '2026-01-15T09:00:00.000Z';
const NAMESPACES = 'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** A process with one multi-instance activity `T` between a start and an end event (zeebe and xsi namespaces declared). */
function around(activity: string, extra = ''): string {
  return bpmn(
    `<bpmn:startEvent id="S"/>${activity}${extra}<bpmn:endEvent id="E"/>
     <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E"/>`,
  ).replace('xmlns:bpmn=', `${NAMESPACES} xmlns:bpmn=`);
}

/** A user task `T` over `approvers`, one item per approver (its role), collecting `{who, vote}` into `votes`. */
function approvals(loopAttrs: string, inner = '', extra = ''): string {
  return around(
    `<bpmn:userTask id="T" name="Approve" aimsflow:candidateRoles="=approver" aimsflow:dueDate="P2D">
       <bpmn:multiInstanceLoopCharacteristics ${loopAttrs}>
         <bpmn:extensionElements>
           <zeebe:loopCharacteristics inputCollection="=approvers" inputElement="approver" outputCollection="votes" outputElement="={who: approver, vote: vote}"/>
         </bpmn:extensionElements>${inner}
       </bpmn:multiInstanceLoopCharacteristics>
     </bpmn:userTask>`,
    extra,
  );
}

const condition = (feel: string): string => `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${feel}</bpmn:completionCondition>`;

function items(waits: Wait[]): Array<{ key: string; roles: string[]; index?: number }> {
  return waits.flatMap((w) => (w.kind === 'userTask' ? [{ key: w.key, roles: w.candidateRoles, index: w.item?.index }] : []));
}

async function rejectsWith(promise: Promise<unknown>, code: EngineErrorCode): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(EngineError);
  await expect(promise).rejects.toMatchObject({ code });
}

async function issuesOf(xml: string): Promise<string[]> {
  return validateDefinition(await parseProcess(xml)).map((i) => `${i.elementId}: ${i.message}`);
}

describe('sequential multi-instance (isSequential="true")', () => {
  it('opens one user task at a time, in collection order, and collects the outputs in item order', async () => {
    const hooks = fakeHooks(T0);
    const d = await Driver.start(await deploy(approvals('isSequential="true"')), { approvers: ['dpo', 'risk', 'ceo'] }, hooks);
    expect(items(d.waits)).toEqual([{ key: 'T:1/0', roles: ['dpo'], index: 0 }]);
    expect(d.waits[0]).toMatchObject({ dueAt: '2026-01-17T09:00:00.000Z', item: { index: 0, value: 'dpo', collectionKey: 'T:1', count: 3, completedBy: [] } });

    // The next item opens when the one before it completes: its due date runs from then.
    hooks.clock.now = new Date('2026-01-16T09:00:00.000Z');
    await d.send({ type: 'task.complete', waitKey: 'T:1/0', variables: { vote: 'yes' }, completedBy: 'dora' });
    expect(items(d.waits)).toEqual([{ key: 'T:1/1', roles: ['risk'], index: 1 }]);
    expect(d.waits[0]).toMatchObject({ dueAt: '2026-01-18T09:00:00.000Z', item: { completedBy: ['dora'] } });
    expect(d.last.variables.votes).toBeUndefined();

    await d.send({ type: 'task.complete', waitKey: 'T:1/1', variables: { vote: 'no' }, completedBy: 'rita' });
    expect(items(d.waits)).toEqual([{ key: 'T:1/2', roles: ['ceo'], index: 2 }]);
    await d.send({ type: 'task.complete', waitKey: 'T:1/2', variables: { vote: 'yes' }, completedBy: 'carl' });
    expect(d.last.status).toBe('completed');
    expect(d.last.variables.votes).toEqual([
      { who: 'dpo', vote: 'yes' },
      { who: 'risk', vote: 'no' },
      { who: 'ceo', vote: 'yes' },
    ]);
    expect(d.last.variables.approver).toBeUndefined();
    expect(d.last.completedBy.T).toEqual(['dora', 'rita', 'carl']);
  });

  it('refuses an item that is not open yet', async () => {
    const d = await Driver.start(await deploy(approvals('isSequential="true"')), { approvers: ['dpo', 'risk'] });
    await rejectsWith(d.send({ type: 'task.complete', waitKey: 'T:1/1', variables: { vote: 'yes' } }), EngineErrorCode.WaitNotFound);
    expect(items(d.waits)).toEqual([{ key: 'T:1/0', roles: ['dpo'], index: 0 }]);
  });

  it('passes straight through an empty collection', async () => {
    const d = await Driver.start(await deploy(approvals('isSequential="true"')), { approvers: [] });
    expect(d.last.status).toBe('completed');
    expect(d.last.variables.votes).toEqual([]);
  });

  it('starts one child at a time for a call activity, each with its item and loopCounter', async () => {
    const def = await deploy(
      around(
        `<bpmn:callActivity id="T" calledElement="supplier-check">
           <bpmn:multiInstanceLoopCharacteristics isSequential="true" aimsflow:collection="suppliers" aimsflow:elementVariable="supplier"
             aimsflow:outputCollection="ratings" aimsflow:outputElement="=rating"/>
         </bpmn:callActivity>`,
      ),
    );
    const d = await Driver.start(def, { suppliers: ['acme', 'globex'] });
    expect(d.waits).toEqual([
      {
        kind: 'child',
        key: 'T:1/0',
        elementId: 'T',
        processKey: 'supplier-check',
        variables: { suppliers: ['acme', 'globex'], supplier: 'acme', loopCounter: 1 },
        item: { index: 0, value: 'acme', collectionKey: 'T:1', count: 2 },
      },
    ]);
    await d.send({ type: 'child.complete', waitKey: 'T:1/0', variables: { rating: 'A' } });
    expect(d.waits).toEqual([expect.objectContaining({ key: 'T:1/1', variables: { suppliers: ['acme', 'globex'], supplier: 'globex', loopCounter: 2 } })]);
    await d.send({ type: 'child.complete', waitKey: 'T:1/1', variables: { rating: 'B' } });
    expect(d.last.status).toBe('completed');
    expect(d.last.variables).toEqual({ suppliers: ['acme', 'globex'], ratings: ['A', 'B'] });
  });

  it('is interrupted as a whole by a boundary timer mid-way', async () => {
    const hooks = fakeHooks(T0);
    const boundary = `<bpmn:boundaryEvent id="Late" attachedToRef="T"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:endEvent id="Escalated"/><bpmn:sequenceFlow id="F3" sourceRef="Late" targetRef="Escalated"/>`;
    const d = await Driver.start(await deploy(approvals('isSequential="true"', '', boundary)), { approvers: ['dpo', 'risk', 'ceo'] }, hooks);
    await d.send({ type: 'task.complete', waitKey: 'T:1/0', variables: { vote: 'yes' } });
    expect(d.waits.map((w) => w.key)).toEqual(['T:1/1', 'Late:1']);
    await d.fire('Late');
    expect(d.last.status).toBe('completed');
    expect(d.waits).toEqual([]);
    expect(d.last.steps[0].entered).toEqual(['Late', 'Escalated']);
    expect(d.last.variables.votes).toBeUndefined();
  });
});

describe('multi-instance completion condition', () => {
  it('on a parallel task: two of three approve, the third item is cancelled and its output stays null', async () => {
    const def = await deploy(approvals('', condition('=count(votes[item != null and item.vote = "yes"]) >= 2')));
    const d = await Driver.start(def, { approvers: ['dpo', 'risk', 'ceo'] });
    expect(items(d.waits).map((i) => i.key)).toEqual(['T:1/0', 'T:1/1', 'T:1/2']);
    await d.send({ type: 'task.complete', waitKey: 'T:1/2', variables: { vote: 'yes' } });
    await d.send({ type: 'task.complete', waitKey: 'T:1/1', variables: { vote: 'no' } });
    expect(items(d.waits).map((i) => i.key)).toEqual(['T:1/0']);
    await d.send({ type: 'task.complete', waitKey: 'T:1/0', variables: { vote: 'yes' } });
    expect(d.last.status).toBe('completed');
    expect(d.last.variables.votes).toEqual([
      { who: 'dpo', vote: 'yes' },
      { who: 'risk', vote: 'no' },
      { who: 'ceo', vote: 'yes' },
    ]);

    const early = await Driver.start(def, { approvers: ['dpo', 'risk', 'ceo'] });
    await early.send({ type: 'task.complete', waitKey: 'T:1/0', variables: { vote: 'yes' } });
    await early.send({ type: 'task.complete', waitKey: 'T:1/2', variables: { vote: 'yes' } });
    expect(early.last.status).toBe('completed');
    expect(early.waits).toEqual([]);
    expect(early.last.steps[0].left).toEqual(['T']);
    expect(early.last.variables.votes).toEqual([{ who: 'dpo', vote: 'yes' }, null, { who: 'ceo', vote: 'yes' }]);
  });

  it('counts instances by Camunda 8 and Camunda 7 names, and sees the item that just completed', async () => {
    const byCount = await deploy(approvals('', condition('=numberOfCompletedInstances >= 2 and nrOfInstances = 3 and numberOfActiveInstances = 1')));
    const d = await Driver.start(byCount, { approvers: ['dpo', 'risk', 'ceo'] });
    await d.send({ type: 'task.complete', waitKey: 'T:1/1', variables: { vote: 'no' } });
    expect(d.last.status).toBe('active');
    await d.send({ type: 'task.complete', waitKey: 'T:1/0', variables: { vote: 'no' } });
    expect(d.last.status).toBe('completed');

    const byItem = await deploy(approvals('', condition('=approver = "risk" and vote = "veto" and loopCounter = 2')));
    const e = await Driver.start(byItem, { approvers: ['dpo', 'risk', 'ceo'] });
    await e.send({ type: 'task.complete', waitKey: 'T:1/0', variables: { vote: 'veto' } });
    expect(e.last.status).toBe('active');
    await e.send({ type: 'task.complete', waitKey: 'T:1/1', variables: { vote: 'veto' } });
    expect(e.last.status).toBe('completed');
    expect(e.last.variables.votes).toEqual([{ who: 'dpo', vote: 'veto' }, { who: 'risk', vote: 'veto' }, null]);
  });

  it('on a sequential task: the next item never opens once it holds', async () => {
    const def = await deploy(approvals('isSequential="true"', condition('=vote = "reject"')));
    const d = await Driver.start(def, { approvers: ['dpo', 'risk', 'ceo'] });
    await d.send({ type: 'task.complete', waitKey: 'T:1/0', variables: { vote: 'ok' } });
    expect(items(d.waits).map((i) => i.key)).toEqual(['T:1/1']);
    await d.send({ type: 'task.complete', waitKey: 'T:1/1', variables: { vote: 'reject' } });
    expect(d.last.status).toBe('completed');
    expect(d.last.variables.votes).toEqual([{ who: 'dpo', vote: 'ok' }, { who: 'risk', vote: 'reject' }, null]);
  });
});

describe('loopCardinality (Camunda 7 files)', () => {
  it('opens that many items, numbered 1..n as the item and as loopCounter', async () => {
    const def = await deploy(
      around(`<bpmn:userTask id="T" aimsflow:candidateRoles="=&quot;reviewer-&quot; + string(loopCounter)">
        <bpmn:multiInstanceLoopCharacteristics aimsflow:elementVariable="n" aimsflow:outputCollection="notes" aimsflow:outputElement="=string(n) + note">
          <bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">3</bpmn:loopCardinality>
        </bpmn:multiInstanceLoopCharacteristics>
      </bpmn:userTask>`),
    );
    const d = await Driver.start(def);
    expect(items(d.waits)).toEqual([
      { key: 'T:1/0', roles: ['reviewer-1'], index: 0 },
      { key: 'T:1/1', roles: ['reviewer-2'], index: 1 },
      { key: 'T:1/2', roles: ['reviewer-3'], index: 2 },
    ]);
    expect(d.waits.map((w) => (w.kind === 'userTask' ? w.item?.value : undefined))).toEqual([1, 2, 3]);
    for (const key of ['T:1/2', 'T:1/0', 'T:1/1']) await d.send({ type: 'task.complete', waitKey: key, variables: { note: 'ok' } });
    expect(d.last.status).toBe('completed');
    expect(d.last.variables).toEqual({ notes: ['1ok', '2ok', '3ok'] });
  });

  it('takes FEEL, sequentially too, and refuses what is not a whole number', async () => {
    const def = await deploy(
      around(`<bpmn:userTask id="T" aimsflow:candidateRoles="r">
        <bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality>=rounds * 2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
      </bpmn:userTask>`),
    );
    const d = await Driver.start(def, { rounds: 1 });
    expect(items(d.waits).map((i) => i.key)).toEqual(['T:1/0']);
    await d.send({ type: 'task.complete', waitKey: 'T:1/0', variables: {} });
    await d.send({ type: 'task.complete', waitKey: 'T:1/1', variables: {} });
    expect(d.last.status).toBe('completed');
    expect((await Driver.start(def, { rounds: 0 })).last.status).toBe('completed');
    await rejectsWith(startInstance(def, { rounds: 0.75 }, fakeHooks()), EngineErrorCode.InvalidCollection);
    await rejectsWith(startInstance(def, { rounds: 'two' }, fakeHooks()), EngineErrorCode.InvalidCollection);
    await rejectsWith(startInstance(def, { rounds: 1000 }, fakeHooks()), EngineErrorCode.InvalidCollection);
  });
});

describe('multi-instance deploy issues', () => {
  const task = (inner: string, attrs = 'aimsflow:collection="xs"'): string =>
    around(
      `<bpmn:userTask id="T" aimsflow:candidateRoles="r"><bpmn:multiInstanceLoopCharacteristics ${attrs}>${inner}</bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>`,
    );

  it('refuses both a collection and a cardinality, and neither', async () => {
    expect(await issuesOf(task('<bpmn:loopCardinality>3</bpmn:loopCardinality>'))).toEqual([
      'T: multi-instance has both a collection and a loopCardinality; give one (the collection, or how many items)',
    ]);
    expect(await issuesOf(task('', ''))).toEqual([expect.stringMatching(/^T: multi-instance needs a collection .* or a loopCardinality$/)]);
  });

  it('names the element of a completion condition or cardinality that is not FEEL', async () => {
    expect(await issuesOf(task(condition('=numberOfCompletedInstances >=')))).toEqual([
      expect.stringMatching(/^T: multi-instance completionCondition "numberOfCompletedInstances >=" is not valid FEEL/),
    ]);
    expect(await issuesOf(task(condition('${nrOfCompletedInstances >= 2}')))).toEqual([
      expect.stringMatching(/^T: multi-instance completionCondition ".*" is a JUEL expression; write FEEL/),
    ]);
    expect(await issuesOf(task('<bpmn:loopCardinality>${n}</bpmn:loopCardinality>', ''))).toEqual([
      expect.stringMatching(/^T: multi-instance loopCardinality "\$\{n\}" is a JUEL expression/),
    ]);
    expect(await issuesOf(task(condition('')))).toEqual(['T: multi-instance completionCondition is empty']);
    expect(await issuesOf(task('<bpmn:completionCondition language="javascript">=done</bpmn:completionCondition>'))).toEqual([
      'T: multi-instance completionCondition language "javascript" is not supported; write FEEL',
    ]);
  });
});

describe('multi-instance: the examples of docs/bpmn.md', () => {
  const section = readFileSync('docs/bpmn.md', 'utf8').split('## Multi-instance and call activities')[1].split('\n## ')[0];
  const [twoOfThree, inTurn, screenEach, classifyEach, scoreEach] = section
    .split('```xml\n')
    .slice(1)
    .map((block) =>
      block
        .split('```')[0]
        .replace(/^ {2}/gm, '')
        .replace(/^(<bpmn:\w+ id=)"\w+"/, '$1"T"'),
    );

  it('stops once two of three approve', async () => {
    const d = await Driver.start(await deploy(around(twoOfThree)), { approvers: ['dpo', 'risk', 'ceo'] });
    await d.send({ type: 'task.complete', waitKey: 'T:1/1', variables: { decision: 'approve' } });
    await d.send({ type: 'task.complete', waitKey: 'T:1/2', variables: { decision: 'approve' } });
    expect(d.last.status).toBe('completed');
    expect(d.last.variables.decisions).toEqual([null, { role: 'risk', decision: 'approve' }, { role: 'ceo', decision: 'approve' }]);
  });

  it('asks each approver in turn', async () => {
    const d = await Driver.start(await deploy(around(inTurn)), { approvers: ['dpo', 'risk'] });
    expect(items(d.waits)).toEqual([{ key: 'T:1/0', roles: ['dpo'], index: 0 }]);
    await d.send({ type: 'task.complete', waitKey: 'T:1/0', variables: { decision: 'approve' } });
    expect(items(d.waits)).toEqual([{ key: 'T:1/1', roles: ['risk'], index: 1 }]);
    await d.send({ type: 'task.complete', waitKey: 'T:1/1', variables: { decision: 'reject' } });
    expect(d.last.variables.decisions).toEqual(['approve', 'reject']);
  });

  it('screens every supplier, one external job per supplier', async () => {
    const suppliers = [{ name: 'ACME' }, { name: 'Globex' }];
    const d = await Driver.start(await compileWith(around(screenEach), []), { suppliers });
    expect(d.waits.map((w) => (w.kind === 'job' ? [w.jobType, w.variables] : []))).toEqual([
      ['supplier-screening', { suppliers, supplier: suppliers[0], loopCounter: 1, name: 'ACME' }],
      ['supplier-screening', { suppliers, supplier: suppliers[1], loopCounter: 2, name: 'Globex' }],
    ]);
    await d.send({ type: 'job.complete', waitKey: 'T:1/1', variables: { hits: 1 } });
    await d.send({ type: 'job.complete', waitKey: 'T:1/0', variables: { hits: 0 } });
    expect(d.last.variables).toEqual({
      suppliers,
      screenings: [
        { name: 'ACME', hits: 0 },
        { name: 'Globex', hits: 1 },
      ],
    });
  });

  it('classifies each system, keeping only the collected results', async () => {
    const hooks = fakeHooks(T0);
    hooks.evaluateRuleSet.mockImplementation(async (_key, facts) => ({
      result: facts.system === 'chatbot' ? 'limited' : 'minimal',
      decisionId: `d-${String(facts.system)}`,
    }));
    const d = await Driver.start(await deploy(around(classifyEach)), { systems: ['chatbot', 'spam-filter'] }, hooks);
    expect(d.last.variables).toEqual({ systems: ['chatbot', 'spam-filter'], risks: ['limited', 'minimal'] });
    expect(d.last.steps.flatMap((s) => s.decisionIds)).toEqual(['d-chatbot', 'd-spam-filter']);
  });

  it('scores each finding in turn', async () => {
    const d = await Driver.start(await deploy(around(scoreEach)), { findings: [{ severity: 3 }, { severity: 1 }], weight: 2 });
    expect(d.last).toMatchObject({ status: 'completed', variables: { scores: [6, 2] } });
    expect(d.last.variables.score).toBeUndefined();
  });
});

/** Parses, validates and compiles with these built-in handlers (any other job type is an external job). */
async function compileWith(xml: string, handlers = ['screen']): Promise<CompiledProcess> {
  const parsed = await parseProcess(xml);
  const knownHandlers = new Set(handlers);
  expect(validateDefinition(parsed, { knownHandlers })).toEqual([]);
  return compileProcess(parsed, { knownHandlers });
}

/** A multi-instance service task `T` of job type `screen` over `systems` (element variable `system`), collecting `=status` into `statuses`. */
function screening(loopAttrs = '', inner = '', extra = ''): string {
  return around(
    `<bpmn:serviceTask id="T" name="Screen">
       <bpmn:extensionElements><zeebe:taskDefinition type="screen"/></bpmn:extensionElements>
       <bpmn:multiInstanceLoopCharacteristics ${loopAttrs}>
         <bpmn:extensionElements>
           <zeebe:loopCharacteristics inputCollection="=systems" inputElement="system" outputCollection="statuses" outputElement="=status"/>
         </bpmn:extensionElements>${inner}
       </bpmn:multiInstanceLoopCharacteristics>
     </bpmn:serviceTask>`,
    extra,
  );
}

/** `T` with an error boundary event `Caught` for REJECTED leading to end event `Rejected`. */
const REJECTED_BOUNDARY = `<bpmn:boundaryEvent id="Caught" attachedToRef="T"><bpmn:errorEventDefinition errorRef="Err"/></bpmn:boundaryEvent>
  <bpmn:endEvent id="Rejected"/><bpmn:sequenceFlow id="F3" sourceRef="Caught" targetRef="Rejected"/>`;
const withError = (xml: string): string => xml.replace('<bpmn:process', '<bpmn:error id="Err" errorCode="REJECTED"/><bpmn:process');

/** A handler answering per system: `fail` for "b", `ok` otherwise (a BPMN error REJECTED for systems named in `reject`). */
function screeningHandler(hooks: ReturnType<typeof fakeHooks>, reject: string[] = []): void {
  hooks.callHandler.mockImplementation(async (_name, input) => {
    if (reject.includes(input.system as string)) throw new BpmnError('REJECTED');
    return { status: input.system === 'b' ? 'fail' : 'ok', counter: input.loopCounter };
  });
}

const handledSystems = (hooks: ReturnType<typeof fakeHooks>): unknown[] => hooks.callHandler.mock.calls.map(([, input]) => [input.system, input.loopCounter]);

describe('multi-instance service tasks with a built-in handler', () => {
  it.each([
    ['parallel', ''],
    ['sequential', 'isSequential="true"'],
  ])('%s: calls the handler once per item, in collection order, and collects its results in item order', async (_kind, attrs) => {
    const hooks = fakeHooks(T0);
    screeningHandler(hooks);
    const d = await Driver.start(await compileWith(screening(attrs)), { systems: ['a', 'b', 'c'] }, hooks);
    expect(handledSystems(hooks)).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(d.last.status).toBe('completed');
    expect(d.last.variables).toEqual({ systems: ['a', 'b', 'c'], statuses: ['ok', 'fail', 'ok'] });
    expect(d.last.steps.filter((s) => s.event === 'service.result').map((s) => s.waitKey)).toEqual(['T:1/0', 'T:1/1', 'T:1/2']);
  });

  it('without outputElement each item keeps what its handler returned; an empty collection calls nothing', async () => {
    const hooks = fakeHooks(T0);
    screeningHandler(hooks);
    const xml = screening().replace(' outputElement="=status"', '');
    const d = await Driver.start(await compileWith(xml), { systems: ['a', 'b'] }, hooks);
    expect(d.last.variables.statuses).toEqual([
      { status: 'ok', counter: 1 },
      { status: 'fail', counter: 2 },
    ]);
    const empty = await Driver.start(await compileWith(xml), { systems: [] }, hooks);
    expect(empty.last).toMatchObject({ status: 'completed', variables: { statuses: [] } });
    expect(hooks.callHandler).toHaveBeenCalledTimes(2);
  });

  it('completionCondition stops early: no further item runs, the rest stay null', async () => {
    const hooks = fakeHooks(T0);
    screeningHandler(hooks);
    const d = await Driver.start(await compileWith(screening('isSequential="true"', condition('=status = "fail"'))), { systems: ['a', 'b', 'c'] }, hooks);
    expect(handledSystems(hooks)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(d.last).toMatchObject({ status: 'completed', variables: { statuses: ['ok', 'fail', null] } });
  });

  it('a BPMN error from one item goes to the boundary event: the items after it never run', async () => {
    const hooks = fakeHooks(T0);
    screeningHandler(hooks, ['b']);
    const d = await Driver.start(await compileWith(withError(screening('', '', REJECTED_BOUNDARY))), { systems: ['a', 'b', 'c'] }, hooks);
    expect(handledSystems(hooks)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(d.last.status).toBe('completed');
    expect(d.last.steps.flatMap((s) => s.entered)).toContain('Rejected');
    expect(d.last.variables.statuses).toBeUndefined();
  });

  it('an uncaught BPMN error held as an incident holds only that item; retrying runs that item again', async () => {
    const hooks = { ...fakeHooks(T0), uncaughtHandlerErrors: 'incident' as const };
    screeningHandler(hooks, ['b']);
    const d = await Driver.start(await compileWith(screening()), { systems: ['a', 'b', 'c'] }, hooks);
    expect(d.last.incidents).toEqual([{ elementId: 'T', waitKey: 'T:1/1', errorCode: 'REJECTED', message: 'BPMN error "REJECTED"' }]);
    expect(d.last).toMatchObject({ status: 'active', held: ['T'] });
    expect(handledSystems(hooks)).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    screeningHandler(hooks);
    await d.send({ type: 'incident.retry', elementId: 'T' });
    expect(handledSystems(hooks).slice(3)).toEqual([['b', 2]]);
    expect(d.last).toMatchObject({ status: 'completed', variables: { statuses: ['ok', 'fail', 'ok'] } });
    expect(d.last.held).toBeUndefined();
  });

  it('one incident per task however many items are held; its retry runs them all again', async () => {
    const hooks = { ...fakeHooks(T0), uncaughtHandlerErrors: 'incident' as const };
    screeningHandler(hooks, ['a', 'c']);
    const d = await Driver.start(await compileWith(screening()), { systems: ['a', 'b', 'c'] }, hooks);
    expect(d.last.incidents).toEqual([expect.objectContaining({ elementId: 'T', waitKey: 'T:1/0' })]);
    screeningHandler(hooks, ['c']);
    await d.send({ type: 'incident.retry', elementId: 'T' });
    expect(handledSystems(hooks).slice(3)).toEqual([
      ['a', 1],
      ['c', 3],
    ]);
    expect(d.last.incidents).toEqual([expect.objectContaining({ elementId: 'T', waitKey: 'T:1/2' })]);
    screeningHandler(hooks);
    await d.send({ type: 'incident.retry', elementId: 'T' });
    expect(d.last).toMatchObject({ status: 'completed', variables: { statuses: ['ok', 'fail', 'ok'] } });
  });
});

describe('multi-instance external jobs', () => {
  const jobs = (waits: Wait[]): Array<{ key: string; variables: unknown; index?: number }> =>
    waits.flatMap((w) => (w.kind === 'job' ? [{ key: w.key, variables: w.variables, index: w.item?.index }] : []));

  it('opens one job per item with its item variables; completing them in any order collects in item order', async () => {
    const d = await Driver.start(await compileWith(screening(), []), { systems: ['a', 'b', 'c'] });
    expect(jobs(d.waits)).toEqual([
      { key: 'T:1/0', variables: { systems: ['a', 'b', 'c'], system: 'a', loopCounter: 1 }, index: 0 },
      { key: 'T:1/1', variables: { systems: ['a', 'b', 'c'], system: 'b', loopCounter: 2 }, index: 1 },
      { key: 'T:1/2', variables: { systems: ['a', 'b', 'c'], system: 'c', loopCounter: 3 }, index: 2 },
    ]);
    expect(d.waits[0]).toMatchObject({ jobType: 'screen', item: { collectionKey: 'T:1', count: 3, value: 'a' } });
    await d.send({ type: 'job.complete', waitKey: 'T:1/2', variables: { status: 'c-ok' } });
    await d.send({ type: 'job.complete', waitKey: 'T:1/0', variables: { status: 'a-ok' } });
    expect(jobs(d.waits).map((j) => j.key)).toEqual(['T:1/1']);
    await d.send({ type: 'job.complete', waitKey: 'T:1/1', variables: { status: 'b-ok' } });
    expect(d.last).toMatchObject({ status: 'completed', variables: { statuses: ['a-ok', 'b-ok', 'c-ok'] } });
    expect(d.last.variables.status).toBeUndefined();
  });

  it('sequential: the next item’s job opens when the one before completes', async () => {
    const d = await Driver.start(await compileWith(screening('isSequential="true"'), []), { systems: ['a', 'b'] });
    expect(jobs(d.waits).map((j) => j.key)).toEqual(['T:1/0']);
    await d.send({ type: 'job.complete', waitKey: 'T:1/0', variables: { status: 'ok' } });
    expect(jobs(d.waits)).toEqual([{ key: 'T:1/1', variables: { systems: ['a', 'b'], system: 'b', loopCounter: 2 }, index: 1 }]);
  });

  it('a BPMN error a worker reports for one item is caught by the boundary event and cancels the other jobs', async () => {
    const d = await Driver.start(await compileWith(withError(screening('', '', REJECTED_BOUNDARY)), []), { systems: ['a', 'b', 'c'] });
    await d.send({ type: 'job.complete', waitKey: 'T:1/0', variables: { status: 'ok' } });
    await d.send({ type: 'job.error', waitKey: 'T:1/1', errorCode: 'REJECTED' });
    expect(jobs(d.waits)).toEqual([]);
    expect(d.last.status).toBe('completed');
    expect(d.last.steps.flatMap((s) => s.entered)).toContain('Rejected');
  });
});

describe('multi-instance business rule and script tasks', () => {
  it('evaluates the rule set once per item; the result variable stays local to the item, the output collection survives', async () => {
    const hooks = fakeHooks(T0);
    hooks.evaluateRuleSet.mockImplementation(async (_key, facts) => ({ result: { riskClass: facts.system === 'b' ? 'high' : 'minimal' } }));
    const xml = around(
      `<bpmn:businessRuleTask id="T" aimsflow:ruleSet="risk-class" aimsflow:resultVariable="risk">
         <bpmn:multiInstanceLoopCharacteristics aimsflow:collection="systems" aimsflow:elementVariable="system"
             aimsflow:outputCollection="risks" aimsflow:outputElement="=risk.riskClass"/>
       </bpmn:businessRuleTask>`,
    );
    const d = await Driver.start(await deploy(xml), { systems: ['a', 'b'] }, hooks);
    expect(hooks.evaluateRuleSet.mock.calls.map(([key, facts]) => [key, facts.system, facts.loopCounter])).toEqual([
      ['risk-class', 'a', 1],
      ['risk-class', 'b', 2],
    ]);
    expect(d.last).toMatchObject({ status: 'completed', variables: { systems: ['a', 'b'], risks: ['minimal', 'high'] } });
    expect(d.last.variables.risk).toBeUndefined();
  });

  it.each([
    ['parallel', ''],
    ['sequential', 'isSequential="true"'],
  ])('%s script task: evaluates its expression once per item, the item in scope', async (_kind, attrs) => {
    const xml = around(
      `<bpmn:scriptTask id="T">
         <bpmn:extensionElements><zeebe:script expression="=n * factor + loopCounter" resultVariable="scaled"/></bpmn:extensionElements>
         <bpmn:multiInstanceLoopCharacteristics ${attrs}>
           <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=numbers" inputElement="n" outputCollection="scaled_all" outputElement="=scaled"/></bpmn:extensionElements>
           ${condition('=scaled &gt; 100')}
         </bpmn:multiInstanceLoopCharacteristics>
       </bpmn:scriptTask>`,
    );
    const d = await Driver.start(await deploy(xml), { numbers: [1, 2, 50, 3], factor: 10 });
    expect(d.last).toMatchObject({ status: 'completed', variables: { numbers: [1, 2, 50, 3], factor: 10, scaled_all: [11, 22, 503, null] } });
    expect(d.last.variables.scaled).toBeUndefined();
  });

  it('are deployed by the rules of user tasks: collection xor cardinality, outputElement needs outputCollection', async () => {
    const script = (loop: string): string =>
      around(
        `<bpmn:scriptTask id="T"><bpmn:extensionElements><zeebe:script expression="=1" resultVariable="r"/></bpmn:extensionElements>${loop}</bpmn:scriptTask>`,
      );
    expect(
      await issuesOf(
        script(
          '<bpmn:multiInstanceLoopCharacteristics aimsflow:collection="xs"><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>',
        ),
      ),
    ).toEqual(['T: multi-instance has both a collection and a loopCardinality; give one (the collection, or how many items)']);
    expect(await issuesOf(script('<bpmn:multiInstanceLoopCharacteristics aimsflow:collection="xs" aimsflow:outputElement="=r"/>'))).toEqual([
      'T: multi-instance outputElement needs an outputCollection to collect into',
    ]);
    expect(await issuesOf(screening().replace('inputCollection="=systems" ', ''))).toEqual([
      'T: multi-instance needs a collection (aimsflow:collection, camunda:collection or zeebe:loopCharacteristics inputCollection) or a loopCardinality',
    ]);
  });
});
