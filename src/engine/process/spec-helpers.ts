/** Test support for the process engine specs (imported by *.spec.ts only). */
import { expect, jest } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompiledProcess, compileProcess } from './compile.js';
import { parseProcess } from './parse.js';
import { applyEvent, type EngineHooks, type InstanceEvent, type PersistedInstanceState, startInstance, type StepResult, type Wait } from './runner.js';
import { validateDefinition } from './validate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/bpmn');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A lifecycle definition from `processes/` (by key, without `.bpmn`). */
export function processFile(key: string): string {
  return readFileSync(join(ROOT, 'processes', `${key}.bpmn`), 'utf8');
}

/** Keys of the seeded rule sets (`rules/*.json`). */
export function ruleSetKeys(): string[] {
  return readdirSync(join(ROOT, 'rules'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length));
}

/** Parses, validates (failing loudly with the issues) and compiles. */
export async function deploy(xml: string, known: { handlers?: string[] } = {}): Promise<CompiledProcess> {
  const parsed = await parseProcess(xml);
  const issues = validateDefinition(parsed, { knownHandlers: new Set(known.handlers ?? ['notify']) });
  if (issues.length) throw new Error(`unexpected issues: ${JSON.stringify(issues, null, 2)}`);
  return compileProcess(parsed);
}

/** A BPMN document around the given process body (aimsflow namespace declared). */
export function bpmn(body: string, processAttrs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0"
  id="Defs" targetNamespace="https://aimsflow.dev/test">
  <bpmn:process id="test-process" isExecutable="true" ${processAttrs}>${body}</bpmn:process>
</bpmn:definitions>`;
}

export interface FakeHooks extends EngineHooks {
  clock: { now: Date };
  evaluateRuleSet: jest.Mock<EngineHooks['evaluateRuleSet']>;
  callHandler: jest.Mock<EngineHooks['callHandler']>;
}

/** Hooks with a movable clock and jest fakes for rules and handlers. */
export function fakeHooks(start = '2026-01-15T09:00:00.000Z'): FakeHooks {
  const clock = { now: new Date(start) };
  return {
    clock,
    now: () => new Date(clock.now.getTime()),
    evaluateRuleSet: jest.fn<EngineHooks['evaluateRuleSet']>(async () => ({ result: null })),
    callHandler: jest.fn<EngineHooks['callHandler']>(async () => undefined),
  };
}

/**
 * Drives one instance the way the app does: the state goes through JSON.stringify/parse between every
 * event, so every run test is also a persistence round-trip test.
 */
export class Driver {
  private constructor(
    readonly def: CompiledProcess,
    readonly hooks: FakeHooks,
    public last: StepResult,
  ) {}

  static async start(
    def: CompiledProcess,
    variables: Record<string, unknown> = {},
    hooks: FakeHooks = fakeHooks(),
    opts: { startEventId?: string; initiator?: string } = {},
  ): Promise<Driver> {
    return new Driver(def, hooks, roundTrip(await startInstance(def, variables, hooks, opts)));
  }

  async send(event: InstanceEvent): Promise<StepResult> {
    this.last = roundTrip(await applyEvent(this.def, this.last.state, event, this.hooks));
    return this.last;
  }

  get waits(): Wait[] {
    return this.last.waits;
  }

  /** The single open wait of an element (fails if there is not exactly one). */
  wait(elementId: string): Wait {
    const found = this.last.waits.filter((w) => w.elementId === elementId);
    if (found.length !== 1) throw new Error(`expected one wait for ${elementId}, found ${found.length}: ${JSON.stringify(this.last.waits)}`);
    return found[0];
  }

  complete(elementId: string, variables: Record<string, unknown> = {}, completedBy?: string): Promise<StepResult> {
    return this.send({ type: 'task.complete', waitKey: this.wait(elementId).key, variables, ...(completedBy ? { completedBy } : {}) });
  }

  fire(elementId: string): Promise<StepResult> {
    return this.send({ type: 'timer.fire', waitKey: this.wait(elementId).key });
  }
}

function roundTrip(result: StepResult): StepResult {
  const state = JSON.parse(JSON.stringify(result.state)) as PersistedInstanceState;
  expect(state).toEqual(result.state);
  return { ...result, state };
}

// BPMN snippets for process bodies written in specs (flow ids are unique within a test file).
let flowCount = 0;
export const flow = (from: string, to: string): string => `<bpmn:sequenceFlow id="F${++flowCount}_${from}_${to}" sourceRef="${from}" targetRef="${to}"/>`;
/** Sequence flows from each id to the next. */
export const chain = (...ids: string[]): string =>
  ids
    .slice(1)
    .map((id, i) => flow(ids[i], id))
    .join('');
export const user = (id: string): string => `<bpmn:userTask id="${id}" aimsflow:candidateRoles="reviewer"/>`;
export const service = (id: string, handler = 'notify'): string => `<bpmn:serviceTask id="${id}" aimsflow:handler="${handler}"/>`;
export const end = (id: string, definition = ''): string => `<bpmn:endEvent id="${id}">${definition}</bpmn:endEvent>`;
export const sub = (id: string, inner: string): string => `<bpmn:subProcess id="${id}">${inner}</bpmn:subProcess>`;
export const boundary = (id: string, host: string, definition: string, interrupting = true): string =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${host}"${interrupting ? '' : ' cancelActivity="false"'}>${definition}</bpmn:boundaryEvent>`;
export const timerOf = (kind: 'timeDuration' | 'timeCycle' | 'timeDate', value: string): string =>
  `<bpmn:timerEventDefinition><bpmn:${kind}>${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;
export const durationTimer = (duration: string): string => timerOf('timeDuration', duration);
export const message = (ref: string): string => `<bpmn:messageEventDefinition messageRef="${ref}"/>`;
export const error = (ref?: string): string => (ref ? `<bpmn:errorEventDefinition errorRef="${ref}"/>` : '<bpmn:errorEventDefinition/>');
