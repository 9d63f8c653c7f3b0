import { type DefinitionIndex, type InstanceContext, messageToken, nextKey, timerToken } from './instance.js';
import type { ParsedElement, StartEventElement } from './model.js';
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

/** Whether the event sub-process of this start event can be started now (its scope runs, and no instance of a non-interrupting one does). */
export function isArmed(ctx: InstanceContext, startId: string): boolean {
  const token = ctx.tokens[startId];
  return token !== undefined && !token.paused;
}

/**
 * Arms the start event: a new timer (from now) or message subscription (correlation key evaluated now), or a marker
 * for errors and escalations. A paused token (a non-interrupting one whose instance has just ended) reopens under a
 * new key, keeping a cycle's schedule.
 */
export function armEventSub(ctx: InstanceContext, index: DefinitionIndex, startId: string): void {
  const start = index.elements.get(startId) as StartEventElement;
  const paused = ctx.tokens[startId];
  const key = nextKey(ctx, startId);
  if (paused?.paused && start.trigger.kind === 'timer') {
    const { paused: _paused, ...schedule } = paused;
    ctx.tokens[startId] = { ...schedule, key };
    return;
  }
  const trigger = start.trigger;
  if (trigger.kind === 'timer') ctx.tokens[startId] = timerToken(key, ctx, startId, trigger.timer, new Date(ctx.now));
  else if (trigger.kind === 'message') ctx.tokens[startId] = messageToken(ctx, trigger, key, startId);
  else ctx.tokens[startId] = { key };
}

export function disarmEventSub(ctx: InstanceContext, startId: string): void {
  delete ctx.tokens[startId];
}

/**
 * A non-interrupting event sub-process started: its start event pauses until that instance ends. A timer cycle
 * keeps its next occurrence; any other timer is used up (the event sub-process will not start again).
 */
export function fireEventSub(ctx: InstanceContext, index: DefinitionIndex, startId: string): void {
  const start = index.elements.get(startId) as StartEventElement;
  const token = ctx.tokens[startId];
  if (start.trigger.kind !== 'timer') {
    ctx.tokens[startId] = { key: token?.key ?? startId, paused: true };
    return;
  }
  const next = token?.dueAt ? nextOccurrence({ dueAt: token.dueAt, remaining: token.remaining, period: token.period }) : undefined;
  if (next) ctx.tokens[startId] = { key: token?.key ?? startId, ...next, paused: true };
  else delete ctx.tokens[startId];
}

/** Whether the start event rearms once its instance ends (a message, an escalation, a cycle with firings left). */
export function rearms(ctx: InstanceContext, startId: string): boolean {
  return ctx.tokens[startId]?.paused === true;
}

/**
 * The catcher of an error or escalation thrown at `from` (the throwing activity or event): the boundary events of
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
  for (let id = from; id !== undefined; id = index.elements.get(id)?.parent) {
    const boundary = pick(
      (index.boundaries.get(id) ?? []).flatMap((b) =>
        b.kind === boundaryKind ? [{ id: b.id, interrupting: b.interrupting, code: b.kind === 'boundaryError' ? b.errorCode : b.escalationCode }] : [],
      ),
    );
    if (boundary) return { id: boundary.id, interrupting: boundary.interrupting };
    const starts = eventSubStartsOf(index, index.elements.get(id)?.parent).flatMap((s) =>
      s.trigger.kind === kind && isArmed(ctx, s.id)
        ? [{ id: s.id, interrupting: isInterrupting(s), code: s.trigger.kind === 'error' ? s.trigger.errorCode : startEscalationCode(s) }]
        : [],
    );
    const start = pick(starts);
    if (start) return { id: start.id, interrupting: start.interrupting };
  }
  return undefined;
}

function startEscalationCode(start: StartEventElement): string | undefined {
  return start.trigger.kind === 'escalation' ? start.trigger.escalationCode : undefined;
}
