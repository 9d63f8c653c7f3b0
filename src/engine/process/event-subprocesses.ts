import { type DefinitionIndex, type InstanceContext, messageToken, nextKey, timerToken } from './instance.js';
import type { DefinitionIssue } from './errors.js';
import type { EngineLimits } from './limits.js';
import { isBoundary, type ParsedElement, type ParsedProcess, type StartEventElement } from './model.js';
import type { Scope, Structure } from './structure.js';
import { nextOccurrence } from './timers.js';

/**
 * Event sub-processes at run time. While its enclosing process or sub-process runs, the start event of each event
 * sub-process holds a token: a timer or message wait, or (error, escalation) a plain marker that says the runner
 * may hand it a thrown error or escalation. Exiting the scope drops the tokens with it.
 */

/** The start events of the event sub-processes drawn directly in `container` (undefined: the process level). */
export function eventSubStartsOf(index: DefinitionIndex, container: string | undefined): StartEventElement[] {
  return index.eventSubStarts.get(container) ?? [];
}

/** Indexes the start events of every event sub-process by the scope the event sub-process sits in. */
export function indexEventSubStarts(elements: ParsedElement[]): Map<string | undefined, StartEventElement[]> {
  const byId = new Map(elements.map((e) => [e.id, e]));
  const starts = new Map<string | undefined, StartEventElement[]>();
  for (const el of elements) {
    const esp = el.parent === undefined ? undefined : byId.get(el.parent);
    if (el.kind !== 'startEvent' || esp?.kind !== 'eventSubProcess') continue;
    starts.set(esp.parent, [...(starts.get(esp.parent) ?? []), el]);
  }
  return starts;
}

export function isInterrupting(start: StartEventElement): boolean {
  return start.interrupting !== false;
}

/** Whether the event sub-process of this start event (its token id) can be started now: its scope runs. */
export function isArmed(ctx: InstanceContext, startTokenId: string): boolean {
  return ctx.tokens[startTokenId] !== undefined;
}

/** Arms the start event: a new timer (from now) or message subscription (correlation key evaluated now), or a marker for errors and escalations. */
export function armEventSub(ctx: InstanceContext, index: DefinitionIndex, startTokenId: string): void {
  const startId = elementOf(startTokenId);
  const trigger = (index.elements.get(startId) as StartEventElement).trigger;
  const key = nextKey(ctx, startTokenId);
  if (trigger.kind === 'timer') ctx.tokens[startTokenId] = timerToken(key, ctx, startId, trigger.timer, new Date(ctx.now));
  else if (trigger.kind === 'message') ctx.tokens[startTokenId] = messageToken(ctx, trigger, key, startId);
  else ctx.tokens[startTokenId] = { key };
}

export function disarmEventSub(ctx: InstanceContext, startTokenId: string): void {
  delete ctx.tokens[startTokenId];
}

/**
 * A non-interrupting event sub-process started an instance; its start event stays armed for the next trigger, which
 * starts another instance beside it: a message or escalation under a new key, a timer cycle at its next occurrence.
 * Any other timer is used up.
 */
export function fireEventSub(ctx: InstanceContext, index: DefinitionIndex, startTokenId: string): void {
  const start = index.elements.get(elementOf(startTokenId)) as StartEventElement;
  const token = ctx.tokens[startTokenId];
  if (start.trigger.kind !== 'timer') {
    ctx.tokens[startTokenId] = { ...token, key: nextKey(ctx, startTokenId) };
    return;
  }
  const next = token?.dueAt ? nextOccurrence({ dueAt: token.dueAt, remaining: token.remaining, period: token.period }) : undefined;
  if (next) ctx.tokens[startTokenId] = { key: nextKey(ctx, startTokenId), ...next };
  else delete ctx.tokens[startTokenId];
}

/**
 * Parallel instances of non-interrupting event sub-processes (and of the paths of non-interrupting boundary events
 * that can wait). A statechart is fixed when it is built, so each is built this many times beside its trigger (XState
 * cannot add regions at run time); each trigger enters the first free copy. The elements inside a copy hold their
 * tokens under `<element id>~<copy>` (one `~<copy>` per enclosing copy, outermost first), so every copy has its own waits.
 */
export const EVENT_SUB_INSTANCES = 10;
const COPY = '~';

/** The element a token id belongs to. */
export function elementOf(tokenId: string): string {
  const at = tokenId.indexOf(COPY);
  return at < 0 ? tokenId : tokenId.slice(0, at);
}

/** The copy part of a token id (`''` outside non-interrupting event sub-processes); its siblings share it. */
export function copyOf(tokenId: string): string {
  const at = tokenId.indexOf(COPY);
  return at < 0 ? '' : tokenId.slice(at);
}

/** The suffix of copy `n` (1-based) inside the copy `outer`. */
export function copySuffix(outer: string, n: number): string {
  return `${outer}${COPY}${n}`;
}

/**
 * How many copies enclose each element whose token lives in one: the non-interrupting event sub-processes around it,
 * then the waiting reminder paths (`copiedPath`) it is on. The start event of an event sub-process belongs to the
 * scope around it, where it waits for its trigger, and a boundary event to the activity it is attached to.
 */
export function indexCopyDepths(elements: ParsedElement[], copiedPath: (boundaryId: string) => boolean, scopeOf: Map<string, Scope>): Map<string, number> {
  const byId = new Map(elements.map((e) => [e.id, e]));
  const copied = (e: ParsedElement | undefined): boolean =>
    e?.kind === 'eventSubProcess' && elements.some((s) => s.parent === e.id && s.kind === 'startEvent' && s.interrupting === false);
  const espDepth = (el: ParsedElement): number => {
    let depth = 0;
    let parent = el.parent;
    if (el.kind === 'startEvent' && copied(parent === undefined ? undefined : byId.get(parent))) parent = byId.get(parent as string)?.parent;
    for (; parent !== undefined; parent = byId.get(parent)?.parent) if (copied(byId.get(parent))) depth++;
    return depth;
  };
  // Paths stay in their container, so only the paths' own copies add up along the way to the main flow.
  const pathDepth = (id: string): number => {
    const el = byId.get(id);
    if (el && isBoundary(el)) return pathDepth(el.attachedTo);
    const scope = scopeOf.get(id);
    if (scope?.kind !== 'path') return 0;
    return pathDepth(scope.boundaryId) + (copiedPath(scope.boundaryId) ? 1 : 0);
  };
  const depths = new Map<string, number>();
  for (const el of elements) {
    const depth = espDepth(el) + pathDepth(el.id);
    if (depth) depths.set(el.id, depth);
  }
  return depths;
}

/**
 * The copies make the statechart bigger: every element counts EVENT_SUB_INSTANCES^depth states. A definition whose
 * chart would exceed ten times the element limit is refused, so nested copies cannot blow up compilation. Any path
 * with a job type on it counts as copied (whether the job is external is only known with the app's handlers).
 */
export function copySizeIssues(p: ParsedProcess, structure: Structure, limits: EngineLimits): DefinitionIssue[] {
  const mayWait = (boundaryId: string): boolean => {
    const path = structure.paths.get(boundaryId);
    return p.elements.some((e) => structure.scopeOf.get(e.id) === path && e.kind === 'serviceTask' && !e.handler && e.jobType !== undefined);
  };
  let states = 0;
  for (const depth of indexCopyDepths(p.elements, mayWait, structure.scopeOf).values()) states += EVENT_SUB_INSTANCES ** depth - 1;
  states += p.elements.length;
  const max = limits.maxElements * EVENT_SUB_INSTANCES;
  if (states <= max) return [];
  return [
    {
      elementId: p.key,
      message: `would be built with ${states} states: each non-interrupting event sub-process, and each boundary path with a job on it, is built ${EVENT_SUB_INSTANCES} times to run instances side by side (nested ones ${EVENT_SUB_INSTANCES ** 2} times); at most ${max} are allowed (${EVENT_SUB_INSTANCES} × AIMSFLOW_BPMN_MAX_ELEMENTS)`,
    },
  ];
}

/** The token id of `elementId` seen from the token `from` inside it or beside it (an enclosing element shares the outer part of its copy). */
export function tokenIdOf(index: DefinitionIndex, elementId: string, from: string): string {
  const depth = index.copyDepths.get(elementId) ?? 0;
  if (!depth) return elementId;
  return elementId + COPY + copyOf(from).slice(1).split(COPY).slice(0, depth).join(COPY);
}

/**
 * The catcher of an error or escalation thrown at `from` (the token id of the throwing activity or event): the boundary events of
 * each element on the way out, and the armed event sub-processes of each scope it leaves, innermost first; in each
 * place the one naming the code before a catch-all.
 */
export function findCatcher(
  index: DefinitionIndex,
  ctx: InstanceContext,
  from: string | undefined,
  kind: 'error' | 'escalation',
  code: string,
): { id: string; interrupting: boolean } | undefined {
  const boundaryKind = kind === 'error' ? 'boundaryError' : 'boundaryEscalation';
  const pick = <T extends { code?: string }>(candidates: T[]): T | undefined => candidates.find((c) => c.code === code) ?? candidates.find((c) => !c.code);
  const token = (elementId: string): string => (from === undefined ? elementId : tokenIdOf(index, elementId, from));
  for (let id = from === undefined ? undefined : elementOf(from); id !== undefined; id = index.elements.get(id)?.parent) {
    const boundary = pick(
      (index.boundaries.get(id) ?? []).flatMap((b) =>
        b.kind === boundaryKind ? [{ id: b.id, interrupting: b.interrupting, code: b.kind === 'boundaryError' ? b.errorCode : b.escalationCode }] : [],
      ),
    );
    if (boundary) return { id: token(boundary.id), interrupting: boundary.interrupting };
    const starts = eventSubStartsOf(index, index.elements.get(id)?.parent).flatMap((s) =>
      s.trigger.kind === kind && isArmed(ctx, token(s.id))
        ? [{ id: s.id, interrupting: isInterrupting(s), code: s.trigger.kind === 'error' ? s.trigger.errorCode : startEscalationCode(s) }]
        : [],
    );
    const start = pick(starts);
    if (start) return { id: token(start.id), interrupting: start.interrupting };
  }
  return undefined;
}

function startEscalationCode(start: StartEventElement): string | undefined {
  return start.trigger.kind === 'escalation' ? start.trigger.escalationCode : undefined;
}
