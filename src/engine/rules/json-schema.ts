import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { ValidationIssue } from './types.js';

/** RFC 6901: `~` and `/` inside a reference token are escaped. */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(base: string, ...tokens: Array<string | number>): string {
  return tokens.reduce<string>((acc, token) => `${acc}/${pointerToken(token)}`, base);
}

/**
 * Ajv configured the way every user-supplied schema (factsSchema, the attribute schema) is
 * compiled: JSON Schema draft-07 (Ajv's default), all errors at once, formats, and strict about
 * unknown keywords (catches typos) but silent about type/tuple style hints.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false });
  ajvFormats.default(ajv);
  return ajv;
}

/** Ajv reports `required`/`additionalProperties` at the parent; point at the property instead. */
export function ajvErrorsToIssues(errors: ErrorObject[] | null | undefined, base: string): ValidationIssue[] {
  return (errors ?? [])
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const at = base + error.instancePath;
      switch (error.keyword) {
        case 'required':
          return { pointer: pointer(at, String(error.params.missingProperty)), message: 'is required' };
        case 'additionalProperties':
          return { pointer: pointer(at, String(error.params.additionalProperty)), message: 'is not allowed here' };
        case 'enum':
          return { pointer: at, message: `must be one of: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
        default:
          return { pointer: at, message: error.message ?? 'is invalid' };
      }
    });
}

export type SchemaCompilation = { validate: ValidateFunction; ajv: Ajv; issues?: undefined } | { issues: ValidationIssue[] };

/**
 * Compiles a user-supplied schema in its own Ajv instance (ids cannot clash between rule sets and
 * nothing accumulates in a shared cache). The schema is registered under `key` so sub-schemas can
 * be fetched later with `ajv.getSchema(key + '#/…')`.
 */
export function compileUserSchema(schema: unknown, at: string, key = 'root'): SchemaCompilation {
  const ajv = createAjv();
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return { issues: [{ pointer: at, message: 'must be a JSON Schema object' }] };
  }
  if (!ajv.validateSchema(schema)) return { issues: ajvErrorsToIssues(ajv.errors, at) };
  try {
    ajv.addSchema(schema, key);
    const validate = ajv.getSchema(key);
    if (!validate) throw new Error('schema did not compile');
    return { validate, ajv };
  } catch (error) {
    return { issues: [{ pointer: at, message: `does not compile as a JSON Schema: ${(error as Error).message}` }] };
  }
}

const NAME = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
const KEBAB = '^[a-z0-9]+(-[a-z0-9]+)*$';
const RULE_SET_KEY_LENGTH = 100;

/** Whether a rule set may have this key (lowercase words joined by "-"), as the document format requires. */
export function isRuleSetKey(key: string): boolean {
  return key.length <= RULE_SET_KEY_LENGTH && new RegExp(KEBAB).test(key);
}
const stringList = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };

/**
 * JSON Schema (draft-07) of the rule set document. Structural only: which keys exist and their
 * types. Cross-references (facts, operators, names, outcome vs events) are checked in validate.ts.
 */
export const RULE_SET_FORMAT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'aimsflow rule set',
  type: 'object',
  required: ['key', 'kind', 'title', 'description', 'factsSchema', 'rules', 'outcome'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', pattern: KEBAB, maxLength: RULE_SET_KEY_LENGTH },
    kind: { type: 'string', pattern: KEBAB, maxLength: 100 },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string', minLength: 1 },
    factsSchema: {
      type: 'object',
      required: ['type', 'properties'],
      properties: { type: { const: 'object' }, properties: { type: 'object' } },
    },
    sharedConditions: {
      type: 'object',
      propertyNames: { pattern: NAME },
      additionalProperties: { $ref: '#/definitions/condition' },
    },
    rules: { type: 'array', minItems: 1, items: { $ref: '#/definitions/rule' } },
    outcome: { $ref: '#/definitions/outcome' },
  },
  definitions: {
    rule: {
      type: 'object',
      required: ['name', 'description', 'conditions', 'event'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', pattern: NAME },
        description: { type: 'string', minLength: 1 },
        priority: { type: 'integer', minimum: 1 },
        conditions: { $ref: '#/definitions/condition' },
        event: {
          type: 'object',
          required: ['type'],
          additionalProperties: false,
          properties: { type: { type: 'string', minLength: 1 }, params: { type: 'object' } },
        },
      },
    },
    // One shape for every node; "exactly one of all/any/not/condition/fact" is checked in code
    // so the message can say which keys clash instead of listing failed oneOf branches.
    condition: {
      type: 'object',
      additionalProperties: false,
      properties: {
        all: { type: 'array', items: { $ref: '#/definitions/condition' } },
        any: { type: 'array', items: { $ref: '#/definitions/condition' } },
        not: { $ref: '#/definitions/condition' },
        condition: { type: 'string', minLength: 1 },
        fact: { type: 'string', minLength: 1 },
        operator: { type: 'string', minLength: 1 },
        value: true,
        path: { type: 'string', minLength: 1 },
        params: { type: 'object' },
        name: { type: 'string' },
        priority: { type: 'integer', minimum: 1 },
      },
      if: { required: ['fact'] },
      then: { required: ['operator', 'value'] },
    },
    outcome: {
      type: 'object',
      required: ['strategy'],
      additionalProperties: false,
      properties: {
        strategy: { enum: ['collect', 'highest', 'first'] },
        defaults: { type: 'object' },
        lists: stringList,
        merge: { type: 'object', additionalProperties: { enum: ['or', 'and', 'max', 'min'] } },
        field: { type: 'string', minLength: 1 },
        scale: { type: 'array', minItems: 2, items: { type: 'string', minLength: 1 }, uniqueItems: true },
        listsFromAllLevels: stringList,
        index: {
          type: 'object',
          required: ['from'],
          additionalProperties: false,
          properties: { from: { type: 'string', minLength: 1 }, carry: stringList },
        },
      },
    },
  },
} as const;

const validateFormat = new Ajv({ allErrors: true }).compile(RULE_SET_FORMAT_SCHEMA);

export function formatIssues(doc: unknown): ValidationIssue[] {
  return validateFormat(doc) ? [] : ajvErrorsToIssues(validateFormat.errors, '');
}
