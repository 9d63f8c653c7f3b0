/**
 * The rule set document format (see docs/rules.md). Conditions are json-rules-engine 7
 * conditions; everything else is aimsflow metadata around them.
 */

/** One problem in a document or a facts object, located by an RFC 6901 JSON pointer. */
export interface ValidationIssue {
  pointer: string;
  message: string;
}

export interface FactCondition {
  fact: string;
  operator: string;
  /** A literal, or `{ fact, path?, params? }` to compare against another fact. */
  value: unknown;
  path?: string;
  params?: Record<string, unknown>;
  name?: string;
  priority?: number;
}

export interface AllCondition {
  all: RuleCondition[];
  name?: string;
  priority?: number;
}

export interface AnyCondition {
  any: RuleCondition[];
  name?: string;
  priority?: number;
}

export interface NotCondition {
  not: RuleCondition;
  name?: string;
  priority?: number;
}

/** Points at an entry of the document's `sharedConditions`. */
export interface ConditionReference {
  condition: string;
  name?: string;
  priority?: number;
}

export type TopLevelCondition = AllCondition | AnyCondition | NotCondition | ConditionReference;
export type RuleCondition = TopLevelCondition | FactCondition;

export interface RuleEvent {
  type: string;
  params?: Record<string, unknown>;
}

export interface RuleDefinition {
  name: string;
  description: string;
  priority?: number;
  conditions: TopLevelCondition;
  event: RuleEvent;
}

export const OUTCOME_STRATEGIES = ['collect', 'highest', 'first'] as const;
export type OutcomeStrategy = (typeof OUTCOME_STRATEGIES)[number];

export const MERGE_OPERATORS = ['or', 'and', 'max', 'min'] as const;
export type MergeOperator = (typeof MERGE_OPERATORS)[number];

/**
 * Turns ids spread over several events into one `{ id, sources: [{ rule, ...carried }] }` entry
 * per id, ids in natural order.
 */
export interface OutcomeIndex {
  /** Event param holding the id (or ids); the outcome field of the same name receives the entries. */
  from: string;
  /** Event params copied into each entry's `sources` next to the rule name. */
  carry?: string[];
}

export interface OutcomeSpec {
  strategy: OutcomeStrategy;
  /** The outcome before any event contributes; the whole outcome when nothing fires. */
  defaults?: Record<string, unknown>;
  /** Params concatenated (arrays flattened) into a de-duplicated list. */
  lists?: string[];
  /** Params combined with a boolean or numeric operator instead of precedence. */
  merge?: Record<string, MergeOperator>;
  /** `highest`: the param that carries the level, and its levels from lowest to highest. */
  field?: string;
  scale?: string[];
  /** `highest`: lists collected from every fired event, not only from the winning level. */
  listsFromAllLevels?: string[];
  index?: OutcomeIndex;
}

export interface RuleSetDocument {
  key: string;
  kind: string;
  title: string;
  description: string;
  /** JSON Schema (draft-07) of the facts; `type: object` with `properties`. */
  factsSchema: Record<string, unknown>;
  /** Named conditions that rules reference with `{ "condition": "<name>" }`. */
  sharedConditions?: Record<string, TopLevelCondition>;
  rules: RuleDefinition[];
  outcome: OutcomeSpec;
}

export interface FiredEvent {
  type: string;
  params?: Record<string, unknown>;
  /** Name of the rule that fired. */
  rule: string;
}

interface ConditionExplanationBase {
  /** true/false once evaluated; null when json-rules-engine short-circuited past it. */
  result: boolean | null;
  evaluated: boolean;
  name?: string;
}

export interface BooleanConditionExplanation extends ConditionExplanationBase {
  type: 'all' | 'any' | 'not';
  /** Children; exactly one for `not`. */
  conditions: ConditionExplanation[];
  /** Set when this node came from a `{ "condition": "<name>" }` reference. */
  reference?: string;
}

export interface FactConditionExplanation extends ConditionExplanationBase {
  type: 'fact';
  fact: string;
  path?: string;
  params?: Record<string, unknown>;
  operator: string;
  /** The condition's value; resolved when it is a fact reference and was evaluated. */
  expected: unknown;
  /** Set when the value is a `{ fact }` reference. */
  expectedFact?: { fact: string; path?: string; params?: Record<string, unknown> };
  /** The fact value (after `path`) the operator saw; absent when the fact was undefined or not evaluated. */
  actual?: unknown;
}

export type ConditionExplanation = BooleanConditionExplanation | FactConditionExplanation;

export interface RuleExplanation {
  name: string;
  description: string;
  priority: number;
  fired: boolean;
  conditions: ConditionExplanation;
}

export interface Decision {
  outcome: Record<string, unknown>;
  /** Fired events in json-rules-engine's order (priority groups, then completion order). */
  events: FiredEvent[];
  /** One entry per rule, in document order. */
  explanation: RuleExplanation[];
}
