import { and, assign, not, or, setup, stateIn } from 'xstate';
import { EngineError, EngineErrorCode, ProcessValidationError } from './errors.js';
import {
  armEventSub,
  copySuffix,
  disarmEventSub,
  EVENT_SUB_INSTANCES,
  eventSubStartsOf,
  fireEventSub,
  indexCopyDepths,
  indexEventSubStarts,
  isInterrupting,
} from './event-subprocesses.js';
import { feelIsTrue } from './feel.js';
import {
  activate,
  applyRuleResult,
  completeChild,
  completeItem,
  itemResult,
  deactivate,
  type DefinitionIndex,
  fireBoundary,
  initialContext,
  type InstanceContext,
  itemsFinished,
  type MachineEvent,
  mergeOutputs,
  mergeVariables,
  openItems,
  runScript,
  recordCompleter,
  scopeOutputs,
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
  type MultiInstanceActivity,
} from './model.js';
import {
  analyzeStructure,
  type Block,
  type CountedJoin,
  isParallelFork,
  isParallelJoin,
  type RegionScope,
  type Scope,
  type Structure,
  type SubScope,
} from './structure.js';
import { validateDefinition } from './validate.js';

export interface StartEventInfo {
  id: string;
  name?: string;
  kind: 'none' | 'timer' | 'message' | 'signal';
  messageName?: string;
  signalName?: string;
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
/** Guards built from XState's combinators (whether other regions of the chart are done). */
type InlineGuard = ReturnType<typeof stateIn>;
interface TransitionConfig {
  target?: string;
  guard?: Ref | InlineGuard;
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
  onDone?: TransitionConfig | TransitionConfig[];
}

const ref = (type: string, id?: string): Ref => (id === undefined ? { type } : { type, params: { id } });
/** First action of every transition taken on an outside event: records the event's time for the entry actions that follow. */
const STAMP = ref('stamp');
/** The event that completes an activity (one of its items, for multi-instance); a multi-instance script completes its items on entry. */
const COMPLETION = { userTask: 'task.complete', callActivity: 'child.complete', serviceTask: 'service.result', businessRuleTask: 'rule.result' } as const;

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
  const index: DefinitionIndex = {
    elements: new Map(p.elements.map((e) => [e.id, e])),
    boundaries: new Map(),
    eventGateways: new Map(),
    eventSubStarts: indexEventSubStarts(p.elements),
    copyDepths: indexCopyDepths(p.elements, (boundaryId) => waitingPath(p, structure, boundaryId), structure.scopeOf),
  };
  const flowTargets = new Map(p.flows.map((f) => [f.id, f.target]));
  for (const el of p.elements) {
    if (isBoundary(el)) index.boundaries.set(el.attachedTo, [...(index.boundaries.get(el.attachedTo) ?? []), el]);
    // Several flows may lead to the same event: it is one alternative, with one wait.
    if (el.kind === 'eventBasedGateway') index.eventGateways.set(el.id, [...new Set(el.outgoing.map((f) => flowTargets.get(f) as string))]);
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
      // Validation leaves only none, timer and message start events at the process level.
      kind: s.trigger.kind as StartEventInfo['kind'],
      ...(s.trigger.kind === 'message' ? { messageName: s.trigger.messageName } : {}),
      ...(s.trigger.kind === 'signal' ? { signalName: s.trigger.signalName } : {}),
      ...(s.trigger.kind === 'timer' ? { timer: s.trigger.timer } : {}),
    })),
    machine: createProcessMachine(index, builder.root()),
    index,
    elementOrder: p.elements.map((e) => e.id),
    stateElements: builder.stateElements,
  };
}

/** Builds the statechart: one state per flow node, parallel states for fork/join blocks and reminder paths. */
class ConfigBuilder {
  private readonly flows: Map<string, { target: string; condition?: string }>;
  /** XState state id → element id, copies included. */
  readonly stateElements = new Map<string, string>();
  /** The copy being built (`''` outside copies of non-interrupting event sub-processes and waiting paths): appended to every state and token id. */
  private copy = '';
  /** While a reminder path is built: the copy of the scope its activity runs in (its counted joins belong to that scope). */
  private ownerCopy: string | undefined;

  constructor(
    private readonly p: ParsedProcess,
    private readonly structure: Structure,
    private readonly index: DefinitionIndex,
  ) {
    this.flows = new Map(p.flows.map((f) => [f.id, f]));
  }

  root(): StateConfig & { context: (args: { input: StartInput }) => InstanceContext } {
    const starts = this.p.elements.filter((e) => e.kind === 'startEvent' && e.parent === undefined);
    const main = this.statesOf(this.structure.root);
    if (starts.length > 1) {
      main[START] = { id: START, always: starts.map((s) => ({ guard: { type: 'startedAt', params: { id: s.id } }, target: `#${this.sid(s.id)}` })) };
    }
    const flow = this.withEventSubs(undefined, '@process', main, starts.length > 1 ? START : this.sid(starts[0].id), `#${END}`);
    const states = { ...flow.states, ...this.terminateStates(undefined) };
    states[END] = { id: END, type: 'final' };
    states[CANCELLED] = { id: CANCELLED, type: 'final' };
    states[ERRORED] = { id: ERRORED, type: 'final' };
    return {
      id: '@process',
      context: ({ input }) => initialContext(input),
      initial: flow.initial,
      on: {
        cancel: [{ target: `#${CANCELLED}`, actions: [STAMP] }],
        'bpmn.error': [{ guard: this.ref('uncaught'), target: `#${ERRORED}`, actions: [STAMP, this.ref('recordError')] }],
        'bpmn.incident': [{ actions: [STAMP, this.ref('markIncident')] }],
        'bpmn.retry': [{ actions: [STAMP, this.ref('markIncident')] }],
      },
      states,
    };
  }

  /** Terminate end events end their whole scope, so they live at the top of the process or sub-process wherever they are drawn. */
  private terminateStates(container: string | undefined): Record<string, StateConfig> {
    const states: Record<string, StateConfig> = {};
    for (const el of this.p.elements) {
      if (el.kind === 'endEvent' && el.terminate && el.parent === container && this.structure.scopeOf.has(el.id)) states[this.sid(el.id)] = this.finalState(el);
    }
    return states;
  }

  /** The state id of an element (in the copy being built). */
  private sid(elementId: string): string {
    const id = stateId(elementId) + this.copy;
    if (this.index.elements.has(elementId)) this.stateElements.set(id, elementId);
    return id;
  }

  /** An action or guard on the token of an element in the copy being built; the entered/left markers name the element itself. */
  private ref(type: string, elementId?: string): Ref {
    return ref(type, elementId === undefined || type === 'entered' || type === 'left' ? elementId : elementId + this.copy);
  }

  /** Builds `build` inside copy `n` of a non-interrupting event sub-process or waiting path (nested in the copy being built). */
  private inCopy<T>(n: number, build: () => T): T {
    const outer = this.copy;
    this.copy = copySuffix(outer, n);
    try {
      return build();
    } finally {
      this.copy = outer;
    }
  }

  private el(id: string): ParsedElement {
    return this.index.elements.get(id) as ParsedElement;
  }

  private statesOf(scope: Scope): Record<string, StateConfig> {
    const states: Record<string, StateConfig> = {};
    for (const el of this.p.elements) {
      if (this.structure.scopeOf.get(el.id) !== scope || (el.kind === 'endEvent' && el.terminate) || el.kind === 'eventSubProcess') continue;
      states[this.sid(el.id)] = this.elementState(el, scope);
      // A fork's block sits beside it in the same scope; its join (also in this scope) is entered when the block is done.
      const block = this.structure.blocks.get(el.id);
      if (block) {
        const blockId = `${this.sid(el.id)}/block`;
        states[blockId] = {
          id: blockId,
          type: 'parallel',
          states: Object.fromEntries(block.regions.map((r) => [this.regionId(r), this.region(r)])),
          onDone: this.blockDone(block, scope),
        };
        if (block.joinId && endsBeforeJoin(block) && el.kind === 'parallelGateway') states[this.stuckId(block.joinId)] = this.stuckState(block.joinId);
      }
    }
    for (const join of this.structure.countedJoins.values()) {
      for (const arrival of join.arrivals.filter((a) => a.scope === scope))
        states[this.arrivalId(join, arrival.flowId)] = this.arrivalState(join, arrival.flowId, scope);
    }
    return states;
  }

  /**
   * Where a block goes when all its branches are done. Only branches that can end before the join need guards: a parallel
   * join goes on when every branch reached it, the scope goes on when none did (no token waits), and otherwise the join waits
   * forever (stuckState); an inclusive join goes on when any branch reached it (it waits only for tokens that can still arrive).
   */
  private blockDone(block: Block, scope: Scope): TransitionConfig | TransitionConfig[] {
    if (!block.joinId) return { target: this.endOf(scope) };
    const join = `#${this.sid(block.joinId)}`;
    if (!endsBeforeJoin(block)) return { target: join };
    const reached = block.regions.map((r) => stateIn(`#${this.regionId(r)}/done`));
    if (this.el(block.forkId).kind === 'inclusiveGateway') return [{ guard: or(reached), target: join }, { target: this.endOf(scope) }];
    const ended = block.regions.map((r) => stateIn(`#${this.regionId(r)}/ended`));
    return [{ guard: and(reached), target: join }, { guard: and(ended), target: this.endOf(scope) }, { target: `#${this.stuckId(block.joinId)}` }];
  }

  private stuckId(joinId: string): string {
    const id = `${this.sid(joinId)}/stuck`;
    this.stateElements.set(id, joinId);
    return id;
  }

  /** A parallel join some branches reached while others ended: it waits for them forever, as in any BPMN engine (until cancelled). */
  private stuckState(joinId: string): StateConfig {
    return { id: this.stuckId(joinId), entry: [this.ref('entered', joinId)], exit: [this.ref('left', joinId)] };
  }

  /** Entering a sub-process starts its counted joins afresh: tokens of an earlier, interrupted run died with it. */
  private resetJoins(subProcessId: string): Ref[] {
    const sub = this.structure.subs.get(subProcessId);
    const ids = [...this.structure.countedJoins.values()].filter((j) => j.owner === sub).map((j) => this.joinKey(j));
    return ids.length ? [{ type: 'resetJoins', params: { ids } }] : [];
  }

  /** The counter of a counted join: per copy of its owner's scope, which a reminder path's copies share. */
  private joinKey(join: CountedJoin): string {
    return join.joinId + (this.ownerCopy ?? this.copy);
  }

  private arrivalId(join: CountedJoin, flowId: string): string {
    return `${this.sid(join.joinId)}/from/${stateId(flowId)}`;
  }

  /** A token arriving at a counted join: counted on its flow; the owner's token then waits at the join, a reminder path's ends. */
  private arrivalState(join: CountedJoin, flowId: string, scope: Scope): StateConfig {
    return {
      id: this.arrivalId(join, flowId),
      entry: [{ type: 'arriveAtJoin', params: { id: this.joinKey(join), flowId } }],
      always: [{ target: scope.kind === 'path' ? this.endOf(scope) : `#${this.sid(join.joinId)}` }],
    };
  }

  /** The owner's token at a counted join: goes on, taking one token from each incoming flow, once every flow has brought one. */
  private countedJoinState(el: ParsedElement, join: CountedJoin): StateConfig {
    const params = { id: this.joinKey(join), flows: el.incoming };
    return {
      id: this.sid(el.id),
      entry: [this.ref('entered', el.id)],
      exit: [this.ref('left', el.id)],
      always: [{ guard: { type: 'joinReady', params }, target: this.next(el, join.owner), actions: [{ type: 'consumeJoin', params }] }],
    };
  }

  /** Where a token that has nothing left to do in this scope goes: the end of the process, sub-process or branch. */
  private endOf(scope: Scope): string {
    switch (scope.kind) {
      case 'root':
        return this.hasEventSubs(undefined) ? `#${mainDone('@process')}` : `#${END}`;
      case 'sub':
        return this.hasEventSubs(scope.subProcessId) ? `#${mainDone(this.sid(scope.subProcessId))}` : `#${this.sid(scope.subProcessId)}/end`;
      case 'region':
        // A branch that ends before its join: the join does not get its token (see blockDone).
        return `#${this.regionId(scope)}/${endsBeforeJoin(this.structure.blocks.get(scope.forkId) as Block) ? 'ended' : 'done'}`;
      case 'path':
        return `#${this.sid(scope.boundaryId)}/${this.pathWaits(scope.boundaryId) ? 'free' : 'armed'}`;
    }
  }

  private regionId(region: RegionScope): string {
    return `${this.sid(region.forkId)}/${this.sid(region.flowId)}`;
  }

  private region(region: RegionScope): StateConfig {
    const id = this.regionId(region);
    const first = this.el(this.flows.get(region.flowId)?.target ?? '');
    const firstState = isParallelJoin(first) ? `${id}/done` : this.sid(first.id);
    const block = this.structure.blocks.get(region.forkId) as Block;
    const ends = endsBeforeJoin(block);
    const states: Record<string, StateConfig> = {
      ...this.statesOf(region),
      [`${id}/done`]: { id: `${id}/done`, type: 'final' },
      ...(ends ? { [`${id}/ended`]: { id: `${id}/ended`, type: 'final' as const } } : {}),
    };
    const fork = this.el(region.forkId);
    if (fork.kind !== 'inclusiveGateway') return { id, initial: firstState, states };
    // An inclusive branch not taken is done at once, so the join waits only for the branches taken (and, when a branch
    // can end before the join, it counts as one that brings no token).
    const taken = this.inclusiveGuard(fork, region.flowId);
    states[`${id}/choice`] = {
      id: `${id}/choice`,
      always: [{ ...(taken ? { guard: taken } : {}), target: `#${firstState}` }, { target: `#${id}/${ends ? 'ended' : 'done'}` }],
    };
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
    const counted = this.structure.countedJoins.get(target.id);
    if (counted) return `#${this.arrivalId(counted, flowId)}`;
    if (isParallelJoin(target)) return `#${this.regionId(scope as RegionScope)}/done`;
    return `#${this.sid(target.id)}`;
  }

  private next(el: ParsedElement, scope: Scope): string {
    return this.target(el.outgoing[0], scope);
  }

  /** An end event that ends its scope; one that ends a sub-process with outputs evaluates them first (over its local variables). */
  private finalState(el: ParsedElement): StateConfig {
    const ends = el.parent !== undefined && hasOutputs(this.el(el.parent)) ? [this.ref('scopeOutputs', el.parent)] : [];
    return { id: this.sid(el.id), type: 'final', entry: [this.ref('entered', el.id), ...this.mapOutputs(el), ...ends] };
  }

  private elementState(el: ParsedElement, scope: Scope): StateConfig {
    const id = this.sid(el.id);
    const entry = [this.ref('entered', el.id)];
    const exit = [this.ref('left', el.id)];
    const transient = (always: TransitionConfig[]): StateConfig => ({ id, entry, exit, always });
    const waiting = (event: string, actions: Ref[]): StateConfig => ({
      id,
      entry: [...entry, this.ref('activate', el.id)],
      exit: [this.ref('deactivate', el.id), ...exit],
      on: { [event]: [{ guard: this.ref('isWait', el.id), target: this.next(el, scope), actions: [STAMP, ...actions] }] },
    });
    switch (el.kind) {
      case 'startEvent':
      case 'boundaryTimer':
      case 'boundaryMessage':
      case 'boundarySignal':
      case 'boundaryError':
      case 'boundaryEscalation':
        return transient([{ target: this.next(el, scope) }]);
      case 'passThrough':
        return this.withBoundaries(el, { id, entry: [...entry, ...this.mapOutputs(el)], exit, always: [{ target: this.next(el, scope) }] });
      case 'scriptTask':
        if (el.multiInstance) return this.activityState(el, scope);
        // Its expression runs on entry (under the step's FEEL budget); the token passes straight on.
        return this.withBoundaries(el, { id, entry: [...entry, this.ref('runScript', el.id)], exit, always: [{ target: this.next(el, scope) }] });
      case 'escalationThrow':
        return this.escalationState(el, this.next(el, scope));
      case 'publish':
        return this.withBoundaries(el, this.publishState(el, this.next(el, scope)));
      case 'endEvent':
        // A message or signal end event waits for the runner to publish, then ends like a none end event.
        if (el.publish) return this.publishState(el, this.endOf(scope));
        // An escalation end event waits for the runner to throw its escalation, then ends like a none end event (unless caught interrupting).
        if (el.escalationCode !== undefined) return this.escalationState(el, this.endOf(scope));
        // An error end event stays active until the runner has thrown its error to the boundary event that catches it.
        if (el.errorCode !== undefined) return { id, entry, exit };
        // On a reminder path the end event consumes only that path's token; on a branch of a fork without a join, only the branch's;
        // beside event sub-processes, only the main flow's.
        if (scope.kind === 'path' || scope.kind === 'region' || this.hasEventSubs(scope.kind === 'sub' ? scope.subProcessId : undefined)) {
          return { id, entry: [...entry, ...this.mapOutputs(el)], exit, always: [{ target: this.endOf(scope) }] };
        }
        return this.finalState(el);
      case 'parallelGateway': {
        const counted = this.structure.countedJoins.get(el.id);
        if (counted) return this.countedJoinState(el, counted);
        return transient([{ target: isParallelFork(el) ? `#${id}/block` : this.next(el, scope) }]);
      }
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
        return waiting('timer.fire', [this.ref('mergeOutputs', el.id)]);
      case 'messageCatch':
        if (this.ownedByEventGateway(el)) return transient([{ target: this.next(el, scope) }]);
        // A receive task is an activity: it may carry boundary events.
        return this.withBoundaries(el, waiting('message', [this.ref('mergeOutputs', el.id)]));
      case 'signalCatch':
        if (this.ownedByEventGateway(el)) return transient([{ target: this.next(el, scope) }]);
        return waiting('signal', [this.ref('mergeOutputs', el.id)]);
      case 'serviceTask':
        if (el.multiInstance) return this.activityState(el, scope);
        return this.withBoundaries(el, waiting('service.result', [this.ref('mergeVariables')]));
      case 'businessRuleTask':
        if (el.multiInstance) return this.activityState(el, scope);
        return this.withBoundaries(el, waiting('rule.result', [this.ref('applyRuleResult', el.id)]));
      case 'userTask':
      case 'callActivity':
        return this.activityState(el, scope);
      case 'subProcess':
        return this.subProcessState(el, scope);
      case 'eventSubProcess':
        throw new Error(`event sub-process ${el.id} is built with its scope (withEventSubs), not in its flow`);
      case 'unsupported':
        throw new Error(`unsupported element ${el.id} passed validation`);
    }
  }

  /** An escalation throw or end event: waits for the runner to throw its escalation, then goes on to `next` (unless caught interrupting). */
  private escalationState(el: ParsedElement, next: string): StateConfig {
    return {
      id: this.sid(el.id),
      entry: [this.ref('entered', el.id), this.ref('activate', el.id)],
      exit: [this.ref('deactivate', el.id), this.ref('left', el.id)],
      on: { 'bpmn.escalation': [{ guard: this.ref('goesOn', el.id), target: next, actions: [STAMP] }] },
    };
  }

  /** A send task, message or signal throw or end event: waits for the runner to publish (`bpmn.published`), then goes on to `next`. */
  private publishState(el: ParsedElement, next: string): StateConfig {
    return {
      id: this.sid(el.id),
      entry: [this.ref('entered', el.id), this.ref('activate', el.id)],
      exit: [this.ref('deactivate', el.id), this.ref('left', el.id)],
      on: { 'bpmn.published': [{ guard: this.ref('isWait', el.id), target: next, actions: [STAMP, this.ref('mergeVariables')] }] },
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
    const id = this.sid(el.id);
    const on: Record<string, TransitionConfig[]> = {};
    for (const eventId of this.index.eventGateways.get(el.id) ?? []) {
      const event = this.el(eventId);
      const type = event.kind === 'timerCatch' ? 'timer.fire' : event.kind === 'signalCatch' ? 'signal' : 'message';
      const actions = [STAMP, this.ref('mergeOutputs', eventId)];
      on[type] = [...(on[type] ?? []), { guard: this.ref('isWait', eventId), target: `#${this.sid(eventId)}`, actions }];
    }
    return {
      id,
      entry: [this.ref('entered', el.id), this.ref('activate', el.id)],
      exit: [this.ref('deactivate', el.id), this.ref('left', el.id)],
      on,
    };
  }

  /**
   * A user task or call activity, or a multi-instance service, business rule or script task: completion (per item
   * for multi-instance), then its boundary events. A multi-instance script runs every item on entry.
   */
  private activityState(el: MultiInstanceActivity, scope: Scope): StateConfig {
    const id = this.sid(el.id);
    const next = this.next(el, scope);
    const completion = el.kind === 'scriptTask' ? undefined : COMPLETION[el.kind];
    const on: Record<string, TransitionConfig[]> = {};
    if (completion) {
      on[completion] = el.multiInstance
        ? [{ guard: this.ref('isOpenItem', el.id), actions: [STAMP, this.ref('completeItem', el.id)] }]
        : [
            {
              guard: this.ref('isWait', el.id),
              target: next,
              actions: [
                STAMP,
                ...(el.kind === 'userTask' ? [this.ref('recordCompleter', el.id), this.ref('mergeOutputs', el.id)] : [this.ref('completeChild', el.id)]),
              ],
            },
          ];
    }
    return this.withBoundaries(el, {
      id,
      entry: [this.ref('entered', el.id), this.ref('activate', el.id), ...(el.kind === 'scriptTask' ? [this.ref('runScript', el.id)] : [])],
      exit: [this.ref('deactivate', el.id), this.ref('left', el.id)],
      on,
      ...(el.multiInstance ? { always: [{ guard: this.ref('itemsDone', el.id), target: next }] } : {}),
    });
  }

  /**
   * An embedded sub-process: a compound state holding its inner flow, left for the next element when the inner
   * flow reaches an end event (its top-level final states). Its exit runs every inner exit action, so an
   * interrupting boundary event closes the inner tasks and timers with it.
   */
  private subProcessState(el: ParsedElement, scope: Scope): StateConfig {
    const id = this.sid(el.id);
    const sub = this.structure.subs.get(el.id) as SubScope;
    const start = this.p.elements.find((e) => e.parent === el.id && e.type === 'bpmn:StartEvent') as ParsedElement;
    const flow = this.withEventSubs(el.id, id, this.statesOf(sub), this.sid(start.id), `#${id}/end`);
    const content: StateConfig = {
      id: `${id}/work`,
      initial: flow.initial,
      states: {
        ...flow.states,
        ...this.terminateStates(el.id),
        [`${id}/end`]: { id: `${id}/end`, type: 'final', ...(hasOutputs(el) ? { entry: [this.ref('scopeOutputs', el.id)] } : {}) },
      },
      onDone: { target: this.next(el, scope) },
    };
    return this.withBoundaries(
      el,
      {
        id,
        entry: [this.ref('entered', el.id), this.ref('activate', el.id), ...this.resetJoins(el.id)],
        exit: [this.ref('deactivate', el.id), this.ref('left', el.id)],
      },
      content,
    );
  }

  private hasEventSubs(container: string | undefined): boolean {
    return eventSubStartsOf(this.index, container).length > 0;
  }

  /**
   * The flow of a process or sub-process (`container`) beside its event sub-processes. Without any, just the main
   * flow's states. With them, a parallel state `<prefix>/running` holds the main flow (its end events lead to
   * `<prefix>/main/done`) and one slot per event sub-process, whose armed start event waits for its trigger.
   * An interrupting one leaves `running` (every token, task, timer and subscription of the scope goes with it) for
   * its own state beside it, which ends the scope (`end`) when done. A non-interrupting one runs each trigger in a
   * copy of its own inside its slot, beside the others. Slots go idle once the main flow is done and no copy of a
   * non-interrupting event sub-process runs, so the scope ends when all of them have.
   */
  private withEventSubs(
    container: string | undefined,
    prefix: string,
    main: Record<string, StateConfig>,
    initial: string,
    end: string,
  ): { initial: string; states: Record<string, StateConfig> } {
    const starts = eventSubStartsOf(this.index, container);
    if (!starts.length) return { initial, states: main };
    const done = mainDone(prefix);
    const copies = starts.filter((s) => !isInterrupting(s)).flatMap((s) => this.copyIds(s.parent as string).map((id) => not(stateIn(`#${id}`))));
    const idle: InlineGuard = copies.length ? and([stateIn(`#${done}`), ...copies]) : stateIn(`#${done}`);
    const states: Record<string, StateConfig> = {
      [`${prefix}/running`]: {
        id: `${prefix}/running`,
        type: 'parallel',
        states: {
          [`${prefix}/main`]: { id: `${prefix}/main`, initial, states: { ...main, [done]: { id: done, type: 'final' } } },
          ...Object.fromEntries(starts.map((s) => [`${this.sid(s.parent as string)}/slot`, this.eventSubSlot(s, idle)])),
        },
        onDone: { target: end },
      },
    };
    for (const s of starts.filter(isInterrupting)) states[this.sid(s.parent as string)] = this.eventSubState(s, { target: end });
    return { initial: `${prefix}/running`, states };
  }

  /** What starts an event sub-process: its start event's trigger, with the actions that go with it (`merge`: the variables sent along). */
  private trigger(start: StartEventElement, transition: TransitionConfig, merge = true): Record<string, TransitionConfig[]> {
    const withVariables = merge ? { ...transition, actions: [...(transition.actions ?? []), this.ref('mergeVariables')] } : transition;
    switch (start.trigger.kind) {
      case 'timer':
        return { 'timer.fire': [{ ...transition, guard: this.ref('isWait', start.id) }] };
      case 'message':
      case 'signal':
        return { [start.trigger.kind]: [{ ...withVariables, guard: this.ref('isWait', start.id) }] };
      case 'error':
        return { 'bpmn.error': [{ ...withVariables, guard: this.ref('catches', start.id) }] };
      case 'escalation':
        return { 'bpmn.escalation': [{ ...transition, guard: this.ref('catches', start.id) }] };
      case 'none':
        return {};
    }
  }

  /**
   * The slot of one event sub-process. Interrupting: its start event armed until it fires (leaving the scope's
   * running flow) or the slot goes idle. Non-interrupting: a parallel state whose `start` region keeps the start
   * event armed (each trigger re-arms it: a new key, a cycle's next occurrence) and whose copy regions each run one
   * instance; a trigger enters the first free copy, and one with every copy busy fails the step.
   */
  private eventSubSlot(start: StartEventElement, idle: InlineGuard): StateConfig {
    const id = this.sid(start.parent as string);
    const armed = `${id}/armed`;
    const disarm = this.ref('disarmEventSub', start.id);
    const armedState = (on: Record<string, TransitionConfig[]>): StateConfig => ({
      id: armed,
      entry: [this.ref('armEventSub', start.id)],
      on,
      always: [{ guard: idle, target: `#${id}/idle`, actions: [disarm] }],
    });
    if (isInterrupting(start)) {
      return {
        id: `${id}/slot`,
        initial: armed,
        exit: [disarm],
        states: { [armed]: armedState(this.trigger(start, { target: `#${id}`, actions: [STAMP] })), [`${id}/idle`]: { id: `${id}/idle`, type: 'final' } },
      };
    }
    // Non-interrupting escalation: the thrower goes on with the runner's second event, as with a non-interrupting boundary event.
    const fired = [STAMP, this.ref('fireEventSub', start.id), ...(start.trigger.kind === 'escalation' ? [this.ref('markThrown')] : [])];
    const espId = start.parent as string;
    return {
      id: `${id}/slot`,
      type: 'parallel',
      exit: [disarm],
      states: {
        [`${id}/start`]: {
          id: `${id}/start`,
          initial: armed,
          states: {
            [armed]: armedState(this.unlessFull(espId, this.trigger(start, { actions: fired }, false), start.id)),
            [`${id}/idle`]: { id: `${id}/idle`, type: 'final' },
          },
        },
        ...this.copyRegions(
          espId,
          (target) => this.trigger(start, { target, actions: [STAMP] }),
          (copy) => ({ [copy]: this.eventSubState(start, { target: `#${copy}/free` }) }),
          idle,
        ),
      },
    };
  }

  /** The state ids of the copies of a non-interrupting event sub-process or waiting reminder path (see EVENT_SUB_INSTANCES). */
  private copyIds(elementId: string): string[] {
    return Array.from({ length: EVENT_SUB_INSTANCES }, (_, i) => this.inCopy(i + 1, () => this.sid(elementId)));
  }

  /** The trigger's transitions, preceded by the same ones failing the step (tooManyInstances) while every copy is busy. */
  private unlessFull(elementId: string, on: Record<string, TransitionConfig[]>, triggerId: string): Record<string, TransitionConfig[]> {
    const busy = this.copyIds(elementId).map((copy) => not(stateIn(`#${copy}/free`)));
    return Object.fromEntries(
      Object.entries(on).map(([type, transitions]) => [
        type,
        [...transitions.map((t) => ({ guard: and([t.guard as Ref, ...busy]), actions: [this.ref('tooManyInstances', triggerId)] })), ...transitions],
      ]),
    );
  }

  /**
   * One region per copy of `elementId` (an event sub-process, or a boundary event whose path can wait): free, or
   * running `body` (which ends at `<copy>/free`); idle once `idle` holds. A trigger (`trigger(target)`, built outside
   * the copies) enters the first free copy only: guards see the state before the event, so every copy before it is busy.
   */
  private copyRegions(
    elementId: string,
    trigger: (target: string) => Record<string, TransitionConfig[]>,
    body: (copy: string) => Record<string, StateConfig>,
    idle?: InlineGuard,
  ): Record<string, StateConfig> {
    const copies = this.copyIds(elementId);
    return Object.fromEntries(
      copies.map((copy, i) => {
        const before = copies.slice(0, i).map((c) => not(stateIn(`#${c}/free`)));
        const on = Object.fromEntries(
          Object.entries(trigger(`#${copy}`)).map(([type, transitions]) => [
            type,
            transitions.map((t) => ({ ...t, guard: before.length ? and([t.guard as Ref, ...before]) : t.guard })),
          ]),
        );
        const free: StateConfig = { id: `${copy}/free`, on, ...(idle ? { always: [{ guard: idle, target: `#${copy}/idle` }] } : {}) };
        return [
          `${copy}/copy`,
          {
            id: `${copy}/copy`,
            initial: `${copy}/free`,
            states: {
              [`${copy}/free`]: free,
              ...(idle ? { [`${copy}/idle`]: { id: `${copy}/idle`, type: 'final' as const } } : {}),
              ...this.inCopy(i + 1, () => body(copy)),
            },
          },
        ];
      }),
    );
  }

  /** An event sub-process's own flow, from its start event to its end events (a terminate end event ends just it). */
  private eventSubState(start: StartEventElement, onDone: TransitionConfig | TransitionConfig[]): StateConfig {
    const espId = start.parent as string;
    const id = this.sid(espId);
    const sub = this.structure.subs.get(espId) as SubScope;
    return {
      id,
      entry: [this.ref('entered', espId), ...this.resetJoins(espId)],
      exit: [this.ref('left', espId)],
      initial: this.sid(start.id),
      states: { ...this.statesOf(sub), ...this.terminateStates(espId), [`${id}/end`]: { id: `${id}/end`, type: 'final' } },
      onDone,
    };
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
      const target = `#${this.sid(b.id)}`;
      // What the event carries (message, signal, error variables) goes through the boundary event's output mappings, if any.
      const actions = [STAMP, this.ref('mergeOutputs', b.id)];
      if (b.kind === 'boundaryTimer') add('timer.fire', { guard: this.ref('isWait', b.id), target, actions });
      else if (b.kind === 'boundaryMessage' || b.kind === 'boundarySignal') {
        add(b.kind === 'boundaryMessage' ? 'message' : 'signal', { guard: this.ref('isWait', b.id), target, actions });
      } else if (b.kind === 'boundaryEscalation') add('bpmn.escalation', { guard: this.ref('catches', b.id), target, actions });
      else add('bpmn.error', { guard: this.ref('catches', b.id), target, actions });
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
        ...Object.fromEntries(reminders.map((b) => [`${this.sid(b.id)}/path`, this.reminderPath(b)])),
      },
    };
  }

  /**
   * The path of a non-interrupting boundary event: armed, then its path, then armed again. A path that can wait (an
   * external job on it) runs each trigger in a copy of its own instead, like a non-interrupting event sub-process.
   */
  private reminderPath(boundary: BoundaryElement): StateConfig {
    const outer = this.ownerCopy;
    this.ownerCopy = this.copy;
    try {
      return this.pathStates(boundary);
    } finally {
      this.ownerCopy = outer;
    }
  }

  private pathStates(boundary: BoundaryElement): StateConfig {
    const id = this.sid(boundary.id);
    const path = this.structure.paths.get(boundary.id) as Scope;
    const escalation = boundary.kind === 'boundaryEscalation';
    const event = escalation ? 'bpmn.escalation' : boundary.kind === 'boundaryTimer' ? 'timer.fire' : boundary.kind === 'boundarySignal' ? 'signal' : 'message';
    const guard = this.ref(escalation ? 'catches' : 'isWait', boundary.id);
    // The thrower of a caught escalation goes on; a timer, message or signal re-arms under a new key.
    const fired = [STAMP, escalation ? this.ref('markThrown') : this.ref('fireBoundary', boundary.id)];
    // What the event carries goes through the boundary event's output mappings, if any.
    const variables = [this.ref('mergeOutputs', boundary.id)];
    if (!this.pathWaits(boundary.id)) {
      return {
        id: `${id}/path`,
        initial: `${id}/armed`,
        states: {
          [`${id}/armed`]: { id: `${id}/armed`, on: { [event]: [{ guard, target: `#${id}`, actions: [...fired, ...variables] }] } },
          ...this.statesOf(path),
        },
      };
    }
    return {
      id: `${id}/path`,
      type: 'parallel',
      states: {
        [`${id}/trigger`]: {
          id: `${id}/trigger`,
          initial: `${id}/armed`,
          states: { [`${id}/armed`]: { id: `${id}/armed`, on: this.unlessFull(boundary.id, { [event]: [{ guard, actions: fired }] }, boundary.id) } },
        },
        ...this.copyRegions(
          boundary.id,
          (target) => ({ [event]: [{ guard, target, actions: [STAMP, ...variables] }] }),
          () => this.statesOf(path),
        ),
      },
    };
  }

  /** Output mappings of an element with nothing to receive (pass-through, end event): evaluated when it is entered. */
  private mapOutputs(el: ParsedElement): Ref[] {
    return hasOutputs(el) ? [this.ref('mapOutputs', el.id)] : [];
  }

  /** Whether the path of a non-interrupting boundary event can wait: only an external job on it can. */
  private pathWaits(boundaryId: string): boolean {
    return waitingPath(this.p, this.structure, boundaryId);
  }
}

/** Whether the path of a non-interrupting boundary event can wait (an external job on it): then each trigger runs in a copy of its own. */
function waitingPath(p: ParsedProcess, structure: Structure, boundaryId: string): boolean {
  const path = structure.paths.get(boundaryId);
  return p.elements.some((e) => structure.scopeOf.get(e.id) === path && e.kind === 'serviceTask' && e.external === true);
}

/** Whether a branch of this block can end (in end events) before its join. */
function endsBeforeJoin(block: Block): boolean {
  return block.joinId !== undefined && block.regions.some((r) => r.ends.length > 0);
}

/** Where the main flow of a process or sub-process with event sub-processes ends (`prefix`: `@process` or the sub-process's state id). */
const mainDone = (prefix: string): string => `${prefix}/main/done`;

function hasOutputs(el: ParsedElement): boolean {
  return 'outputs' in el && !!el.outputs?.length;
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
      scopeOutputs: assign(({ context }, { id }: Params) => produce(context, (ctx) => scopeOutputs(ctx, index, id))),
      mapOutputs: assign(({ context }, { id }: Params) => produce(context, (ctx) => mergeOutputs(ctx, index, id, {}))),
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
          if (event.type === 'task.complete' || event.type === 'child.complete' || event.type === 'service.result' || event.type === 'rule.result') {
            completeItem(ctx, index, id, event.waitKey, itemResult(index, id, event), event.type === 'task.complete' ? event.completedBy : undefined);
          }
        }),
      ),
      fireBoundary: assign(({ context }, { id }: Params) => produce(context, (ctx) => fireBoundary(ctx, index, id))),
      arriveAtJoin: assign(({ context }, { id, flowId }: { id: string; flowId: string }) =>
        produce(context, (ctx) => {
          const counts = ((ctx.joins ??= {})[id] ??= {});
          counts[flowId] = (counts[flowId] ?? 0) + 1;
        }),
      ),
      resetJoins: assign(({ context }, { ids }: { ids: string[] }) =>
        produce(context, (ctx) => {
          for (const id of ids) delete ctx.joins?.[id];
        }),
      ),
      consumeJoin: assign(({ context }, { id, flows }: { id: string; flows: string[] }) =>
        produce(context, (ctx) => {
          const counts = ctx.joins?.[id] ?? {};
          for (const flowId of flows) counts[flowId] -= 1;
        }),
      ),
      armEventSub: assign(({ context }, { id }: Params) => produce(context, (ctx) => armEventSub(ctx, index, id))),
      disarmEventSub: assign(({ context }, { id }: Params) => produce(context, (ctx) => disarmEventSub(ctx, id))),
      fireEventSub: assign(({ context }, { id }: Params) => produce(context, (ctx) => fireEventSub(ctx, index, id))),
      // An assign, since transition() only runs XState's built-in actions; the error fails the step.
      tooManyInstances: assign((_, { id }: Params): Partial<InstanceContext> => {
        throw new EngineError(EngineErrorCode.StepLimitExceeded, `${EVENT_SUB_INSTANCES} instances started by ${id} already run; wait until one ends`, id);
      }),
      markThrown: assign(({ context, event }) =>
        produce(context, (ctx) => {
          const token = event.type === 'bpmn.escalation' ? ctx.tokens[event.elementId] : undefined;
          if (token) token.thrown = true;
        }),
      ),
      // Sets (bpmn.incident) or clears (bpmn.retry) the incident that holds a task's token.
      markIncident: assign(({ context, event }) =>
        produce(context, (ctx) => {
          const token = event.type === 'bpmn.incident' || event.type === 'bpmn.retry' ? ctx.tokens[event.elementId] : undefined;
          if (!token) return;
          if (event.type === 'bpmn.incident') {
            const incident = { ...(event.errorCode !== undefined ? { errorCode: event.errorCode } : {}), message: event.message };
            // A multi-instance item is held alone: the other items go on.
            const item = event.itemKey === undefined ? undefined : token.items?.find((i) => i.key === event.itemKey);
            Object.assign(item ?? token, { incident });
          } else {
            delete token.incident;
            for (const item of token.items ?? []) delete item.incident;
          }
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
      isOpenItem: ({ context, event }, { id }: Params) => {
        const token = context.tokens[id];
        return 'waitKey' in event && token !== undefined && openItems(token).some((i) => i.key === event.waitKey);
      },
      itemsDone: ({ context }, { id }: Params) => itemsFinished(context.tokens[id]),
      joinReady: ({ context }, { id, flows }: { id: string; flows: string[] }) => flows.every((f) => (context.joins?.[id]?.[f] ?? 0) > 0),
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
