import type { ConditionExplanation, FactConditionExplanation, TopLevelCondition } from './types.js';

type Node = Record<string, unknown>;
const isRecord = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A rule's condition tree digested at compile time, so that explaining a run only reads the
 * annotations json-rules-engine left on its RuleResult (`result`, `factResult`, `valueResult`).
 * References are expanded here: the library replaces a `{ condition }` node by the referenced
 * tree once it evaluates it (dropping the name), so the name has to come from the document.
 */
export type ConditionTemplate =
  | { kind: 'reference'; reference: string; target: ConditionTemplate }
  | { kind: 'all' | 'any' | 'not'; name?: string; children: ConditionTemplate[] }
  | {
      kind: 'fact';
      name?: string;
      fact: string;
      operator: string;
      value: unknown;
      path?: string;
      params?: Record<string, unknown>;
      expectedFact?: FactConditionExplanation['expectedFact'];
    };

/** Digests a (validated) condition tree; shared conditions must not be cyclic. */
export function conditionTemplate(doc: TopLevelCondition, shared: Readonly<Record<string, TopLevelCondition>>): ConditionTemplate {
  return digest(doc as unknown as Node, shared);
}

function digest(doc: Node, shared: Readonly<Record<string, TopLevelCondition>>): ConditionTemplate {
  if (typeof doc.condition === 'string') {
    return { kind: 'reference', reference: doc.condition, target: digest(shared[doc.condition] as unknown as Node, shared) };
  }
  const name = typeof doc.name === 'string' ? { name: doc.name } : {};
  for (const kind of ['all', 'any'] as const) {
    if (Array.isArray(doc[kind])) return { kind, ...name, children: (doc[kind] as Node[]).map((child) => digest(child, shared)) };
  }
  if (isRecord(doc.not)) return { kind: 'not', ...name, children: [digest(doc.not, shared)] };
  return {
    kind: 'fact',
    ...name,
    fact: doc.fact as string,
    operator: doc.operator as string,
    value: doc.value,
    ...(doc.path !== undefined ? { path: doc.path as string } : {}),
    ...(doc.params !== undefined ? { params: doc.params as Record<string, unknown> } : {}),
    ...(isRecord(doc.value) && typeof doc.value.fact === 'string' ? { expectedFact: doc.value as FactConditionExplanation['expectedFact'] } : {}),
  };
}

/**
 * Explains one rule run.
 * @param evaluated the RuleResult's conditions (undefined: the rule was not evaluated)
 * @param ruleResult the rule's result: the library never stores it on the top-level node
 */
export function explainConditions(template: ConditionTemplate, evaluated: unknown, ruleResult: boolean | undefined): ConditionExplanation {
  return explain(template, isRecord(evaluated) ? evaluated : undefined, ruleResult);
}

function explain(t: ConditionTemplate, res: Node | undefined, own: boolean | undefined): ConditionExplanation {
  if (t.kind === 'reference') {
    // Still a reference in the result: the library never got to it.
    const expanded = res && typeof res.condition !== 'string' ? res : undefined;
    const node = explain(t.target, expanded, expanded ? own : undefined);
    (node as { reference?: string }).reference = t.reference;
    return node;
  }
  const result = res && typeof res.result === 'boolean' ? res.result : (own ?? null);
  const evaluated = result !== null;
  let node: ConditionExplanation;
  if (t.kind === 'fact') {
    node = { type: 'fact', result, evaluated, fact: t.fact, operator: t.operator, expected: evaluated ? res?.valueResult : t.value };
    if (t.path !== undefined) node.path = t.path;
    if (t.params !== undefined) node.params = t.params;
    if (t.expectedFact !== undefined) node.expectedFact = t.expectedFact;
    if (evaluated && res?.factResult !== undefined) node.actual = res.factResult;
  } else {
    const found = res?.[t.kind];
    const children = t.kind === 'not' ? [found] : Array.isArray(found) ? found : [];
    const conditions = new Array<ConditionExplanation>(t.children.length);
    for (let i = 0; i < t.children.length; i++) conditions[i] = explain(t.children[i], isRecord(children[i]) ? children[i] : undefined, undefined);
    node = { type: t.kind, result, evaluated, conditions };
  }
  if (t.name !== undefined) node.name = t.name;
  return node;
}
