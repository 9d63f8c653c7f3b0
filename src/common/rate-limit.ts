import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

/**
 * Requests per minute per client: per bearer token when there is one (many clients may share an
 * address behind a proxy), else per address. express-rate-limit rather than @nestjs/throttler:
 * see docs/adr/0001-esm-and-nestjs-12.md.
 */
export function rateLimiter(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.path === '/health',
    keyGenerator: (req: Request) => {
      const auth = req.headers.authorization;
      return auth ? 'token:' + createHash('sha256').update(auth).digest('hex') : 'ip:' + ipKeyGenerator(req.ip ?? '');
    },
    handler: (req: Request, res: Response) => {
      res
        .status(429)
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'https://aimsflow.dev/problems/rate-limited',
            title: 'too many requests',
            status: 429,
            code: 'rate-limited',
            detail: `More than ${perMinute} requests in a minute; retry after the time in the RateLimit header`,
            instance: req.originalUrl,
          }),
        );
    },
  });
}
