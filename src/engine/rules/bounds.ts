import type { ValidationIssue } from './types.js';

/** How big a rule set may be, counted with shared conditions expanded where rules refer to them. */
export interface RuleSetLimits {
  maxRules: number;
  /** Condition nesting, through shared conditions. */
  maxDepth: number;
  /** Condition nodes of all rules together once every shared condition is expanded where it is used. */
  maxConditions: number;
}

export const DEFAULT_RULE_SET_LIMITS: RuleSetLimits = { maxRules: 1000, maxDepth: 24, maxConditions: 20_000 };

let limits = DEFAULT_RULE_SET_LIMITS;

export function configureRuleSetLimits(next: Partial<RuleSetLimits>): void {
  limits = { ...DEFAULT_RULE_SET_LIMITS, ...next };
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

interface Shape {
  size: number;
  depth: number;
  /** Shared conditions referred to, with the depth of the reference. */
  refs: Array<{ name: string; depth: number }>;
}

/** Size and depth of one condition tree (references not followed), without recursion; stops counting past `cap` depth. */
function shapeOf(root: unknown, cap: number): Shape {
  const shape: Shape = { size: 0, depth: 0, refs: [] };
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!isRecord(node)) continue;
    shape.size++;
    shape.depth = Math.max(shape.depth, depth);
    if (depth > cap) continue;
    if (typeof node.condition === 'string') shape.refs.push({ name: node.condition, depth });
    for (const key of ['all', 'any'] as const) if (Array.isArray(node[key])) for (const child of node[key]) stack.push({ node: child, depth: depth + 1 });
    if (node.not !== undefined) stack.push({ node: node.not, depth: depth + 1 });
  }
  return shape;
}

/**
 * Refuses, before any other check runs, a rule set whose evaluation or explanation would cost
 * without bound: too many rules, conditions nested too deep (json-rules-engine recurses), or shared
 * conditions that refer to each other so that their expansion doubles per level. Linear in the
 * document: each shared condition is measured once.
 */
export function ruleSetBoundIssues(doc: unknown, bounds: RuleSetLimits = limits): ValidationIssue[] {
  if (!isRecord(doc)) return [];
  const issues: ValidationIssue[] = [];
  const rules = Array.isArray(doc.rules) ? doc.rules : [];
  const shared = isRecord(doc.sharedConditions) ? doc.sharedConditions : {};
  if (rules.length > bounds.maxRules)
    issues.push({ pointer: '/rules', message: `has ${rules.length} rules; at most ${bounds.maxRules} are allowed (AIMSFLOW_RULES_MAX_RULES)` });
  if (Object.keys(shared).length > bounds.maxRules) {
    issues.push({
      pointer: '/sharedConditions',
      message: `has ${Object.keys(shared).length} entries; at most ${bounds.maxRules} are allowed (AIMSFLOW_RULES_MAX_RULES)`,
    });
  }
  if (issues.length) return issues;

  // Expanded size and depth of each shared condition, memoised; a cycle (reported by the other checks) counts as too deep.
  const expanded = new Map<string, { size: number; depth: number }>();
  const visiting = new Set<string>();
  const measure = (name: string): { size: number; depth: number } => {
    const known = expanded.get(name);
    if (known) return known;
    if (visiting.has(name) || !Object.prototype.hasOwnProperty.call(shared, name)) return { size: 1, depth: visiting.has(name) ? Number.POSITIVE_INFINITY : 1 };
    visiting.add(name);
    const local = shapeOf(shared[name], bounds.maxDepth);
    let size = local.size;
    let depth = local.depth;
    for (const ref of local.refs) {
      const inner = measure(ref.name);
      size += inner.size;
      depth = Math.max(depth, ref.depth + inner.depth);
      if (size > bounds.maxConditions || depth > bounds.maxDepth) break;
    }
    visiting.delete(name);
    const result = { size, depth };
    expanded.set(name, result);
    return result;
  };

  let total = 0;
  for (const [i, rule] of rules.entries()) {
    if (!isRecord(rule)) continue;
    const local = shapeOf(rule.conditions, bounds.maxDepth);
    let size = local.size;
    let depth = local.depth;
    for (const ref of local.refs) {
      const inner = measure(ref.name);
      size += inner.size;
      depth = Math.max(depth, ref.depth + inner.depth);
    }
    if (depth > bounds.maxDepth && Number.isFinite(depth)) {
      issues.push({
        pointer: `/rules/${i}/conditions`,
        message: `nests conditions ${depth} levels deep (shared conditions expanded); at most ${bounds.maxDepth} are allowed (AIMSFLOW_RULES_MAX_DEPTH)`,
      });
    }
    total += size;
    if (total > bounds.maxConditions) {
      issues.push({
        pointer: `/rules/${i}/conditions`,
        message: `brings the rule set to more than ${bounds.maxConditions} conditions with shared conditions expanded (AIMSFLOW_RULES_MAX_CONDITIONS)`,
      });
      break;
    }
  }
  return issues;
}
