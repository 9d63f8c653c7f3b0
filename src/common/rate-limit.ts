import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { sendRawProblem } from './raw-problem.js';

/** What the limiter reads of a request: Express sets `ip` and `originalUrl`, and so does Fastify's middleware layer. */
type LimitedRequest = IncomingMessage & { ip?: string; originalUrl?: string; id?: unknown };

/** Who a request speaks for (a token's subject, a session), or undefined when nobody known. */
export type PrincipalResolver = (headers: IncomingHttpHeaders) => Promise<string | undefined>;

/**
 * Requests per minute per principal: the subject of a valid token (however the header is spelt,
 * whichever of the person's tokens it is) or the session of a cookie, else per client address — requests without a token and
 * those with a malformed, unknown, revoked or expired one share their address's bucket.
 * express-rate-limit rather than @nestjs/throttler: see docs/adr/0001-esm-and-nestjs-12.md. It only
 * needs Node's request and response, so it runs as plain middleware on either HTTP adapter, with
 * the same RateLimit and Retry-After headers (docs/adr/0005-http-adapter.md).
 */
export function rateLimiter(perMinute: number, principalOf: PrincipalResolver) {
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req: LimitedRequest) => (req.url ?? '').split('?')[0] === '/health',
    keyGenerator: async (req: LimitedRequest) => {
      const principal = await principalOf(req.headers);
      return principal ? `principal:${principal}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
    },
    handler: (req: LimitedRequest, res: ServerResponse) =>
      sendRawProblem(req, res, 429, 'rate-limited', `More than ${perMinute} requests in a minute; retry after the seconds in Retry-After`),
  });
  // Its draft-8 headers go through Express's res.append; Fastify hands middleware Node's own response, whose appendHeader does the same.
  return (req: LimitedRequest, res: ServerResponse & { append?: unknown }, next: (error?: unknown) => void) => {
    res.append ??= (name: string, value: string) => res.appendHeader(name, value);
    return limiter(req as Parameters<typeof limiter>[0], res as Parameters<typeof limiter>[1], next);
  };
}
