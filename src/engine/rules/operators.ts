/** json-rules-engine 7's built-in operators: the only ones a rule set may use. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

export type Operator = (typeof OPERATORS)[number];

/** json-rules-engine 7's built-in decorators, written `decorator:operator` (e.g. `someFact:in`). */
export const OPERATOR_DECORATORS = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'] as const;

const operators = new Set<string>(OPERATORS);
const decorators = new Set<string>(OPERATOR_DECORATORS);

export interface ParsedOperator {
  operator: Operator;
  decorators: string[];
}

/** Splits `someFact:not:in` into its decorators and base operator; undefined if any part is unknown. */
export function parseOperator(name: string): ParsedOperator | undefined {
  const parts = name.split(':');
  const operator = parts.pop() as string;
  if (!operators.has(operator) || !parts.every((part) => decorators.has(part))) return undefined;
  return { operator: operator as Operator, decorators: parts };
}
