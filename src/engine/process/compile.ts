import { assign, setup } from 'xstate';
import { ProcessValidationError } from './errors.js';
import { feelIsTrue } from './feel.js';
import {
  activate,
  applyRuleResult,
  completeChild,
  completeItem,
  deactivate,
  type DefinitionIndex,
  fireBoundary,
  initialContext,
  type InstanceContext,
  type MachineEvent,
  mergeOutputs,
  mergeVariables,
  runScript,
  recordCompleter,
  type StartInput,
} from './instance.js';
import {
  type BoundaryElement,
  isBoundary,
  type ParsedElement,
  type ParsedProcess,
  type StartEventElement,
  type StartPolicy,
  type TimerDefinition,
  type WaitingActivity,
} from './model.js';
import { analyzeStructure, isParallelFork, isParallelJoin, type RegionScope, type Scope, type Structure, type SubScope } from './structure.js';
import { validateDefinition } from './validate.js';

export interface StartEventInfo {
  id: string;
  name?: string;
  kind: 'none' | 'timer' | 'message';
  messageName?: string;
  timer?: TimerDefinition;
}

export interface CompiledProcess {
  key: string;
  name?: string;
  documentation?: string;
  uniquePerSubject: boolean;
  /** Who may start an instance through the API (see ParsedProcess.startableBy). */
  startableBy?: StartPolicy;
  /** Element metadata by id: names, documentation, forms, roles, timers, ... (the parsed model). */
  elements: Record<string, ParsedElement>;
  /** How instances can be started: the app starts on a message by name, or schedules timer start events. */
  startEvents: StartEventInfo[];
  machine: ProcessMachine;
  /** @internal element lookups for the runner */
  index: DefinitionIndex;
  /** @internal element ids in document order */
  elementOrder: string[];
  /** @internal XState state id → element id */
  stateElements: Map<string, string>;
}

export type ProcessMachine = ReturnType<typeof createProcessMachine>;

// XState reads `.` in state ids as a path separator; U+2024 cannot occur in an XML id, so the mapping is reversible.
const stateId = (elementId: string): string => elementId.replace(/\./g, '\u2024');
const CANCELLED = '@cancelled';
const START = '@start';
/** Where the process ends when its last branches (of a fork without a join) have ended. */
const END = '@end';
/** Where a BPMN error no boundary event catches ends the instance. */
const ERRORED = '@errored';

interface Ref {
  type: string;
  params?: Record<string, unknown>;
}
interface TransitionConfig {
  target?: string;
  guard?: Ref;
  actions?: Ref[];
}
interface StateConfig {
  id: string;
  type?: 'parallel' | 'final';
  initial?: string;
  states?: Record<string, StateConfig>;
  entry?: Ref[];
  exit?: Ref[];
  on?: Record<string, TransitionConfig[]>;
  always?: TransitionConfig[];
  onDone?: TransitionConfig;
}

const ref = (type: string, id?: string): Ref => (id === undefined ? { type } : { type, params: { id } });
/** First action of every transition taken on an outside event: records the event's time for the entry actions that follow. */
const STAMP = ref('stamp');

export interface CompileOptions {
  /**
   * The app's built-in service task handlers. A job type (`zeebe:taskDefinition type`) naming one of them runs that
   * handler; any other becomes an external job for workers. Without it every job type is taken as a handler name.
   */
  knownHandlers?: ReadonlySet<string>;
}

/**
 * A job type is a built-in handler when the app has one of that name, otherwise the task is an external job. A task
 * already external (one with no implementation of its own, see unimplemented-tasks.ts) stays so.
 */
function resolveServiceTask(el: ParsedElement, opts: CompileOptions): ParsedElement {
  if (el.kind !== 'serviceTask' || el.handler || !el.jobType || el.external) return el;
  if (!opts.knownHandlers || opts.knownHandlers.has(el.jobType)) return { ...el, handler: el.jobType };
  return { ...el, external: true };
}

/** Compiles a definition to an XState machine. Throws ProcessValidationError if it is outside the supported subset. */
export function compileProcess(parsed: ParsedProcess, opts: CompileOptions = {}): CompiledProcess {
  const issues = validateDefinition(parsed);
  if (issues.length) throw new ProcessValidationError(issues);
  const p: ParsedProcess = { ...parsed, elements: parsed.elements.map((el) => resolveServiceTask(el, opts)) };
  const structure = analyzeStructure(p);
  const index: DefinitionIndex = { elements: new Map(p.elements.map((e) => [e.id, e])), boundaries: new Map(), eventGateways: new Map() };
  const flowTargets = new Map(p.flows.map((f) => [f.id, f.target]));
  for (const el of p.elements) {
    if (isBoundary(el)) index.boundaries.set(el.attachedTo, [...(index.boundaries.get(el.attachedTo) ?? []), el]);
    if (el.kind === 'eventBasedGateway')
      index.eventGateways.set(
        el.id,
        el.outgoing.map((f) => flowTargets.get(f) as string),
      );
  }
  const builder = new ConfigBuilder(p, structure, index);
  const starts = p.elements.filter((e): e is StartEventElement => e.kind === 'startEvent' && e.parent === undefined);
  return {
    key: p.key,
    name: p.name,
    documentation: p.documentation,
    uniquePerSubject: p.uniquePerSubject,
    ...(p.startableBy ? { startableBy: p.startableBy } : {}),
    elements: Object.fromEntries(p.elements.map((e) => [e.id, e])),
    startEvents: starts.map((s) => ({
      id: s.id,
      ...(s.name ? { name: s.name } : {}),
      kind: s.trigger.kind,
      ...(s.trigger.kind === 'message' ? { messageName: s.trigger.messageName } : {}),
      ...(s.trigger.kind === 'timer' ? { timer: s.trigger.timer } : {}),
    })),
    machine: createProcessMachine(index, builder.root()),
    index,
    elementOrder: p.elements.map((e) => e.id),
    stateElements: new Map(p.elements.map((e) => [stateId(e.id), e.id])),
  };
}

/** Builds the statechart: one state per flow node, parallel states for fork/join blocks and reminder paths. */
class ConfigBuilder {
  private readonly flows: Map<string, { target: string; condition?: string }>;

  constructor(
    private readonly p: ParsedProcess,
    private readonly structure: Structure,
    private readonly index: DefinitionIndex,
  ) {
    this.flows = new Map(p.flows.map((f) => [f.id, f]));
  }

  root(): StateConfig & { context: (args: { input: StartInput }) => InstanceContext } {
    const starts = this.p.elements.filter((e) => e.kind === 'startEvent' && e.parent === undefined);
    const states = { ...this.statesOf(this.structure.root), ...this.terminateStates(undefined) };
    states[END] = { id: END, type: 'final' };
    states[CANCELLED] = { id: CANCELLED, type: 'final' };
    states[ERRORED] = { id: ERRORED, type: 'final' };
    if (starts.length > 1) {
      states[START] = { id: START, always: starts.map((s) => ({ guard: { type: 'startedAt', params: { id: s.id } }, target: `#${stateId(s.id)}` })) };
    }
    return {
      id: '@process',
      context: ({ input }) => initialContext(input),
      initial: starts.length > 1 ? START : stateId(starts[0].id),
      on: {
        cancel: [{ target: `#${CANCELLED}`, actions: [STAMP] }],
        'bpmn.error': [{ guard: ref('uncaught'), target: `#${ERRORED}`, actions: [STAMP, ref('recordError')] }],
        'bpmn.incident': [{ actions: [STAMP, ref('markIncident')] }],
        'bpmn.retry': [{ actions: [STAMP, ref('markIncident')] }],
      },
      states,
    };
  }

  /** Terminate end events end their whole scope, so they live at the top of the process or sub-process wherever they are drawn. */
  private terminateStates(container: string | undefined): Record<string, StateConfig> {
    const states: Record<string, StateConfig> = {};
    for (const el of this.p.elements) {
      if (el.kind === 'endEvent' && el.terminate && el.parent === container && this.structure.scopeOf.has(el.id)) states[stateId(el.id)] = this.finalState(el);
    }
    return states;
  }

  private el(id: string): ParsedElement {
    return this.index.elements.get(id) as ParsedElement;
  }

  private statesOf(scope: Scope): Record<string, StateConfig> {
    const states: Record<string, StateConfig> = {};
    for (const el of this.p.elements) {
      if (this.structure.scopeOf.get(el.id) !== scope || (el.kind === 'endEvent' && el.terminate)) continue;
      states[stateId(el.id)] = this.elementState(el, scope);
      // A fork's block sits beside it in the same scope; its join (also in this scope) is entered when the block is done.
      const block = this.structure.blocks.get(el.id);
      if (block) {
        const blockId = `${stateId(el.id)}/block`;
        states[blockId] = {
          id: blockId,
          type: 'parallel',
          states: Object.fromEntries(block.regions.map((r) => [this.regionId(r), this.region(r)])),
          onDone: { target: block.joinId ? `#${stateId(block.joinId)}` : this.endOf(scope) },
        };
      }
    }
    return states;
  }

  /** Where a token that has nothing left to do in this scope goes: the end of the process, sub-process or branch. */
  private endOf(scope: Scope): string {
    switch (scope.kind) {
      case 'root':
        return `#${END}`;
      case 'sub':
        return `#${stateId(scope.subProcessId)}/end`;
      case 'region':
        return `#${this.regionId(scope)}/done`;
      case 'path':
        return `#${stateId(scope.boundaryId)}/armed`;
    }
  }

  private regionId(region: RegionScope): string {
    return `${stateId(region.forkId)}/${stateId(region.flowId)}`;
  }

  private region(region: RegionScope): StateConfig {
    const id = this.regionId(region);
    const first = this.el(this.flows.get(region.flowId)?.target ?? '');
    const firstState = isParallelJoin(first) ? `${id}/done` : stateId(first.id);
    const states: Record<string, StateConfig> = { ...this.statesOf(region), [`${id}/done`]: { id: `${id}/done`, type: 'final' } };
    const fork = this.el(region.forkId);
    if (fork.kind !== 'inclusiveGateway') return { id, initial: firstState, states };
    // An inclusive branch not taken is done at once, so the join waits only for the branches taken.
    const taken = this.inclusiveGuard(fork, region.flowId);
    states[`${id}/choice`] = { id: `${id}/choice`, always: [{ ...(taken ? { guard: taken } : {}), target: `#${firstState}` }, { target: `#${id}/done` }] };
    return { id, initial: `${id}/choice`, states };
  }

  /** When a flow out of an inclusive fork is taken: its condition; the default flow when no other is; undefined: always. */
  private inclusiveGuard(fork: ParsedElement & { defaultFlow?: string }, flowId: string): Ref | undefined {
    const conditionOf = (f: string): string => this.flows.get(f)?.condition ?? 'true';
    if (flowId === fork.defaultFlow) {
      const expressions = fork.outgoing.filter((f) => f !== fork.defaultFlow).map(conditionOf);
      return { type: 'noneTrue', params: { expressions, elementId: fork.id } };
    }
    const condition = this.flows.get(flowId)?.condition;
    return condition ? { type: 'condition', params: { expression: condition, flowId } } : undefined;
  }

  /** Where a sequence flow leads: into a join it means "this branch is done". */
  private target(flowId: string, scope: Scope): string {
    const target = this.el(this.flows.get(flowId)?.target ?? '');
    if (isParallelJoin(target)) return `#${this.regionId(scope as RegionScope)}/done`;
    return `#${stateId(target.id)}`;
  }

  private next(el: ParsedElement, scope: Scope): string {
    return this.target(el.outgoing[0], scope);
  }

  private finalState(el: ParsedElement): StateConfig {
    return { id: stateId(el.id), type: 'final', entry: [ref('entered', el.id)] };
  }

  private elementState(el: ParsedElement, scope: Scope): StateConfig {
    const id = stateId(el.id);
    const entry = [ref('entered', el.id)];
    const exit = [ref('left', el.id)];
    const transient = (always: TransitionConfig[]): StateConfig => ({ id, entry, exit, always });
    const waiting = (event: string, actions: Ref[]): StateConfig => ({
      id,
      entry: [...entry, ref('activate', el.id)],
      exit: [ref('deactivate', el.id), ...exit],
      on: { [event]: [{ guard: ref('isWait', el.id), target: this.next(el, scope), actions: [STAMP, ...actions] }] },
    });
    switch (el.kind) {
      case 'startEvent':
      case 'boundaryTimer':
      case 'boundaryMessage':
      case 'boundaryError':
      case 'boundaryEscalation':
        return transient([{ target: this.next(el, scope) }]);
      case 'passThrough':
        return this.withBoundaries(el, transient([{ target: this.next(el, scope) }]));
      case 'scriptTask':
        // Its expression runs on entry (under the step's FEEL budget); the token passes straight on.
        return this.withBoundaries(el, { id, entry: [...entry, ref('runScript', el.id)], exit, always: [{ target: this.next(el, scope) }] });
      case 'escalationThrow':
        return this.escalationState(el, this.next(el, scope));
      case 'endEvent':
        // An escalation end event waits for the runner to throw its escalation, then ends like a none end event (unless caught interrupting).
        if (el.escalationCode !== undefined) return this.escalationState(el, this.endOf(scope));
        // An error end event stays active until the runner has thrown its error to the boundary event that catches it.
        if (el.errorCode !== undefined) return { id, entry, exit };
        // On a reminder path the end event consumes only that path's token; on a branch of a fork without a join, only the branch's.
        if (scope.kind === 'path' || scope.kind === 'region') return transient([{ target: this.endOf(scope) }]);
        return this.finalState(el);
      case 'parallelGateway':
        return transient([{ target: isParallelFork(el) ? `#${id}/block` : this.next(el, scope) }]);
      case 'inclusiveGateway': {
        if (!isParallelFork(el)) return transient([{ target: this.next(el, scope) }]);
        // With neither a default flow nor an unconditional one, no flow may be taken: the fork then stays active and the runner fails the step.
        const expressions = el.outgoing.map((f) => this.flows.get(f)?.condition);
        const always = el.defaultFlow !== undefined || expressions.some((e) => e === undefined);
        return transient([{ ...(always ? {} : { guard: { type: 'anyTrue', params: { expressions, elementId: el.id } } }), target: `#${id}/block` }]);
      }
      case 'exclusiveGateway':
        return transient(
          el.outgoing
            .filter((f) => f !== el.defaultFlow)
            .map((f): TransitionConfig => {
              const condition = this.flows.get(f)?.condition;
              return { ...(condition ? { guard: { type: 'condition', params: { expression: condition, flowId: f } } } : {}), target: this.target(f, scope) };
            })
            .concat(el.defaultFlow ? [{ target: this.target(el.defaultFlow, scope) }] : []),
        );
      case 'eventBasedGateway':
        return this.eventGatewayState(el);
      case 'timerCatch':
        // After an event-based gateway the wait belongs to the gateway: the event is only passed through once it occurred.
        if (this.ownedByEventGateway(el)) return transient([{ target: this.next(el, scope) }]);
        return waiting('timer.fire', []);
      case 'messageCatch':
        if (this.ownedByEventGateway(el)) return transient([{ target: this.next(el, scope) }]);
        return waiting('message', [ref('mergeOutputs', el.id)]);
      case 'serviceTask':
        return this.withBoundaries(el, waiting('service.result', [ref('mergeVariables')]));
      case 'businessRuleTask':
        return this.withBoundaries(el, waiting('rule.result', [ref('applyRuleResult', el.id)]));
      case 'userTask':
      case 'callActivity':
        return this.activityState(el, scope);
      case 'subProcess':
        return this.subProcessState(el, scope);
      case 'unsupported':
        throw new Error(`unsupported element ${el.id} passed validation`);
    }
  }

  /** An escalation throw or end event: waits for the runner to throw its escalation, then goes on to `next` (unless caught interrupting). */
  private escalationState(el: ParsedElement, next: string): StateConfig {
    return {
      id: stateId(el.id),
      entry: [ref('entered', el.id), ref('activate', el.id)],
      exit: [ref('deactivate', el.id), ref('left', el.id)],
      on: { 'bpmn.escalation': [{ guard: ref('goesOn', el.id), target: next, actions: [STAMP] }] },
    };
  }

  private ownedByEventGateway(el: ParsedElement): boolean {
    return [...this.index.eventGateways.values()].some((events) => events.includes(el.id));
  }

  /**
   * An event-based gateway: one waiting state with a guarded transition per event it leads to (timer.fire for timers,
   * message for messages). Its entry arms every event's wait; the first event to occur leaves it, and its exit drops
   * the other waits. See docs/adr/0002-event-based-gateway.md.
   */
  private eventGatewayState(el: ParsedElement): StateConfig {
    const id = stateId(el.id);
    const on: Record<string, TransitionConfig[]> = {};
    for (const eventId of this.index.eventGateways.get(el.id) ?? []) {
      const event = this.el(eventId);
      const type = event.kind === 'timerCatch' ? 'timer.fire' : 'message';
      const actions = event.kind === 'messageCatch' ? [STAMP, ref('mergeOutputs', eventId)] : [STAMP];
      on[type] = [...(on[type] ?? []), { guard: ref('isWait', eventId), target: `#${stateId(eventId)}`, actions }];
    }
    return {
      id,
      entry: [ref('entered', el.id), ref('activate', el.id)],
      exit: [ref('deactivate', el.id), ref('left', el.id)],
      on,
    };
  }

  /** A user task or call activity: completion (per item for multi-instance), then its boundary events. */
  private activityState(el: WaitingActivity, scope: Scope): StateConfig {
    const id = stateId(el.id);
    const completion = el.kind === 'userTask' ? 'task.complete' : 'child.complete';
    const next = this.next(el, scope);
    const on: Record<string, TransitionConfig[]> = {
      [completion]: el.multiInstance
        ? [{ guard: ref('isOpenItem', el.id), actions: [STAMP, ref('completeItem', el.id)] }]
        : [
            {
              guard: ref('isWait', el.id),
              target: next,
              actions: [STAMP, ...(el.kind === 'userTask' ? [ref('recordCompleter', el.id), ref('mergeOutputs', el.id)] : [ref('completeChild', el.id)])],
            },
          ],
    };
    return this.withBoundaries(el, {
      id,
      entry: [ref('entered', el.id), ref('activate', el.id)],
      exit: [ref('deactivate', el.id), ref('left', el.id)],
      on,
      ...(el.multiInstance ? { always: [{ guard: ref('itemsDone', el.id), target: next }] } : {}),
    });
  }

  /**
   * An embedded sub-process: a compound state holding its inner flow, left for the next element when the inner
   * flow reaches an end event (its top-level final states). Its exit runs every inner exit action, so an
   * interrupting boundary event closes the inner tasks and timers with it.
   */
  private subProcessState(el: ParsedElement, scope: Scope): StateConfig {
    const id = stateId(el.id);
    const sub = this.structure.subs.get(el.id) as SubScope;
    const start = this.p.elements.find((e) => e.parent === el.id && e.type === 'bpmn:StartEvent') as ParsedElement;
    const content: StateConfig = {
      id: `${id}/work`,
      initial: stateId(start.id),
      states: { ...this.statesOf(sub), ...this.terminateStates(el.id), [`${id}/end`]: { id: `${id}/end`, type: 'final' } },
      onDone: { target: this.next(el, scope) },
    };
    return this.withBoundaries(
      el,
      { id, entry: [ref('entered', el.id), ref('activate', el.id)], exit: [ref('deactivate', el.id), ref('left', el.id)] },
      content,
    );
  }

  /**
   * Boundary events of an activity. Interrupting ones (timer, message, error) are transitions out of it;
   * non-interrupting ones make it a parallel state whose extra regions run their paths while the work region
   * (the activity's wait, or a sub-process's inner flow) goes on.
   */
  private withBoundaries(el: ParsedElement, state: StateConfig, content?: StateConfig): StateConfig {
    const id = state.id;
    const boundaries = this.index.boundaries.get(el.id) ?? [];
    const on: Record<string, TransitionConfig[]> = { ...(state.on ?? {}) };
    const add = (type: string, transition: TransitionConfig): void => {
      on[type] = [...(on[type] ?? []), transition];
    };
    for (const b of boundaries.filter((x) => x.interrupting)) {
      const target = `#${stateId(b.id)}`;
      if (b.kind === 'boundaryTimer') add('timer.fire', { guard: ref('isWait', b.id), target, actions: [STAMP] });
      else if (b.kind === 'boundaryMessage') add('message', { guard: ref('isWait', b.id), target, actions: [STAMP, ref('mergeVariables')] });
      else if (b.kind === 'boundaryEscalation') add('bpmn.escalation', { guard: ref('catches', b.id), target, actions: [STAMP] });
      else add('bpmn.error', { guard: ref('catches', b.id), target, actions: [STAMP, ref('mergeVariables')] });
    }
    const withOn = Object.keys(on).length ? { ...state, on } : state;
    const reminders = boundaries.filter((b) => !b.interrupting);
    if (!reminders.length) {
      if (!content) return withOn;
      const { id: _work, ...inner } = content;
      return { ...withOn, ...inner };
    }
    return {
      ...withOn,
      type: 'parallel',
      states: {
        [`${id}/work`]: content ?? { id: `${id}/work` },
        ...Object.fromEntries(reminders.map((b) => [`${stateId(b.id)}/path`, this.reminderPath(b)])),
      },
    };
  }

  private reminderPath(boundary: BoundaryElement): StateConfig {
    const id = stateId(boundary.id);
    const path = this.structure.paths.get(boundary.id) as Scope;
    if (boundary.kind === 'boundaryEscalation') {
      return {
        id: `${id}/path`,
        initial: `${id}/armed`,
        states: {
          [`${id}/armed`]: {
            id: `${id}/armed`,
            on: { 'bpmn.escalation': [{ guard: ref('catches', boundary.id), target: `#${id}`, actions: [STAMP, ref('markThrown')] }] },
          },
          ...this.statesOf(path),
        },
      };
    }
    const event = boundary.kind === 'boundaryTimer' ? 'timer.fire' : 'message';
    const actions =
      boundary.kind === 'boundaryMessage' ? [STAMP, ref('fireBoundary', boundary.id), ref('mergeVariables')] : [STAMP, ref('fireBoundary', boundary.id)];
    return {
      id: `${id}/path`,
      initial: `${id}/armed`,
      states: {
        [`${id}/armed`]: { id: `${id}/armed`, on: { [event]: [{ guard: ref('isWait', boundary.id), target: `#${id}`, actions }] } },
        ...this.statesOf(path),
      },
    };
  }
}

/** Context updates work on a copy: snapshots handed out earlier stay untouched. */
function produce(context: InstanceContext, change: (draft: InstanceContext) => void): InstanceContext {
  const draft = structuredClone(context);
  change(draft);
  return draft;
}

type Params = { id: string };

function createProcessMachine(index: DefinitionIndex, root: ReturnType<ConfigBuilder['root']>) {
  const machineSetup = setup({
    types: { context: {} as InstanceContext, events: {} as MachineEvent, input: {} as StartInput },
    actions: {
      // Markers only: the runner reads them from transition()'s action list to record what was entered and left.
      entered: (_, _params: Params) => undefined,
      left: (_, _params: Params) => undefined,
      stamp: assign(({ event }) => ('at' in event ? { now: event.at } : {})),
      activate: assign(({ context }, { id }: Params) => produce(context, (ctx) => activate(ctx, index, id))),
      deactivate: assign(({ context }, { id }: Params) => produce(context, (ctx) => deactivate(ctx, index, id))),
      mergeVariables: assign(({ context, event }) => produce(context, (ctx) => mergeVariables(ctx, 'variables' in event ? (event.variables ?? {}) : {}))),
      runScript: assign(({ context }, { id }: Params) => produce(context, (ctx) => runScript(ctx, index, id))),
      mergeOutputs: assign(({ context, event }, { id }: Params) =>
        produce(context, (ctx) => mergeOutputs(ctx, index, id, 'variables' in event ? (event.variables ?? {}) : {})),
      ),
      recordCompleter: assign(({ context, event }, { id }: Params) =>
        produce(context, (ctx) => recordCompleter(ctx, id, event.type === 'task.complete' ? event.completedBy : undefined)),
      ),
      completeChild: assign(({ context, event }, { id }: Params) =>
        produce(context, (ctx) => completeChild(ctx, index, id, 'variables' in event ? (event.variables ?? {}) : {})),
      ),
      applyRuleResult: assign(({ context, event }, { id }: Params) =>
        produce(context, (ctx) =>
          event.type === 'rule.result' ? applyRuleResult(ctx, index, id, event.result, event.variables) : applyRuleResult(ctx, index, id, null),
        ),
      ),
      completeItem: assign(({ context, event }, { id }: Params) =>
        produce(context, (ctx) => {
          if (event.type === 'task.complete' || event.type === 'child.complete') completeItem(ctx, index, id, event);
        }),
      ),
      fireBoundary: assign(({ context }, { id }: Params) => produce(context, (ctx) => fireBoundary(ctx, index, id))),
      markThrown: assign(({ context, event }) =>
        produce(context, (ctx) => {
          const token = event.type === 'bpmn.escalation' ? ctx.tokens[event.elementId] : undefined;
          if (token) token.thrown = true;
        }),
      ),
      // Sets (bpmn.incident) or clears (bpmn.retry) the incident that holds a service task's token.
      markIncident: assign(({ context, event }) =>
        produce(context, (ctx) => {
          const token = event.type === 'bpmn.incident' || event.type === 'bpmn.retry' ? ctx.tokens[event.elementId] : undefined;
          if (!token) return;
          if (event.type === 'bpmn.incident') token.incident = { errorCode: event.errorCode, message: event.message };
          else delete token.incident;
        }),
      ),
      recordError: assign(({ context, event }) =>
        produce(context, (ctx) => {
          if (event.type === 'bpmn.error') ctx.error = { code: event.errorCode, elementId: event.elementId };
        }),
      ),
    },
    guards: {
      isWait: ({ context, event }, { id }: Params) => 'waitKey' in event && context.tokens[id]?.key === event.waitKey,
      isOpenItem: ({ context, event }, { id }: Params) =>
        'waitKey' in event && (context.tokens[id]?.items ?? []).some((i) => i.key === event.waitKey && !i.done),
      itemsDone: ({ context }, { id }: Params) => (context.tokens[id]?.items ?? []).every((i) => i.done),
      condition: ({ context }, { expression, flowId }: { expression: string; flowId: string }) => feelIsTrue(expression, context.variables, flowId),
      anyTrue: ({ context }, { expressions, elementId }: { expressions: string[]; elementId: string }) =>
        expressions.some((e) => feelIsTrue(e, context.variables, elementId)),
      noneTrue: ({ context }, { expressions, elementId }: { expressions: string[]; elementId: string }) =>
        !expressions.some((e) => feelIsTrue(e, context.variables, elementId)),
      startedAt: ({ context }, { id }: Params) => context.startEventId === id,
      // The runner resolves which error boundary event catches a BPMN error (innermost scope first) and names it in the event.
      catches: ({ event }, { id }: Params) => (event.type === 'bpmn.error' || event.type === 'bpmn.escalation') && event.boundaryId === id,
      // The thrower of an escalation goes on unless the boundary event that caught it interrupts its sub-process.
      goesOn: ({ event }, { id }: Params) => event.type === 'bpmn.escalation' && event.elementId === id && !event.interrupting && !event.boundaryId,
      uncaught: ({ event }) => event.type === 'bpmn.error' && event.boundaryId === undefined,
    },
  });
  // The chart is generated from the BPMN graph, so its shape is only known at run time; XState checks it when building the machine.
  return machineSetup.createMachine({ ...(root as unknown as Parameters<typeof machineSetup.createMachine>[0]), options: { maxIterations: 10_000 } });
}
