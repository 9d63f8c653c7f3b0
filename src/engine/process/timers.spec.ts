import { EngineErrorCode } from './errors.js';
import { addDuration, nextOccurrence, parseCycle, parseDate, parseDuration, resolveDueDate, resolveTimer, timerDefinitionProblem } from './timers.js';

const NOW = new Date('2026-01-31T10:00:00.000Z');

describe('ISO 8601 timers', () => {
  it('parses durations, dates with offsets, and cycles', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7.5 });
    expect(parseDuration('PT48H')).toMatchObject({ hours: 48 });
    for (const bad of ['P', 'PT', 'P1DT', '30D', 'P-1D', 'P1.5D']) expect(parseDuration(bad)).toBeUndefined();
    expect(parseDate('2027-01-01T00:00:00Z')?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(parseDate('2027-01-01T01:00:00+01:00')?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(parseDate('2027-01-01')?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(parseDate('2027-01-01T00:00:00')).toBeUndefined();
    expect(parseDate('2027-13-45T00:00:00Z')).toBeUndefined();
    expect(parseCycle('R3/P1Y')).toMatchObject({ repetitions: 3, periodText: 'P1Y' });
    expect(parseCycle('R/P1D')).toMatchObject({ repetitions: undefined, periodText: 'P1D' });
    expect(parseCycle('R2/2027-01-01T00:00:00Z/P1M')).toMatchObject({ repetitions: 2, periodText: 'P1M' });
    for (const bad of ['R0/P1D', 'P1D', 'R3/P1D/2027-01-01T00:00:00Z', 'R3/']) expect(parseCycle(bad)).toBeUndefined();
  });

  it('adds calendar durations in UTC, clamping to the end of the month', () => {
    expect(addDuration(NOW, parseDuration('P1M')!).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addDuration(new Date('2028-01-31T00:00:00Z'), parseDuration('P1M')!).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addDuration(NOW, parseDuration('P1Y2W')!).toISOString()).toBe('2027-02-14T10:00:00.000Z');
    expect(addDuration(NOW, parseDuration('PT36H')!).toISOString()).toBe('2026-02-01T22:00:00.000Z');
  });

  it('resolves each kind of timer from now', () => {
    expect(resolveTimer({ type: 'duration', expression: 'P30D' }, {}, NOW)).toEqual({ dueAt: '2026-03-02T10:00:00.000Z' });
    expect(resolveTimer({ type: 'date', expression: '2027-01-01T00:00:00Z' }, {}, NOW)).toEqual({ dueAt: '2027-01-01T00:00:00.000Z' });
    expect(resolveTimer({ type: 'cycle', expression: 'R3/P1D' }, {}, NOW)).toEqual({ dueAt: '2026-02-01T10:00:00.000Z', remaining: 3, period: 'P1D' });
    expect(resolveTimer({ type: 'cycle', expression: 'R/P1Y' }, {}, NOW)).toEqual({ dueAt: '2027-01-31T10:00:00.000Z', period: 'P1Y' });
  });

  it('skips the occurrences of a cycle whose start lies in the past', () => {
    // Jan 1, 8, 15, 22 and 29 are over: five of ten repetitions are left, the next on Feb 5.
    expect(resolveTimer({ type: 'cycle', expression: 'R10/2026-01-01T00:00:00Z/P7D' }, {}, NOW)).toEqual({
      dueAt: '2026-02-05T00:00:00.000Z',
      remaining: 5,
      period: 'P7D',
    });
    // When every occurrence is over, the last one is still due (at once) rather than silently lost.
    expect(resolveTimer({ type: 'cycle', expression: 'R2/2026-01-01T00:00:00Z/P7D' }, {}, NOW)).toEqual({
      dueAt: '2026-01-08T00:00:00.000Z',
      remaining: 1,
      period: 'P7D',
    });
  });

  it('resolves FEEL timers from variables (with or without temporal FEEL values)', () => {
    expect(resolveTimer({ type: 'duration', expression: '=reviewInterval' }, { reviewInterval: 'P1Y' }, NOW).dueAt).toBe('2027-01-31T10:00:00.000Z');
    expect(resolveTimer({ type: 'duration', expression: '=duration("P2D")' }, {}, NOW).dueAt).toBe('2026-02-02T10:00:00.000Z');
    expect(resolveTimer({ type: 'date', expression: '=date and time(deadline)' }, { deadline: '2026-06-01T12:00:00Z' }, NOW).dueAt).toBe(
      '2026-06-01T12:00:00.000Z',
    );
    expect(resolveTimer({ type: 'cycle', expression: '="R" + string(times) + "/P1D"' }, { times: 2 }, NOW)).toMatchObject({ remaining: 2 });
    expect(() => resolveTimer({ type: 'duration', expression: '=missing' }, {}, NOW, 'T')).toThrow(
      expect.objectContaining({ code: EngineErrorCode.InvalidTimer, elementId: 'T' }),
    );
    expect(() => resolveTimer({ type: 'date', expression: '=d' }, { d: 'P1D' }, NOW)).toThrow(/not an ISO 8601 date-time/);
  });

  it('steps a cycle to its next occurrence until it is used up', () => {
    const first = resolveTimer({ type: 'cycle', expression: 'R2/P1D' }, {}, NOW);
    const second = nextOccurrence(first);
    expect(second).toEqual({ dueAt: '2026-02-02T10:00:00.000Z', remaining: 1, period: 'P1D' });
    expect(nextOccurrence(second!)).toBeUndefined();
    expect(nextOccurrence({ dueAt: NOW.toISOString() })).toBeUndefined();
    expect(nextOccurrence({ dueAt: NOW.toISOString(), period: 'P1D' })).toEqual({ dueAt: '2026-02-01T10:00:00.000Z', period: 'P1D' });
  });

  it('resolves due dates as a duration from now or a date', () => {
    expect(resolveDueDate('P2D', {}, NOW)).toBe('2026-02-02T10:00:00.000Z');
    expect(resolveDueDate('2026-03-01', {}, NOW)).toBe('2026-03-01T00:00:00.000Z');
    expect(resolveDueDate('=if severity = "major" then "P1D" else "P7D"', { severity: 'major' }, NOW)).toBe('2026-02-01T10:00:00.000Z');
    expect(() => resolveDueDate('=42', {}, NOW)).toThrow(expect.objectContaining({ code: EngineErrorCode.InvalidTimer }));
  });

  it('checks timer definitions at deploy time', () => {
    expect(timerDefinitionProblem({ type: 'duration', expression: 'P1D' })).toBeUndefined();
    expect(timerDefinitionProblem({ type: 'duration', expression: '=x' })).toBeUndefined();
    expect(timerDefinitionProblem({ type: 'cycle', expression: 'P1D' })).toMatch(/repeating interval/);
    expect(timerDefinitionProblem({ type: 'duration', expression: '=x +' })).toMatch(/not valid FEEL/);
  });
});
