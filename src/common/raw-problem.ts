import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPE_BASE = 'https://aimsflow.dev/problems/';

type RawRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

/**
 * Answers application/problem+json on Node's own response, for the layers in front of Nest (the
 * rate limiter, requests no route matched, errors of plain middleware), with the request id.
 */
export function sendRawProblem(req: RawRequest, res: ServerResponse, status: number, code: string, detail: string): void {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
  res.end(rawProblemBody(req, status, code, detail));
}

/** The problem document itself, for a layer that sends it its own way (Fastify's framework errors). */
export function rawProblemBody(req: { url?: string; originalUrl?: string; id?: unknown }, status: number, code: string, detail: string): string {
  return JSON.stringify({
    type: TYPE_BASE + code,
    title: code.replace(/-/g, ' '),
    status,
    detail,
    code,
    instance: req.originalUrl ?? req.url,
    ...(req.id === undefined ? {} : { requestId: String(req.id) }),
  });
}

/** The last handler on Express: a path outside every route is a problem+json 404, never Express's HTML page. */
export function notFoundOutsideRoutes(req: RawRequest, res: ServerResponse): void {
  sendRawProblem(
    req,
    res,
    404,
    'not-found',
    `Nothing here: ${req.method} ${(req.originalUrl ?? req.url ?? '').split('?')[0]} (the API is under /api/v1, its description at /docs)`,
  );
}

/** Express's last error handler: an error a plain middleware passed on is answered as problem+json too. */
export function strayErrorAsProblem(error: unknown, req: RawRequest, res: ServerResponse, _next: unknown): void {
  const status = Number((error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode);
  if (status >= 400 && status < 500) sendRawProblem(req, res, status, 'bad-request', error instanceof Error ? error.message : 'The request could not be read');
  else sendRawProblem(req, res, 500, 'internal-error', 'An unexpected error occurred');
}
