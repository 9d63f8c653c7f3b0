import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorKind, RequestError } from './domain-error.js';

const JSON_TYPES = /^application\/([\w.+-]+\+)?json$/i;
const XML_TYPES = /^(application|text)\/([\w.+-]+\+)?xml$/i;
/** The only routes that take XML: BPMN deployment. */
const XML_ROUTES = /^\/api\/v1\/process-definitions\/?$/;
const MULTIPART = /^multipart\/form-data$/i;
/** The only route that takes multipart/form-data: evidence upload (streamed, bounded by AIMSFLOW_EVIDENCE_MAX_BYTES, not the JSON body limit). */
const MULTIPART_ROUTES = /^\/api\/v1\/evidence\/?$/;

/**
 * A request with a body must say it is JSON (or BPMN XML, or multipart/form-data, where that is
 * accepted): anything else gets 415 as problem+json before any parser or handler sees it. A plain Node middleware, so it
 * runs on either HTTP adapter; the exception filter writes the problem.
 */
export function requireKnownContentType(req: IncomingMessage, _res: ServerResponse, next: (error?: unknown) => void): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || !['POST', 'PUT', 'PATCH'].includes(req.method ?? '')) return next();
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
  const path = (req.url ?? '').split('?')[0];
  if (JSON_TYPES.test(type) || (XML_TYPES.test(type) && XML_ROUTES.test(path)) || (MULTIPART.test(type) && MULTIPART_ROUTES.test(path))) return next();
  const accepted = XML_ROUTES.test(path) ? 'application/xml (BPMN)' : MULTIPART_ROUTES.test(path) ? 'multipart/form-data' : 'application/json';
  next(
    new RequestError(ErrorKind.UnsupportedMediaType, 'unsupported-media-type', `Content-Type ${type || '(none)'} is not accepted here; send ${accepted}`, [
      { pointer: '', message: `Content-Type must be ${accepted}` },
    ]),
  );
}
