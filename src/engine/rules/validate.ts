import type { Ajv, ValidateFunction } from 'ajv';
import { ruleSetBoundIssues } from './bounds.js';
import { ajvErrorsToIssues, compileUserSchema, formatIssues, pointer, pointerToken } from './json-schema.js';
import { OPERATOR_DECORATORS, OPERATORS, parseOperator } from './operators.js';
import { OUTCOME_STRATEGIES, type ValidationIssue } from './types.js';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const has = (object: Json, key: string) => Object.prototype.hasOwnProperty.call(object, key);
const quoteList = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

const NODE_KEYS = ['all', 'any', 'not', 'condition', 'fact'] as const;
const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/**
 * Validates a rule set document: the format schema, then the cross-references json-rules-engine
 * would only trip over at run time (or silently never match). Reports every issue; never throws.
 */
export function validateRuleSet(doc: unknown): ValidationIssue[] {
  // Too big to check (or run) at all: nothing else is looked at.
  const bounds = ruleSetBoundIssues(doc);
  if (bounds.length) return bounds;
  const issues = formatIssues(doc);
  if (!isRecord(doc)) return issues;
  try {
    const facts = FactsCatalogue.from(doc.factsSchema, issues);
    const shared = isRecord(doc.sharedConditions) ? doc.sharedConditions : {};
    for (const [name, condition] of Object.entries(shared)) {
      checkConditionTree(condition, pointer('/sharedConditions', name), { facts, shared, issues });
    }
    checkReferenceCycles(shared, issues);
    const rules = Array.isArray(doc.rules) ? doc.rules : [];
    checkRules(rules, { facts, shared, issues });
    if (isRecord(doc.outcome)) checkOutcome(doc.outcome, rules, issues);
  } catch (error) {
    // Defensive: a shape the checks did not foresee must still come back as an issue.
    issues.push({ pointer: '', message: `could not be validated: ${(error as Error).message}` });
  }
  return issues;
}

const factsValidators = new WeakMap<object, ValidateFunction | ValidationIssue[]>();

/**
 * Validates facts against a rule set's factsSchema; pointers start at `base` (the request body's
 * facts member, e.g. `/facts/useCases/0`). Compiled validators are cached per schema object.
 */
export function validateFacts(factsSchema: Record<string, unknown>, facts: unknown, base = '/facts'): ValidationIssue[] {
  let validate = factsValidators.get(factsSchema);
  if (!validate) {
    const compiled = compileUserSchema(factsSchema, '/factsSchema');
    validate = compiled.issues ?? compiled.validate;
    factsValidators.set(factsSchema, validate);
  }
  if (Array.isArray(validate)) return validate;
  return validate(facts) ? [] : ajvErrorsToIssues(validate.errors, base);
}

/** The facts a rule set declares, with validators for what conditions compare them against. */
class FactsCatalogue {
  private readonly validators = new Map<string, ValidateFunction | undefined>();

  private constructor(
    readonly properties: Json | undefined,
    private readonly ajv: Ajv | undefined,
  ) {}

  static from(factsSchema: unknown, issues: ValidationIssue[]): FactsCatalogue {
    const properties = isRecord(factsSchema) && isRecord(factsSchema.properties) ? factsSchema.properties : undefined;
    if (!isRecord(factsSchema)) return new FactsCatalogue(properties, undefined);
    const compiled = compileUserSchema(factsSchema, '/factsSchema');
    if (compiled.issues) {
      issues.push(...compiled.issues);
      return new FactsCatalogue(properties, undefined);
    }
    return new FactsCatalogue(properties, compiled.ajv);
  }

  /** False when factsSchema has no `properties` (already reported): fact names cannot be checked. */
  get declared(): boolean {
    return this.properties !== undefined;
  }

  names(): string[] {
    return Object.keys(this.properties ?? {});
  }

  knows(fact: string): boolean {
    return this.properties !== undefined && has(this.properties, fact);
  }

  /** The declared JSON types of a fact, or undefined when its schema does not say. */
  types(fact: string): string[] | undefined {
    const schema = this.properties?.[fact];
    if (!isRecord(schema) || schema.type === undefined) return undefined;
    return Array.isArray(schema.type) ? schema.type.map(String) : [String(schema.type)];
  }

  /** Why `value` can never be the fact's value (or one of its items); undefined if it can. */
  mismatch(fact: string, value: unknown, part: 'self' | 'items'): string | undefined {
    const validate = this.validator(fact, part);
    if (!validate || validate(value)) return undefined;
    const target = part === 'items' ? `an item of fact "${fact}"` : `fact "${fact}"`;
    const detail = ajvErrorsToIssues(validate.errors, '')
      .map((issue) => (issue.pointer ? `${issue.pointer} ${issue.message}` : issue.message))
      .join('; ');
    return `${JSON.stringify(value)} can never match ${target}: ${detail}`;
  }

  private validator(fact: string, part: 'self' | 'items'): ValidateFunction | undefined {
    const id = `${part}:${fact}`;
    if (!this.validators.has(id)) {
      const schema = this.properties?.[fact];
      const target = part === 'items' ? (isRecord(schema) ? schema.items : undefined) : schema;
      let validate: ValidateFunction | undefined;
      if (this.ajv && isRecord(target)) {
        const path = ['properties', fact, ...(part === 'items' ? ['items'] : [])];
        const fragment = path.map((token) => encodeURIComponent(pointerToken(token))).join('/');
        validate = this.ajv.getSchema(`root#/${fragment}`);
      }
      this.validators.set(id, validate);
    }
    return this.validators.get(id);
  }
}

interface Context {
  facts: FactsCatalogue;
  shared: Json;
  issues: ValidationIssue[];
}

function checkRules(rules: unknown[], ctx: Context): void {
  const firstByName = new Map<string, number>();
  rules.forEach((rule, i) => {
    if (!isRecord(rule)) return;
    const at = pointer('/rules', i);
    if (typeof rule.name === 'string') {
      const first = firstByName.get(rule.name);
      if (first === undefined) firstByName.set(rule.name, i);
      else ctx.issues.push({ pointer: `${at}/name`, message: `duplicate rule name "${rule.name}" (first used at /rules/${first})` });
    }
    if (rule.conditions !== undefined) checkConditionTree(rule.conditions, `${at}/conditions`, ctx);
  });
}

function checkConditionTree(node: unknown, at: string, ctx: Context): void {
  if (!isRecord(node)) return; // the format schema already reported it
  const kinds = NODE_KEYS.filter((key) => has(node, key));
  if (kinds[0] === 'fact' || kinds.length === 0) {
    ctx.issues.push({ pointer: at, message: 'must be an "all", "any" or "not" node or a { "condition": "<shared condition>" } reference' });
  }
  checkCondition(node, at, ctx);
}

function checkCondition(node: unknown, at: string, ctx: Context): void {
  if (!isRecord(node)) return;
  const kinds = NODE_KEYS.filter((key) => has(node, key));
  if (kinds.length > 1) {
    ctx.issues.push({ pointer: at, message: `must have exactly one of all, any, not, condition or fact (has ${kinds.join(', ')})` });
    return;
  }
  switch (kinds[0]) {
    case 'all':
    case 'any': {
      const children = node[kinds[0]];
      if (Array.isArray(children)) children.forEach((child, i) => checkCondition(child, pointer(at, kinds[0] as string, i), ctx));
      return;
    }
    case 'not':
      checkCondition(node.not, `${at}/not`, ctx);
      return;
    case 'condition':
      if (typeof node.condition === 'string' && !has(ctx.shared, node.condition)) {
        const known = Object.keys(ctx.shared);
        ctx.issues.push({
          pointer: `${at}/condition`,
          message: `unknown shared condition "${node.condition}"` + (known.length ? ` (sharedConditions: ${known.join(', ')})` : ''),
        });
      }
      return;
    case 'fact':
      checkFactCondition(node, at, ctx);
      return;
    default:
      ctx.issues.push({ pointer: at, message: 'must have one of all, any, not, condition or fact' });
  }
}

function checkFactReference(fact: unknown, at: string, ctx: Context): boolean {
  if (typeof fact !== 'string' || !ctx.facts.declared) return false;
  if (ctx.facts.knows(fact)) return true;
  ctx.issues.push({ pointer: at, message: `unknown fact "${fact}"; factsSchema.properties declares: ${ctx.facts.names().join(', ') || '(none)'}` });
  return false;
}

function checkFactCondition(node: Json, at: string, ctx: Context): void {
  const factKnown = checkFactReference(node.fact, `${at}/fact`, ctx);
  const isReference = isRecord(node.value) && has(node.value, 'fact');
  if (isReference) checkFactReference((node.value as Json).fact, `${at}/value/fact`, ctx);
  if (typeof node.operator !== 'string') return;
  const parsed = parseOperator(node.operator);
  if (!parsed) {
    ctx.issues.push({
      pointer: `${at}/operator`,
      message: `unknown operator "${node.operator}"; use one of ${OPERATORS.join(', ')}, optionally prefixed by decorators (${OPERATOR_DECORATORS.join(', ')}), e.g. "someFact:in"`,
    });
    return;
  }
  // Decorators change what the operator compares; reference values are only known at run time.
  if (parsed.decorators.length > 0 || isReference || !has(node, 'value')) return;
  const { operator } = parsed;
  const fact = node.fact as string;
  const value = node.value;
  const checkAgainstSchema = factKnown && node.path === undefined;
  const types = checkAgainstSchema ? ctx.facts.types(fact) : undefined;
  const push = (suffix: string, message: string) => ctx.issues.push({ pointer: at + suffix, message });

  if (NUMERIC.has(operator)) {
    if (typeof value !== 'number') push('/value', `must be a number for "${operator}"`);
    if (types && !types.some((t) => t === 'number' || t === 'integer')) {
      push('/fact', `"${operator}" compares numbers but fact "${fact}" is ${types.join(' or ')}`);
    }
  } else if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value)) push('/value', `must be an array for "${operator}"`);
    else if (checkAgainstSchema) {
      value.forEach((item, i) => {
        const message = ctx.facts.mismatch(fact, item, 'self');
        if (message) push(`/value/${i}`, message);
      });
    }
  } else if (operator === 'contains' || operator === 'doesNotContain') {
    if (types && !types.includes('array')) push('/fact', `"${operator}" looks inside an array but fact "${fact}" is ${types.join(' or ')}`);
    const message = checkAgainstSchema ? ctx.facts.mismatch(fact, value, 'items') : undefined;
    if (message) push('/value', message);
  } else {
    const message = checkAgainstSchema ? ctx.facts.mismatch(fact, value, 'self') : undefined;
    if (message) push('/value', message);
  }
}

/** json-rules-engine would recurse forever on a shared condition that reaches itself. Each condition is visited once. */
function checkReferenceCycles(shared: Json, issues: ValidationIssue[]): void {
  const referencesOf = (node: unknown, out: string[] = []): string[] => {
    if (Array.isArray(node)) node.forEach((child) => referencesOf(child, out));
    else if (isRecord(node)) {
      if (typeof node.condition === 'string') out.push(node.condition);
      for (const key of ['all', 'any', 'not'] as const) if (has(node, key)) referencesOf(node[key], out);
    }
    return out;
  };
  const done = new Set<string>();
  const visit = (name: string, trail: string[]): void => {
    if (trail.includes(name)) {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      issues.push({ pointer: pointer('/sharedConditions', cycle[0]), message: `refers to itself: ${cycle.join(' -> ')}` });
      return;
    }
    if (done.has(name) || !has(shared, name)) return;
    done.add(name);
    for (const next of referencesOf(shared[name])) visit(next, [...trail, name]);
  };
  for (const name of Object.keys(shared)) visit(name, []);
}

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null';
const kindOf = (value: unknown): Kind => (value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as Kind));

interface EventParams {
  rule: string;
  at: string;
  params: Json;
}

/** The outcome must be computable from what the events actually carry. */
function checkOutcome(outcome: Json, rules: unknown[], issues: ValidationIssue[]): void {
  const events: EventParams[] = [];
  rules.forEach((rule, i) => {
    if (!isRecord(rule) || !isRecord(rule.event)) return;
    const params = isRecord(rule.event.params) ? rule.event.params : {};
    events.push({ rule: String(rule.name), at: pointer('/rules', i, 'event'), params });
  });
  const push = (at: string, message: string) => issues.push({ pointer: at, message });
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const lists = strings(outcome.lists);
  const allLevelLists = strings(outcome.listsFromAllLevels);
  const merge = isRecord(outcome.merge) ? outcome.merge : {};
  const index = isRecord(outcome.index) ? outcome.index : undefined;
  const defaults = isRecord(outcome.defaults) ? outcome.defaults : {};
  const highest = outcome.strategy === 'highest';

  // Knobs of one strategy on another are a misunderstanding, not a no-op.
  if (!highest && OUTCOME_STRATEGIES.some((strategy) => strategy === outcome.strategy)) {
    for (const knob of ['field', 'scale', 'listsFromAllLevels']) {
      if (has(outcome, knob)) push(`/outcome/${knob}`, 'is only used by the "highest" strategy');
    }
  }

  const setBy = (key: string) => events.filter((event) => has(event.params, key));
  const requireSetter = (key: string, at: string) => {
    if (setBy(key).length === 0) push(at, `no rule's event sets param "${key}"`);
  };
  lists.forEach((key, i) => requireSetter(key, `/outcome/lists/${i}`));
  allLevelLists.forEach((key, i) => requireSetter(key, `/outcome/listsFromAllLevels/${i}`));
  Object.keys(merge).forEach((key) => requireSetter(key, pointer('/outcome/merge', key)));
  const indexFrom = typeof index?.from === 'string' ? index.from : undefined;
  const carried = strings(index?.carry);
  if (indexFrom) requireSetter(indexFrom, '/outcome/index/from');
  carried.forEach((key, i) => requireSetter(key, `/outcome/index/carry/${i}`));

  // Each param is handled by exactly one mechanism.
  const owner = new Map<string, string>();
  const claim = (key: string, by: string, at: string) => {
    const previous = owner.get(key);
    if (previous && previous !== by) push(at, `"${key}" is already handled by outcome.${previous}`);
    else owner.set(key, by);
  };
  if (highest && typeof outcome.field === 'string') claim(outcome.field, 'field', '/outcome/field');
  lists.forEach((key, i) => claim(key, 'lists', `/outcome/lists/${i}`));
  allLevelLists.forEach((key, i) => claim(key, 'listsFromAllLevels', `/outcome/listsFromAllLevels/${i}`));
  Object.keys(merge).forEach((key) => claim(key, 'merge', pointer('/outcome/merge', key)));
  if (indexFrom) claim(indexFrom, 'index', '/outcome/index/from');
  carried.forEach((key, i) => claim(key, 'index', `/outcome/index/carry/${i}`));

  if (highest) checkScale(outcome, events, defaults, push);

  const listKeys = new Set([...lists, ...allLevelLists, ...(indexFrom ? [indexFrom] : [])]);
  const keys = new Set([...events.flatMap((event) => Object.keys(event.params)), ...Object.keys(defaults)]);
  for (const key of keys) {
    const isList = listKeys.has(key);
    const seen: Array<{ kind: Kind; at: string; rule: string }> = [];
    if (has(defaults, key)) {
      const at = pointer('/outcome/defaults', key);
      if (isList && !Array.isArray(defaults[key])) push(at, `must be an array: "${key}" is collected as a list`);
      else for (const item of isList ? (defaults[key] as unknown[]) : [defaults[key]]) seen.push({ kind: kindOf(item), at, rule: 'outcome.defaults' });
    }
    for (const event of setBy(key)) {
      const value = event.params[key];
      const items = isList && Array.isArray(value) ? value : [value];
      for (const item of items) seen.push({ kind: kindOf(item), at: pointer(`${event.at}/params`, key), rule: `rule "${event.rule}"` });
    }
    const first = seen[0];
    const clash = seen.find((entry) => entry.kind !== first?.kind);
    if (first && clash) {
      const what = isList ? 'has items of type' : 'is';
      push(clash.at, `${what} ${clash.kind}, but ${first.rule} ${isList ? 'has' : 'sets'} ${first.kind} for "${key}"`);
      continue;
    }
    const op = merge[key];
    const needed = op === 'or' || op === 'and' ? 'boolean' : op === 'max' || op === 'min' ? 'number' : undefined;
    if (needed && first && first.kind !== needed) push(first.at, `must be a ${needed} for merge "${String(op)}"`);
    if (key === indexFrom && first && first.kind !== 'string' && first.kind !== 'number') {
      push(first.at, 'must be a string or number (or a list of them): outcome.index uses it as the entry id');
    }
  }
}

function checkScale(outcome: Json, events: EventParams[], defaults: Json, push: (at: string, message: string) => void): void {
  const field = outcome.field;
  const scale = Array.isArray(outcome.scale) ? outcome.scale : undefined;
  if (typeof field !== 'string') push('/outcome/field', 'is required by the "highest" strategy');
  if (!scale) push('/outcome/scale', 'is required by the "highest" strategy');
  if (typeof field !== 'string' || !scale) return;
  const levels = `outcome.scale (${quoteList(scale)})`;
  for (const event of events) {
    if (!has(event.params, field)) push(`${event.at}/params`, `must set "${field}" to a level of ${levels}`);
    else if (!scale.includes(event.params[field])) push(pointer(`${event.at}/params`, field), `must be a level of ${levels}`);
  }
  if (has(defaults, field) && !scale.includes(defaults[field])) push(pointer('/outcome/defaults', field), `must be a level of ${levels}`);
}
