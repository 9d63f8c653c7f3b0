import type { ApiPropertyOptions } from '@nestjs/swagger';

/**
 * `@ApiProperty` options of a property that may hold any JSON value (a fact value, a condition's
 * expected value): OpenAPI 3.0 has no `any` type and @nestjs/swagger documents `unknown` as an
 * object, so it is spelled out as one of the JSON types, or null.
 */
export const ANY_JSON_VALUE: ApiPropertyOptions = {
  anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }, { type: 'object', additionalProperties: true }],
  nullable: true,
};

/** `@ApiProperty` options of a free-form JSON object (facts, outcomes, attributes). */
export const JSON_OBJECT: ApiPropertyOptions = { type: 'object', additionalProperties: true };
