import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

/** What the limiter reads of a request: Express sets `ip` and `originalUrl`, and so does Fastify's middleware layer. */
type LimitedRequest = IncomingMessage & { ip?: string; originalUrl?: string };

/**
 * Requests per minute per client: per bearer token when there is one (many clients may share an
 * address behind a proxy), else per address. express-rate-limit rather than @nestjs/throttler:
 * see docs/adr/0001-esm-and-nestjs-12.md. It only needs Node's request and response, so it runs as
 * plain middleware on either HTTP adapter, with the same RateLimit headers (docs/adr/0005-http-adapter.md).
 */
export function rateLimiter(perMinute: number) {
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req: LimitedRequest) => (req.url ?? '').split('?')[0] === '/health',
    keyGenerator: (req: LimitedRequest) => {
      const auth = req.headers.authorization;
      return auth ? 'token:' + createHash('sha256').update(auth).digest('hex') : 'ip:' + ipKeyGenerator(req.ip ?? '');
    },
    handler: (req: LimitedRequest, res: ServerResponse) => {
      res.statusCode = 429;
      res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
      res.end(
        JSON.stringify({
          type: 'https://aimsflow.dev/problems/rate-limited',
          title: 'too many requests',
          status: 429,
          code: 'rate-limited',
          detail: `More than ${perMinute} requests in a minute; retry after the time in the RateLimit header`,
          instance: req.originalUrl ?? req.url,
        }),
      );
    },
  });
  // Its draft-8 headers go through Express's res.append; Fastify hands middleware Node's own response, whose appendHeader does the same.
  return (req: LimitedRequest, res: ServerResponse & { append?: unknown }, next: (error?: unknown) => void) => {
    res.append ??= (name: string, value: string) => res.appendHeader(name, value);
    return limiter(req as Parameters<typeof limiter>[0], res as Parameters<typeof limiter>[1], next);
  };
}
