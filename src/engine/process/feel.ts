import { evaluate, parseExpression } from 'feelin';
import { checkStepBudget, evaluateInSandbox } from './feel-sandbox.js';

/** Camunda writes FEEL with a leading `=`; feelin wants it without. */
export function isFeel(raw: string): boolean {
  return raw.trimStart().startsWith('=');
}

export function stripFeel(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
}

/**
 * Constructs whose cost does not follow from the size of the expression and its input: loops over
 * ranges (`for i in 1..n`), quantifiers, and functions (which may recurse). Expressions without them
 * run in place; those with them run in the FEEL sandbox, under a time and memory budget.
 */
const UNBOUNDED = new Set(['ForExpression', 'QuantifiedExpression', 'FunctionDefinition']);
const MAX_KNOWN = 10_000;
const known = new Map<string, { bounded: boolean; syntaxError?: string }>();

/** Parses without evaluating: what the expression contains, and its first syntax error. */
function analyse(expression: string): { bounded: boolean; syntaxError?: string } {
  let analysis = known.get(expression);
  if (analysis) return analysis;
  let bounded = true;
  let syntaxError: string | undefined;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (node.type.isError) {
        syntaxError ??= `unrecognized or incomplete FEEL at position ${node.from}${node.to > node.from ? `: "${expression.slice(node.from, node.to)}"` : ''}`;
        return false;
      }
      if (UNBOUNDED.has(node.type.name)) bounded = false;
      return undefined;
    },
  });
  analysis = { bounded, syntaxError };
  if (known.size >= MAX_KNOWN) known.clear();
  known.set(expression, analysis);
  return analysis;
}

/** The syntax error of a FEEL expression, or undefined when it parses. Nothing is evaluated. */
export function feelSyntaxError(expression: string): string | undefined {
  if (!expression.trim()) return 'empty FEEL expression';
  return analyse(expression).syntaxError;
}

/**
 * Evaluates FEEL (with or without a leading `=`) and returns a JSON-plain value (FEEL dates and
 * durations become ISO strings), within the FEEL budget; `elementId` names where, if it is exceeded.
 */
export function evaluateFeel(expression: string, variables: Record<string, unknown>, elementId?: string): unknown {
  const source = stripFeel(expression);
  if (!analyse(source).bounded) return evaluateInSandbox(source, variables, elementId);
  checkStepBudget(source, elementId);
  return toPlain(evaluate(source, variables).value);
}

/** FEEL conditions: only a real `true` takes the flow (null from a missing variable does not). */
export function feelIsTrue(expression: string, variables: Record<string, unknown>, elementId?: string): boolean {
  return evaluateFeel(expression, variables, elementId) === true;
}

/** A JSON-plain deep copy: what the persisted snapshot can hold. */
export function toPlain(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export function toPlainRecord(value: Record<string, unknown> | void | undefined): Record<string, unknown> {
  if (!value) return {};
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
