import type { NextFunction, Request, Response } from 'express';

const JSON_TYPES = /^application\/([\w.+-]+\+)?json$/i;
const XML_TYPES = /^(application|text)\/([\w.+-]+\+)?xml$/i;
/** The only routes that take XML: BPMN deployment. */
const XML_ROUTES = /^\/api\/v1\/process-definitions\/?$/;

/**
 * A request with a body must say it is JSON (or BPMN XML where that is accepted): anything else
 * gets 415 as problem+json before any parser or handler sees it.
 */
export function requireKnownContentType(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || !['POST', 'PUT', 'PATCH'].includes(req.method)) return next();
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
  if (JSON_TYPES.test(type) || (XML_TYPES.test(type) && XML_ROUTES.test(req.path))) return next();
  const accepted = XML_ROUTES.test(req.path) ? 'application/xml (BPMN)' : 'application/json';
  res
    .status(415)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: 'https://aimsflow.dev/problems/unsupported-media-type',
        title: 'unsupported media type',
        status: 415,
        code: 'unsupported-media-type',
        detail: `Content-Type ${type || '(none)'} is not accepted here; send ${accepted}`,
        instance: req.originalUrl,
        errors: [{ pointer: '', message: `Content-Type must be ${accepted}` }],
      }),
    );
}
