import type { Schemas } from '../api/client';

/** One input of a generated form, from a task's form field or an attribute of the JSON Schema. */
export interface FieldSpec {
  name: string;
  label: string;
  description?: string;
  required: boolean;
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime' | 'enum' | 'multi' | 'list' | 'object' | 'objects' | 'json';
  /** Allowed values (enum: one of them; multi: any of them). */
  values?: readonly string[];
  /** What a person reads for a value (enum), e.g. an AI system's name for its id. */
  valueLabels?: Record<string, string>;
  min?: number;
  max?: number;
  /** The members of an object, or of each object of a list (kind object / objects). */
  fields?: FieldSpec[];
}

/**
 * A member of an object field as BPMN forms describe it in the label, e.g. `severity
 * major|minor|observation`, `likelihood 1-5` or `clauseRefs?` (optional).
 */
function member(text: string): FieldSpec {
  const [head, ...rest] = text.trim().split(/\s+/);
  const optional = head.endsWith('?');
  const name = optional ? head.slice(0, -1) : head;
  const hint = rest.join(' ');
  const label = humanise(name);
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(hint);
  if (range) return { name, label, required: false, kind: 'integer', min: Number(range[1]), max: Number(range[2]) };
  if (hint.includes('|')) return { name, label, required: false, kind: 'enum', values: hint.split('|').map((v) => v.trim()) };
  return { name, label, required: false, kind: 'string', description: hint || undefined };
}

/** `Risks: {title, description, likelihood 1-5}` → the label `Risks` and the members of each risk. */
export function parseShape(label: string): { label: string; fields?: FieldSpec[] } {
  const shape = /\{([^}]*)\}/.exec(label);
  if (!shape) return { label };
  const text = label
    .slice(0, shape.index)
    .replace(/\(\s*object:\s*$/, '')
    .replace(/[\s:(]+$/, '')
    .trim();
  return {
    label: text || label,
    fields: shape[1]
      .split(',')
      .filter((part) => part.trim())
      .map(member),
  };
}

/** A task form field (from the BPMN) as a generated input. */
export function fromFormField(field: Schemas['FormFieldDto']): FieldSpec {
  const { label, fields } = parseShape(field.label ?? field.name);
  const base = { name: field.name, label, required: field.required };
  switch (field.type) {
    case 'enum':
      return { ...base, kind: 'enum', values: field.values ?? [] };
    case 'array':
      if (field.values?.length) return { ...base, kind: 'multi', values: field.values };
      return fields ? { ...base, kind: 'objects', fields } : { ...base, kind: 'list' };
    case 'object':
      return fields ? { ...base, kind: 'object', fields } : { ...base, kind: 'json' };
    case 'evidence':
      // Uploading belongs to the evidence register (POST /api/v1/evidence); the form names the items.
      return { ...base, kind: 'list', description: 'Ids of evidence items in the evidence register.' };
    default:
      return { ...base, kind: field.type };
  }
}

interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  format?: string;
}

/** `useCases` → `Use cases`, `art6_3Derogation` → `Art 6(3) derogation`. */
export function humanise(name: string): string {
  return name
    .replace(/(\d)_(\d+)/g, '$1($2)')
    .replace(/_/g, ' ')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/([a-z0-9)])([A-Z])/g, (_, before: string, capital: string) => `${before} ${capital.toLowerCase()}`)
    .replace(/^./, (c) => c.toUpperCase());
}

/** The value at a field path (`risks/0/title`) of a form's values. */
export function valueAt(values: Values, path: string): unknown {
  return path.split('/').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Values)[key] : undefined), values);
}

/** The properties of an object JSON Schema (the AI system attribute schema) as generated inputs. */
export function fromJsonSchema(schema: JsonSchema): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const base = { name, label: property.title ?? humanise(name), description: property.description, required: required.has(name) };
    const type = Array.isArray(property.type) ? property.type.find((t) => t !== 'null') : property.type;
    if (property.enum) return { ...base, kind: 'enum', values: property.enum.map(String) };
    switch (type) {
      case 'boolean':
        return { ...base, kind: 'boolean' };
      case 'integer':
      case 'number':
        return { ...base, kind: type, min: property.minimum, max: property.maximum };
      case 'array':
        if (property.items?.enum) return { ...base, kind: 'multi', values: property.items.enum.map(String) };
        if (property.items?.type === 'object') return { ...base, kind: 'objects', fields: fromJsonSchema(property.items) };
        return { ...base, kind: 'list' };
      case 'object':
        return property.properties ? { ...base, kind: 'object', fields: fromJsonSchema(property) } : { ...base, kind: 'json' };
      default:
        return { ...base, kind: property.format === 'date' ? 'date' : 'string' };
    }
  });
}

export type Values = Record<string, unknown>;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Drops empty inputs so that an untouched optional field is absent, not an empty string. */
export function compact(specs: FieldSpec[], values: Values): Values {
  const out: Values = {};
  for (const spec of specs) {
    let value = values[spec.name];
    if (spec.kind === 'object' && value && typeof value === 'object') value = compact(spec.fields ?? [], value as Values);
    if (spec.kind === 'objects' && Array.isArray(value)) value = value.map((item) => compact(spec.fields ?? [], item as Values));
    if (spec.kind === 'object' && value && Object.keys(value).length === 0) continue;
    if (!isEmpty(value)) out[spec.name] = value;
  }
  return out;
}

/**
 * The checks the browser can make before sending (required, numbers, ranges, JSON); the service
 * checks again and its errors are placed the same way. Keys are paths like `risks/0/likelihood`.
 */
export function validate(specs: FieldSpec[], values: Values, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const spec of specs) {
    const key = prefix + spec.name;
    const value = values[spec.name];
    if (isEmpty(value)) {
      if (spec.required) errors[key] = 'is required';
      continue;
    }
    if (spec.kind === 'integer' || spec.kind === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || (spec.kind === 'integer' && !Number.isInteger(n)))
        errors[key] = spec.kind === 'integer' ? 'must be a whole number' : 'must be a number';
      else if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max))
        errors[key] = `must be between ${spec.min} and ${spec.max}`;
    }
    if (spec.kind === 'datetime' && !Number.isFinite(Date.parse(String(value)))) errors[key] = 'must be a date and time';
    if (spec.kind === 'json' && typeof value === 'string') {
      try {
        JSON.parse(value);
      } catch {
        errors[key] = 'must be valid JSON';
      }
    }
    if (spec.kind === 'object') Object.assign(errors, validate(spec.fields ?? [], value as Values, `${key}/`));
    if (spec.kind === 'objects') (value as Values[]).forEach((item, i) => Object.assign(errors, validate(spec.fields ?? [], item, `${key}/${i}/`)));
  }
  return errors;
}

/** The value the API expects: numbers as numbers, JSON text parsed. */
export function toPayload(specs: FieldSpec[], values: Values): Values {
  const out: Values = {};
  for (const [name, value] of Object.entries(compact(specs, values))) {
    const spec = specs.find((s) => s.name === name)!;
    if (spec.kind === 'integer' || spec.kind === 'number') out[name] = Number(value);
    // The reader's local time, as the instant the API stores.
    else if (spec.kind === 'datetime') out[name] = new Date(String(value)).toISOString();
    else if (spec.kind === 'json') out[name] = typeof value === 'string' ? JSON.parse(value) : value;
    else if (spec.kind === 'object') out[name] = toPayload(spec.fields ?? [], value as Values);
    else if (spec.kind === 'objects') out[name] = (value as Values[]).map((item) => toPayload(spec.fields ?? [], item));
    else if (spec.kind === 'list') out[name] = (value as string[]).map((line) => line.trim()).filter(Boolean);
    else out[name] = value;
  }
  return out;
}

/**
 * Places the service's field errors (JSON pointers such as `/variables/risks/0/title`) on the
 * deepest input that exists; what names no input stays in the list of general errors.
 */
export function placeErrors(
  specs: FieldSpec[],
  errors: { pointer: string; message: string }[],
  base: string,
): { byField: Record<string, string>; general: string[] } {
  const keys = new Set<string>();
  const collect = (list: FieldSpec[], prefix: string) =>
    list.forEach((spec) => {
      keys.add(prefix + spec.name);
      if (spec.kind === 'object') collect(spec.fields ?? [], `${prefix}${spec.name}/`);
    });
  collect(specs, '');
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const { pointer, message } of errors) {
    if (!pointer.startsWith(`${base}/`)) {
      general.push(message);
      continue;
    }
    const parts = pointer
      .slice(base.length + 1)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let placed = false;
    for (let n = parts.length; n > 0 && !placed; n--) {
      const key = parts.slice(0, n).join('/');
      // Items of a list of objects are rendered per index: risks/0/title exists when risks does.
      const listed = n >= 3 && keys.has(parts[0]) && /^\d+$/.test(parts[1]);
      if (keys.has(key) || listed) {
        byField[key] = byField[key] ? `${byField[key]}; ${message}` : message;
        placed = true;
      }
    }
    if (!placed) general.push(`${pointer}: ${message}`);
  }
  return { byField, general };
}
