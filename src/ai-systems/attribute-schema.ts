import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { ProblemFieldError } from '../common/domain-error.js';

/**
 * The attribute schema of AI systems is data (a JSON Schema file), so governance teams can add
 * attributes without code changes. Loaded and compiled once at start-up; a broken file stops boot.
 */
export class AttributeSchema {
  private readonly validateFn: ValidateFunction;

  constructor(
    readonly schema: Record<string, unknown>,
    readonly source: string,
  ) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    this.validateFn = ajv.compile(schema);
  }

  static fromFile(file: string): AttributeSchema {
    let schema: Record<string, unknown>;
    try {
      schema = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`AIMSFLOW_ATTRIBUTE_SCHEMA: cannot read the attribute schema ${file}: ${String(error)}`);
    }
    return new AttributeSchema(schema, file);
  }

  /** Errors point into the request body: /attributes/<name>[/...]. */
  validate(attributes: unknown): ProblemFieldError[] {
    if (this.validateFn(attributes)) return [];
    return (this.validateFn.errors ?? []).map((error) => toFieldError(error));
  }
}

function toFieldError(error: ErrorObject): ProblemFieldError {
  const base = `/attributes${error.instancePath}`;
  if (error.keyword === 'additionalProperties') {
    const name = String(error.params.additionalProperty);
    return { pointer: `${base}/${name}`, message: `unknown attribute "${name}"` };
  }
  if (error.keyword === 'enum') {
    return { pointer: base, message: `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}` };
  }
  return { pointer: base, message: error.message ?? 'is invalid' };
}
