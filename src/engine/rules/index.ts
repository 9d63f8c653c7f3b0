export * from './types.js';
export { OPERATORS, OPERATOR_DECORATORS, parseOperator, type Operator, type ParsedOperator } from './operators.js';
export { RULE_SET_FORMAT_SCHEMA, createAjv, isRuleSetKey, pointer, pointerToken } from './json-schema.js';
export { validateRuleSet, validateFacts } from './validate.js';
export { configureRuleSetLimits, DEFAULT_RULE_SET_LIMITS, type RuleSetLimits } from './bounds.js';
export { CompiledRuleSet, RuleSetInvalidError, ENGINE_OPTIONS } from './compiled-rule-set.js';
export type { IndexEntry } from './outcome.js';
export { readRuleSetDirectory, readRuleSetFile, type RuleSetFile } from './load.js';
