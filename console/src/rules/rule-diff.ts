import type { Schemas } from '../api/client';

type Document = Schemas['RuleSetDocumentDto'];

/** What changed between two versions of a rule set: rules by name, and the document's other parts. */
export interface RuleSetDiff {
  added: string[];
  removed: string[];
  changed: { name: string; parts: string[] }[];
  /** Top-level parts other than `rules` (factsSchema, outcome, sharedConditions, title, …) that differ. */
  other: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffRuleSets(from: Document, to: Document): RuleSetDiff {
  const before = new Map(from.rules.map((rule) => [rule.name, rule]));
  const after = new Map(to.rules.map((rule) => [rule.name, rule]));
  const changed: RuleSetDiff['changed'] = [];
  for (const [name, rule] of after) {
    const old = before.get(name);
    if (!old) continue;
    const parts = (['conditions', 'event', 'priority', 'description'] as const).filter((part) => !same(old[part], rule[part]));
    if (parts.length) changed.push({ name, parts });
  }
  const keys = new Set([...Object.keys(from), ...Object.keys(to)].filter((key) => key !== 'rules'));
  return {
    added: [...after.keys()].filter((name) => !before.has(name)),
    removed: [...before.keys()].filter((name) => !after.has(name)),
    changed,
    other: [...keys].filter((key) => !same(from[key as keyof Document], to[key as keyof Document])).sort(),
  };
}

/** The outcome fields a simulation would change for one system, each with before and after. */
export function outcomeChanges(before: Record<string, unknown> | null, after: Record<string, unknown>): { field: string; before: unknown; after: unknown }[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...fields].filter((field) => !same(before?.[field], after[field])).map((field) => ({ field, before: before?.[field], after: after[field] }));
}
