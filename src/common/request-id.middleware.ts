import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** A caller's X-Request-Id is kept (when sane), otherwise one is made. */
export function newRequestId(req: { headers: IncomingHttpHeaders }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

/**
 * The first middleware: every answer carries X-Request-Id, also those the rate limiter or a body
 * parser gives before Nest sees the request. Fastify has made the id already (genReqId); the
 * logger takes the one found here.
 */
export function assignRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void): void {
  req.id ??= newRequestId(req);
  if (!res.hasHeader('X-Request-Id')) res.setHeader('X-Request-Id', String(req.id));
  next();
}
