import { CompiledRuleSet } from './compiled-rule-set.js';
import type { BooleanConditionExplanation, RuleDefinition, RuleSetDocument } from './types.js';

const rule = (name: string, conditions: RuleDefinition['conditions'], priority?: number): RuleDefinition => ({
  name,
  description: `explains ${name}`,
  conditions,
  event: { type: name },
  ...(priority ? { priority } : {}),
});

const document: RuleSetDocument = {
  key: 'explained',
  kind: 'test',
  title: 'Explained',
  description: 'Rules exercising every explanation feature',
  factsSchema: {
    type: 'object',
    properties: { n: { type: 'number' }, limit: { type: 'number' }, s: { type: 'string' }, flag: { type: 'boolean' }, obj: { type: 'object' } },
  },
  sharedConditions: { positive: { all: [{ fact: 'n', operator: 'greaterThan', value: 0 }] } },
  rules: [
    rule(
      'leaf-details',
      {
        all: [
          { fact: 'n', operator: 'lessThan', value: { fact: 'limit' }, name: 'below-limit' },
          { fact: 'obj', path: '$.level', params: { unit: 'm' }, operator: 'equal', value: 2 },
        ],
      },
      3,
    ),
    rule('short-circuit', {
      all: [
        { fact: 's', operator: 'equal', value: 'x', priority: 5 },
        { fact: 'n', operator: 'equal', value: 1, priority: 1 },
      ],
    }),
    rule('evaluated-reference', { any: [{ condition: 'positive' }] }),
    rule('skipped-reference', {
      any: [
        { fact: 'flag', operator: 'equal', value: true, priority: 9 },
        { condition: 'positive', priority: 1 },
      ],
    }),
    rule('root-not', { not: { fact: 'flag', operator: 'equal', value: true } }),
    rule('missing-fact', { all: [{ fact: 'limit', operator: 'greaterThan', value: 0 }] }),
  ],
  outcome: { strategy: 'collect' },
};

describe('explanation', () => {
  const compiled = CompiledRuleSet.compile(document);
  const explain = async (facts: Record<string, unknown>) => (await compiled.evaluate(facts)).explanation;

  it('lists every rule in document order with its metadata and whether it fired', async () => {
    const explanation = await explain({ n: 1, limit: 5, obj: { level: 2 }, s: 'y', flag: true });
    expect(explanation.map(({ name, description, priority, fired }) => ({ name, description, priority, fired }))).toEqual([
      { name: 'leaf-details', description: 'explains leaf-details', priority: 3, fired: true },
      { name: 'short-circuit', description: 'explains short-circuit', priority: 1, fired: false },
      { name: 'evaluated-reference', description: 'explains evaluated-reference', priority: 1, fired: true },
      { name: 'skipped-reference', description: 'explains skipped-reference', priority: 1, fired: true },
      { name: 'root-not', description: 'explains root-not', priority: 1, fired: false },
      { name: 'missing-fact', description: 'explains missing-fact', priority: 1, fired: true },
    ]);
  });

  it('gives each leaf its fact, path, params, operator, resolved expected value, actual value and result', async () => {
    const [leafDetails] = await explain({ n: 7, limit: 5, obj: { level: 2 } });
    expect(leafDetails.conditions).toEqual({
      type: 'all',
      result: false,
      evaluated: true,
      conditions: [
        {
          type: 'fact',
          name: 'below-limit',
          fact: 'n',
          operator: 'lessThan',
          expected: 5,
          expectedFact: { fact: 'limit' },
          actual: 7,
          result: false,
          evaluated: true,
        },
        { type: 'fact', fact: 'obj', path: '$.level', params: { unit: 'm' }, operator: 'equal', expected: 2, actual: 2, result: true, evaluated: true },
      ],
    });
  });

  it('marks conditions json-rules-engine short-circuited as not evaluated instead of inventing a result', async () => {
    const [, shortCircuit] = await explain({ s: 'y', n: 1 });
    expect(shortCircuit.conditions).toEqual({
      type: 'all',
      result: false,
      evaluated: true,
      conditions: [
        { type: 'fact', fact: 's', operator: 'equal', expected: 'x', actual: 'y', result: false, evaluated: true },
        { type: 'fact', fact: 'n', operator: 'equal', expected: 1, result: null, evaluated: false },
      ],
    });
  });

  it('names shared conditions, evaluated or not', async () => {
    const explanation = await explain({ n: 3, flag: true });
    const evaluated = explanation[2].conditions as BooleanConditionExplanation;
    expect(evaluated.conditions[0]).toEqual({
      type: 'all',
      reference: 'positive',
      result: true,
      evaluated: true,
      conditions: [{ type: 'fact', fact: 'n', operator: 'greaterThan', expected: 0, actual: 3, result: true, evaluated: true }],
    });
    const skipped = explanation[3].conditions as BooleanConditionExplanation;
    expect(skipped.conditions[1]).toEqual({
      type: 'all',
      reference: 'positive',
      result: null,
      evaluated: false,
      conditions: [{ type: 'fact', fact: 'n', operator: 'greaterThan', expected: 0, result: null, evaluated: false }],
    });
  });

  it('carries the rule result on the top-level node and leaves actual out for a missing fact', async () => {
    const explanation = await explain({ flag: true });
    expect(explanation[4].conditions).toMatchObject({ type: 'not', result: false, evaluated: true, conditions: [{ actual: true, result: true }] });
    expect(explanation[5].conditions).toEqual({
      type: 'all',
      result: false,
      evaluated: true,
      conditions: [{ type: 'fact', fact: 'limit', operator: 'greaterThan', expected: 0, result: false, evaluated: true }],
    });
  });

  it('is plain JSON', async () => {
    const explanation = await explain({ n: 1, limit: 5 });
    expect(JSON.parse(JSON.stringify(explanation))).toEqual(explanation);
  });
});
