import { RE2JS } from 're2js';
import { evaluateFeel, feelSyntaxError, isFeel } from '../process/feel.js';
import { withinFeelStep } from '../process/feel-sandbox.js';

/**
 * Camunda forms (form-js JSON schemas): which schemas aimsflow takes, and checking submitted data against
 * one. Patterns run on RE2 (re2js), whose matching time is linear in the input: a hostile pattern cannot
 * stall a completion, and RE2 syntax (no backreferences, no lookaround) is checked when the form is stored.
 */

/** A form-js component as far as aimsflow reads it; everything else in the schema is the viewer's. */
export interface FormComponent {
  type: string;
  id?: string;
  key?: string;
  path?: string;
  label?: string;
  validate?: {
    required?: boolean;
    minLength?: number;
    maxLength?: number;
    min?: number;
    max?: number;
    pattern?: string;
    validationType?: string;
  };
  values?: Array<{ label?: string; value: unknown }>;
  valuesKey?: string;
  valuesExpression?: string;
  subtype?: string;
  serializeToString?: boolean;
  conditional?: { hide?: string };
  components?: FormComponent[];
}

export interface CamundaFormSchema {
  id?: string;
  type?: string;
  components: FormComponent[];
  [other: string]: unknown;
}

/** A problem in a schema, as a JSON pointer into it (`/components/2/validate/pattern`) and what is wrong. */
export interface FormSchemaIssue {
  pointer: string;
  message: string;
}

/** A problem in submitted data: the path of the value (`['items', 0, 'amount']`) and what is wrong with it. */
export interface FormDataIssue {
  path: Array<string | number>;
  message: string;
}

/** Components holding a value under their `key`, and what that value must be. */
const VALUE_TYPES = ['textfield', 'textarea', 'number', 'checkbox', 'checklist', 'radio', 'select', 'taglist', 'datetime'] as const;
type ValueType = (typeof VALUE_TYPES)[number];
const CONTAINERS = ['group', 'dynamiclist'];
/** Components that show something and hold no value. */
const DISPLAY = ['text', 'html', 'spacer', 'separator', 'image', 'button', 'iframe', 'table', 'documentPreview'];
const WITH_VALUES: readonly string[] = ['radio', 'select', 'checklist', 'taglist'];

const MAX_COMPONENTS = 500;
const MAX_DEPTH = 8;
const MAX_PATTERN = 1000;
const PATH = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)*$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE = /^\+?[0-9 ()-]{5,20}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const escapePointer = (s: string | number) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

/** How a message names a component: its key, else its id, with its type. */
export function componentName(c: Partial<FormComponent>, index: number): string {
  const name = c.key ?? c.path ?? c.id;
  return `component ${name ? `"${name}" ` : `#${index + 1} `}(${typeof c.type === 'string' ? c.type : 'no type'})`;
}

/** Compiles a form pattern with RE2 (anchored like HTML's `pattern`); throws with RE2's reason when it is not RE2 syntax. */
const compiled = new Map<string, RE2JS>();
function pattern(source: string): RE2JS {
  let re = compiled.get(source);
  if (!re) {
    re = RE2JS.compile(`^(?:${source})$`);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(source, re);
  }
  return re;
}

/** Why a schema cannot be used (empty when it can): each issue points at the component at fault. */
export function formSchemaIssues(schema: unknown): FormSchemaIssue[] {
  const issues: FormSchemaIssue[] = [];
  if (!isObject(schema)) return [{ pointer: '/', message: 'a form must be a form-js JSON object' }];
  if (schema.type !== undefined && schema.type !== 'default') issues.push({ pointer: '/type', message: 'must be "default" (a form-js form)' });
  if (!Array.isArray(schema.components)) return [...issues, { pointer: '/components', message: 'must be the list of the form’s components' }];
  let count = 0;
  const walk = (components: unknown[], at: string, depth: number, keys: Map<string, string>): void => {
    components.forEach((raw, index) => {
      const pointer = `${at}/${index}`;
      count++;
      if (count === MAX_COMPONENTS + 1) issues.push({ pointer, message: `a form may have at most ${MAX_COMPONENTS} components` });
      if (!isObject(raw) || typeof raw.type !== 'string') {
        issues.push({ pointer, message: `component #${index + 1} needs a type` });
        return;
      }
      const c = raw as unknown as FormComponent;
      const name = componentName(c, index);
      const problem = (where: string, message: string) => issues.push({ pointer: `${pointer}${where}`, message: `${name}: ${message}` });
      if (CONTAINERS.includes(c.type)) {
        if (c.path !== undefined && (typeof c.path !== 'string' || !PATH.test(c.path))) problem('/path', 'path must be a dotted name (e.g. address.city)');
        if (c.type === 'dynamiclist' && !c.path) problem('/path', 'a dynamic list needs a path (the variable holding its items)');
        if (!Array.isArray(c.components)) problem('/components', 'needs a list of components');
        else if (depth >= MAX_DEPTH) problem('/components', `groups may nest at most ${MAX_DEPTH} deep`);
        else {
          if (c.path) claim(keys, c.path, pointer, problem);
          // A dynamic list's items are a scope of their own; a group without a path shares its parent's.
          walk(c.components, `${pointer}/components`, depth + 1, c.type === 'dynamiclist' ? new Map() : keys);
        }
      } else if ((VALUE_TYPES as readonly string[]).includes(c.type)) {
        if (typeof c.key !== 'string' || !PATH.test(c.key)) problem('/key', 'needs a key, a variable name or a dotted path (e.g. address.city)');
        else claim(keys, c.key, pointer, problem);
        checkValidate(c, problem);
        if (WITH_VALUES.includes(c.type)) {
          if (c.values !== undefined && (!Array.isArray(c.values) || !c.values.every((v) => isObject(v) && 'value' in v)))
            problem('/values', 'values must be a list of { label, value }');
          if (c.values === undefined && c.valuesKey === undefined && c.valuesExpression === undefined)
            problem('', 'needs values (or valuesKey / valuesExpression)');
        }
      } else if (!DISPLAY.includes(c.type)) {
        problem('/type', `type "${c.type}" is not supported (value components: ${VALUE_TYPES.join(', ')}; group, dynamiclist; display components)`);
      }
      const hide = c.conditional?.hide;
      if (hide !== undefined) {
        const syntax = typeof hide === 'string' && isFeel(hide) ? feelSyntaxError(hide.trim().slice(1)) : 'must be a FEEL expression starting with =';
        if (syntax) problem('/conditional/hide', `conditional.hide ${syntax}`);
      }
    });
  };
  walk(schema.components, '/components', 0, new Map());
  return issues;
}

/** Two components of one scope writing the same variable would overwrite each other. */
function claim(keys: Map<string, string>, key: string, pointer: string, problem: (where: string, message: string) => void): void {
  const other = keys.get(key);
  if (other) problem('/key', `key "${key}" is also used by the component at ${other}`);
  else keys.set(key, pointer);
}

function checkValidate(c: FormComponent, problem: (where: string, message: string) => void): void {
  const v = c.validate;
  if (v === undefined) return;
  if (!isObject(v)) return problem('/validate', 'validate must be an object');
  for (const bound of ['minLength', 'maxLength', 'min', 'max'] as const) {
    if (v[bound] !== undefined && (typeof v[bound] !== 'number' || !Number.isFinite(v[bound])))
      problem(`/validate/${bound}`, `validate.${bound} must be a number`);
  }
  if (v.pattern !== undefined) {
    if (typeof v.pattern !== 'string') problem('/validate/pattern', 'validate.pattern must be a string');
    else if (v.pattern.length > MAX_PATTERN) problem('/validate/pattern', `validate.pattern may have at most ${MAX_PATTERN} characters`);
    else {
      try {
        pattern(v.pattern);
      } catch (err) {
        problem(
          '/validate/pattern',
          `validate.pattern is not RE2 syntax (${err instanceof Error ? err.message : String(err)}); backreferences and lookaround are not supported`,
        );
      }
    }
  }
}

/** The value components of a schema, with the data path of each (groups with a path nest, dynamic lists are lists of objects). */
export function formFieldKeys(schema: CamundaFormSchema): string[] {
  const keys: string[] = [];
  const walk = (components: FormComponent[], prefix: string): void => {
    for (const c of components) {
      if (c.type === 'dynamiclist' && c.path) keys.push(prefix + c.path);
      else if (c.type === 'group') walk(c.components ?? [], c.path ? `${prefix}${c.path}.` : prefix);
      else if (c.key && (VALUE_TYPES as readonly string[]).includes(c.type)) keys.push(prefix + c.key);
    }
  };
  walk(schema.components, '');
  return keys;
}

function getPath(data: unknown, path: string): unknown {
  let value = data;
  for (const part of path.split('.')) value = isObject(value) ? value[part] : undefined;
  return value;
}

const empty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

function typeProblem(type: ValueType, c: FormComponent, value: unknown): string | undefined {
  switch (type) {
    case 'textfield':
    case 'textarea':
      return typeof value === 'string' ? undefined : 'must be text';
    case 'number': {
      const n = typeof value === 'string' && c.serializeToString ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? undefined : 'must be a number';
    }
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'checklist':
    case 'taglist':
      return Array.isArray(value) ? undefined : 'must be a list';
    case 'radio':
    case 'select':
      return ['string', 'number', 'boolean'].includes(typeof value) ? undefined : 'must be one of the options';
    case 'datetime': {
      const format = c.subtype === 'time' ? TIME : c.subtype === 'datetime' ? DATETIME : DATE;
      const example = c.subtype === 'time' ? '14:30' : c.subtype === 'datetime' ? '2026-03-01T14:30:00Z' : '2026-03-01';
      const ok = typeof value === 'string' && format.test(value) && (c.subtype === 'time' || !Number.isNaN(Date.parse(value)));
      return ok ? undefined : `must be ${c.subtype === 'time' ? 'a time' : c.subtype === 'datetime' ? 'a date and time' : 'a date'} like ${example}`;
    }
  }
}

function ruleProblems(c: FormComponent, value: unknown): string[] {
  const v = c.validate ?? {};
  const problems: string[] = [];
  const allowed = Array.isArray(c.values) ? c.values.map((o) => o.value) : undefined;
  const shown = () => (allowed ?? []).map((a) => JSON.stringify(a)).join(', ');
  if (typeof value === 'string' && ['textfield', 'textarea'].includes(c.type)) {
    if (v.minLength !== undefined && value.length < v.minLength) problems.push(`must have at least ${v.minLength} characters`);
    if (v.maxLength !== undefined && value.length > v.maxLength) problems.push(`must have at most ${v.maxLength} characters`);
    if (typeof v.pattern === 'string' && !pattern(v.pattern).matches(value)) problems.push(`must match the pattern ${v.pattern}`);
    if (v.validationType === 'email' && !EMAIL.test(value)) problems.push('must be an email address');
    if (v.validationType === 'phone' && !PHONE.test(value)) problems.push('must be a phone number');
  }
  if (c.type === 'number') {
    const n = Number(value);
    if (v.min !== undefined && n < v.min) problems.push(`must be at least ${v.min}`);
    if (v.max !== undefined && n > v.max) problems.push(`must be at most ${v.max}`);
  }
  if (allowed && (c.type === 'radio' || c.type === 'select') && !allowed.includes(value)) problems.push(`must be one of: ${shown()}`);
  return problems;
}

export interface FormDataOptions {
  /** Variables the form's conditions see besides the submitted data (the instance's variables). */
  context?: Record<string, unknown>;
  /** Reject top-level variables that are no field of the form (default true). */
  closed?: boolean;
}

/**
 * Checks submitted data against a form: types, required, lengths, bounds, patterns, allowed values,
 * in groups and dynamic lists. A component hidden by its `conditional.hide` FEEL condition (true
 * against the context and the data) is not checked, nor is what it contains; a condition that fails
 * (or finds the FEEL budget spent) hides nothing, so the data is checked rather than let through.
 */
export function validateFormData(schema: CamundaFormSchema, data: Record<string, unknown>, options: FormDataOptions = {}): FormDataIssue[] {
  const issues: FormDataIssue[] = [];
  const hidden = (c: FormComponent, scope: Record<string, unknown>): boolean => {
    if (typeof c.conditional?.hide !== 'string') return false;
    try {
      return evaluateFeel(c.conditional.hide, { ...options.context, ...data, ...scope }) === true;
    } catch {
      return false; // a condition that fails to evaluate hides nothing, as in the viewer
    }
  };
  const walk = (components: FormComponent[], scope: Record<string, unknown>, base: Array<string | number>): void => {
    for (const c of components) {
      if (hidden(c, scope)) continue;
      if (c.type === 'group') {
        const inner = c.path ? getPath(scope, c.path) : scope;
        walk(c.components ?? [], isObject(inner) ? inner : {}, c.path ? [...base, ...c.path.split('.')] : base);
        continue;
      }
      if (c.type === 'dynamiclist' && c.path) {
        const items = getPath(scope, c.path);
        const at = [...base, ...c.path.split('.')];
        if (items === undefined || items === null) continue;
        if (!Array.isArray(items)) issues.push({ path: at, message: 'must be a list' });
        else
          items.forEach((item, i) => {
            if (!isObject(item)) issues.push({ path: [...at, i], message: 'must be an object' });
            else walk(c.components ?? [], item, [...at, i]);
          });
        continue;
      }
      if (!c.key || !(VALUE_TYPES as readonly string[]).includes(c.type)) continue;
      const path = [...base, ...c.key.split('.')];
      const value = getPath(scope, c.key);
      // As in form-js, a required checkbox must be ticked.
      if (empty(value) || (c.type === 'checkbox' && value === false)) {
        if (c.validate?.required) issues.push({ path, message: c.type === 'checkbox' ? 'must be ticked' : 'is required' });
        if (value !== false) continue;
      }
      const problem = typeProblem(c.type as ValueType, c, value);
      if (problem) {
        issues.push({ path, message: problem });
        continue;
      }
      if ((c.type === 'checklist' || c.type === 'taglist') && Array.isArray(c.values)) {
        const allowed = c.values.map((o) => o.value);
        (value as unknown[]).forEach((item, i) => {
          if (!allowed.includes(item)) issues.push({ path: [...path, i], message: `must be one of: ${allowed.map((a) => JSON.stringify(a)).join(', ')}` });
        });
      }
      for (const message of ruleProblems(c, value)) issues.push({ path, message });
    }
  };
  // All the form's conditions together spend one step's FEEL budget; past it, nothing more is hidden.
  withinFeelStep(() => walk(schema.components, data, []));
  if (options.closed !== false) {
    const roots = new Set(formFieldKeys(schema).map((k) => k.split('.')[0]));
    for (const name of Object.keys(data)) {
      if (!roots.has(name)) issues.push({ path: [name], message: `is not a field of this task's form (${[...roots].join(', ')})` });
    }
  }
  return issues;
}

/** An RFC 6901 pointer of a data path under `prefix` (e.g. `/variables/items/0/amount`). */
export function dataPointer(prefix: string, path: Array<string | number>): string {
  return `${prefix}${path.map((p) => `/${escapePointer(p)}`).join('')}`;
}
