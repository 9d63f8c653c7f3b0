import { EngineError, EngineErrorCode } from './errors.js';
import { evaluateFeel, feelSyntaxError, isFeel, stripFeel } from './feel.js';
import { engineLimits } from './limits.js';
import type { TimerDefinition } from './model.js';

/** An ISO 8601 duration split into its calendar and clock parts. */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Where a timer stands: when it is due next and, for cycles, how many firings are left (including this one). */
export interface TimerSchedule {
  dueAt: string;
  /** Cycles only; absent for an unbounded cycle (`R/P1Y`) and for one-shot timers. */
  remaining?: number;
  /** Cycles only: the repeat interval. */
  period?: string;
}

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
// Dates need an explicit offset (or are date-only, taken as UTC midnight) so a due time never depends on the server zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;
const CYCLE = /^R(\d*)\/(.+)$/;

export function parseDuration(text: string): IsoDuration | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  const n = (i: number): number => (m[i] ? Number(m[i]) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

export function parseDate(text: string): Date | undefined {
  const trimmed = text.trim();
  if (!DATE_TIME.test(trimmed)) return undefined;
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

interface Cycle {
  repetitions?: number;
  start?: Date;
  period: IsoDuration;
  periodText: string;
}

/** `R3/P1Y`, `R/P1D` or `R2/2027-01-01T00:00:00Z/P1Y`; the end-anchored form is not supported. */
export function parseCycle(text: string): Cycle | undefined {
  const m = CYCLE.exec(text.trim());
  if (!m) return undefined;
  const repetitions = m[1] ? Number(m[1]) : undefined;
  if (repetitions === 0) return undefined;
  const parts = m[2].split('/');
  const periodText = parts[parts.length - 1];
  const period = parseDuration(periodText);
  if (!period || parts.length > 2) return undefined;
  if (parts.length === 1) return { repetitions, period, periodText };
  const start = parseDate(parts[0]);
  return start ? { repetitions, start, period, periodText } : undefined;
}

/** Adds a duration in UTC; months and years clamp to the end of the month (Jan 31 + P1M = Feb 28/29). */
export function addDuration(from: Date, d: IsoDuration): Date {
  const result = new Date(from.getTime());
  if (d.years || d.months) {
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + d.years * 12 + d.months);
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  result.setUTCDate(result.getUTCDate() + d.weeks * 7 + d.days);
  result.setTime(result.getTime() + ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
  return result;
}

/** The length of a duration without calendar parts (weeks and shorter), or undefined when it has months or years. */
function fixedMs(d: IsoDuration): number | undefined {
  if (d.years || d.months) return undefined;
  return (((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60_000 + d.seconds * 1000;
}

/** The shortest a duration can be: a month counts as 28 days, a year as 365. */
function shortestMs(d: IsoDuration): number {
  return fixedMs({ ...d, years: 0, months: 0, days: d.days + d.years * 365 + d.months * 28 }) as number;
}

function literalProblem(type: TimerDefinition['type'], text: string): string | undefined {
  switch (type) {
    case 'duration':
      return parseDuration(text) ? undefined : `"${text}" is not an ISO 8601 duration (e.g. P30D, PT4H)`;
    case 'date':
      return parseDate(text) ? undefined : `"${text}" is not an ISO 8601 date-time with offset (e.g. 2027-01-01T00:00:00Z)`;
    case 'cycle': {
      const cycle = parseCycle(text);
      if (!cycle) return `"${text}" is not an ISO 8601 repeating interval (e.g. R3/P1Y, R/P1D)`;
      const minimum = engineLimits().minCyclePeriodMs;
      if (shortestMs(cycle.period) < minimum) {
        return `"${text}" repeats every ${cycle.periodText}; a cycle may repeat at most every ${minimum / 1000} s (AIMSFLOW_TIMER_MIN_CYCLE_MS)`;
      }
      return undefined;
    }
  }
}

/** Deploy-time check of a timer: ISO 8601 text of the right kind, or FEEL that parses. */
export function timerDefinitionProblem(timer: TimerDefinition): string | undefined {
  if (isFeel(timer.expression)) {
    const error = feelSyntaxError(stripFeel(timer.expression));
    return error ? `timer expression "${timer.expression}" is not valid FEEL: ${error}` : undefined;
  }
  return literalProblem(timer.type, timer.expression);
}

/** Deploy-time check of a due date: ISO duration or date, or FEEL. */
export function dueDateProblem(expression: string): string | undefined {
  if (isFeel(expression)) {
    const error = feelSyntaxError(stripFeel(expression));
    return error ? `due date "${expression}" is not valid FEEL: ${error}` : undefined;
  }
  return parseDuration(expression) || parseDate(expression) ? undefined : `due date "${expression}" is neither an ISO 8601 duration nor a date`;
}

function expressionText(expression: string, variables: Record<string, unknown>, elementId?: string): string {
  if (!isFeel(expression)) return expression.trim();
  const value = evaluateFeel(expression, variables, elementId);
  if (typeof value !== 'string') {
    throw new EngineError(EngineErrorCode.InvalidTimer, `"${expression}" evaluated to ${JSON.stringify(value)}, not an ISO 8601 text`, elementId);
  }
  return value;
}

/** The latest due time the service stores (PostgreSQL and JavaScript dates reach further; people's plans do not). */
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59);

/** A due time as ISO text; one beyond the year 9999 (`P1000000Y`) fails the step instead of the database write. */
function dueText(date: Date, expression: string, elementId?: string): string {
  const time = date.getTime();
  if (Number.isNaN(time) || time > LATEST || time < 0)
    throw new EngineError(EngineErrorCode.InvalidTimer, `"${expression}" lies beyond the year 9999`, elementId);
  return date.toISOString();
}

/** Resolves a timer against the variables at `now`: due time, and for cycles the remaining count and period. */
export function resolveTimer(timer: TimerDefinition, variables: Record<string, unknown>, now: Date, elementId?: string): TimerSchedule {
  const text = expressionText(timer.expression, variables, elementId);
  const problem = literalProblem(timer.type, text);
  if (problem) throw new EngineError(EngineErrorCode.InvalidTimer, problem, elementId);
  if (timer.type === 'duration') return { dueAt: dueText(addDuration(now, parseDuration(text) as IsoDuration), text, elementId) };
  if (timer.type === 'date') return { dueAt: dueText(parseDate(text) as Date, text, elementId) };
  const cycle = parseCycle(text) as Cycle;
  const { due, remaining } = skipPast(cycle.start ?? addDuration(now, cycle.period), cycle, now);
  return { dueAt: dueText(due, text, elementId), period: cycle.periodText, ...(remaining === undefined ? {} : { remaining }) };
}

/**
 * A start in the past skips the occurrences that are already over rather than firing them all at
 * once: counted arithmetically for periods of weeks and shorter, one by one for months and years (a
 * month is not always as long, and a cycle is at least a minute long, so that stays short).
 */
function skipPast(start: Date, cycle: Cycle, now: Date): { due: Date; remaining?: number } {
  let due = start;
  let remaining = cycle.repetitions;
  const behind = now.getTime() - due.getTime();
  if (behind <= 0) return { due, remaining };
  const period = fixedMs(cycle.period);
  if (period) {
    const skipped = Math.min(Math.ceil(behind / period), remaining === undefined ? Number.POSITIVE_INFINITY : remaining - 1);
    return { due: new Date(due.getTime() + skipped * period), remaining: remaining === undefined ? undefined : remaining - skipped };
  }
  while (due.getTime() < now.getTime() && (remaining === undefined || remaining > 1)) {
    due = addDuration(due, cycle.period);
    if (remaining !== undefined) remaining -= 1;
  }
  return { due, remaining };
}

/** The next occurrence of a cycle after one firing, or undefined when it is used up (or not a cycle). */
export function nextOccurrence(schedule: TimerSchedule): TimerSchedule | undefined {
  if (!schedule.period || schedule.remaining === 1) return undefined;
  const period = parseDuration(schedule.period) as IsoDuration;
  return {
    dueAt: addDuration(new Date(schedule.dueAt), period).toISOString(),
    period: schedule.period,
    ...(schedule.remaining === undefined ? {} : { remaining: schedule.remaining - 1 }),
  };
}

/** A user-task due date: a duration counts from `now`, a date is taken as is. */
export function resolveDueDate(expression: string, variables: Record<string, unknown>, now: Date, elementId?: string): string {
  const text = expressionText(expression, variables, elementId);
  const duration = parseDuration(text);
  if (duration) return dueText(addDuration(now, duration), text, elementId);
  const date = parseDate(text);
  if (date) return dueText(date, text, elementId);
  throw new EngineError(EngineErrorCode.InvalidTimer, `due date "${text}" is neither an ISO 8601 duration nor a date`, elementId);
}
