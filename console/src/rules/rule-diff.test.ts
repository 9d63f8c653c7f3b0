import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/client';
import { diffRuleSets, outcomeChanges } from './rule-diff';

const rule = (name: string, riskClass: string): Schemas['RuleDefinitionDto'] => ({
  name,
  description: name,
  conditions: { all: [{ fact: 'useCases', operator: 'contains', value: 'recruitment' }] } as Schemas['RuleConditionDto'],
  event: { type: 'classified', params: { riskClass } },
});
const document = (rules: Schemas['RuleDefinitionDto'][], title = 'Risk class'): Schemas['RuleSetDocumentDto'] =>
  ({ key: 'risk', kind: 'classification', title, description: '', factsSchema: {}, outcome: {}, rules }) as unknown as Schemas['RuleSetDocumentDto'];

describe('rule set diff', () => {
  it('names the rules added, removed and changed (with the parts that changed), and the other parts that differ', () => {
    const from = document([rule('employment', 'high'), rule('education', 'high')]);
    const to = document([rule('employment', 'limited'), rule('biometrics', 'high')], 'Risk class (2025)');
    expect(diffRuleSets(from, to)).toEqual({
      added: ['biometrics'],
      removed: ['education'],
      changed: [{ name: 'employment', parts: ['event'] }],
      other: ['title'],
    });
    expect(diffRuleSets(from, from)).toEqual({ added: [], removed: [], changed: [], other: [] });
  });

  it('lists the outcome fields that change for a system, a field missing before included', () => {
    expect(
      outcomeChanges(
        { riskClass: 'high', basis: ['Annex III(4)'], transparencyObligations: [] },
        { riskClass: 'limited', basis: [], transparencyObligations: [] },
      ),
    ).toEqual([
      { field: 'riskClass', before: 'high', after: 'limited' },
      { field: 'basis', before: ['Annex III(4)'], after: [] },
    ]);
    expect(outcomeChanges(null, { riskClass: 'minimal' })).toEqual([{ field: 'riskClass', before: undefined, after: 'minimal' }]);
  });
});
