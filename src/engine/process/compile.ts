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
  mergeVariables,
  recordCompleter,
  type StartInput,
} from './instance.js';
import type { BoundaryTimerElement, ParsedElement, ParsedProcess, StartPolicy, TimerDefinition, WaitingActivity } from './model.js';
import { analyzeStructure, isParallelFork, isParallelJoin, type PathScope, type RegionScope, type Scope, type Structure } from './structure.js';
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

/** Compiles a definition to an XState machine. Throws ProcessValidationError if it is outside the supported subset. */
export function compileProcess(p: ParsedProcess): CompiledProcess {
  const issues = validateDefinition(p);
  if (issues.length) throw new ProcessValidationError(issues);
  const structure = analyzeStructure(p);
  const index: DefinitionIndex = { elements: new Map(p.elements.map((e) => [e.id, e])), boundaries: new Map(), eventGateways: new Map() };
  const flowTargets = new Map(p.flows.map((f) => [f.id, f.target]));
  for (const el of p.elements) {
    if (el.kind === 'boundaryTimer') index.boundaries.set(el.attachedTo, [...(index.boundaries.get(el.attachedTo) ?? []), el]);
    if (el.kind === 'eventBasedGateway')
      index.eventGateways.set(
        el.id,
        el.outgoing.map((f) => flowTargets.get(f) as string),
      );
  }
  const builder = new ConfigBuilder(p, structure, index);
  const starts = p.elements.filter((e) => e.kind === 'startEvent');
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
    const starts = this.p.elements.filter((e) => e.kind === 'startEvent');
    const states = this.statesOf(this.structure.root);
    // Terminate end events end everything, so they live at the root wherever they are drawn.
    for (const el of this.p.elements) {
      if (el.kind === 'endEvent' && el.terminate && this.structure.scopeOf.has(el.id)) states[stateId(el.id)] = this.finalState(el);
    }
    states[CANCELLED] = { id: CANCELLED, type: 'final' };
    if (starts.length > 1) {
      states[START] = { id: START, always: starts.map((s) => ({ guard: { type: 'startedAt', params: { id: s.id } }, target: `#${stateId(s.id)}` })) };
    }
    return {
      id: '@process',
      context: ({ input }) => initialContext(input),
      initial: starts.length > 1 ? START : stateId(starts[0].id),
      on: { cancel: [{ target: `#${CANCELLED}`, actions: [STAMP] }] },
      states,
    };
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
          onDone: { target: `#${stateId(block.joinId)}` },
        };
      }
    }
    return states;
  }

  private regionId(region: RegionScope): string {
    return `${stateId(region.forkId)}/${stateId(region.flowId)}`;
  }

  private region(region: RegionScope): StateConfig {
    const id = this.regionId(region);
    const first = this.el(this.flows.get(region.flowId)?.target ?? '');
    return {
      id,
      initial: isParallelJoin(first) ? `${id}/done` : stateId(first.id),
      states: { ...this.statesOf(region), [`${id}/done`]: { id: `${id}/done`, type: 'final' } },
    };
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
        return transient([{ target: this.next(el, scope) }]);
      case 'endEvent':
        // On a reminder path the end event consumes only that path's token: back to waiting for the timer.
        if (scope.kind === 'path') return transient([{ target: `#${stateId((scope as PathScope).boundaryId)}/armed` }]);
        return this.finalState(el);
      case 'parallelGateway':
        return transient([{ target: isParallelFork(el) ? `#${id}/block` : this.next(el, scope) }]);
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
        return waiting('message', [ref('mergeVariables')]);
      case 'serviceTask':
        return waiting('service.result', [ref('mergeVariables')]);
      case 'businessRuleTask':
        return waiting('rule.result', [ref('applyRuleResult', el.id)]);
      case 'userTask':
      case 'callActivity':
        return this.activityState(el, scope);
      case 'unsupported':
        throw new Error(`unsupported element ${el.id} passed validation`);
    }
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
      const actions = event.kind === 'messageCatch' ? [STAMP, ref('mergeVariables')] : [STAMP];
      on[type] = [...(on[type] ?? []), { guard: ref('isWait', eventId), target: `#${stateId(eventId)}`, actions }];
    }
    return {
      id,
      entry: [ref('entered', el.id), ref('activate', el.id)],
      exit: [ref('deactivate', el.id), ref('left', el.id)],
      on,
    };
  }

  /**
   * A user task or call activity. Interrupting boundary timers are transitions out of it; non-interrupting
   * ones make it a parallel state whose extra regions run the reminder path while the work region waits.
   */
  private activityState(el: WaitingActivity, scope: Scope): StateConfig {
    const id = stateId(el.id);
    const boundaries = this.index.boundaries.get(el.id) ?? [];
    const completion = el.kind === 'userTask' ? 'task.complete' : 'child.complete';
    const next = this.next(el, scope);
    const on: Record<string, TransitionConfig[]> = {
      [completion]: el.multiInstance
        ? [{ guard: ref('isOpenItem', el.id), actions: [STAMP, ref('completeItem', el.id)] }]
        : [
            {
              guard: ref('isWait', el.id),
              target: next,
              actions: [STAMP, ...(el.kind === 'userTask' ? [ref('recordCompleter', el.id), ref('mergeVariables')] : [ref('completeChild', el.id)])],
            },
          ],
    };
    const interrupting = boundaries.filter((b) => b.interrupting);
    if (interrupting.length) {
      on['timer.fire'] = interrupting.map((b) => ({ guard: ref('isWait', b.id), target: `#${stateId(b.id)}`, actions: [STAMP] }));
    }
    const state: StateConfig = {
      id,
      entry: [ref('entered', el.id), ref('activate', el.id)],
      exit: [ref('deactivate', el.id), ref('left', el.id)],
      on,
      ...(el.multiInstance ? { always: [{ guard: ref('itemsDone', el.id), target: next }] } : {}),
    };
    const reminders = boundaries.filter((b) => !b.interrupting);
    if (!reminders.length) return state;
    return {
      ...state,
      type: 'parallel',
      states: {
        [`${id}/work`]: { id: `${id}/work` },
        ...Object.fromEntries(reminders.map((b) => [`${stateId(b.id)}/path`, this.reminderPath(b)])),
      },
    };
  }

  private reminderPath(boundary: BoundaryTimerElement): StateConfig {
    const id = stateId(boundary.id);
    const path = this.structure.paths.get(boundary.id) as PathScope;
    return {
      id: `${id}/path`,
      initial: `${id}/armed`,
      states: {
        [`${id}/armed`]: {
          id: `${id}/armed`,
          on: { 'timer.fire': [{ guard: ref('isWait', boundary.id), target: `#${id}`, actions: [STAMP, ref('fireBoundary', boundary.id)] }] },
        },
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
      fireBoundary: assign(({ context }, { id }: Params) => produce(context, (ctx) => fireBoundary(ctx, id))),
    },
    guards: {
      isWait: ({ context, event }, { id }: Params) => 'waitKey' in event && context.tokens[id]?.key === event.waitKey,
      isOpenItem: ({ context, event }, { id }: Params) =>
        'waitKey' in event && (context.tokens[id]?.items ?? []).some((i) => i.key === event.waitKey && !i.done),
      itemsDone: ({ context }, { id }: Params) => (context.tokens[id]?.items ?? []).every((i) => i.done),
      condition: ({ context }, { expression, flowId }: { expression: string; flowId: string }) => feelIsTrue(expression, context.variables, flowId),
      startedAt: ({ context }, { id }: Params) => context.startEventId === id,
    },
  });
  // The chart is generated from the BPMN graph, so its shape is only known at run time; XState checks it when building the machine.
  return machineSetup.createMachine({ ...(root as unknown as Parameters<typeof machineSetup.createMachine>[0]), options: { maxIterations: 10_000 } });
}
