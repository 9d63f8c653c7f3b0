import type { StateNode } from 'xstate';
import { compileProcess } from './compile.js';
import { EngineError, EngineErrorCode } from './errors.js';
import type { BusinessRuleTaskElement, ParsedElement, ServiceTaskElement, UserTaskElement } from './model.js';
import { parseProcess, splitTopLevel } from './parse.js';
import { startInstance } from './runner.js';
import { bpmn, deploy, Driver, fakeHooks, fixture } from './spec-helpers.js';
import { validateDefinition, type ValidationOptions } from './validate.js';

// Engine extensions: input/output mappings on automatic tasks, the event-based gateway, FEEL separateFrom entries
// and values on array form fields.
const T0 = '2026-01-15T09:00:00.000Z';
const known: ValidationOptions = { knownHandlers: new Set(['notify']) };

function element<T extends ParsedElement>(elements: ParsedElement[], id: string): T {
  const found = elements.find((e) => e.id === id);
  if (!found) throw new Error(`no element ${id}`);
  return found as T;
}

async function issuesOf(body: string, prefix = ''): Promise<Array<{ elementId?: string; message: string }>> {
  return validateDefinition(await parseProcess(bpmn(body).replace('<bpmn:process', `${prefix}<bpmn:process`)), known);
}

const withZeebe = (xml: string): string => xml.replace('xmlns:aimsflow=', 'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:aimsflow=');

describe('input and output mappings on service and business rule tasks', () => {
  it('parses aimsflow:in / aimsflow:out and zeebe:ioMapping, FEEL without "="; tasks without mappings get no fields', async () => {
    const p = await parseProcess(fixture('task-mappings.bpmn'));
    expect(p.issues).toEqual([]);
    expect(element<BusinessRuleTaskElement>(p.elements, 'Rule_classify')).toMatchObject({
      inputs: [
        { source: '"deployment"', target: 'step' },
        { source: 'declared.riskClass', target: 'riskClass' },
      ],
      outputs: [{ source: 'classification.riskClass', target: 'riskClass' }],
    });
    const status = element<ServiceTaskElement>(p.elements, 'Service_status');
    expect(status.inputs).toEqual([
      { source: '"approved"', target: 'status' },
      { source: 'owner', target: 'to' },
    ]);
    expect(status).not.toHaveProperty('outputs');
    expect(element<ServiceTaskElement>(p.elements, 'Service_record')).toMatchObject({
      jobType: 'notify',
      inputs: [{ source: 'systemId', target: 'id' }],
      outputs: [
        { source: 'receipt.id', target: 'receiptId' },
        { source: 'id', target: 'recordedFor' },
      ],
    });
    const plain = await parseProcess(fixture('automatic.bpmn'));
    expect(element(plain.elements, 'Notify')).not.toHaveProperty('inputs');
    expect(element(plain.elements, 'Classify')).not.toHaveProperty('outputs');
  });

  it('checks the FEEL of every mapping at deploy time and refuses mappings where nothing reads them', async () => {
    const issues = await issuesOf(`
      <bpmn:startEvent id="S"/>
      <bpmn:serviceTask id="H" aimsflow:handler="notify"><bpmn:extensionElements><aimsflow:in source="=a +" target="b"/><aimsflow:out source="c" target="d"/></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:businessRuleTask id="R" aimsflow:ruleSet="eu-ai-act-risk-class" aimsflow:resultVariable="r"><bpmn:extensionElements><aimsflow:out source="=r." target="x"/><aimsflow:in target="y"/></bpmn:extensionElements></bpmn:businessRuleTask>
      <bpmn:exclusiveGateway id="U"><bpmn:extensionElements><aimsflow:in source="a" target="b"/></bpmn:extensionElements></bpmn:exclusiveGateway>
      <bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="H"/><bpmn:sequenceFlow id="f2" sourceRef="H" targetRef="R"/>
      <bpmn:sequenceFlow id="f3" sourceRef="R" targetRef="U"/><bpmn:sequenceFlow id="f4" sourceRef="U" targetRef="E"/>`);
    expect(issues).toEqual(
      expect.arrayContaining([
        { elementId: 'H', message: expect.stringMatching(/mapping source for "b" "a \+" is not valid FEEL/) },
        { elementId: 'R', message: expect.stringMatching(/mapping source for "x" "r\." is not valid FEEL/) },
        { elementId: 'R', message: 'aimsflow:in mapping needs source and target' },
        {
          elementId: 'U',
          message: expect.stringMatching(/aimsflow:in \/ aimsflow:out are not supported on bpmn:ExclusiveGateway/),
        },
      ]),
    );
    expect(issues).toHaveLength(4);
  });

  it('gives the rule set the variables overlaid with the inputs, keeps the result variable and maps the outputs', async () => {
    const hooks = fakeHooks(T0);
    hooks.evaluateRuleSet.mockResolvedValue({ result: { riskClass: 'high', basis: ['Art. 6(2)'] }, decisionId: 'd-1' });
    hooks.callHandler.mockImplementation(async (_name, _vars, { elementId }) =>
      elementId === 'Service_status' ? { statusSet: true } : { receipt: { id: 'r-9' }, noise: 1 },
    );
    const d = await Driver.start(
      await deploy(fixture('task-mappings.bpmn')),
      { systemId: 's-1', owner: 'olga', declared: { riskClass: 'limited' }, step: 'draft' },
      hooks,
    );

    expect(hooks.evaluateRuleSet).toHaveBeenCalledWith(
      'eu-ai-act-risk-class',
      {
        systemId: 's-1',
        owner: 'olga',
        declared: { riskClass: 'limited' },
        step: 'deployment',
        riskClass: 'limited',
      },
      { elementId: 'Rule_classify' },
    );
    // Inputs are the task's own: they do not leak into the instance variables (step stays "draft").
    expect(hooks.callHandler).toHaveBeenNthCalledWith(
      1,
      'notify',
      {
        systemId: 's-1',
        owner: 'olga',
        declared: { riskClass: 'limited' },
        step: 'draft',
        classification: { riskClass: 'high', basis: ['Art. 6(2)'] },
        riskClass: 'high',
        status: 'approved',
        to: 'olga',
      },
      { elementId: 'Service_status' },
    );
    expect(hooks.callHandler).toHaveBeenNthCalledWith(2, 'notify', expect.objectContaining({ id: 's-1', statusSet: true }), { elementId: 'Service_record' });
    expect(d.last.variables).toEqual({
      systemId: 's-1',
      owner: 'olga',
      declared: { riskClass: 'limited' },
      step: 'draft',
      classification: { riskClass: 'high', basis: ['Art. 6(2)'] },
      riskClass: 'high',
      // no aimsflow:out on Service_status: its result is merged as a whole
      statusSet: true,
      // zeebe:output on Service_record: only the mapped targets, over inputs + result
      receiptId: 'r-9',
      recordedFor: 's-1',
    });
    expect(d.last.steps.map((s) => [s.event, s.decisionIds])).toEqual([
      ['start', []],
      ['rule.result', ['d-1']],
      ['service.result', []],
      ['service.result', []],
    ]);
  });

  it('hands the hooks copies: a hook changing its input changes nothing', async () => {
    const hooks = fakeHooks();
    hooks.evaluateRuleSet.mockImplementation(async (_key, facts) => {
      (facts.declared as Record<string, unknown>).riskClass = 'tampered';
      facts.step = 'tampered';
      return { result: { riskClass: 'minimal' } };
    });
    const d = await Driver.start(await deploy(fixture('task-mappings.bpmn')), { declared: { riskClass: 'high' } }, hooks);
    expect(d.last.variables.declared).toEqual({ riskClass: 'high' });
    expect(d.last.variables.step).toBeUndefined();
  });
});

describe('values on array form fields', () => {
  it('accepts values on array fields and carries them on the form of the wait; other non-enum types still refuse them', async () => {
    const d = await Driver.start(await deploy(fixture('task-mappings.bpmn')), { systemId: 's' }, fakeHooks());
    const wait = d.wait('Task_controls');
    expect(wait.kind === 'userTask' && wait.form).toEqual([
      { name: 'controls', type: 'array', required: true, values: ['A.5.2', 'A.6.2.8', 'A.9.2'] },
      { name: 'evidence', type: 'array', required: false },
    ]);
    const issues = await issuesOf(
      `<bpmn:startEvent id="S"/><bpmn:userTask id="T" aimsflow:candidateRoles="r"><bpmn:extensionElements>
        <aimsflow:formField name="n" type="string" values="a,b"/></bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E"/>`,
    );
    expect(issues).toEqual([{ elementId: 'T', message: 'form field "n" has values but is neither of type enum nor array' }]);
  });
});

describe('FEEL entries in aimsflow:separateFrom', () => {
  it('splits at top-level commas only', () => {
    expect(splitTopLevel('Draft, initiator')).toEqual(['Draft', 'initiator']);
    expect(splitTopLevel('Draft,=[lead, owner],=if x then "a,b" else (c),initiator')).toEqual([
      'Draft',
      '=[lead, owner]',
      '=if x then "a,b" else (c)',
      'initiator',
    ]);
    expect(splitTopLevel('=areaOwner')).toEqual(['=areaOwner']);
    expect(splitTopLevel(undefined)).toEqual([]);
  });

  it('keeps element ids in separateFrom and the FEEL entries apart, checks their syntax', async () => {
    const body = (sep: string): string => `<bpmn:startEvent id="S"/>
      <bpmn:userTask id="Plan" aimsflow:candidateRoles="auditor"/>
      <bpmn:userTask id="Work" aimsflow:candidateRoles="auditor" aimsflow:separateFrom="${sep}"/>
      <bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Plan"/><bpmn:sequenceFlow id="f2" sourceRef="Plan" targetRef="Work"/><bpmn:sequenceFlow id="f3" sourceRef="Work" targetRef="E"/>`;
    const p = await parseProcess(bpmn(body('Plan,=areaOwner,initiator,=[lead, deputy]')));
    expect(element<UserTaskElement>(p.elements, 'Work')).toMatchObject({
      separateFrom: ['Plan', 'initiator'],
      separateFromExpressions: ['areaOwner', '[lead, deputy]'],
    });
    expect(element(p.elements, 'Plan')).not.toHaveProperty('separateFromExpressions');
    expect(validateDefinition(p)).toEqual([]);
    expect(await issuesOf(body('Plan,=areaOwner +'))).toEqual([
      { elementId: 'Work', message: expect.stringMatching(/aimsflow:separateFrom entry "areaOwner \+" is not valid FEEL/) },
    ]);
    expect(await issuesOf(body('Plan,areaOwner'))).toEqual([
      { elementId: 'Work', message: expect.stringMatching(/separateFrom names "areaOwner", which is neither/) },
    ]);
  });

  it('evaluates them when the task is created and shows the subjects on the wait (per item for multi-instance)', async () => {
    const def = await deploy(
      bpmn(`<bpmn:startEvent id="S"/>
      <bpmn:userTask id="Plan" aimsflow:candidateRoles="auditor"/>
      <bpmn:userTask id="Work" aimsflow:candidateRoles="auditor" aimsflow:separateFrom="Plan,=areaOwner,=[areaOwner, deputy]"/>
      <bpmn:userTask id="Sign" aimsflow:candidateRoles="=role" aimsflow:separateFrom="Sign,=owners[item = role].subject">
        <bpmn:multiInstanceLoopCharacteristics aimsflow:collection="roles" aimsflow:elementVariable="role"/>
      </bpmn:userTask>
      <bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Plan"/><bpmn:sequenceFlow id="f2" sourceRef="Plan" targetRef="Work"/>
      <bpmn:sequenceFlow id="f3" sourceRef="Work" targetRef="Sign"/><bpmn:sequenceFlow id="f4" sourceRef="Sign" targetRef="E"/>`),
    );
    const owners = [
      { item: 'dpo', subject: 'dora' },
      { item: 'ciso', subject: 'carl' },
    ];
    const d = await Driver.start(def, { roles: ['dpo', 'ciso'], owners }, fakeHooks(), { initiator: 'ina' });
    expect(d.wait('Plan')).not.toHaveProperty('separateFromSubjects');
    await d.complete('Plan', { areaOwner: 'olga', deputy: 'dave' }, 'pat');
    expect(d.wait('Work')).toMatchObject({ separateFrom: ['Plan'], separateFromSubjects: ['olga', 'dave'] });
    // The subjects are fixed when the task is created: changing the variable later does not move them.
    await d.complete('Work', { areaOwner: 'someone-else' }, 'ann');
    expect(d.waits.map((w) => (w.kind === 'userTask' ? [w.key, w.candidateRoles, w.separateFrom, w.separateFromSubjects] : []))).toEqual([
      ['Sign:1/0', ['dpo'], ['Sign'], ['dora']],
      ['Sign:1/1', ['ciso'], ['Sign'], ['carl']],
    ]);
  });

  it('fails the step when an entry gives no subject (the constraint never silently disappears)', async () => {
    const def = await deploy(
      bpmn(`<bpmn:startEvent id="S"/><bpmn:userTask id="Work" aimsflow:candidateRoles="auditor" aimsflow:separateFrom="=areaOwner"/><bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Work"/><bpmn:sequenceFlow id="f2" sourceRef="Work" targetRef="E"/>`),
    );
    for (const vars of [{}, { areaOwner: 42 }, { areaOwner: ['a', null] }]) {
      const failure = startInstance(def, vars, fakeHooks());
      await expect(failure).rejects.toBeInstanceOf(EngineError);
      await expect(failure).rejects.toMatchObject({
        code: EngineErrorCode.InvalidCandidateRoles,
        elementId: 'Work',
        message: expect.stringMatching(/separateFrom entry "=areaOwner"/),
      });
    }
    const empty = await Driver.start(def, { areaOwner: [] });
    expect(empty.wait('Work')).toMatchObject({ separateFromSubjects: [] });
  });
});

describe('event-based gateway (event-gateway.bpmn)', () => {
  type AnyNode = StateNode<never, never>;

  it('compiles to one waiting state with a guarded transition per event; the events after it are passed through', async () => {
    const def = await deploy(fixture('event-gateway.bpmn'));
    expect(def.elements.Gateway_inOperation).toMatchObject({ kind: 'eventBasedGateway', outgoing: ['Flow_toTimer', 'Flow_toMessage'] });
    const gateway = def.machine.getStateNodeById('Gateway_inOperation') as unknown as AnyNode;
    const on = gateway.on as unknown as Record<string, Array<{ target?: ReadonlyArray<{ id: string }>; guard?: unknown }>>;
    expect(on['timer.fire'].map((t) => [t.guard, t.target?.map((s) => s.id)])).toEqual([
      [{ type: 'isWait', params: { id: 'Timer_review' } }, ['Timer_review']],
    ]);
    expect(on.message.map((t) => [t.guard, t.target?.map((s) => s.id)])).toEqual([
      [{ type: 'isWait', params: { id: 'Message_retired' } }, ['Message_retired']],
    ]);
    const timer = def.machine.getStateNodeById('Timer_review') as unknown as AnyNode;
    expect(timer.always?.map((t) => t.target?.map((s) => s.id))).toEqual([['Task_review']]);
  });

  it('waits on every event at once; the timer wins, the message wait disappears, and coming back arms both again', async () => {
    const hooks = fakeHooks(T0);
    const d = await Driver.start(await deploy(fixture('event-gateway.bpmn')), { systemId: 'sys-1', reviewInterval: 'P6M' }, hooks);
    expect(d.last.activeElementIds).toEqual(['Gateway_inOperation']);
    expect(d.waits).toEqual([
      { kind: 'timer', key: 'Timer_review:1', elementId: 'Timer_review', dueAt: '2026-07-15T09:00:00.000Z', eventGateway: 'Gateway_inOperation' },
      {
        kind: 'message',
        key: 'Message_retired:1',
        elementId: 'Message_retired',
        name: 'ai-system.retire',
        correlationKey: 'sys-1',
        eventGateway: 'Gateway_inOperation',
      },
    ]);
    const staleMessage = d.waits[1].key;

    hooks.clock.now = new Date('2026-07-15T09:00:00.000Z');
    await d.fire('Timer_review');
    expect(hooks.callHandler).toHaveBeenCalledWith('notify', { systemId: 'sys-1', reviewInterval: 'P6M' }, { elementId: 'Task_review' });
    expect(d.last.steps.map((s) => [s.event, s.waitKey, s.left, s.entered])).toEqual([
      ['timer.fire', 'Timer_review:1', ['Gateway_inOperation', 'Timer_review'], ['Timer_review', 'Task_review']],
      ['service.result', 'Task_review:1', ['Task_review'], ['Gateway_inOperation']],
    ]);
    expect(d.waits.map((w) => [w.key, w.kind === 'timer' ? w.dueAt : w.kind])).toEqual([
      ['Timer_review:2', '2027-01-15T09:00:00.000Z'],
      ['Message_retired:2', 'message'],
    ]);
    await expect(d.send({ type: 'message', name: 'ai-system.retire', waitKey: staleMessage })).rejects.toMatchObject({ code: EngineErrorCode.WaitNotFound });
  });

  it('the message wins: its variables are merged, the timer wait disappears and cannot fire any more', async () => {
    const d = await Driver.start(await deploy(fixture('event-gateway.bpmn')), { systemId: 'sys-1', reviewInterval: 'P6M' }, fakeHooks(T0), {
      initiator: 'ina',
    });
    const timerKey = d.wait('Timer_review').key;
    await expect(d.send({ type: 'message', name: 'ai-system.retire', correlationKey: 'other' })).rejects.toMatchObject({ code: EngineErrorCode.WaitNotFound });
    await d.send({ type: 'message', name: 'ai-system.retire', correlationKey: 'sys-1', variables: { retiredBy: 'rita', reason: 'replaced' } });
    expect(d.last.steps[0]).toMatchObject({ left: ['Gateway_inOperation', 'Message_retired'], entered: ['Message_retired', 'Task_decommission'] });
    expect(d.waits.map((w) => w.key)).toEqual(['Task_decommission:1']);
    expect(d.wait('Task_decommission')).toMatchObject({ separateFrom: ['initiator'], separateFromSubjects: ['rita'] });
    expect(d.last.variables).toMatchObject({ retiredBy: 'rita', reason: 'replaced' });
    await expect(d.send({ type: 'timer.fire', waitKey: timerKey })).rejects.toMatchObject({ code: EngineErrorCode.WaitNotFound });
    await d.complete('Task_decommission', { decommissionPlan: 'archive' }, 'olga');
    expect(d.last.status).toBe('completed');
  });

  it('works inside a parallel branch and is cancelled with the instance', async () => {
    const def = await deploy(
      bpmn(`<bpmn:startEvent id="S"/><bpmn:parallelGateway id="F"/><bpmn:userTask id="A" aimsflow:candidateRoles="r"/>
      <bpmn:eventBasedGateway id="G"/>
      <bpmn:intermediateCatchEvent id="T"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="M"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:intermediateCatchEvent>
      <bpmn:exclusiveGateway id="X"/><bpmn:parallelGateway id="J"/><bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="F"/><bpmn:sequenceFlow id="f2" sourceRef="F" targetRef="A"/><bpmn:sequenceFlow id="f3" sourceRef="F" targetRef="G"/>
      <bpmn:sequenceFlow id="f4" sourceRef="G" targetRef="T"/><bpmn:sequenceFlow id="f5" sourceRef="G" targetRef="M"/>
      <bpmn:sequenceFlow id="f6" sourceRef="T" targetRef="X"/><bpmn:sequenceFlow id="f7" sourceRef="M" targetRef="X"/>
      <bpmn:sequenceFlow id="f8" sourceRef="X" targetRef="J"/><bpmn:sequenceFlow id="f9" sourceRef="A" targetRef="J"/><bpmn:sequenceFlow id="f10" sourceRef="J" targetRef="E"/>`).replace(
        '<bpmn:process',
        '<bpmn:message id="Msg" name="ping"/><bpmn:process',
      ),
    );
    const d = await Driver.start(def);
    expect(d.waits.map((w) => w.key)).toEqual(['A:1', 'T:1', 'M:1']);
    await d.send({ type: 'message', name: 'ping' });
    expect(d.waits.map((w) => w.key)).toEqual(['A:1']);
    await d.complete('A');
    expect(d.last.status).toBe('completed');

    const other = await Driver.start(def);
    const cancelled = await other.send({ type: 'cancel' });
    expect(cancelled).toMatchObject({ status: 'cancelled', waits: [] });
  });

  describe('several flows to the same event (corpus: event-based-gateway-with-same-target.bpmn)', () => {
    const deploySameTarget = (): ReturnType<typeof deploy> => deploy(fixture('corpus/bpmn-elements/event-based-gateway-with-same-target.bpmn'));

    it('compiles to one wait per distinct event', async () => {
      const def = await deploySameTarget();
      expect(def.index.eventGateways.get('gateway')).toEqual(['signalEvent', 'timerEvent']);
      const gateway = def.machine.getStateNodeById('gateway') as unknown as AnyNode;
      const on = gateway.on as unknown as Record<string, Array<{ target?: ReadonlyArray<{ id: string }> }>>;
      expect(on.signal.map((t) => t.target?.map((s) => s.id))).toEqual([['signalEvent']]);
      expect(on['timer.fire'].map((t) => t.target?.map((s) => s.id))).toEqual([['timerEvent']]);
    });

    it('the signal continues through the task to the end; the timer wait goes with the gateway', async () => {
      const d = await Driver.start(await deploySameTarget(), {}, fakeHooks(T0));
      expect(d.waits.map((w) => [w.elementId, w.kind])).toEqual([
        ['signalEvent', 'signal'],
        ['timerEvent', 'timer'],
      ]);
      await d.send({ type: 'signal', waitKey: d.wait('signalEvent').key });
      expect(d.last.steps[0]).toMatchObject({ left: ['gateway', 'signalEvent', 'Task_1pfzr39'], entered: ['signalEvent', 'Task_1pfzr39', 'end'] });
      expect(d.last).toMatchObject({ status: 'completed', waits: [] });
    });

    it('the timer continues through the same task to the end', async () => {
      const hooks = fakeHooks(T0);
      const d = await Driver.start(await deploySameTarget(), {}, hooks);
      expect(d.wait('timerEvent')).toMatchObject({ dueAt: '2026-01-15T10:00:00.000Z', eventGateway: 'gateway' });
      hooks.clock.now = new Date('2026-01-15T10:00:00.000Z');
      await d.fire('timerEvent');
      expect(d.last.steps[0]).toMatchObject({ entered: ['timerEvent', 'Task_1pfzr39', 'end'] });
      expect(d.last).toMatchObject({ status: 'completed', waits: [] });
    });
  });

  describe('validation', () => {
    const catchTimer = (id: string): string =>
      `<bpmn:intermediateCatchEvent id="${id}"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
    const catchMessage = (id: string, ref = 'Msg'): string =>
      `<bpmn:intermediateCatchEvent id="${id}"><bpmn:messageEventDefinition messageRef="${ref}"/></bpmn:intermediateCatchEvent>`;
    const msg = '<bpmn:message id="Msg" name="ping"/><bpmn:message id="Msg2" name="ping"/>';
    const f = (id: string, from: string, to: string, condition?: string): string =>
      `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${condition ? `<bpmn:conditionExpression>${condition}</bpmn:conditionExpression>` : ''}</bpmn:sequenceFlow>`;

    it('refuses targets other than timer and message catch events, conditions, and a single way out', async () => {
      const issues = await issuesOf(
        `<bpmn:startEvent id="S"/><bpmn:eventBasedGateway id="G"/><bpmn:userTask id="U" aimsflow:candidateRoles="r"/>${catchTimer('T')}<bpmn:endEvent id="E"/>
        ${f('f1', 'S', 'G')}${f('f2', 'G', 'U')}${f('f3', 'G', 'T', 'x = 1')}${f('f4', 'U', 'E')}${f('f5', 'T', 'E')}`,
      );
      expect(issues).toEqual(
        expect.arrayContaining([
          { elementId: 'f2', message: 'event-based gateway G may only lead to intermediate timer, message or signal catch events, not to bpmn:UserTask' },
          { elementId: 'f3', message: expect.stringMatching(/flows out of an event-based gateway cannot have conditions/) },
        ]),
      );
      const single = await issuesOf(
        `<bpmn:startEvent id="S"/><bpmn:eventBasedGateway id="G"/>${catchTimer('T')}<bpmn:endEvent id="E"/>${f('f1', 'S', 'G')}${f('f2', 'G', 'T')}${f('f3', 'T', 'E')}`,
      );
      expect(single).toEqual([{ elementId: 'G', message: expect.stringMatching(/needs at least two outgoing flows/) }]);
    });

    it('refuses a catch event also reached from elsewhere, and two events for the same message', async () => {
      const issues = await issuesOf(
        `<bpmn:startEvent id="S"/><bpmn:eventBasedGateway id="G"/>${catchTimer('T')}${catchMessage('M1')}${catchMessage('M2', 'Msg2')}<bpmn:userTask id="U" aimsflow:candidateRoles="r"/><bpmn:endEvent id="E"/>
        ${f('f1', 'S', 'G')}${f('f2', 'G', 'T')}${f('f3', 'G', 'M1')}${f('f4', 'G', 'M2')}${f('f5', 'T', 'U')}${f('f6', 'U', 'T')}${f('f7', 'M1', 'E')}${f('f8', 'M2', 'E')}`,
        msg,
      );
      expect(issues).toEqual([
        { elementId: 'M2', message: expect.stringMatching(/waits for message "ping" like M1 after the same event-based gateway G/) },
        { elementId: 'T', message: 'a catch event after event-based gateway G must be reached from that gateway only (flow f6 comes from U)' },
      ]);
    });

    it('accepts several flows from the gateway to one event, but not when they are all it has', async () => {
      const twice = await issuesOf(
        `<bpmn:startEvent id="S"/><bpmn:eventBasedGateway id="G"/>${catchTimer('T')}${catchMessage('M')}<bpmn:endEvent id="E"/>
        ${f('f1', 'S', 'G')}${f('f2', 'G', 'M')}${f('f3', 'G', 'M')}${f('f4', 'G', 'T')}${f('f5', 'T', 'E')}${f('f6', 'M', 'E')}`,
        msg,
      );
      expect(twice).toEqual([]);
      const only = await issuesOf(
        `<bpmn:startEvent id="S"/><bpmn:eventBasedGateway id="G"/>${catchMessage('M')}<bpmn:endEvent id="E"/>
        ${f('f1', 'S', 'G')}${f('f2', 'G', 'M')}${f('f3', 'G', 'M')}${f('f4', 'M', 'E')}`,
        msg,
      );
      expect(only).toEqual([{ elementId: 'G', message: 'event-based gateway leads only to M; it needs at least two different events to choose between' }]);
    });

    it('refuses instantiating and parallel event-based gateways', async () => {
      const around = (gateway: string): string =>
        `<bpmn:startEvent id="S"/>${gateway}${catchTimer('T')}${catchMessage('M')}<bpmn:endEvent id="E"/>${f('f1', 'S', 'G')}${f('f2', 'G', 'T')}${f('f3', 'G', 'M')}${f('f4', 'T', 'E')}${f('f5', 'M', 'E')}`;
      expect(await issuesOf(around('<bpmn:eventBasedGateway id="G"/>'), msg)).toEqual([]);
      expect(await issuesOf(around('<bpmn:eventBasedGateway id="G" instantiate="true"/>'), msg)).toContainEqual({
        elementId: 'G',
        message: expect.stringMatching(/instantiating event-based gateway is not supported/),
      });
      expect(await issuesOf(around('<bpmn:eventBasedGateway id="G" eventGatewayType="Parallel"/>'), msg)).toContainEqual({
        elementId: 'G',
        message: expect.stringMatching(/parallel event-based gateway is not supported/),
      });
    });

    it('compileProcess refuses what validation refuses', async () => {
      const p = await parseProcess(
        bpmn(`<bpmn:startEvent id="S"/><bpmn:eventBasedGateway id="G"/><bpmn:endEvent id="E"/>${f('f1', 'S', 'G')}${f('f2', 'G', 'E')}`),
      );
      expect(() => compileProcess(p)).toThrow(/event-based gateway/);
    });
  });
});

describe('the extensions through a Camunda 8 file', () => {
  it('reads zeebe:ioMapping on a business rule task', async () => {
    const xml = withZeebe(
      bpmn(`<bpmn:startEvent id="S"/>
      <bpmn:businessRuleTask id="R"><bpmn:extensionElements><zeebe:calledDecision decisionId="eu-ai-act-risk-class" resultVariable="c"/>
        <zeebe:ioMapping><zeebe:input source="=&quot;deployment&quot;" target="step"/><zeebe:output source="=c.riskClass" target="riskClass"/></zeebe:ioMapping>
      </bpmn:extensionElements></bpmn:businessRuleTask><bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="R"/><bpmn:sequenceFlow id="f2" sourceRef="R" targetRef="E"/>`),
    );
    const hooks = fakeHooks();
    hooks.evaluateRuleSet.mockResolvedValue({ result: { riskClass: 'limited' } });
    const d = await Driver.start(await deploy(xml), { a: 1 }, hooks);
    expect(hooks.evaluateRuleSet).toHaveBeenCalledWith('eu-ai-act-risk-class', { a: 1, step: 'deployment' }, { elementId: 'R' });
    expect(d.last.variables).toEqual({ a: 1, c: { riskClass: 'limited' }, riskClass: 'limited' });
  });
});
