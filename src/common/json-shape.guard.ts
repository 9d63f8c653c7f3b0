import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { ErrorKind, RequestError } from './domain-error.js';

export interface JsonShapeLimits {
  maxDepth: number;
  maxKeys: number;
  maxItems: number;
}

/** Strings PostgreSQL refuses to store (NUL) or JSON that is not well-formed UTF-16 (a lone surrogate). */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The first problem of a parsed request body (or query), walked with an explicit stack so no input
 * can overflow it: nesting past `maxDepth`, an object with more than `maxKeys` keys or an array with
 * more than `maxItems` items, a string PostgreSQL cannot store, an integer past 2^53.
 */
export function jsonShapeProblem(value: unknown, limits: JsonShapeLimits, root = ''): { code: string; pointer: string; message: string } | undefined {
  const stack: Array<{ value: unknown; pointer: string; depth: number }> = [{ value, pointer: root, depth: 0 }];
  while (stack.length) {
    const { value: current, pointer, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) return { code: 'invalid-string', pointer, message: 'contains a NUL character or a lone surrogate, which cannot be stored' };
      continue;
    }
    if (typeof current === 'number') {
      if (Number.isInteger(current) && !Number.isSafeInteger(current))
        return { code: 'invalid-number', pointer, message: 'is an integer beyond ±2^53, which cannot be represented exactly' };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limits.maxDepth) return { code: 'json-too-deep', pointer, message: `nests deeper than ${limits.maxDepth} levels (AIMSFLOW_JSON_MAX_DEPTH)` };
    if (Array.isArray(current)) {
      if (current.length > limits.maxItems)
        return { code: 'json-too-large', pointer, message: `has ${current.length} items; at most ${limits.maxItems} are allowed (AIMSFLOW_JSON_MAX_ITEMS)` };
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], pointer: `${pointer}/${i}`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > limits.maxKeys)
      return { code: 'json-too-large', pointer, message: `has ${keys.length} keys; at most ${limits.maxKeys} are allowed (AIMSFLOW_JSON_MAX_KEYS)` };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (UNSTORABLE.test(key))
        return { code: 'invalid-string', pointer: `${pointer}/${pointerToken(key)}`, message: 'is a key with a NUL character or a lone surrogate' };
      stack.push({ value: (current as Record<string, unknown>)[key], pointer: `${pointer}/${pointerToken(key)}`, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Global: bounds the shape of every request body, query and path before anything recursive (the
 * idempotency hash, class-transformer, validation) walks it, so a crafted body is a 400 in
 * milliseconds rather than a stack overflow or a frozen event loop; and refuses what PostgreSQL
 * would refuse later, naming the field.
 */
@Injectable()
export class JsonShapeGuard implements CanActivate {
  private readonly limits: JsonShapeLimits;

  constructor(config: ConfigService<AppConfig, true>) {
    this.limits = {
      maxDepth: config.get('jsonMaxDepth', { infer: true }),
      maxKeys: config.get('jsonMaxKeys', { infer: true }),
      maxItems: config.get('jsonMaxItems', { infer: true }),
    };
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<{ body?: unknown; query?: unknown; params?: unknown }>();
    // A text body (BPMN XML) is one string: the same check for what cannot be stored.
    const problem =
      (req.body !== null && (typeof req.body === 'object' || typeof req.body === 'string') ? jsonShapeProblem(req.body, this.limits) : undefined) ??
      jsonShapeProblem(req.query, this.limits, '/query') ??
      jsonShapeProblem(req.params, this.limits, '/path');
    if (problem)
      throw new RequestError(ErrorKind.InvalidInput, problem.code, `The request ${problem.pointer || 'body'} ${problem.message}`, [
        { pointer: problem.pointer, message: problem.message },
      ]);
    return true;
  }
}
