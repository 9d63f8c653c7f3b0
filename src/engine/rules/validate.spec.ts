import { CompiledRuleSet, RuleSetInvalidError } from './compiled-rule-set.js';
import type { RuleSetDocument } from './types.js';
import { validateFacts, validateRuleSet } from './validate.js';

const valid: RuleSetDocument = {
  key: 'sample-rules',
  kind: 'classification',
  title: 'Sample',
  description: 'A valid rule set the tests break one piece at a time',
  factsSchema: {
    type: 'object',
    required: ['level'],
    properties: {
      level: { type: 'string', enum: ['low', 'high'] },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
      score: { type: 'integer' },
      flag: { type: 'boolean' },
    },
  },
  sharedConditions: { flagged: { all: [{ fact: 'flag', operator: 'equal', value: true }] } },
  rules: [
    {
      name: 'high',
      description: 'High level',
      conditions: { all: [{ fact: 'level', operator: 'equal', value: 'high' }, { condition: 'flagged' }] },
      event: { type: 'rated', params: { rating: 'high', reasons: ['level'], urgent: true } },
    },
    {
      name: 'tagged',
      description: 'Tagged',
      conditions: {
        any: [
          { fact: 'tags', operator: 'contains', value: 'a' },
          { fact: 'score', operator: 'greaterThan', value: 3 },
        ],
      },
      event: { type: 'rated', params: { rating: 'low', reasons: 'tags', urgent: false } },
    },
  ],
  outcome: { strategy: 'highest', field: 'rating', scale: ['low', 'high'], lists: ['reasons'], defaults: { rating: 'low', reasons: [] } },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break arbitrary parts of the document
type Loose = any;

/** A copy of the valid document changed by `edit`. */
function broken(edit: (doc: Loose) => void): unknown {
  const doc: Loose = structuredClone(valid);
  edit(doc);
  return doc;
}

const pointers = (doc: unknown) => validateRuleSet(doc).map((issue) => issue.pointer);

describe('validateRuleSet', () => {
  it('accepts a valid document', () => {
    expect(validateRuleSet(valid)).toEqual([]);
  });

  it('reports structural problems with pointers from the format schema', () => {
    expect(validateRuleSet(42)).toEqual([{ pointer: '', message: 'must be object' }]);
    expect(pointers(broken((d) => delete d.title))).toEqual(['/title']);
    expect(pointers(broken((d) => (d.key = 'Not Kebab')))).toEqual(['/key']);
    expect(pointers(broken((d) => (d.rules[1].extra = 1)))).toEqual(['/rules/1/extra']);
    expect(pointers(broken((d) => delete d.rules[0].description))).toEqual(['/rules/0/description']);
    expect(pointers(broken((d) => delete d.rules[1].conditions.any[1].value))).toEqual(['/rules/1/conditions/any/1/value']);
    expect(validateRuleSet(broken((d) => (d.rules[0].priority = 0)))).toEqual([{ pointer: '/rules/0/priority', message: 'must be >= 1' }]);
  });

  it('reports every issue at once', () => {
    const doc = broken((d) => {
      delete d.title;
      d.rules[1].name = 'high';
      d.rules[0].conditions.all[0].operator = 'equals';
    });
    expect(pointers(doc)).toEqual(['/title', '/rules/0/conditions/all/0/operator', '/rules/1/name']);
  });

  it('requires unique rule names', () => {
    expect(validateRuleSet(broken((d) => (d.rules[1].name = 'high')))).toEqual([
      { pointer: '/rules/1/name', message: 'duplicate rule name "high" (first used at /rules/0)' },
    ]);
  });

  it('accepts only the built-in operators, optionally decorated', () => {
    const [issue] = validateRuleSet(broken((d) => (d.rules[1].conditions.any[0].operator = 'matches')));
    expect(issue.pointer).toBe('/rules/1/conditions/any/0/operator');
    expect(issue.message).toMatch(/^unknown operator "matches"; use one of equal, notEqual, /);
    // Decorated operators compare differently (here: some item of the fact is in a string), so values are not type-checked.
    expect(validateRuleSet(broken((d) => (d.rules[1].conditions.any[0].operator = 'someFact:in')))).toEqual([]);
    expect(pointers(broken((d) => (d.rules[1].conditions.any[0].operator = 'sometimes:in')))).toEqual(['/rules/1/conditions/any/0/operator']);
  });

  it('requires every fact, including fact references in values, to be declared in factsSchema', () => {
    const doc = broken((d) => {
      d.rules[0].conditions.all[0].fact = 'levle';
      d.rules[1].conditions.any[1].value = { fact: 'threshold' };
    });
    expect(validateRuleSet(doc)).toEqual([
      { pointer: '/rules/0/conditions/all/0/fact', message: 'unknown fact "levle"; factsSchema.properties declares: level, tags, score, flag' },
      { pointer: '/rules/1/conditions/any/1/value/fact', message: 'unknown fact "threshold"; factsSchema.properties declares: level, tags, score, flag' },
    ]);
    expect(pointers(broken((d) => (d.sharedConditions.flagged.all[0].fact = 'flagged')))).toEqual(['/sharedConditions/flagged/all/0/fact']);
  });

  it('rejects values a fact can never take, per its schema', () => {
    expect(pointers(broken((d) => (d.rules[0].conditions.all[0].value = 'hihg')))).toEqual(['/rules/0/conditions/all/0/value']);
    expect(pointers(broken((d) => (d.rules[1].conditions.any[0].value = 'c')))).toEqual(['/rules/1/conditions/any/0/value']);
    const inList = broken((d) => (d.rules[0].conditions.all[0] = { fact: 'level', operator: 'in', value: ['low', 'medium'] }));
    const [issue] = validateRuleSet(inList);
    expect(issue.pointer).toBe('/rules/0/conditions/all/0/value/1');
    expect(issue.message).toMatch(/^"medium" can never match fact "level": must be one of: "low", "high"/);
  });

  it('checks operators against value and fact types', () => {
    expect(validateRuleSet(broken((d) => (d.rules[1].conditions.any[1].value = '3')))).toEqual([
      { pointer: '/rules/1/conditions/any/1/value', message: 'must be a number for "greaterThan"' },
    ]);
    expect(validateRuleSet(broken((d) => (d.rules[1].conditions.any[1].fact = 'level')))).toEqual([
      { pointer: '/rules/1/conditions/any/1/fact', message: '"greaterThan" compares numbers but fact "level" is string' },
    ]);
    expect(pointers(broken((d) => (d.rules[1].conditions.any[0].fact = 'level')))).toContain('/rules/1/conditions/any/0/fact');
    expect(pointers(broken((d) => (d.rules[0].conditions.all[0] = { fact: 'level', operator: 'notIn', value: 'low' })))).toEqual([
      '/rules/0/conditions/all/0/value',
    ]);
  });

  it('checks the shape of condition nodes and shared condition references', () => {
    expect(validateRuleSet(broken((d) => (d.rules[0].conditions.all[1] = { any: [], fact: 'flag', operator: 'equal', value: true })))).toEqual([
      { pointer: '/rules/0/conditions/all/1', message: 'must have exactly one of all, any, not, condition or fact (has any, fact)' },
    ]);
    expect(pointers(broken((d) => (d.rules[1].conditions = { fact: 'flag', operator: 'equal', value: true })))).toEqual(['/rules/1/conditions']);
    expect(validateRuleSet(broken((d) => (d.rules[0].conditions.all[1].condition = 'flaged')))).toEqual([
      { pointer: '/rules/0/conditions/all/1/condition', message: 'unknown shared condition "flaged" (sharedConditions: flagged)' },
    ]);
    const cyclic = broken((d) => {
      d.sharedConditions.a = { all: [{ condition: 'b' }] };
      d.sharedConditions.b = { not: { condition: 'a' } };
    });
    expect(validateRuleSet(cyclic)).toEqual([{ pointer: '/sharedConditions/a', message: 'refers to itself: a -> b -> a' }]);
  });

  it('requires factsSchema to compile as a JSON Schema', () => {
    expect(pointers(broken((d) => (d.factsSchema.properties.score.type = 'int')))).toContain('/factsSchema/properties/score/type');
    const [issue] = validateRuleSet(broken((d) => (d.factsSchema.properties.score.minimun = 1)));
    expect(issue).toEqual({
      pointer: '/factsSchema',
      message: expect.stringMatching(/^does not compile as a JSON Schema: strict mode: unknown keyword: "minimun"/),
    });
    expect(pointers(broken((d) => (d.factsSchema = { type: 'array' })))).toEqual(['/factsSchema/properties', '/factsSchema/type']);
  });

  it('checks "highest" against the events: every event carries the field with a level of the scale', () => {
    expect(validateRuleSet(broken((d) => (d.rules[1].event.params.rating = 'medium')))).toEqual([
      { pointer: '/rules/1/event/params/rating', message: 'must be a level of outcome.scale ("low", "high")' },
    ]);
    expect(pointers(broken((d) => delete d.rules[1].event.params.rating))).toEqual(['/rules/1/event/params']);
    expect(pointers(broken((d) => (d.outcome.defaults.rating = 'none')))).toEqual(['/outcome/defaults/rating']);
    expect(pointers(broken((d) => delete d.outcome.scale))).toEqual(['/outcome/scale']);
  });

  it('checks lists, merges and knobs against the params the events set', () => {
    expect(validateRuleSet(broken((d) => d.outcome.lists.push('causes')))).toEqual([
      { pointer: '/outcome/lists/1', message: 'no rule\'s event sets param "causes"' },
    ]);
    expect(pointers(broken((d) => (d.outcome.merge = { urgent: 'max' })))).toEqual(['/rules/0/event/params/urgent']);
    expect(pointers(broken((d) => (d.outcome.merge = { reasons: 'or' })))).toContain('/outcome/merge/reasons');
    expect(validateRuleSet(broken((d) => (d.outcome = { strategy: 'collect', field: 'rating', lists: ['reasons'] })))).toEqual([
      { pointer: '/outcome/field', message: 'is only used by the "highest" strategy' },
    ]);
    expect(pointers(broken((d) => (d.outcome.strategy = 'vote')))).toEqual(['/outcome/strategy']);
  });

  it('requires consistent param types across events and defaults', () => {
    expect(validateRuleSet(broken((d) => (d.rules[1].event.params.urgent = 'no')))).toEqual([
      { pointer: '/rules/1/event/params/urgent', message: 'is string, but rule "high" sets boolean for "urgent"' },
    ]);
    expect(pointers(broken((d) => (d.rules[1].event.params.reasons = [3])))).toEqual(['/rules/1/event/params/reasons']);
    expect(pointers(broken((d) => (d.outcome.defaults.reasons = 'none')))).toEqual(['/outcome/defaults/reasons']);
  });

  it('never throws, whatever it is given', () => {
    const odd = [null, [], 'x', { rules: 'x' }, { rules: [null, 1, { conditions: [] }] }, { rules: [{ conditions: { all: 'x' } }], outcome: 1 }];
    for (const doc of odd) expect(validateRuleSet(doc).length).toBeGreaterThan(0);
  });
});

describe('CompiledRuleSet.compile', () => {
  it('throws RuleSetInvalidError with every issue', () => {
    const doc = broken((d) => (d.rules[1].name = 'high')) as RuleSetDocument;
    expect(() => CompiledRuleSet.compile(doc)).toThrow(RuleSetInvalidError);
    try {
      CompiledRuleSet.compile(doc);
    } catch (error) {
      expect((error as RuleSetInvalidError).issues).toEqual(validateRuleSet(doc));
    }
  });

  it('does not change the document it is given', () => {
    const doc = structuredClone(valid);
    CompiledRuleSet.compile(doc);
    expect(doc).toEqual(valid);
  });
});

describe('validateFacts', () => {
  it('points into the request body', () => {
    expect(validateFacts(valid.factsSchema, { level: 'high', tags: ['a', 'x'] })).toEqual([{ pointer: '/facts/tags/1', message: 'must be one of: "a", "b"' }]);
    expect(validateFacts(valid.factsSchema, {})).toEqual([{ pointer: '/facts/level', message: 'is required' }]);
    expect(validateFacts(valid.factsSchema, { level: 'low', score: 1.5 }, '')).toEqual([{ pointer: '/score', message: 'must be integer' }]);
  });

  it('is also available on the compiled rule set', () => {
    const compiled = CompiledRuleSet.compile(valid);
    expect(compiled.validateFacts({ level: 'low', flag: 'yes' })).toEqual([{ pointer: '/facts/flag', message: 'must be boolean' }]);
    expect(compiled.validateFacts({ level: 'low' })).toEqual([]);
  });
});
