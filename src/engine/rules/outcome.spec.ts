import { CompiledRuleSet } from './compiled-rule-set.js';
import type { OutcomeSpec, RuleSetDocument } from './types.js';

/** Each rule fires when its name is in the `fire` fact, so a test picks exactly which events fire. */
function ruleSet(outcome: OutcomeSpec, rules: Array<{ name: string; params: Record<string, unknown>; priority?: number }>) {
  const document: RuleSetDocument = {
    key: 'outcome-test',
    kind: 'test',
    title: 'Outcome test',
    description: 'Outcome strategies',
    factsSchema: { type: 'object', properties: { fire: { type: 'array', items: { type: 'string' } } } },
    rules: rules.map(({ name, params, priority }) => ({
      name,
      description: name,
      conditions: { all: [{ fact: 'fire', operator: 'contains', value: name }] },
      event: { type: 'test', params },
      ...(priority ? { priority } : {}),
    })),
    outcome,
  };
  const compiled = CompiledRuleSet.compile(document);
  return async (...fire: string[]) => (await compiled.evaluate({ fire })).outcome;
}

describe('collect', () => {
  const decide = ruleSet(
    {
      strategy: 'collect',
      lists: ['tags'],
      merge: { any: 'or', every: 'and', most: 'max', least: 'min' },
      defaults: { tags: ['none'], any: false, label: 'default', untouched: 'kept' },
    },
    [
      { name: 'a', params: { tags: ['x', 'y'], any: false, every: true, most: 1, least: 5, label: 'a' } },
      { name: 'b', params: { tags: 'z', any: true, every: false, most: 3, least: 2, label: 'b' }, priority: 5 },
      { name: 'c', params: { tags: ['y', 'x', 'w'], label: 'c' } },
    ],
  );

  it('returns the defaults when nothing fires', async () => {
    expect(await decide()).toEqual({ tags: ['none'], any: false, label: 'default', untouched: 'kept' });
  });

  it('concatenates lists (flattened, de-duplicated) in precedence order: priority, then document order', async () => {
    expect((await decide('a', 'b', 'c')).tags).toEqual(['z', 'x', 'y', 'w']);
    expect((await decide('c', 'a')).tags).toEqual(['x', 'y', 'w']);
  });

  it('merges with or/and/max/min', async () => {
    expect(await decide('a', 'b')).toMatchObject({ any: true, every: false, most: 3, least: 2 });
    expect(await decide('a')).toMatchObject({ any: false, every: true, most: 1, least: 5 });
  });

  it('lets the highest priority win other params, ties going to the earlier rule', async () => {
    expect((await decide('a', 'b', 'c')).label).toBe('b');
    expect((await decide('a', 'c')).label).toBe('a');
  });

  it('keeps defaults for params no fired event sets', async () => {
    expect(await decide('c')).toEqual({ tags: ['y', 'x', 'w'], any: false, label: 'c', untouched: 'kept' });
  });

  it('hands out fresh default lists', async () => {
    const first = await decide();
    (first.tags as string[]).push('mutated');
    expect((await decide()).tags).toEqual(['none']);
  });
});

describe('collect with an index', () => {
  const decide = ruleSet({ strategy: 'collect', index: { from: 'controls', carry: ['why', 'basis'] }, defaults: { controls: [] } }, [
    { name: 'always', params: { controls: ['A.10.2', 'A.2.2'], why: 'always', basis: ['x'] } },
    { name: 'sometimes', params: { controls: ['A.2.2', 'A.6.1.2'], why: 'sometimes' } },
    { name: 'single', params: { controls: 'A.6.2.8', why: 'one', basis: ['y'] }, priority: 2 },
  ]);

  it('gives one entry per id in natural order, naming every rule with the carried params', async () => {
    expect(await decide('always', 'sometimes', 'single')).toEqual({
      controls: [
        {
          id: 'A.2.2',
          sources: [
            { rule: 'always', why: 'always', basis: ['x'] },
            { rule: 'sometimes', why: 'sometimes' },
          ],
        },
        { id: 'A.6.1.2', sources: [{ rule: 'sometimes', why: 'sometimes' }] },
        { id: 'A.6.2.8', sources: [{ rule: 'single', why: 'one', basis: ['y'] }] },
        { id: 'A.10.2', sources: [{ rule: 'always', why: 'always', basis: ['x'] }] },
      ],
    });
  });

  it('uses the default when nothing fires and never leaks carried params to the top level', async () => {
    expect(await decide()).toEqual({ controls: [] });
    expect(Object.keys(await decide('always'))).toEqual(['controls']);
  });
});

describe('highest', () => {
  const decide = ruleSet(
    {
      strategy: 'highest',
      field: 'level',
      scale: ['low', 'mid', 'top'],
      lists: ['basis'],
      listsFromAllLevels: ['duties'],
      defaults: { level: 'low', basis: [], duties: [], note: 'none' },
    },
    [
      { name: 'mid-1', params: { level: 'mid', basis: ['m1'], duties: ['d1'], note: 'mid-1' } },
      { name: 'top-1', params: { level: 'top', basis: ['t1'] } },
      { name: 'mid-2', params: { level: 'mid', basis: ['m2'], duties: ['d2'], note: 'mid-2' }, priority: 3 },
      { name: 'top-2', params: { level: 'top', basis: ['t2', 't1'], note: 'top-2' } },
    ],
  );

  it('returns the defaults when nothing fires', async () => {
    expect(await decide()).toEqual({ level: 'low', basis: [], duties: [], note: 'none' });
  });

  it('takes the highest level and the lists of the events at that level only', async () => {
    expect(await decide('mid-1', 'top-1', 'top-2')).toEqual({ level: 'top', basis: ['t1', 't2'], duties: ['d1'], note: 'top-2' });
  });

  it('merges ties at the winning level by precedence', async () => {
    expect(await decide('mid-1', 'mid-2')).toEqual({ level: 'mid', basis: ['m2', 'm1'], duties: ['d2', 'd1'], note: 'mid-2' });
  });

  it('collects listsFromAllLevels from every fired event', async () => {
    expect((await decide('mid-1', 'mid-2', 'top-1')).duties).toEqual(['d2', 'd1']);
  });
});

describe('first', () => {
  const decide = ruleSet({ strategy: 'first', defaults: { delay: 'P90D' } }, [
    { name: 'low', params: { delay: 'P60D', extra: 1 } },
    { name: 'urgent', params: { delay: 'P7D' }, priority: 10 },
    { name: 'also-low', params: { delay: 'P45D' } },
  ]);

  it('takes the fired event with the highest priority', async () => {
    expect(await decide('low', 'urgent', 'also-low')).toEqual({ delay: 'P7D' });
  });

  it('breaks priority ties by document order', async () => {
    expect(await decide('also-low', 'low')).toEqual({ delay: 'P60D', extra: 1 });
  });

  it('returns the defaults when nothing fires', async () => {
    expect(await decide()).toEqual({ delay: 'P90D' });
  });
});
