import { type CamundaFormSchema, dataPointer, validateFormData } from '../engine/forms/camunda-form.js';
import type { FormField } from '../engine/process/index.js';
import type { ProblemFieldError } from '../common/domain-error.js';

export interface Completion {
  variables: Record<string, unknown>;
  /** The task's recorded outcome: `outcome`, else the value of the form's first enum field. */
  outcome: string | null;
  errors: ProblemFieldError[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Most evidence items one form field may name. */
export const MAX_EVIDENCE_PER_FIELD = 100;

/** The evidence ids an `evidence` field's value names (an id or a list of ids). */
export function evidenceIds(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function typeProblem(field: FormField, value: unknown): string | undefined {
  switch (field.type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'integer':
      return Number.isInteger(value) ? undefined : 'must be an integer';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'must be an ISO 8601 date, e.g. 2026-03-01';
    case 'enum':
      return typeof value === 'string' && field.values?.includes(value) ? undefined : `must be one of: ${(field.values ?? []).join(', ')}`;
    case 'array':
      return Array.isArray(value) ? undefined : 'must be an array';
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : 'must be an object';
    case 'evidence': {
      const ids = Array.isArray(value) ? value : [value];
      if (Array.isArray(value) && (value.length === 0 || value.length > MAX_EVIDENCE_PER_FIELD)) return `must list 1 to ${MAX_EVIDENCE_PER_FIELD} evidence ids`;
      return ids.every((id) => typeof id === 'string' && UUID.test(id)) ? undefined : 'must be an evidence id (POST /api/v1/evidence) or a list of them';
    }
  }
}

/**
 * Checks a completion against the task's form: required fields, types, allowed values. `outcome`
 * becomes the variable `outcome` (checked like a form field when the form has one). A task with a
 * form takes only its fields (and `outcome`), so an approver cannot set other process variables;
 * a task without a form takes any variables.
 */
export function validateCompletion(form: FormField[], outcome: string | undefined, given: Record<string, unknown> = {}): Completion {
  const errors: ProblemFieldError[] = [];
  const variables = { ...given };
  const pointer = (name: string) => (name === 'outcome' && outcome !== undefined ? '/outcome' : `/variables/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  if (outcome !== undefined) {
    if (variables.outcome !== undefined && variables.outcome !== outcome)
      errors.push({ pointer: '/variables/outcome', message: 'differs from `outcome`; send one of them' });
    variables.outcome = outcome;
  }
  if (form.length) {
    const names = new Set(form.map((f) => f.name));
    for (const name of Object.keys(variables)) {
      if (!names.has(name) && name !== 'outcome')
        errors.push({ pointer: pointer(name), message: `is not a field of this task's form (${[...names].join(', ')})` });
    }
  }
  for (const field of form) {
    const value = variables[field.name];
    if (value === undefined || value === null || value === '') {
      if (field.required) errors.push({ pointer: pointer(field.name), message: 'is required' });
      continue;
    }
    const problem = typeProblem(field, value);
    if (problem) errors.push({ pointer: pointer(field.name), message: problem });
    // `values` on an array field: every item must be one of them (e.g. Annex A control ids).
    else if (field.type === 'array' && field.values?.length) {
      (value as unknown[]).forEach((item, i) => {
        if (!field.values!.includes(item as string))
          errors.push({ pointer: `${pointer(field.name)}/${i}`, message: `must be one of: ${field.values!.join(', ')}` });
      });
    }
  }
  const firstEnum = form.find((f) => f.type === 'enum' && typeof variables[f.name] === 'string');
  const recorded = typeof variables.outcome === 'string' ? variables.outcome : firstEnum ? (variables[firstEnum.name] as string) : null;
  return { variables, outcome: recorded, errors };
}

/**
 * Checks a completion against the task's Camunda form (form-js): see validateFormData. The form's
 * hide conditions see the instance's variables beside the submitted ones. `outcome` is recorded as
 * with aimsflow forms; without it, the value of the form's first select or radio field is.
 */
export function validateCamundaCompletion(
  schema: CamundaFormSchema,
  outcome: string | undefined,
  given: Record<string, unknown> = {},
  instanceVariables: Record<string, unknown> = {},
): Completion {
  const errors: ProblemFieldError[] = [];
  const variables = { ...given };
  if (outcome !== undefined && variables.outcome !== undefined && variables.outcome !== outcome)
    errors.push({ pointer: '/variables/outcome', message: 'differs from `outcome`; send one of them' });
  const { outcome: _sent, ...data } = variables;
  const checked = outcome !== undefined ? data : variables;
  for (const issue of validateFormData(schema, checked, { context: instanceVariables })) {
    errors.push({ pointer: dataPointer('/variables', issue.path), message: issue.message });
  }
  if (outcome !== undefined) variables.outcome = outcome;
  const choice = schema.components.find((c) => (c.type === 'select' || c.type === 'radio') && c.key && typeof variables[c.key] === 'string');
  const recorded = typeof variables.outcome === 'string' ? variables.outcome : choice ? (variables[choice.key as string] as string) : null;
  return { variables, outcome: recorded, errors };
}
