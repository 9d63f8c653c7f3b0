import { initialTransition, type SnapshotFrom, type StateValue, transition } from 'xstate';
import type { CompiledProcess, ProcessMachine } from './compile.js';
import { BpmnError, EngineError, EngineErrorCode, type LinkRef, UnresolvedLinkError } from './errors.js';
import { elementOf, findCatcher, isInterrupting } from './event-subprocesses.js';
import { toPlain, toPlainRecord } from './feel.js';
import { withinFeelStep } from './feel-sandbox.js';
import {
  type InstanceContext,
  itemScope,
  type ItemToken,
  type MachineEvent,
  openItems,
  type Published,
  resolvePublication,
  taskInput,
  taskOutput,
  type Token,
} from './instance.js';
import type {
  BusinessRuleTaskElement,
  CamundaFormRef,
  EndEventElement,
  FormField,
  ParsedElement,
  PublishElement,
  ServiceTaskElement,
  StartEventElement,
} from './model.js';

/** What the runner needs from the app. Anything these throw propagates unchanged (the app rolls the step back). */
export interface EngineHooks {
  now(): Date;
  /** Throws UnresolvedLinkError when the rule set is not deployed: the business rule task is then held by an incident. */
  evaluateRuleSet(key: string, variables: Record<string, unknown>, ctx: { elementId: string }): Promise<{ result: unknown; decisionId?: string }>;
  callHandler(name: string, variables: Record<string, unknown>, ctx: { elementId: string }): Promise<Record<string, unknown> | void>;
  /**
   * `incident`: a BPMN error a service task handler throws that no boundary event catches keeps the token at the task
   * with an incident (StepResult.incidents) until `incident.retry` runs the handler again — for instances whose
   * error has nowhere else to go. Default `end`: the instance ends with StepResult.error (a called process hands it
   * to its call activity).
   */
  uncaughtHandlerErrors?: 'end' | 'incident';
  /**
   * Which of these form ids (linked by user tasks with `zeebe:formDefinition formId`) are stored now. A user task that
   * opens linking another one is held by an incident instead of waiting (until `incident.retry`). Without this hook
   * every linked form is taken as stored.
   */
  storedForms?(formIds: string[]): Promise<ReadonlySet<string>>;
}

/** A task the step left held by an incident: it keeps its token, and `incident.retry` runs it again. */
export interface HeldIncident {
  /** The token held: the element id (followed by its copy inside a copy of an event sub-process). */
  elementId: string;
  waitKey: string;
  message: string;
  /** Set when a BPMN error of the service task's handler nothing catches holds it (with `uncaughtHandlerErrors: 'incident'`). */
  errorCode?: string;
  /** Set when the rule set or form the task links is not deployed. */
  missing?: LinkRef;
}

export type InstanceEvent =
  | { type: 'task.complete'; waitKey: string; variables?: Record<string, unknown>; completedBy?: string }
  | { type: 'timer.fire'; waitKey: string }
  /** Delivered to the open message wait with this name (narrowed by `waitKey` and/or `correlationKey` when given). */
  | { type: 'message'; name: string; waitKey?: string; correlationKey?: string; variables?: Record<string, unknown> }
  /** A broadcast signal reaching the open signal wait with this key. */
  | { type: 'signal'; waitKey: string; variables?: Record<string, unknown> }
  | { type: 'child.complete'; waitKey: string; variables: Record<string, unknown> }
  /** A worker completed the external job of this wait: its variables go through the task's output mappings. */
  | { type: 'job.complete'; waitKey: string; variables?: Record<string, unknown> }
  /** A worker reported a BPMN error for the external job of this wait: caught by an error boundary event, or uncaught (see StepResult.error). */
  | { type: 'job.error'; waitKey: string; errorCode: string; variables?: Record<string, unknown> }
  /** The called process of this child wait ended with a BPMN error nothing inside it caught (see StepResult.error). */
  | { type: 'child.error'; waitKey: string; errorCode: string; elementId?: string }
  /** Runs the handler of a service task held by an incident (see EngineHooks.uncaughtHandlerErrors) once more. */
  | { type: 'incident.retry'; elementId: string }
  | { type: 'cancel' };

/** A multi-instance item: which entry of the collection this wait works on. */
export interface WaitItem {
  index: number;
  value: unknown;
  /** Key of the multi-instance activity as a whole (shared by its items). */
  collectionKey: string;
  /** How many items the activity has ("item 2 of 3"). */
  count: number;
}

export type Wait =
  | {
      kind: 'userTask';
      key: string;
      elementId: string;
      name: string;
      candidateRoles: string[];
      dueAt?: string;
      form: FormField[];
      camundaForm?: CamundaFormRef;
      /** User task ids (and `initiator`) whose completers may not complete this one. */
      separateFrom: string[];
      /**
       * Subjects who may not complete this one, from the FEEL entries of `aimsflow:separateFrom` (evaluated when the
       * task was created). Present only when the task has such entries.
       */
      separateFromSubjects?: string[];
      item?: WaitItem & { /** Who completed the other items of this activity so far. */ completedBy: string[] };
    }
  | {
      kind: 'timer';
      key: string;
      elementId: string;
      dueAt: string;
      boundary?: { attachedTo: string; interrupting: boolean };
      remaining?: number;
      /** Set when the timer is one of the events an event-based gateway waits on: the gateway's id. */
      eventGateway?: string;
      /** Set for the timer start event of an event sub-process: which one, and whether it interrupts its scope. */
      eventSubProcess?: EventSubProcessRef;
    }
  | {
      kind: 'message';
      key: string;
      elementId: string;
      name: string;
      correlationKey?: string;
      /** Set when the message is one of the events an event-based gateway waits on: the gateway's id. */
      eventGateway?: string;
      /** Set for a message boundary event: the activity it is attached to. */
      boundary?: { attachedTo: string; interrupting: boolean };
      /** Set for the message start event of an event sub-process: which one, and whether it interrupts its scope. */
      eventSubProcess?: EventSubProcessRef;
    }
  | {
      /** An intermediate signal catch or signal boundary event: any broadcast of this name reaches it. */
      kind: 'signal';
      key: string;
      elementId: string;
      name: string;
      /** Set when the catch event follows an event-based gateway: the first of its events to occur is taken. */
      eventGateway?: string;
      boundary?: { attachedTo: string; interrupting: boolean };
      /** Set for the signal start event of an event sub-process. */
      eventSubProcess?: EventSubProcessRef;
    }
  | { kind: 'child'; key: string; elementId: string; processKey: string; variables: Record<string, unknown>; item?: WaitItem }
  | {
      /** A service task whose job type names no built-in handler: an external worker does the work. */
      kind: 'job';
      key: string;
      elementId: string;
      name: string;
      jobType: string;
      /** `zeebe:taskHeaders`. */
      headers: Record<string, string>;
      /** Attempts a worker gets (`zeebe:taskDefinition retries`, default 3). */
      retries: number;
      /**
       * The variables the worker gets: the instance variables when the task was entered (a multi-instance item's:
       * when the item opened, with its element variable and `loopCounter`), overlaid with its inputs.
       */
      variables: Record<string, unknown>;
      /** Multi-instance: one job per item. */
      item?: WaitItem;
    };

export interface EventSubProcessRef {
  id: string;
  interrupting: boolean;
}

export interface StepRecord {
  /** `start`, the instance event type, or `rule.result` / `service.result` for automatic work. */
  event: string;
  waitKey?: string;
  at: string;
  left: string[];
  entered: string[];
  decisionIds: string[];
}

export type InstanceStatus = 'active' | 'completed' | 'terminated' | 'cancelled';

/** The XState persisted snapshot (its context is the instance context), tagged with the definition it belongs to. */
export interface PersistedInstanceState {
  format: typeof STATE_FORMAT;
  processKey: string;
  snapshot: { status: string; value: StateValue; context: InstanceContext; [key: string]: unknown };
}

export interface StepResult {
  state: PersistedInstanceState;
  status: InstanceStatus;
  activeElementIds: string[];
  variables: Record<string, unknown>;
  /** Everything the instance waits for now; keys are stable across steps and new for every activation. */
  waits: Wait[];
  /** What happened during this call, one record per transition applied. */
  steps: StepRecord[];
  /** Who completed each user task so far, oldest first: with `initiator`, the data for segregation-of-duties checks. */
  completedBy: Record<string, string[]>;
  initiator: string | null;
  /**
   * Set when a BPMN error no boundary event caught ended the instance (status `terminated`): the error code and
   * the element that threw it. A called process hands it to its call activity (`child.error`); anywhere else it is a failure.
   */
  error?: { code: string; elementId: string };
  /**
   * Tasks this step left held by an incident: a service task whose handler threw a BPMN error nothing catches (with
   * `uncaughtHandlerErrors: 'incident'`), a business rule task or user task whose linked rule set or form is not deployed.
   */
  incidents?: HeldIncident[];
  /** Every token held by an incident after this step (those of earlier steps too); absent when none is. */
  held?: string[];
  /**
   * Messages and signals the step's send tasks, throw and end events published, in order. The engine only
   * evaluates them; the app correlates each message and broadcasts each signal once the step is stored.
   */
  published?: Published[];
}

const STATE_FORMAT = 'aimsflow.xstate/1';
const CANCELLED = '@cancelled';
const ERRORED = '@errored';
/** Automatic steps (rule and service tasks) one call may run before the instance must wait again. */
const MAX_AUTOMATIC_STEPS = 1000;
/** Attempts a worker gets at an external job unless `zeebe:taskDefinition retries` says otherwise (as in Camunda 8). */
export const DEFAULT_JOB_RETRIES = 3;

type Snapshot = SnapshotFrom<ProcessMachine>;

/** Starts an instance at the none start event (or `startEventId`) and runs it until it waits. */
export async function startInstance(
  def: CompiledProcess,
  variables: Record<string, unknown>,
  hooks: EngineHooks,
  opts: { startEventId?: string; initiator?: string } = {},
): Promise<StepResult> {
  const startEventId = chooseStart(def, opts.startEventId);
  const at = hooks.now().toISOString();
  const [snapshot, actions] = withinFeelStep(() => initialTransition(def.machine, { variables, startEventId, initiator: opts.initiator ?? null, at }));
  const steps = [record(def, { event: 'start', at }, actions, [])];
  return settle(def, throwIfFailed(snapshot), hooks, steps, new Set());
}

/** Applies one event to a stored instance state and runs it until it waits again. */
export async function applyEvent(def: CompiledProcess, state: PersistedInstanceState, event: InstanceEvent, hooks: EngineHooks): Promise<StepResult> {
  const snapshot = restore(def, state);
  if (snapshot.status !== 'active') {
    throw new EngineError(EngineErrorCode.InstanceNotActive, `instance is ${statusOf(def, snapshot)}; it accepts no more events`);
  }
  const steps: StepRecord[] = [];
  const at = hooks.now().toISOString();
  const before = deriveWaits(def, snapshot.context);
  const open = new Set(before.map((w) => w.key));
  if (event.type === 'child.error' || event.type === 'job.error') {
    const kind = event.type === 'child.error' ? 'child' : 'job';
    const wait = before.find((w) => w.kind === kind && w.key === event.waitKey);
    if (!wait) throw new EngineError(EngineErrorCode.WaitNotFound, `no open ${kind} wait with key "${event.waitKey}"`);
    // BPMN: the error reaches the call activity or service task, whose error boundary events (or those of its sub-processes) may catch it.
    const variables = event.type === 'job.error' ? event.variables : undefined;
    const thrown = { code: event.errorCode, elementId: wait.elementId, from: tokenOfWait(snapshot.context, wait.key), at, ...(variables ? { variables } : {}) };
    return settle(def, throwError(def, snapshot, thrown, steps), hooks, steps, open);
  }
  if (event.type === 'incident.retry') {
    const token = snapshot.context.tokens[event.elementId];
    if (!token?.incident && !token?.items?.some((i) => i.incident)) {
      throw new EngineError(EngineErrorCode.WaitNotFound, `no incident holds element "${event.elementId}"`, event.elementId);
    }
    return settle(def, apply(def, snapshot, { type: 'bpmn.retry', elementId: event.elementId, at }, steps), hooks, steps, open);
  }
  const next = apply(def, snapshot, toMachineEvent(def, event, at, before), steps);
  return settle(def, next, hooks, steps, open);
}

/** The token that holds a wait (its own key, or one of its multi-instance items). */
function tokenOfWait(context: InstanceContext, key: string): string {
  const entry = Object.entries(context.tokens).find(([, t]) => t.key === key || t.items?.some((i) => i.key === key));
  return entry?.[0] as string;
}

function chooseStart(def: CompiledProcess, requested: string | undefined): string {
  if (requested) {
    if (!def.startEvents.some((s) => s.id === requested)) {
      throw new EngineError(EngineErrorCode.UnknownStartEvent, `process ${def.key} has no start event "${requested}"`, requested);
    }
    return requested;
  }
  const chosen = def.startEvents.find((s) => s.kind === 'none') ?? (def.startEvents.length === 1 ? def.startEvents[0] : undefined);
  if (!chosen) {
    throw new EngineError(EngineErrorCode.UnknownStartEvent, `process ${def.key} has no none start event; name the start event to use`);
  }
  return chosen.id;
}

function restore(def: CompiledProcess, state: PersistedInstanceState): Snapshot {
  if (state?.format !== STATE_FORMAT || state.processKey !== def.key) {
    throw new EngineError(EngineErrorCode.StateMismatch, `state does not belong to process ${def.key}`);
  }
  try {
    return def.machine.resolveState({ value: state.snapshot.value, context: state.snapshot.context });
  } catch (err) {
    throw new EngineError(EngineErrorCode.StateMismatch, `state does not fit process ${def.key}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function apply(def: CompiledProcess, snapshot: Snapshot, event: MachineEvent, steps: StepRecord[], decisionIds: string[] = []): Snapshot {
  const [next, actions] = withinFeelStep(() => transition(def.machine, snapshot, event));
  steps.push(record(def, { event: event.type, at: event.at, ...('waitKey' in event ? { waitKey: event.waitKey } : {}) }, actions, decisionIds));
  return throwIfFailed(next);
}

/** XState turns an error thrown by an action into an `error` snapshot (at least on the initial transition); the step must fail instead. */
function throwIfFailed(snapshot: Snapshot): Snapshot {
  if (snapshot.status === 'error') throw snapshot.error;
  return snapshot;
}

function record(
  def: CompiledProcess,
  head: Pick<StepRecord, 'event' | 'waitKey' | 'at'>,
  actions: Array<{ type: string; params?: unknown }>,
  decisionIds: string[],
): StepRecord {
  const ids = (type: string): string[] => actions.filter((a) => a.type === type).map((a) => (a.params as { id: string }).id);
  return { ...head, left: ids('left'), entered: ids('entered'), decisionIds };
}

/** The current status, waits and variables of a stored instance, without applying anything. */
export function inspectInstance(def: CompiledProcess, state: PersistedInstanceState): Omit<StepResult, 'steps'> {
  const { steps: _steps, ...rest } = describe(def, restore(def, state), []);
  return rest;
}

/**
 * Runs automatic work (rule and service tasks, via the hooks) until nothing is left but waiting; then the user tasks it
 * opened (waits not among `open`, the keys open before the step) get their linked forms checked.
 */
async function settle(def: CompiledProcess, start: Snapshot, hooks: EngineHooks, steps: StepRecord[], open: ReadonlySet<string>): Promise<StepResult> {
  let snapshot = start;
  const incidents: HeldIncident[] = [];
  const published: Published[] = [];
  for (let done = 0; snapshot.status === 'active'; done++) {
    const tokens = activeTokens(def, snapshot);
    const active = tokens.map((t) => t.el);
    const tokenOf = (el: ParsedElement): string => tokens.find((t) => t.el === el)?.tokenId ?? el.id;
    const stuck = active.find((el) => el.kind === 'exclusiveGateway' || el.kind === 'inclusiveGateway');
    if (stuck) {
      const kind = stuck.kind === 'exclusiveGateway' ? 'exclusive' : 'inclusive';
      throw new EngineError(EngineErrorCode.NoFlowTaken, `no condition of ${kind} gateway ${stuck.id} is true and it has no default flow`, stuck.id);
    }
    const errorEnd = active.find((el) => el.kind === 'endEvent' && el.errorCode !== undefined);
    if (errorEnd?.kind === 'endEvent') {
      const thrown = { code: errorEnd.errorCode as string, elementId: errorEnd.id, from: tokenOf(errorEnd), at: hooks.now().toISOString() };
      snapshot = throwError(def, snapshot, thrown, steps);
      continue;
    }
    // External jobs wait for their worker like user tasks wait for people; a task (or item) held by an incident waits for its retry.
    const job = active.find(
      (el): el is BusinessRuleTaskElement | ServiceTaskElement =>
        (el.kind === 'businessRuleTask' || (el.kind === 'serviceTask' && !el.external)) && nextUnit(snapshot.context.tokens[tokenOf(el)]) !== undefined,
    );
    const publisher = active.find((el): el is PublishElement | EndEventElement => el.kind === 'publish' || (el.kind === 'endEvent' && !!el.publish));
    if (!job && publisher) {
      const { published: item, outputs } = withinFeelStep(() => resolvePublication(publisher, snapshot.context.variables));
      published.push(item);
      const waitKey = snapshot.context.tokens[tokenOf(publisher)].key;
      snapshot = apply(def, snapshot, { type: 'bpmn.published', waitKey, variables: outputs, at: hooks.now().toISOString() }, steps);
      continue;
    }
    if (!job) {
      // Escalations after automatic work: the path of a non-interrupting catch runs before its thrower goes on.
      const thrower = active.find((el) => el.kind === 'escalationThrow' || (el.kind === 'endEvent' && el.escalationCode !== undefined));
      if (!thrower) break;
      snapshot = throwEscalation(def, snapshot, thrower, tokenOf(thrower), hooks.now().toISOString(), steps);
      continue;
    }
    if (done >= MAX_AUTOMATIC_STEPS) {
      throw new EngineError(EngineErrorCode.StepLimitExceeded, `more than ${MAX_AUTOMATIC_STEPS} automatic steps without waiting (last: ${job.id})`, job.id);
    }
    const jobToken = tokenOf(job);
    // A multi-instance task runs its open items one call each, in collection order; each call sees its item's scope.
    const unit = nextUnit(snapshot.context.tokens[jobToken]) as { key: string; item?: ItemToken };
    const waitKey = unit.key;
    const scope = unit.item && job.multiInstance ? itemScope(snapshot.context.variables, job.multiInstance, unit.item) : snapshot.context.variables;
    // Inputs are evaluated over the variables; the hook gets its own copy (overlaid with them) it may not change ours through.
    const input = structuredClone(taskInput(job, scope));
    if (job.kind === 'businessRuleTask') {
      let evaluated: Awaited<ReturnType<EngineHooks['evaluateRuleSet']>>;
      try {
        evaluated = await hooks.evaluateRuleSet(job.ruleSet as string, structuredClone(input), { elementId: job.id });
      } catch (error) {
        if (!(error instanceof UnresolvedLinkError)) throw error;
        const message = `business rule task ${job.id} evaluates ${error.message}`;
        // Every item would miss the rule set alike: the task as a whole is held, under its own key.
        const taskKey = snapshot.context.tokens[jobToken].key;
        snapshot = hold(def, snapshot, { elementId: jobToken, waitKey: taskKey, message, missing: error.link }, hooks, steps, incidents);
        continue;
      }
      const { result, decisionId } = evaluated;
      const mapped = taskOutput(job, job.resultVariable ? { ...input, [job.resultVariable]: toPlain(result) } : input);
      const event: MachineEvent = {
        type: 'rule.result',
        waitKey,
        result,
        at: hooks.now().toISOString(),
        ...(decisionId ? { decisionId } : {}),
        ...(mapped ? { variables: mapped } : {}),
      };
      snapshot = apply(def, snapshot, event, steps, decisionId ? [decisionId] : []);
    } else if (job.kind === 'serviceTask') {
      let handled: Record<string, unknown> | void;
      try {
        handled = await hooks.callHandler(job.handler as string, structuredClone(input), { elementId: job.id });
      } catch (error) {
        if (!(error instanceof BpmnError)) throw error;
        if (hooks.uncaughtHandlerErrors === 'incident' && !findCatcher(def.index, snapshot.context, jobToken, 'error', error.code)) {
          // Inside a copy of an event sub-process the incident names the token, so incident.retry finds it.
          snapshot = hold(def, snapshot, { elementId: jobToken, waitKey, errorCode: error.code, message: error.message }, hooks, steps, incidents);
          continue;
        }
        const thrown = { code: error.code, elementId: job.id, from: jobToken, at: hooks.now().toISOString(), variables: error.variables };
        snapshot = throwError(def, snapshot, thrown, steps);
        continue;
      }
      const output = toPlainRecord(handled);
      const variables = taskOutput(job, { ...input, ...output }) ?? output;
      snapshot = apply(def, snapshot, { type: 'service.result', waitKey, variables, at: hooks.now().toISOString() }, steps);
    }
  }
  if (snapshot.status === 'active') snapshot = await holdFormless(def, snapshot, hooks, steps, open, incidents);
  return { ...describe(def, snapshot, steps), ...(incidents.length ? { incidents } : {}), ...(published.length ? { published } : {}) };
}

/** What an automatic task runs next: the task itself, or its first open item; undefined when it (or every open item) is held by an incident. */
function nextUnit(token: Token | undefined): { key: string; item?: ItemToken } | undefined {
  if (!token || token.incident) return undefined;
  if (!token.items) return { key: token.key };
  const item = openItems(token).find((i) => !i.incident);
  return item ? { key: item.key, item } : undefined;
}

/**
 * Holds a task's token (or, when the wait key is one of its items, that item) with an incident, until `incident.retry`.
 * A task has one incident however many of its items are held: its retry runs every held item again.
 */
function hold(def: CompiledProcess, snapshot: Snapshot, incident: HeldIncident, hooks: EngineHooks, steps: StepRecord[], incidents: HeldIncident[]): Snapshot {
  const { missing: _missing, waitKey, ...marked } = incident;
  const items = snapshot.context.tokens[incident.elementId]?.items ?? [];
  if (!items.some((i) => i.incident)) incidents.push(incident);
  const itemKey = items.some((i) => i.key === waitKey) ? { itemKey: waitKey } : {};
  return apply(def, snapshot, { type: 'bpmn.incident', ...marked, ...itemKey, at: hooks.now().toISOString() }, steps);
}

/**
 * User tasks the step opened whose linked form is not stored do not open: each is held by an incident naming the form
 * (Camunda resolves `formId` when the task is created, too). Retrying opens it with the then latest version.
 */
async function holdFormless(
  def: CompiledProcess,
  snapshot: Snapshot,
  hooks: EngineHooks,
  steps: StepRecord[],
  open: ReadonlySet<string>,
  incidents: HeldIncident[],
): Promise<Snapshot> {
  if (!hooks.storedForms) return snapshot;
  const opened = deriveWaits(def, snapshot.context).filter(
    (w): w is Extract<Wait, { kind: 'userTask' }> => w.kind === 'userTask' && w.camundaForm?.kind === 'linked' && !open.has(w.key),
  );
  if (!opened.length) return snapshot;
  const formIdOf = (w: (typeof opened)[number]): string => (w.camundaForm as Extract<CamundaFormRef, { kind: 'linked' }>).formId;
  const stored = await hooks.storedForms([...new Set(opened.map(formIdOf))]);
  // One incident per token: the items of a multi-instance task share their form.
  const held = new Map<string, { waitKey: string; elementId: string; formId: string }>();
  for (const w of opened) {
    const tokenId = tokenOfWait(snapshot.context, w.key);
    if (!stored.has(formIdOf(w)) && !held.has(tokenId))
      held.set(tokenId, { waitKey: snapshot.context.tokens[tokenId].key, elementId: w.elementId, formId: formIdOf(w) });
  }
  let next = snapshot;
  for (const [tokenId, { waitKey, elementId, formId }] of held) {
    const message = `user task ${elementId} links form "${formId}", which does not exist: store it (POST /forms), then retry this incident`;
    next = hold(def, next, { elementId: tokenId, waitKey, message, missing: { kind: 'form', key: formId } }, hooks, steps, incidents);
  }
  return next;
}

interface ThrownError {
  code: string;
  /** The element that threw it. */
  elementId: string;
  /** Where the search for a catcher starts: the activity or error end event that threw. */
  from: string;
  at: string;
  variables?: Record<string, unknown>;
}

/** The error is caught by an error boundary event or error event sub-process on the way out (findCatcher), else it is uncaught. */
function throwError(def: CompiledProcess, snapshot: Snapshot, thrown: ThrownError, steps: StepRecord[]): Snapshot {
  const boundaryId = findCatcher(def.index, snapshot.context, thrown.from, 'error', thrown.code)?.id;
  const event: MachineEvent = {
    type: 'bpmn.error',
    errorCode: thrown.code,
    elementId: thrown.elementId,
    ...(boundaryId ? { boundaryId } : {}),
    variables: toPlainRecord(thrown.variables ?? {}),
    at: thrown.at,
  };
  return apply(def, snapshot, event, steps);
}

/**
 * An escalation goes to the nearest escalation boundary event of an enclosing sub-process or escalation event
 * sub-process of an enclosing scope (same code before a catch-all, findCatcher). Nothing catching it is no failure: the thrower simply goes on. A non-interrupting catch takes two
 * events: the first starts the boundary's path (and marks the thrower's token), the second, once the path's
 * automatic work is done, lets the thrower go on — so an escalation end event that ends the sub-process cannot
 * cut the path short.
 */
function throwEscalation(def: CompiledProcess, snapshot: Snapshot, thrower: ParsedElement, tokenId: string, at: string, steps: StepRecord[]): Snapshot {
  const code = (thrower as { escalationCode: string }).escalationCode;
  if (snapshot.context.tokens[tokenId]?.thrown) {
    return apply(def, snapshot, { type: 'bpmn.escalation', escalationCode: code, elementId: tokenId, interrupting: false, at }, steps);
  }
  const caught = findCatcher(def.index, snapshot.context, tokenId, 'escalation', code);
  const event: MachineEvent = {
    type: 'bpmn.escalation',
    escalationCode: code,
    elementId: tokenId,
    ...(caught ? { boundaryId: caught.id } : {}),
    interrupting: caught?.interrupting ?? false,
    at,
  };
  return apply(def, snapshot, event, steps);
}

function describe(def: CompiledProcess, snapshot: Snapshot, steps: StepRecord[]): StepResult {
  const context = snapshot.context;
  return {
    state: persist(def, snapshot),
    status: statusOf(def, snapshot),
    activeElementIds: snapshot.status === 'active' ? activeElements(def, snapshot).map((e) => e.id) : [],
    variables: structuredClone(context.variables),
    waits: deriveWaits(def, context),
    steps,
    completedBy: structuredClone(context.completedBy),
    initiator: context.initiator,
    ...(context.error ? { error: { ...context.error } } : {}),
    ...heldTokens(context),
  };
}

function heldTokens(context: InstanceContext): { held?: string[] } {
  const held = Object.keys(context.tokens).filter((id) => context.tokens[id].incident || context.tokens[id].items?.some((i) => i.incident));
  return held.length ? { held } : {};
}

function persist(def: CompiledProcess, snapshot: Snapshot): PersistedInstanceState {
  // Round-trip through JSON so the app stores exactly what it will hand back.
  const persisted = JSON.parse(JSON.stringify(def.machine.getPersistedSnapshot(snapshot))) as PersistedInstanceState['snapshot'];
  return { format: STATE_FORMAT, processKey: def.key, snapshot: persisted };
}

function statusOf(def: CompiledProcess, snapshot: Snapshot): InstanceStatus {
  if (snapshot.status === 'active') return 'active';
  const finalState = typeof snapshot.value === 'string' ? snapshot.value : '';
  if (finalState === CANCELLED) return 'cancelled';
  if (finalState === ERRORED) return 'terminated';
  const el = def.elements[def.stateElements.get(finalState) ?? ''];
  return el?.kind === 'endEvent' && el.terminate ? 'terminated' : 'completed';
}

/** Elements whose states are active, in document order (synthetic block and path states left out), each once. */
function activeElements(def: CompiledProcess, snapshot: Snapshot): ParsedElement[] {
  const ids = new Set(activeTokens(def, snapshot).map((t) => t.el.id));
  return def.elementOrder.filter((id) => ids.has(id)).map((id) => def.elements[id]);
}

/** The active element states with their token ids (an element runs once per copy of an event sub-process it is in), in document order. */
function activeTokens(def: CompiledProcess, snapshot: Snapshot): Array<{ tokenId: string; el: ParsedElement }> {
  const states = new Set<string>();
  const collect = (value: StateValue): void => {
    if (typeof value === 'string') {
      states.add(value);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      states.add(key);
      if (child) collect(child);
    }
  };
  collect(snapshot.value);
  const order = new Map(def.elementOrder.map((id, i) => [id, i]));
  return [...states]
    .flatMap((state) => {
      const id = def.stateElements.get(state);
      // The state id is the element's (same length) followed by its copy.
      return id === undefined ? [] : [{ tokenId: id + state.slice(id.length), el: def.elements[id] }];
    })
    .sort((a, b) => (order.get(a.el.id) as number) - (order.get(b.el.id) as number) || a.tokenId.localeCompare(b.tokenId));
}

function itemInfo(token: Token, item: ItemToken): WaitItem {
  return { index: item.index, value: item.value, collectionKey: token.key, count: token.items?.length ?? 0 };
}

/** Derives the open waits from the context's tokens (tokens exist exactly while their element is active). */
function deriveWaits(def: CompiledProcess, context: InstanceContext): Wait[] {
  const waits: Wait[] = [];
  const order = new Map(def.elementOrder.map((id, i) => [id, i]));
  const tokenIds = Object.keys(context.tokens).sort((a, b) => (order.get(elementOf(a)) ?? 0) - (order.get(elementOf(b)) ?? 0) || a.localeCompare(b));
  for (const tokenId of tokenIds) {
    const token = context.tokens[tokenId];
    const id = elementOf(tokenId);
    const el = def.elements[id];
    switch (el.kind) {
      case 'userTask': {
        // A task held by an incident (its linked form missing) has no open task until the incident is retried.
        const units = token.incident ? [] : token.items ? openItems(token) : [undefined];
        for (const item of units) {
          const unit = item ?? token;
          waits.push({
            kind: 'userTask',
            key: unit.key,
            elementId: id,
            name: el.name ?? id,
            candidateRoles: unit.candidateRoles ?? [],
            form: el.form,
            ...(el.camundaForm ? { camundaForm: el.camundaForm } : {}),
            separateFrom: el.separateFrom,
            ...(unit.separateFromSubjects ? { separateFromSubjects: unit.separateFromSubjects } : {}),
            ...(unit.dueAt ? { dueAt: unit.dueAt } : {}),
            ...(item ? { item: { ...itemInfo(token, item), completedBy: (token.items ?? []).flatMap((i) => (i.completedBy ? [i.completedBy] : [])) } } : {}),
          });
        }
        break;
      }
      case 'callActivity': {
        const units = token.items ? openItems(token) : [undefined];
        for (const item of units) {
          const unit = item ?? token;
          waits.push({
            kind: 'child',
            key: unit.key,
            elementId: id,
            processKey: el.calledElement as string,
            variables: unit.variables ?? {},
            ...(item ? { item: itemInfo(token, item) } : {}),
          });
        }
        break;
      }
      case 'serviceTask':
        for (const item of el.external ? (token.items ? openItems(token) : [undefined]) : []) {
          const unit = item ?? token;
          waits.push({
            kind: 'job',
            key: unit.key,
            elementId: id,
            name: el.name ?? id,
            jobType: el.jobType as string,
            headers: el.headers ?? {},
            retries: el.retries ?? DEFAULT_JOB_RETRIES,
            variables: unit.variables ?? {},
            ...(item ? { item: itemInfo(token, item) } : {}),
          });
        }
        break;
      case 'timerCatch':
        waits.push({ kind: 'timer', key: token.key, elementId: id, dueAt: token.dueAt as string, ...eventGatewayOf(def, id) });
        break;
      case 'boundaryTimer':
        waits.push({
          kind: 'timer',
          key: token.key,
          elementId: id,
          dueAt: token.dueAt as string,
          boundary: { attachedTo: el.attachedTo, interrupting: el.interrupting },
          ...(token.remaining !== undefined ? { remaining: token.remaining } : {}),
        });
        break;
      case 'boundaryMessage':
        waits.push({
          kind: 'message',
          key: token.key,
          elementId: id,
          name: token.messageName ?? (el.messageName as string),
          ...(token.correlationKey !== undefined ? { correlationKey: token.correlationKey } : {}),
          boundary: { attachedTo: el.attachedTo, interrupting: el.interrupting },
        });
        break;
      case 'signalCatch':
        waits.push({ kind: 'signal', key: token.key, elementId: id, name: el.signalName as string, ...eventGatewayOf(def, id) });
        break;
      case 'boundarySignal':
        waits.push({
          kind: 'signal',
          key: token.key,
          elementId: id,
          name: el.signalName as string,
          boundary: { attachedTo: el.attachedTo, interrupting: el.interrupting },
        });
        break;
      case 'messageCatch':
        waits.push({
          kind: 'message',
          key: token.key,
          elementId: id,
          name: token.messageName ?? (el.messageName as string),
          ...(token.correlationKey !== undefined ? { correlationKey: token.correlationKey } : {}),
          ...eventGatewayOf(def, id),
        });
        break;
      case 'startEvent':
        waits.push(...eventSubWaits(el, token));
        break;
      default:
        // Rule and service tasks hold a token only while the runner works on them.
        break;
    }
  }
  return waits;
}

/** The armed timer, message or signal start event of an event sub-process is a wait. */
function eventSubWaits(start: StartEventElement, token: Token): Wait[] {
  if (start.parent === undefined) return [];
  const eventSubProcess = { id: start.parent, interrupting: isInterrupting(start) };
  if (start.trigger.kind === 'timer') {
    return [
      {
        kind: 'timer',
        key: token.key,
        elementId: start.id,
        dueAt: token.dueAt as string,
        ...(token.remaining !== undefined ? { remaining: token.remaining } : {}),
        eventSubProcess,
      },
    ];
  }
  if (start.trigger.kind === 'message') {
    return [
      {
        kind: 'message',
        key: token.key,
        elementId: start.id,
        name: token.messageName ?? start.trigger.messageName,
        ...(token.correlationKey !== undefined ? { correlationKey: token.correlationKey } : {}),
        eventSubProcess,
      },
    ];
  }
  if (start.trigger.kind === 'signal') return [{ kind: 'signal', key: token.key, elementId: start.id, name: start.trigger.signalName, eventSubProcess }];
  return [];
}

function eventGatewayOf(def: CompiledProcess, eventId: string): { eventGateway?: string } {
  for (const [gateway, events] of def.index.eventGateways) if (events.includes(eventId)) return { eventGateway: gateway };
  return {};
}

function toMachineEvent(def: CompiledProcess, event: InstanceEvent, at: string, waits: Wait[]): MachineEvent {
  const find = (kind: Wait['kind'], waitKey: string): string => {
    const wait = waits.find((w) => w.kind === kind && w.key === waitKey);
    if (!wait) throw new EngineError(EngineErrorCode.WaitNotFound, `no open ${kind} wait with key "${waitKey}"`);
    return wait.key;
  };
  switch (event.type) {
    case 'task.complete':
      return {
        type: 'task.complete',
        waitKey: find('userTask', event.waitKey),
        variables: event.variables ?? {},
        ...(event.completedBy ? { completedBy: event.completedBy } : {}),
        at,
      };
    case 'timer.fire':
      return { type: 'timer.fire', waitKey: find('timer', event.waitKey), at };
    case 'signal':
      return { type: 'signal', waitKey: find('signal', event.waitKey), variables: event.variables ?? {}, at };
    case 'child.complete':
      return { type: 'child.complete', waitKey: find('child', event.waitKey), variables: event.variables ?? {}, at };
    case 'job.complete': {
      const wait = waits.find((w) => w.kind === 'job' && w.key === event.waitKey);
      if (wait?.kind !== 'job') throw new EngineError(EngineErrorCode.WaitNotFound, `no open job wait with key "${event.waitKey}"`);
      const el = def.elements[wait.elementId] as ServiceTaskElement;
      const output = toPlainRecord(event.variables ?? {});
      const variables = withinFeelStep(() => taskOutput(el, { ...wait.variables, ...output })) ?? output;
      return { type: 'service.result', waitKey: wait.key, variables, at };
    }
    case 'message': {
      const matches = waits.filter(
        (w) =>
          w.kind === 'message' &&
          w.name === event.name &&
          (event.waitKey === undefined || w.key === event.waitKey) &&
          (event.correlationKey === undefined || w.correlationKey === event.correlationKey),
      );
      if (matches.length === 0) throw new EngineError(EngineErrorCode.WaitNotFound, `no open wait for message "${event.name}"`);
      if (matches.length > 1) {
        throw new EngineError(
          EngineErrorCode.WaitAmbiguous,
          `message "${event.name}" matches ${matches.length} waits (${matches.map((m) => m.key).join(', ')}); pass a waitKey`,
        );
      }
      return { type: 'message', waitKey: matches[0].key, variables: event.variables ?? {}, at };
    }
    case 'cancel':
      return { type: 'cancel', at };
    case 'child.error':
    case 'job.error':
    case 'incident.retry':
    default:
      throw new EngineError(EngineErrorCode.InvalidEvent, `unknown event type "${(event as { type?: unknown }).type}"`);
  }
}
