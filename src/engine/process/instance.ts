import { EngineError, EngineErrorCode } from './errors.js';
import { copyOf, elementOf } from './event-subprocesses.js';
import { evaluateFeel, feelIsTrue, isFeel, toPlain, toPlainRecord } from './feel.js';
import { engineLimits } from './limits.js';
import type {
  BoundaryElement,
  CallActivityElement,
  EndEventElement,
  MultiInstance,
  MultiInstanceActivity,
  ParsedElement,
  PublishElement,
  StartEventElement,
  TaskMappings,
  TimerDefinition,
  UserTaskElement,
} from './model.js';
import { multiInstanceOf } from './model.js';
import { nextOccurrence, resolveDueDate, resolveTimer } from './timers.js';

/** The extended state of an instance, kept in the XState snapshot's context (JSON-plain). */
export interface InstanceContext {
  variables: Record<string, unknown>;
  /** How often each element was entered: wait keys are `elementId:n`, so a re-entered element gets a new key. */
  counters: Record<string, number>;
  /**
   * What each active waiting or automatic element (and each armed boundary timer) holds, by token id: the element id,
   * plus its copy inside parallel instances of non-interrupting event sub-processes (event-subprocesses.ts).
   */
  tokens: Record<string, Token>;
  /** Who completed each user task, each subject once, latest completer last (multi-instance items included). */
  completedBy: Record<string, string[]>;
  initiator: string | null;
  startEventId: string;
  /**
   * When the event being applied happened (set from the event by the first action of every transition).
   * Entry actions read the time from here: during a macrostep XState hands them internal events such as
   * `xstate.done.state.*`, which carry no time.
   */
  now: string;
  /** Tokens waiting at parallel joins outside fork/join blocks: per join (and copy of its scope), how many arrived on each incoming flow. */
  joins?: Record<string, Record<string, number>>;
  /** Set when a BPMN error no boundary event caught ended the instance. */
  error?: { code: string; elementId: string };
}

export interface Token {
  key: string;
  dueAt?: string;
  remaining?: number;
  period?: string;
  candidateRoles?: string[];
  /** User task: subjects from the FEEL entries of `aimsflow:separateFrom`, resolved at entry. */
  separateFromSubjects?: string[];
  correlationKey?: string;
  /** Message catch or boundary event whose message name is FEEL: the name it evaluated to when the wait opened. */
  messageName?: string;
  /** Call activity: the variables the child instance starts with; external job: the variables its worker gets. */
  variables?: Record<string, unknown>;
  /** Multi-instance: one entry per collection item. */
  items?: ItemToken[];
  /** Multi-instance: the completion condition held after an item completed; the items still open are cancelled as the activity is left. */
  completionMet?: true;
  /** Escalation throw or end event: a non-interrupting boundary event has caught its escalation (it goes on next). */
  thrown?: boolean;
  /** Sub-process with inputs: the values its local variables shadowed (`absent`: names that had none), restored when it is left. */
  shadowed?: Record<string, unknown>;
  absent?: string[];
  /** Sub-process with outputs: their values, computed when its inner flow ended, merged once it is left. */
  outputs?: Record<string, unknown>;
  /**
   * Held by an incident until `incident.retry`: a service task whose handler threw a BPMN error nothing catches
   * (`errorCode`), a business rule task or user task whose linked rule set or form is not deployed.
   */
  incident?: { errorCode?: string; message: string };
}

export interface ItemToken {
  key: string;
  index: number;
  value: unknown;
  done: boolean;
  /** Sequential multi-instance: not open yet; it opens (its roles, due date, child input resolved) when the item before it completes. */
  pending?: true;
  output?: unknown;
  completedBy?: string;
  dueAt?: string;
  candidateRoles?: string[];
  separateFromSubjects?: string[];
  variables?: Record<string, unknown>;
  /** A service or business rule task item held by an incident until `incident.retry` (see Token.incident). */
  incident?: { errorCode?: string; message: string };
}

export interface StartInput {
  variables: Record<string, unknown>;
  startEventId: string;
  initiator: string | null;
  at: string;
}

/** Events the machine understands; every one carries the time the runner applied it (`at`) so entry actions stay pure. */
export type MachineEvent =
  | { type: 'task.complete'; waitKey: string; variables: Record<string, unknown>; completedBy?: string; at: string }
  | { type: 'timer.fire'; waitKey: string; at: string }
  | { type: 'message'; waitKey: string; variables: Record<string, unknown>; at: string }
  | { type: 'signal'; waitKey: string; variables: Record<string, unknown>; at: string }
  /** The runner published what the send task, throw or end event holding this wait sends; `variables`: its output mappings. */
  | { type: 'bpmn.published'; waitKey: string; variables: Record<string, unknown>; at: string }
  | { type: 'child.complete'; waitKey: string; variables: Record<string, unknown>; at: string }
  /** `variables`: what the task's output mappings give (merged after the result variable is written). */
  | { type: 'rule.result'; waitKey: string; result: unknown; decisionId?: string; variables?: Record<string, unknown>; at: string }
  | { type: 'service.result'; waitKey: string; variables: Record<string, unknown>; at: string }
  /**
   * A BPMN error thrown at `elementId` (error end event, service task, called process); `boundaryId` is the error
   * boundary event the runner found to catch it, absent when none does. Its variables are merged when caught.
   */
  | { type: 'bpmn.error'; errorCode: string; elementId: string; boundaryId?: string; variables: Record<string, unknown>; at: string }
  /**
   * An escalation thrown at `elementId`; `boundaryId` is the escalation boundary event that catches it (absent: none
   * does, and the thrower just goes on), `interrupting` whether that boundary cancels its sub-process.
   */
  | { type: 'bpmn.escalation'; escalationCode: string; elementId: string; boundaryId?: string; interrupting: boolean; at: string }
  /** The task keeps its token, held by an incident (see Token.incident); `itemKey`: only that multi-instance item is held. */
  | { type: 'bpmn.incident'; elementId: string; itemKey?: string; errorCode?: string; message: string; at: string }
  /** The incident is retried: the runner runs the task's handler or rule set again, or opens the user task. */
  | { type: 'bpmn.retry'; elementId: string; at: string }
  | { type: 'cancel'; at: string };

/** Element metadata the context operations need. */
export interface DefinitionIndex {
  elements: Map<string, ParsedElement>;
  /** Activity id → the boundary events attached to it. */
  boundaries: Map<string, BoundaryElement[]>;
  /** Event-based gateway id → the catch events its flows lead to, each once (their waits belong to the gateway). */
  eventGateways: Map<string, string[]>;
  /** Process (key `undefined`) or embedded sub-process id → the start events of its event sub-processes. */
  eventSubStarts: Map<string | undefined, StartEventElement[]>;
  /** Elements inside non-interrupting event sub-processes → how many enclose them (the parts of their token ids' copy). */
  copyDepths: Map<string, number>;
}

export function initialContext(input: StartInput): InstanceContext {
  return {
    variables: toPlainRecord(input.variables),
    counters: {},
    tokens: {},
    completedBy: {},
    initiator: input.initiator,
    startEventId: input.startEventId,
    now: input.at,
  };
}

function element<K extends ParsedElement['kind']>(index: DefinitionIndex, id: string): Extract<ParsedElement, { kind: K }> {
  return index.elements.get(id) as Extract<ParsedElement, { kind: K }>;
}

export function nextKey(ctx: InstanceContext, id: string): string {
  const n = (ctx.counters[id] ?? 0) + 1;
  ctx.counters[id] = n;
  return `${id}:${n}`;
}

export function timerToken(key: string, ctx: InstanceContext, id: string, timer: TimerDefinition | undefined, at: Date): Token {
  return { key, ...resolveTimer(timer as TimerDefinition, ctx.variables, at, id) };
}

function candidateRoles(el: UserTaskElement, scope: Record<string, unknown>): string[] {
  // None written: the wait names no role; the app gives the task to administrators (the deployment warned about it).
  if (el.candidateRoles === undefined) return [];
  const raw = el.candidateRoles;
  const value = isFeel(raw) ? evaluateFeel(raw, scope, el.id) : raw;
  const roles = (typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [])
    .filter((r): r is string => typeof r === 'string')
    .map((r) => r.trim())
    .filter(Boolean);
  if (roles.length === 0) {
    throw new EngineError(EngineErrorCode.InvalidCandidateRoles, `candidate roles "${raw}" gave ${JSON.stringify(value)}, not a role or list of roles`, el.id);
  }
  return roles;
}

function childInput(el: CallActivityElement, scope: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = el.mapping.allIn ? { ...scope } : {};
  for (const m of el.mapping.inputs) input[m.target] = evaluateFeel(m.source, scope, el.id);
  const itemVariable = el.multiInstance?.elementVariable;
  if (itemVariable) input[itemVariable] = scope[itemVariable];
  return toPlainRecord(input);
}

/**
 * What one multi-instance item sees: the variables, its number as `loopCounter` (from 1, as in Camunda 8) and its
 * element variable. Both are local to the item: they never reach the instance variables.
 */
export function itemScope(variables: Record<string, unknown>, mi: MultiInstance, item: { index: number; value: unknown }): Record<string, unknown> {
  return { ...variables, loopCounter: item.index + 1, ...(mi.elementVariable ? { [mi.elementVariable]: item.value } : {}) };
}

/** The items of a multi-instance activity, evaluated once on entry: its collection, or 1..n for a loop cardinality n. */
function itemValues(mi: MultiInstance, variables: Record<string, unknown>, id: string): unknown[] {
  const maxItems = engineLimits().maxMultiInstanceItems;
  const tooMany = (what: string, n: number): EngineError =>
    new EngineError(EngineErrorCode.InvalidCollection, `${what} has ${n} items; at most ${maxItems} are allowed (AIMSFLOW_MAX_MULTI_INSTANCE_ITEMS)`, id);
  if (mi.loopCardinality) {
    const n = evaluateFeel(mi.loopCardinality, variables, id);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new EngineError(
        EngineErrorCode.InvalidCollection,
        `multi-instance loopCardinality "${mi.loopCardinality}" gave ${JSON.stringify(n)}, not a whole number of items`,
        id,
      );
    }
    if (n > maxItems) throw tooMany(`multi-instance loopCardinality "${mi.loopCardinality}"`, n);
    return Array.from({ length: n }, (_, i) => i + 1);
  }
  const collection = evaluateFeel(mi.collection, variables, id);
  if (!Array.isArray(collection)) {
    throw new EngineError(EngineErrorCode.InvalidCollection, `multi-instance collection "${mi.collection}" gave ${JSON.stringify(collection)}, not a list`, id);
  }
  if (collection.length > maxItems) throw tooMany(`multi-instance collection "${mi.collection}"`, collection.length);
  return collection;
}

/** The items of a multi-instance token that wait now: neither done nor (sequential) still to open. */
export function openItems(token: Token): ItemToken[] {
  return (token.items ?? []).filter((i) => !i.done && !i.pending);
}

/** Whether a multi-instance activity is done: every item completed, or its completion condition held. */
export function itemsFinished(token: Token | undefined): boolean {
  return !!token?.completionMet || (token?.items ?? []).every((i) => i.done);
}

function childOutput(el: CallActivityElement, childVariables: Record<string, unknown>): Record<string, unknown> {
  const output: Record<string, unknown> = el.mapping.allOut ? { ...childVariables } : {};
  for (const m of el.mapping.outputs) output[m.target] = evaluateFeel(m.source, childVariables, el.id);
  return toPlainRecord(output);
}

/** A missing key must not quietly match every message of that name. */
function correlationKey(expression: string, variables: Record<string, unknown>, elementId: string): string {
  const value = evaluateFeel(expression, variables, elementId);
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new EngineError(EngineErrorCode.InvalidCorrelationKey, `correlation key "${expression}" gave ${JSON.stringify(value)}`, elementId);
  }
  return String(value);
}

/**
 * The subjects the FEEL entries of `aimsflow:separateFrom` name: each must give a subject or a list of subjects.
 * Nothing usable (null, a number, an object) fails the step rather than quietly dropping the constraint.
 */
function separateFromSubjects(el: UserTaskElement, scope: Record<string, unknown>): string[] | undefined {
  if (!el.separateFromExpressions?.length) return undefined;
  const subjects: string[] = [];
  for (const expression of el.separateFromExpressions) {
    const value = evaluateFeel(expression, scope, el.id);
    const list = Array.isArray(value) ? value : [value];
    if (list.some((v) => typeof v !== 'string')) {
      throw new EngineError(
        EngineErrorCode.InvalidCandidateRoles,
        `aimsflow:separateFrom entry "=${expression}" gave ${JSON.stringify(value)}, not a subject or list of subjects`,
        el.id,
      );
    }
    for (const subject of list as string[]) {
      const trimmed = subject.trim();
      if (trimmed && !subjects.includes(trimmed)) subjects.push(trimmed);
    }
  }
  return subjects;
}

/** What one unit of work (the activity, or one multi-instance item) needs, resolved against its scope at entry. */
function work(el: MultiInstanceActivity, scope: Record<string, unknown>, at: Date): Partial<Token> {
  if (el.kind === 'callActivity') return { variables: childInput(el, scope) };
  // The worker gets the variables as they are when the job is created, overlaid with the task's inputs.
  if (el.kind === 'serviceTask') return el.external ? { variables: taskInput(el, scope) } : {};
  // Handlers and rule sets get their input when the runner calls them; a script runs on entry.
  if (el.kind === 'businessRuleTask' || el.kind === 'scriptTask') return {};
  const subjects = separateFromSubjects(el, scope);
  const local = taskInput(el, scope);
  return {
    candidateRoles: candidateRoles(el, local),
    ...(el.dueDate ? { dueAt: resolveDueDate(el.dueDate, local, at, el.id) } : {}),
    ...(subjects ? { separateFromSubjects: subjects } : {}),
  };
}

type Mapped = TaskMappings & { id: string };

/** What a task sees: the variables overlaid with its input mappings (evaluated over the variables). */
export function taskInput(el: Mapped, variables: Record<string, unknown>): Record<string, unknown> {
  if (!el.inputs?.length) return variables;
  const input: Record<string, unknown> = { ...variables };
  for (const m of el.inputs) input[m.target] = evaluateFeel(m.source, variables, el.id);
  return toPlainRecord(input);
}

/** The output mappings of a task or event, evaluated over what it saw plus what it produced; undefined without mappings. */
export function taskOutput(el: Mapped, scope: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!el.outputs?.length) return undefined;
  const output: Record<string, unknown> = {};
  for (const m of el.outputs) output[m.target] = evaluateFeel(m.source, scope, el.id);
  return toPlainRecord(output);
}

/** Entry of a waiting or automatic element: new wait key, resolved timers/roles/inputs, and its boundary timers armed. */
export function activate(ctx: InstanceContext, index: DefinitionIndex, tokenId: string): void {
  const id = elementOf(tokenId);
  const el = index.elements.get(id) as ParsedElement;
  const at = new Date(ctx.now);
  const key = nextKey(ctx, tokenId);
  const copy = copyOf(tokenId);
  const mi = multiInstanceOf(el);
  if (mi) {
    const activity = el as MultiInstanceActivity;
    // Sequential: only the first item opens now, the others when the one before them completes.
    const items = itemValues(mi, ctx.variables, id).map((value, index): ItemToken => {
      const item = { key: `${key}/${index}`, index, value: toPlain(value), done: false };
      return mi.sequential && index > 0 ? { ...item, pending: true } : { ...item, ...work(activity, itemScope(ctx.variables, mi, item), at) };
    });
    ctx.tokens[tokenId] = { key, items };
    collectIfDone(ctx, activity, tokenId);
  } else if (el.kind === 'userTask' || el.kind === 'callActivity') {
    ctx.tokens[tokenId] = { key, ...work(el, ctx.variables, at) };
  } else if (el.kind === 'timerCatch' || el.kind === 'messageCatch') {
    ctx.tokens[tokenId] = catchToken(ctx, el, key, at);
  } else if (el.kind === 'eventBasedGateway') {
    // The gateway holds the waits of every event it leads to; the first to occur is taken, the rest vanish on exit.
    ctx.tokens[tokenId] = { key };
    for (const eventId of index.eventGateways.get(id) ?? []) {
      const event = index.elements.get(eventId) as ParsedElement;
      ctx.tokens[eventId + copy] = catchToken(ctx, event, nextKey(ctx, eventId + copy), at);
    }
  } else if (el.kind === 'subProcess' && el.inputs?.length) {
    ctx.tokens[tokenId] = { key, ...enterScope(ctx, el) };
  } else if (el.kind === 'serviceTask' && el.external) {
    ctx.tokens[tokenId] = { key, ...work(el, ctx.variables, at) };
  } else {
    ctx.tokens[tokenId] = { key };
  }
  for (const boundary of index.boundaries.get(id) ?? []) {
    const boundaryToken = boundary.id + copy;
    if (boundary.kind === 'boundaryTimer') ctx.tokens[boundaryToken] = timerToken(nextKey(ctx, boundaryToken), ctx, boundary.id, boundary.timer, at);
    if (boundary.kind === 'boundaryMessage') ctx.tokens[boundaryToken] = messageToken(ctx, boundary, nextKey(ctx, boundaryToken), boundary.id);
    if (boundary.kind === 'boundarySignal') ctx.tokens[boundaryToken] = { key: nextKey(ctx, boundaryToken) };
  }
}

export function messageToken(ctx: InstanceContext, el: { messageName?: string; correlationKey?: string }, key: string, id: string): Token {
  return {
    key,
    ...(el.messageName && isFeel(el.messageName) ? { messageName: messageName(el.messageName, ctx.variables, id) } : {}),
    ...(el.correlationKey ? { correlationKey: correlationKey(el.correlationKey, ctx.variables, id) } : {}),
  };
}

/** A message name written as FEEL (Camunda 8 `name="=…"`), evaluated when the subscription opens. */
function messageName(expression: string, variables: Record<string, unknown>, elementId: string): string {
  const value = evaluateFeel(expression, variables, elementId);
  if ((typeof value !== 'string' || !value.trim()) && typeof value !== 'number') {
    throw new EngineError(EngineErrorCode.InvalidMessageName, `message name "${expression}" gave ${JSON.stringify(value)}, not a name`, elementId);
  }
  return String(value).trim();
}

function catchToken(ctx: InstanceContext, el: ParsedElement, key: string, at: Date): Token {
  if (el.kind === 'timerCatch') return timerToken(key, ctx, el.id, el.timer, at);
  if (el.kind === 'messageCatch') return messageToken(ctx, el, key, el.id);
  return { key };
}

/** A sub-process's inputs become variables for its inner flow; what they hide is kept to be restored on leaving. */
function enterScope(ctx: InstanceContext, el: ParsedElement & TaskMappings): Partial<Token> {
  const local = taskInput(el, ctx.variables);
  const shadowed: Record<string, unknown> = {};
  const absent: string[] = [];
  for (const { target } of el.inputs ?? []) {
    if (target in ctx.variables) shadowed[target] = ctx.variables[target];
    else absent.push(target);
    ctx.variables[target] = local[target];
  }
  return { shadowed, absent };
}

/** The inner flow of a sub-process ended: its outputs are evaluated now, over its local variables too. */
export function scopeOutputs(ctx: InstanceContext, index: DefinitionIndex, tokenId: string): void {
  const id = elementOf(tokenId);
  const el = index.elements.get(id) as ParsedElement & TaskMappings;
  const token = ctx.tokens[tokenId];
  const outputs = taskOutput({ ...el, id }, ctx.variables);
  if (token && outputs) token.outputs = outputs;
}

export function deactivate(ctx: InstanceContext, index: DefinitionIndex, tokenId: string): void {
  const id = elementOf(tokenId);
  const copy = copyOf(tokenId);
  const token = ctx.tokens[tokenId];
  if (token?.shadowed) {
    for (const name of token.absent ?? []) delete ctx.variables[name];
    Object.assign(ctx.variables, token.shadowed);
  }
  if (token?.outputs) mergeVariables(ctx, token.outputs);
  delete ctx.tokens[tokenId];
  for (const eventId of index.eventGateways.get(id) ?? []) delete ctx.tokens[eventId + copy];
  for (const boundary of index.boundaries.get(id) ?? []) delete ctx.tokens[boundary.id + copy];
}

export function mergeVariables(ctx: InstanceContext, variables: Record<string, unknown>): void {
  Object.assign(ctx.variables, toPlainRecord(variables));
}

/** A script task: its FEEL expression over the variables and its inputs; the value goes to the result variable (and through its outputs). */
export function runScript(ctx: InstanceContext, index: DefinitionIndex, tokenId: string): void {
  const id = elementOf(tokenId);
  const el = element<'scriptTask'>(index, id);
  const evaluate = (scope: Record<string, unknown>): Record<string, unknown> => {
    const local = taskInput(el, scope);
    const produced = { [el.resultVariable as string]: toPlain(evaluateFeel(el.expression as string, local, id)) };
    return { ...produced, ...taskOutput(el, { ...local, ...produced }) };
  };
  const mi = el.multiInstance;
  const token = ctx.tokens[tokenId];
  if (!mi || !token) {
    mergeVariables(ctx, evaluate(ctx.variables));
    return;
  }
  // Once per item in collection order (parallel or sequential alike), until all are done or the completion condition holds.
  for (let item = openItems(token)[0]; item && !itemsFinished(token); item = openItems(token)[0]) {
    completeItem(ctx, index, tokenId, item.key, evaluate(itemScope(ctx.variables, mi, item)));
  }
}

/**
 * What completed a user task or reached a message catch event: through its output mappings (over the variables,
 * its inputs — evaluated again, the token is gone by now — and what was sent) when it has them, otherwise all of it.
 */
export function mergeOutputs(ctx: InstanceContext, index: DefinitionIndex, tokenId: string, sent: Record<string, unknown>): void {
  const id = elementOf(tokenId);
  const el = index.elements.get(id) as ParsedElement & TaskMappings;
  const mapped = el.outputs?.length ? taskOutput({ ...el, id }, { ...taskInput({ ...el, id }, ctx.variables), ...toPlainRecord(sent) }) : undefined;
  mergeVariables(ctx, mapped ?? sent);
}

/** Each subject once, ordered by latest completion: a task in a loop must not grow the instance without bound. */
export function recordCompleter(ctx: InstanceContext, tokenId: string, completedBy: string | undefined): void {
  const id = elementOf(tokenId);
  if (completedBy) ctx.completedBy[id] = [...(ctx.completedBy[id] ?? []).filter((subject) => subject !== completedBy), completedBy];
}

export function completeChild(ctx: InstanceContext, index: DefinitionIndex, tokenId: string, childVariables: Record<string, unknown>): void {
  mergeVariables(ctx, childOutput(element<'callActivity'>(index, elementOf(tokenId)), childVariables));
}

export function applyRuleResult(ctx: InstanceContext, index: DefinitionIndex, tokenId: string, result: unknown, mapped?: Record<string, unknown>): void {
  const { resultVariable } = element<'businessRuleTask'>(index, elementOf(tokenId));
  // Without one the decision is only recorded (the step's decisionIds).
  if (resultVariable) ctx.variables[resultVariable] = toPlain(result);
  if (mapped) mergeVariables(ctx, mapped);
}

/** What completed one multi-instance item: the variables a person, child, handler or worker gave, or a rule set's result under the result variable. */
export type ItemEvent = Extract<MachineEvent, { type: 'task.complete' | 'child.complete' | 'service.result' | 'rule.result' }>;

export function itemResult(index: DefinitionIndex, tokenId: string, event: ItemEvent): Record<string, unknown> {
  const el = index.elements.get(elementOf(tokenId)) as MultiInstanceActivity;
  if (event.type === 'rule.result') {
    const { resultVariable } = el as Extract<MultiInstanceActivity, { kind: 'businessRuleTask' }>;
    return { ...(resultVariable ? { [resultVariable]: toPlain(event.result) } : {}), ...toPlainRecord(event.variables ?? {}) };
  }
  return el.kind === 'callActivity' ? childOutput(el, event.variables) : toPlainRecord(event.variables);
}

/** One multi-instance item done: its result (outputElement, or what completed it) is kept for the output collection. */
export function completeItem(
  ctx: InstanceContext,
  index: DefinitionIndex,
  tokenId: string,
  waitKey: string,
  result: Record<string, unknown>,
  completedBy?: string,
): void {
  const id = elementOf(tokenId);
  const el = index.elements.get(id) as MultiInstanceActivity;
  const mi = el.multiInstance;
  const token = ctx.tokens[tokenId];
  const item = token?.items?.find((i) => i.key === waitKey);
  if (!mi || !token?.items || !item) return;
  item.done = true;
  // As in Camunda 8 the output element sees the item's local scope: its inputs as well as what completed it.
  const scope = { ...taskInput(el as Mapped, itemScope(ctx.variables, mi, item)), ...result };
  if (mi.outputCollection) item.output = mi.outputElement ? evaluateFeel(mi.outputElement, scope, id) : result;
  if (el.kind === 'userTask' && completedBy) {
    item.completedBy = completedBy;
    recordCompleter(ctx, id, completedBy);
  }
  if (mi.completionCondition && feelIsTrue(mi.completionCondition, { ...scope, ...instanceCounts(token.items), ...outputsSoFar(mi, token.items) }, id)) {
    token.completionMet = true;
  } else if (mi.sequential) {
    const next = token.items.find((i) => i.pending);
    if (next) {
      delete next.pending;
      Object.assign(next, work(el, itemScope(ctx.variables, mi, next), new Date(ctx.now)));
    }
  }
  collectIfDone(ctx, el, tokenId);
}

/** What a completion condition counts, by Camunda 8's names and Camunda 7's. */
function instanceCounts(items: ItemToken[]): Record<string, number> {
  const total = items.length;
  const completed = items.filter((i) => i.done).length;
  const active = items.filter((i) => !i.done && !i.pending).length;
  return {
    numberOfInstances: total,
    numberOfActiveInstances: active,
    numberOfCompletedInstances: completed,
    nrOfInstances: total,
    nrOfActiveInstances: active,
    nrOfCompletedInstances: completed,
  };
}

/** The output collection as it stands: completed items' results in item order, `null` for the others (as in Camunda 8). */
function outputsSoFar(mi: MultiInstance, items: ItemToken[]): Record<string, unknown> {
  return mi.outputCollection ? { [mi.outputCollection]: items.map((i) => (i.done ? (i.output ?? null) : null)) } : {};
}

/**
 * Writes the output collection once every item is done. This happens here rather than on the transition out,
 * because XState runs exit actions (which drop the items) before transition actions.
 */
function collectIfDone(ctx: InstanceContext, el: MultiInstanceActivity, tokenId: string): void {
  const mi = el.multiInstance;
  const token = ctx.tokens[tokenId];
  if (mi?.outputCollection && token && itemsFinished(token)) Object.assign(ctx.variables, outputsSoFar(mi, token.items ?? []));
}

/**
 * A non-interrupting boundary event fired: a message boundary keeps listening under a new key (same correlation
 * key) while its activity is active; a timer cycle re-arms under a new key; any other timer is used up.
 */
export function fireBoundary(ctx: InstanceContext, index: DefinitionIndex, id: string): void {
  const token = ctx.tokens[id];
  const kind = index.elements.get(elementOf(id))?.kind;
  if (kind === 'boundaryMessage' || kind === 'boundarySignal') {
    ctx.tokens[id] = { ...token, key: nextKey(ctx, id) };
    return;
  }
  const next = token?.dueAt ? nextOccurrence({ dueAt: token.dueAt, remaining: token.remaining, period: token.period }) : undefined;
  if (next) ctx.tokens[id] = { key: nextKey(ctx, id), ...next };
  else delete ctx.tokens[id];
}

/** A message or signal a send task, throw event or end event publishes. */
export interface Published {
  kind: 'message' | 'signal';
  elementId: string;
  name: string;
  correlationKey?: string;
  /** The element's inputs (its local variables); empty without input mappings. */
  variables: Record<string, unknown>;
}

/** Evaluates what an element publishes over the variables and its inputs; `outputs`: its output mappings over the same scope. */
export function resolvePublication(
  el: PublishElement | EndEventElement,
  variables: Record<string, unknown>,
): { published: Published; outputs: Record<string, unknown> } {
  const publish = el.publish as NonNullable<EndEventElement['publish']>;
  const local = taskInput(el, variables);
  const sent = Object.fromEntries((el.inputs ?? []).map((m) => [m.target, local[m.target]]));
  const raw = publish.name as string;
  const published: Published = {
    kind: publish.trigger,
    elementId: el.id,
    name: isFeel(raw) ? messageName(raw, local, el.id) : raw,
    ...(publish.correlationKey ? { correlationKey: correlationKey(publish.correlationKey, local, el.id) } : {}),
    variables: structuredClone(sent),
  };
  return { published, outputs: taskOutput(el, local) ?? {} };
}
