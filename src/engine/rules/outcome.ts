import type { MergeOperator, OutcomeSpec } from './types.js';

/** A fired rule as the outcome strategies see it. */
export interface Contribution {
  rule: string;
  priority: number;
  /** Position of the rule in the document: breaks priority ties. */
  index: number;
  params: Record<string, unknown> | undefined;
}

export type OutcomeBuilder = (fired: readonly Contribution[]) => Record<string, unknown>;

/** An entry of an indexed list: one id and every rule that named it. */
export interface IndexEntry {
  id: unknown;
  sources: Array<Record<string, unknown>>;
}

type Params = Record<string, unknown>;

/** Precedence: higher priority first, then earlier in the document. */
const byPrecedence = (a: Contribution, b: Contribution) => b.priority - a.priority || a.index - b.index;

const MERGERS: Record<MergeOperator, (a: never, b: never) => unknown> = {
  or: (a: boolean, b: boolean) => a || b,
  and: (a: boolean, b: boolean) => a && b,
  max: (a: number, b: number) => Math.max(a, b),
  min: (a: number, b: number) => Math.min(a, b),
};

/**
 * Builds the function that turns fired events into the outcome (docs/rules.md, "Outcome
 * strategies"). Everything derivable from the spec and the events' params (static: facts are never
 * substituted into params) is worked out here, once per compiled version.
 */
export function outcomeBuilder(spec: OutcomeSpec, eventParams: ReadonlyArray<Params | undefined>): OutcomeBuilder {
  const defaults = spec.defaults ?? {};
  const lists = new Set(spec.lists ?? []);
  const allLevelLists = spec.listsFromAllLevels ?? [];
  const merge = spec.merge ?? {};
  const index = spec.index;
  const consumed = new Set([...allLevelLists, ...(index ? [index.from, ...(index.carry ?? [])] : [])]);
  const listDefaults = [...lists, ...allLevelLists, ...(index ? [index.from] : [])].filter((key) => Array.isArray(defaults[key]));
  const rank = index ? rankIds(index.from, eventParams) : undefined;
  const scale: readonly unknown[] = spec.scale ?? [];
  const level = (c: Contribution) => scale.indexOf(c.params?.[spec.field as string]);

  const select = (ordered: Contribution[]): Contribution[] => {
    switch (spec.strategy) {
      case 'collect':
        return ordered;
      case 'first':
        return ordered.slice(0, 1);
      case 'highest': {
        const top = ordered.reduce((max, c) => Math.max(max, level(c)), -1);
        return ordered.filter((c) => level(c) === top);
      }
    }
  };

  return (fired) => {
    const ordered = fired.length > 1 ? [...fired].sort(byPrecedence) : [...fired];
    const selected = select(ordered);
    const outcome: Params = { ...defaults };
    // Defaults are shared by every decision: hand out fresh arrays.
    for (const key of listDefaults) outcome[key] = [...(defaults[key] as unknown[])];

    const set = new Set<string>();
    for (const { params } of selected) {
      for (const key in params) {
        if (consumed.has(key)) continue;
        const value = params[key];
        if (lists.has(key)) outcome[key] = appendUnique(set.has(key) ? (outcome[key] as unknown[]) : [], value);
        else if (!set.has(key)) outcome[key] = value;
        else if (merge[key]) outcome[key] = MERGERS[merge[key]](outcome[key] as never, value as never);
        set.add(key); // without a merge operator the first value in precedence order wins
      }
    }
    for (const key of allLevelLists) {
      const setters = ordered.filter((c) => c.params && key in c.params);
      if (setters.length > 0) outcome[key] = setters.reduce<unknown[]>((acc, c) => appendUnique(acc, c.params?.[key]), []);
    }
    if (index && rank) {
      const entries = buildIndex(index, selected, rank);
      if (entries.length > 0 || !Array.isArray(outcome[index.from])) outcome[index.from] = entries;
    }
    return outcome;
  };
}

const identity = (item: unknown) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : item);

/** Appends value (an array is flattened one level) to list, skipping items already present. */
function appendUnique(list: unknown[], value: unknown): unknown[] {
  const present = new Set(list.map(identity));
  for (const item of Array.isArray(value) ? value : [value]) {
    const id = identity(item);
    if (!present.has(id)) {
      present.add(id);
      list.push(item);
    }
  }
  return list;
}

/** Every id the events can name, in natural order (digit runs compare as numbers: A.2.2 < A.10.2). */
function rankIds(from: string, eventParams: ReadonlyArray<Params | undefined>): Map<unknown, number> {
  const ids = new Set(eventParams.flatMap((params) => (params && from in params ? [params[from]].flat() : [])));
  const naturalKey = (id: unknown) => String(id).replace(/\d+/g, (digits) => digits.padStart(12, '0'));
  const sorted = [...ids].map((id) => ({ id, key: naturalKey(id) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Map(sorted.map(({ id }, i) => [id, i]));
}

/** One entry per id, in rank order, each naming every contributing rule with the carried params. */
function buildIndex(index: NonNullable<OutcomeSpec['index']>, contributions: Contribution[], rank: Map<unknown, number>): IndexEntry[] {
  const slots: Array<IndexEntry | undefined> = new Array(rank.size);
  const carry = index.carry ?? [];
  for (const { params, rule } of contributions) {
    if (!params || !(index.from in params)) continue;
    const source: Params = { rule };
    for (const key of carry) if (key in params) source[key] = params[key];
    const ids = params[index.from];
    for (const id of Array.isArray(ids) ? ids : [ids]) {
      const slot = rank.get(id) as number;
      const entry = slots[slot];
      if (entry) entry.sources.push(source);
      else slots[slot] = { id, sources: [source] };
    }
  }
  return slots.filter((entry): entry is IndexEntry => entry !== undefined);
}
