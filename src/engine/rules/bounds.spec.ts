import { ruleSetBoundIssues } from './bounds.js';
import { validateRuleSet } from './validate.js';

const doc = (overrides: Record<string, unknown>) => ({
  key: 'hostile',
  kind: 'classification',
  title: 't',
  description: 'd',
  factsSchema: { type: 'object', properties: { x: { type: 'number' } } },
  outcome: { strategy: 'collect' },
  rules: [{ name: 'r', conditions: { all: [{ fact: 'x', operator: 'equal', value: 1 }] }, event: { type: 'hit' } }],
  ...overrides,
});

describe('rule set bounds', () => {
  it('refuses shared conditions whose expansion doubles per level, quickly', () => {
    const shared: Record<string, unknown> = { c0: { all: [{ fact: 'x', operator: 'equal', value: 1 }] } };
    for (let i = 1; i <= 18; i++) shared[`c${i}`] = { any: [{ condition: `c${i - 1}` }, { condition: `c${i - 1}` }] };
    const started = performance.now();
    const issues = validateRuleSet(
      doc({ sharedConditions: shared, rules: [{ name: 'r', conditions: { all: [{ condition: 'c18' }] }, event: { type: 'hit' } }] }),
    );
    expect(performance.now() - started).toBeLessThan(200);
    expect(issues).toEqual([
      expect.objectContaining({ pointer: '/rules/0/conditions', message: expect.stringMatching(/AIMSFLOW_RULES_MAX_(CONDITIONS|DEPTH)/) }),
    ]);
  });

  it('refuses too many rules and conditions nested too deep, without recursing into them', () => {
    const many = Array.from({ length: 3500 }, (_, i) => ({
      name: `r${i}`,
      conditions: { all: [{ fact: 'x', operator: 'equal', value: i }] },
      event: { type: 'hit' },
    }));
    expect(ruleSetBoundIssues(doc({ rules: many }))).toEqual([
      expect.objectContaining({ pointer: '/rules', message: expect.stringContaining('AIMSFLOW_RULES_MAX_RULES') }),
    ]);
    let deep: Record<string, unknown> = { fact: 'x', operator: 'equal', value: 1 };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    const issues = validateRuleSet(doc({ rules: [{ name: 'r', conditions: { all: [deep] }, event: { type: 'hit' } }] }));
    expect(issues).toEqual([expect.objectContaining({ message: expect.stringContaining('AIMSFLOW_RULES_MAX_DEPTH') })]);
  });

  it('lets a reasonable rule set through', () => {
    expect(ruleSetBoundIssues(doc({}))).toEqual([]);
  });
});
