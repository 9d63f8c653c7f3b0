import { configureFeel, stopFeelSandbox } from './feel-sandbox.js';
import { EngineError, EngineErrorCode } from './errors.js';
import { evaluateFeel, feelIsTrue, feelSyntaxError } from './feel.js';
import { configureEngineLimits } from './limits.js';
import { parseProcess } from './parse.js';
import { bpmn, deploy, Driver } from './spec-helpers.js';
import { resolveTimer, timerDefinitionProblem } from './timers.js';
import { validateDefinition } from './validate.js';

const LOOP = 'count(for i in 1..n return i)';

describe('FEEL under a budget', () => {
  beforeAll(() => configureFeel({ timeMs: 300, memoryMb: 32, stepMs: 2000 }));
  afterAll(() => stopFeelSandbox());

  it('evaluates plain expressions in place and loops in the sandbox, with the same results', () => {
    expect(evaluateFeel('=decision = "approve"', { decision: 'approve' })).toBe(true);
    expect(evaluateFeel(LOOP, { n: 1000 })).toBe(1000);
    expect(evaluateFeel('some x in items satisfies x > 2', { items: [1, 3] })).toBe(true);
    expect(evaluateFeel('{f: function(a) a * 2}.f(21)', {})).toBe(42);
    expect(evaluateFeel('for x in [date("2026-01-01")] return x', {})).toEqual(['2026-01-01']);
  });

  it('stops a runaway loop at its time or memory budget, names the element, and goes on with the next evaluation', () => {
    const started = performance.now();
    let failure: unknown;
    try {
      evaluateFeel(LOOP, { n: 40_000_000 }, 'Gateway_1');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(EngineError);
    expect(failure).toMatchObject({
      code: EngineErrorCode.FeelBudgetExceeded,
      elementId: 'Gateway_1',
      message: expect.stringContaining('exceeded its budget'),
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(evaluateFeel(LOOP, { n: 10 })).toBe(10);
  });

  it('checks syntax without evaluating anything', () => {
    const started = performance.now();
    expect(feelSyntaxError('count(for i in 1..100000000000 return i)')).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(feelSyntaxError('a +')).toMatch(/incomplete|unrecognized/i);
    expect(feelSyntaxError('')).toBe('empty FEEL expression');
  });

  it('fails the step that takes a flow through a runaway condition, naming the flow', async () => {
    const def = await deploy(
      bpmn(`<bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="G" default="F_default"/>
        <bpmn:endEvent id="Big"/><bpmn:endEvent id="Small"/>
        <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G"/>
        <bpmn:sequenceFlow id="F_big" sourceRef="G" targetRef="Big"><bpmn:conditionExpression>=${LOOP} > 5</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F_default" sourceRef="G" targetRef="Small"/>`),
    );
    expect((await Driver.start(def, { n: 10 })).last.status).toBe('completed');
    await expect(Driver.start(def, { n: 40_000_000 })).rejects.toMatchObject({ code: EngineErrorCode.FeelBudgetExceeded, elementId: 'F_big' });
  });

  it('keeps a plain condition cheap: no sandbox for `x = "y"`', () => {
    expect(feelIsTrue('x = "y"', { x: 'y' })).toBe(true);
  });
});

describe('definition and timer limits', () => {
  const fork = (width: number) =>
    bpmn(
      `<bpmn:startEvent id="S"/><bpmn:parallelGateway id="G"/><bpmn:parallelGateway id="J"/><bpmn:endEvent id="E"/>` +
        `<bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="G"/><bpmn:sequenceFlow id="FJ" sourceRef="J" targetRef="E"/>` +
        Array.from(
          { length: width },
          (_, i) =>
            `<bpmn:userTask id="U${i}" aimsflow:candidateRoles="auditor"/><bpmn:sequenceFlow id="A${i}" sourceRef="G" targetRef="U${i}"/><bpmn:sequenceFlow id="B${i}" sourceRef="U${i}" targetRef="J"/>`,
        ).join(''),
    );
  const chain = (length: number) =>
    bpmn(
      `<bpmn:startEvent id="S"/>` +
        Array.from(
          { length },
          (_, i) => `<bpmn:intermediateThrowEvent id="T${i}"/><bpmn:sequenceFlow id="F${i}" sourceRef="${i ? `T${i - 1}` : 'S'}" targetRef="T${i}"/>`,
        ).join('') +
        `<bpmn:endEvent id="E"/><bpmn:sequenceFlow id="FE" sourceRef="T${length - 1}" targetRef="E"/>`,
    );
  const issues = async (xml: string) => validateDefinition(await parseProcess(xml));

  it('refuses a definition with too many elements or too wide a fork, naming the limit, before analysing it', async () => {
    const wide = await issues(fork(150));
    expect(wide).toEqual([{ elementId: 'G', message: expect.stringContaining('at most 100 are allowed (AIMSFLOW_BPMN_MAX_FORK_WIDTH)') }]);
    const started = performance.now();
    const long = await issues(chain(5000));
    expect(long).toEqual([{ elementId: 'test-process', message: expect.stringContaining('at most 1000 are allowed (AIMSFLOW_BPMN_MAX_ELEMENTS)') }]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses parallel forks nested deeper than the limit', async () => {
    configureEngineLimits({ maxNesting: 1 });
    try {
      const nested =
        bpmn(`<bpmn:startEvent id="S"/><bpmn:parallelGateway id="G1"/><bpmn:parallelGateway id="G2"/><bpmn:parallelGateway id="J2"/><bpmn:parallelGateway id="J1"/>
        <bpmn:userTask id="A" aimsflow:candidateRoles="auditor"/><bpmn:userTask id="B" aimsflow:candidateRoles="auditor"/><bpmn:userTask id="C" aimsflow:candidateRoles="auditor"/><bpmn:endEvent id="E"/>
        ${['S>G1', 'G1>G2', 'G2>A', 'G2>B', 'A>J2', 'B>J2', 'J2>J1', 'G1>C', 'C>J1', 'J1>E'].map((f, i) => `<bpmn:sequenceFlow id="F${i}" sourceRef="${f.split('>')[0]}" targetRef="${f.split('>')[1]}"/>`).join('')}`);
      expect(await issues(nested)).toEqual([{ elementId: 'G2', message: expect.stringContaining('nested 2 levels deep') }]);
    } finally {
      configureEngineLimits({});
    }
  });

  it('refuses cycles shorter than the minimum period, and skips a long past arithmetically', () => {
    expect(timerDefinitionProblem({ type: 'cycle', expression: 'R/PT1S' })).toMatch(/at most every 60 s/);
    expect(timerDefinitionProblem({ type: 'cycle', expression: 'R/PT0S' })).toMatch(/at most every 60 s/);
    expect(timerDefinitionProblem({ type: 'cycle', expression: 'R/P1M' })).toBeUndefined();
    expect(() => resolveTimer({ type: 'cycle', expression: '=period' }, { period: 'R/PT0.001S' }, new Date())).toThrow(/at most every 60 s/);
    const started = performance.now();
    const schedule = resolveTimer({ type: 'cycle', expression: 'R/1970-01-01T00:00:00Z/PT1M' }, {}, new Date('2026-06-01T12:00:30Z'));
    expect(performance.now() - started).toBeLessThan(100);
    expect(schedule).toEqual({ dueAt: '2026-06-01T12:01:00.000Z', period: 'PT1M' });
    expect(resolveTimer({ type: 'cycle', expression: 'R3/2026-01-01T00:00:00Z/PT1H' }, {}, new Date('2026-06-01T00:00:00Z'))).toEqual({
      dueAt: '2026-01-01T02:00:00.000Z',
      period: 'PT1H',
      remaining: 1,
    });
    expect(resolveTimer({ type: 'cycle', expression: 'R/2026-01-31T00:00:00Z/P1M' }, {}, new Date('2026-03-30T00:00:00Z'))).toEqual({
      dueAt: '2026-04-28T00:00:00.000Z',
      period: 'P1M',
    });
  });
});

describe('due times the service can store', () => {
  it('refuses durations and dates beyond the year 9999 instead of failing the database write', () => {
    expect(() => resolveTimer({ type: 'duration', expression: 'P1000000Y' }, {}, new Date())).toThrow(/beyond the year 9999/);
    expect(() => resolveTimer({ type: 'duration', expression: 'P8000Y' }, {}, new Date())).toThrow(/beyond the year 9999/);
    expect(resolveTimer({ type: 'duration', expression: 'P10Y' }, {}, new Date('2026-01-01T00:00:00Z'))).toEqual({ dueAt: '2036-01-01T00:00:00.000Z' });
  });
});
