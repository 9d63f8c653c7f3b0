import { Engine } from 'json-rules-engine';
import { CompiledRuleSet, ENGINE_OPTIONS } from './compiled-rule-set.js';
import type { RuleDefinition, RuleSetDocument, TopLevelCondition } from './types.js';

/**
 * CompiledRuleSet must fire exactly what json-rules-engine fires when called directly with the
 * same rules and options, for every construct the format allows.
 */

const factsSchema = {
  type: 'object',
  properties: {
    n: { type: 'number' },
    limit: { type: 'number' },
    s: { type: 'string' },
    flag: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    scores: { type: 'array', items: { type: 'number' } },
    obj: { type: 'object' },
  },
};

const rule = (name: string, conditions: TopLevelCondition, extra: Partial<RuleDefinition> = {}): RuleDefinition => ({
  name,
  description: `rule ${name}`,
  conditions,
  event: { type: name, params: { from: name } },
  ...extra,
});

const doc = (key: string, rules: RuleDefinition[], sharedConditions?: RuleSetDocument['sharedConditions']): RuleSetDocument => ({
  key,
  kind: 'test',
  title: key,
  description: key,
  factsSchema,
  ...(sharedConditions ? { sharedConditions } : {}),
  rules,
  outcome: { strategy: 'collect' },
});

const documents: RuleSetDocument[] = [
  doc('every-operator', [
    rule('equal', { all: [{ fact: 's', operator: 'equal', value: 'a' }] }),
    rule('not-equal', { all: [{ fact: 's', operator: 'notEqual', value: 'a' }] }),
    rule('less', { all: [{ fact: 'n', operator: 'lessThan', value: 3 }] }),
    rule('less-incl', { all: [{ fact: 'n', operator: 'lessThanInclusive', value: 3 }] }),
    rule('greater', { all: [{ fact: 'n', operator: 'greaterThan', value: 3 }] }),
    rule('greater-incl', { all: [{ fact: 'n', operator: 'greaterThanInclusive', value: 3 }] }),
    rule('in', { any: [{ fact: 's', operator: 'in', value: ['a', 'b'] }] }),
    rule('not-in', { any: [{ fact: 's', operator: 'notIn', value: ['a', 'b'] }] }),
    rule('contains', { all: [{ fact: 'tags', operator: 'contains', value: 'x' }] }),
    rule('does-not-contain', { all: [{ fact: 'tags', operator: 'doesNotContain', value: 'x' }] }),
  ]),
  doc('nesting-and-priorities', [
    rule(
      'deep',
      {
        all: [
          { any: [{ fact: 'flag', operator: 'equal', value: true }, { not: { fact: 'n', operator: 'lessThan', value: 0 } }] },
          {
            not: {
              all: [
                { fact: 's', operator: 'equal', value: 'b' },
                { fact: 'tags', operator: 'contains', value: 'y' },
              ],
            },
          },
        ],
      },
      { priority: 5 },
    ),
    rule(
      'not-root',
      {
        not: {
          any: [
            { fact: 'flag', operator: 'equal', value: true },
            { fact: 'n', operator: 'greaterThan', value: 4 },
          ],
        },
      },
      { priority: 3 },
    ),
    rule('condition-priorities', {
      any: [
        { fact: 's', operator: 'equal', value: 'a', priority: 10 },
        { fact: 'n', operator: 'equal', value: 2, priority: 1 },
      ],
    }),
    rule('empty-all', { all: [] }, { priority: 2 }),
    rule('empty-any', { any: [] }),
  ]),
  doc('paths-params-references', [
    rule('path', { all: [{ fact: 'obj', path: '$.inner.level', operator: 'greaterThanInclusive', value: 2 }] }),
    rule('path-array', { all: [{ fact: 'obj', path: '$.labels[0]', operator: 'equal', value: 'first' }] }),
    rule('params-on-static-fact', { all: [{ fact: 'n', params: { unit: 'x' }, operator: 'greaterThan', value: 1 }] }),
    rule('fact-value', { all: [{ fact: 'n', operator: 'lessThan', value: { fact: 'limit' } }] }),
    rule('fact-value-path', { all: [{ fact: 'limit', operator: 'equal', value: { fact: 'obj', path: '$.inner.level' } }] }),
    rule('undefined-fact', { all: [{ fact: 'flag', operator: 'notEqual', value: true }] }),
  ]),
  doc(
    'shared-conditions',
    [
      rule('uses-shared', { all: [{ condition: 'positive' }, { fact: 's', operator: 'in', value: ['a', 'c'] }] }),
      rule('root-reference', { condition: 'tagged-positive' }, { priority: 4 }),
      rule('negated-reference', { not: { condition: 'positive' } }),
    ],
    {
      positive: { all: [{ fact: 'n', operator: 'greaterThan', value: 0 }] },
      'tagged-positive': { all: [{ condition: 'positive' }, { fact: 'tags', operator: 'contains', value: 'x' }] },
    },
  ),
  doc('decorators', [
    rule('some-fact-in', { all: [{ fact: 'tags', operator: 'someFact:in', value: ['x', 'z'] }] }),
    rule('every-fact-gt', { all: [{ fact: 'scores', operator: 'everyFact:greaterThan', value: 2 }] }),
    rule('some-value-equal', { all: [{ fact: 's', operator: 'someValue:equal', value: ['b', 'c'] }] }),
    rule('not-equal-decorated', { all: [{ fact: 's', operator: 'not:equal', value: 'a' }] }),
    rule('swap-in', { all: [{ fact: 's', operator: 'swap:contains', value: ['a', 'b'] }] }),
  ]),
];

/** Deterministic fact sets, including missing facts and odd values. */
function factSets(count: number): Array<Record<string, unknown>> {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(values: T[]): T => values[Math.floor(random() * values.length)];
  const sets: Array<Record<string, unknown>> = [{}];
  for (let i = 0; i < count; i++) {
    const facts: Record<string, unknown> = {};
    const maybe = (key: string, value: () => unknown) => {
      if (random() < 0.8) facts[key] = value();
    };
    maybe('n', () => pick([-1, 0, 1, 2, 3, 4, 5, 2.5]));
    maybe('limit', () => pick([0, 2, 3, 10]));
    maybe('s', () => pick(['a', 'b', 'c', '']));
    maybe('flag', () => pick([true, false]));
    maybe('tags', () => pick([[], ['x'], ['y'], ['x', 'y'], ['z']]));
    maybe('scores', () => pick([[], [3, 4], [1, 5], [9]]));
    maybe('obj', () => pick([{}, { inner: { level: 2 } }, { inner: { level: 1 }, labels: ['first'] }, { labels: ['second'] }]));
    sets.push(facts);
  }
  return sets;
}

function bareEngine(document: RuleSetDocument): Engine {
  const engine = new Engine(structuredClone(document.rules), ENGINE_OPTIONS);
  for (const [name, condition] of Object.entries(document.sharedConditions ?? {})) engine.setCondition(name, structuredClone(condition));
  return engine;
}

describe('fidelity with bare json-rules-engine', () => {
  const facts = factSets(60);

  it.each(documents.map((d) => [d.key, d] as const))('%s fires the same events', async (_key, document) => {
    const compiled = CompiledRuleSet.compile(document);
    const engine = bareEngine(document);
    let fired = 0;
    for (const set of facts) {
      const expected = await engine.run(set);
      const decision = await compiled.evaluate(set);
      expect(decision.events.map(({ type, params }) => ({ type, params }))).toEqual(expected.events);
      expect(decision.events.map((e) => e.rule)).toEqual(expected.results.map((r) => r.name));
      expect(
        decision.explanation
          .filter((r) => r.fired)
          .map((r) => r.name)
          .sort(),
      ).toEqual(expected.results.map((r) => r.name).sort());
      fired += expected.events.length;
    }
    // The fact sets must exercise the rules, not just agree on "nothing fired".
    expect(fired).toBeGreaterThan(facts.length / 2);
  });

  it('every rule of every document fires for some fact set and fails for another', async () => {
    for (const document of documents) {
      const compiled = CompiledRuleSet.compile(document);
      const outcomes = new Map<string, Set<boolean>>();
      for (const set of facts) {
        for (const rule of (await compiled.evaluate(set)).explanation) {
          outcomes.set(rule.name, (outcomes.get(rule.name) ?? new Set()).add(rule.fired));
        }
      }
      const always = [...outcomes].filter(([name, seen]) => seen.size < 2 && !name.startsWith('empty-')).map(([name]) => name);
      expect(always).toEqual([]);
    }
  });

  it('stays correct when evaluations overlap (one engine, many concurrent runs)', async () => {
    const document = documents[1];
    const compiled = CompiledRuleSet.compile(document);
    const sequential = [];
    for (const set of facts) sequential.push((await compiled.evaluate(set)).events);
    // Start runs while others are mid-flight, at varying offsets.
    const pending: Array<Promise<unknown>> = [];
    for (const [i, set] of facts.entries()) {
      pending.push(compiled.evaluate(set).then((d) => d.events));
      for (let k = 0; k < i % 5; k++) await Promise.resolve();
    }
    expect(await Promise.all(pending)).toEqual(sequential);
  });
});
