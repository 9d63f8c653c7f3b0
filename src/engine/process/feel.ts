import { evaluate, SyntaxError as FeelSyntaxError } from 'feelin';

/** Camunda writes FEEL with a leading `=`; feelin wants it without. */
export function isFeel(raw: string): boolean {
  return raw.trimStart().startsWith('=');
}

export function stripFeel(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
}

/** The syntax error of a FEEL expression, or undefined when it parses. */
export function feelSyntaxError(expression: string): string | undefined {
  if (!expression.trim()) return 'empty FEEL expression';
  try {
    evaluate(expression, {});
    return undefined;
  } catch (err) {
    if (err instanceof FeelSyntaxError) return err.message;
    // Anything else is an evaluation problem against the empty context, not a syntax problem.
    return undefined;
  }
}

/** Evaluates FEEL (with or without a leading `=`) and returns a JSON-plain value (FEEL dates and durations become ISO strings). */
export function evaluateFeel(expression: string, variables: Record<string, unknown>): unknown {
  return toPlain(evaluate(stripFeel(expression), variables).value);
}

/** FEEL conditions: only a real `true` takes the flow (null from a missing variable does not). */
export function feelIsTrue(expression: string, variables: Record<string, unknown>): boolean {
  return evaluate(stripFeel(expression), variables).value === true;
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
