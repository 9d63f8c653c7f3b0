import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document is read as JSON */
type Schema = Record<string, any>;

/**
 * OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable` becomes a null type, references point at
 * components registered by id, and objects refuse properties they do not declare (unless they say
 * `additionalProperties`), so an undocumented field in a response fails the check.
 */
function toJsonSchema(schema: Schema): Schema {
  if (Array.isArray(schema)) return schema.map(toJsonSchema) as unknown as Schema;
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example' || key === 'examples' || key === 'discriminator' || key === 'xml') continue;
    if (key === '$ref') out.$ref = String(value).replace('#/components/schemas/', 'openapi:');
    else out[key] = typeof value === 'object' ? toJsonSchema(value) : value;
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (schema.nullable) {
    if (out.$ref || out.allOf || out.oneOf || out.anyOf) return { anyOf: [{ type: 'null' }, out] };
    if (out.type) out.type = [out.type, 'null'];
    if (out.enum) out.enum = [...out.enum, null];
  }
  return out;
}

/** Validates response bodies against the responses the OpenAPI document declares. */
export function openApiValidator(doc: Schema) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // Dates travel as ISO strings: Swagger's `type: string, format: date-time` is what a Date renders to.
  for (const [name, schema] of Object.entries<Schema>(doc.components?.schemas ?? {})) ajv.addSchema(toJsonSchema(schema), `openapi:${name}`);
  const cache = new Map<string, ValidateFunction>();

  return {
    /** The schema errors of `body` as the response `status` of `method path` (path as in the document, e.g. /api/v1/tasks/{id}). */
    errors(method: string, path: string, status: number, body: unknown): string[] {
      const operation = doc.paths?.[path]?.[method.toLowerCase()];
      if (!operation) return [`${method} ${path} is not in the OpenAPI document`];
      const response = operation.responses?.[String(status)];
      const schema = response?.content?.['application/json']?.schema;
      if (!schema) return [`${method} ${path} declares no application/json schema for ${status}`];
      const key = `${method} ${path} ${status}`;
      let validate = cache.get(key);
      if (!validate) cache.set(key, (validate = ajv.compile(toJsonSchema(schema))));
      return validate(JSON.parse(JSON.stringify(body)))
        ? []
        : (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
    },
  };
}
