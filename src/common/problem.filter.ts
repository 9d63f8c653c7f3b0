import { ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { isDatabaseUnavailable } from '../database/database-errors.js';
import { DomainError, ErrorKind, type ProblemFieldError } from './domain-error.js';
import type { Actor } from '../auth/roles.js';
import { BODY_LIMIT } from './limits.js';
import { SecurityEvents } from './security-events.js';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  [ErrorKind.InvalidInput]: 400,
  [ErrorKind.Unauthenticated]: 401,
  [ErrorKind.Forbidden]: 403,
  [ErrorKind.NotFound]: 404,
  [ErrorKind.Conflict]: 409,
  [ErrorKind.Gone]: 410,
  [ErrorKind.PreconditionRequired]: 428,
  [ErrorKind.PayloadTooLarge]: 413,
  [ErrorKind.UnsupportedMediaType]: 415,
  [ErrorKind.NotAcceptable]: 406,
  [ErrorKind.Unprocessable]: 422,
  [ErrorKind.RangeNotSatisfiable]: 416,
  [ErrorKind.Unavailable]: 503,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  requestId?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

const TYPE_BASE = 'https://aimsflow.dev/problems/';

function problemFromUnknown(exception: unknown): Problem {
  if (exception instanceof DomainError) {
    const status = STATUS_BY_KIND[exception.kind];
    return {
      ...exception.extensions,
      type: TYPE_BASE + exception.code,
      title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'error',
      status,
      detail: exception.message,
      code: exception.code,
      ...(exception.errors.length ? { errors: exception.errors } : {}),
    };
  }
  // Nest's adapters hand over body errors (malformed JSON, too large, bad charset) as HttpExceptions, on Express and Fastify alike.
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const detail =
      status === HttpStatus.PAYLOAD_TOO_LARGE
        ? `The request body is larger than the limit of ${BODY_LIMIT}`
        : typeof body === 'string'
          ? body
          : String((body as { message?: unknown }).message ?? exception.message);
    const code = (HttpStatus[status] ?? 'error').toLowerCase().replace(/_/g, '-');
    return { type: TYPE_BASE + code, title: code.replace(/-/g, ' '), status, detail, code };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      type: TYPE_BASE + 'database-busy',
      title: 'service unavailable',
      status: 503,
      detail:
        'The database could not complete the request now (a conflicting change, a lock or statement timeout, or a lost connection); nothing was changed. Retry after the time in Retry-After.',
      code: 'database-busy',
    };
  }
  return { type: TYPE_BASE + 'internal-error', title: 'internal error', status: 500, detail: 'An unexpected error occurred', code: 'internal-error' };
}

/**
 * The RFC 6750 challenge of a 401: a request without a token gets the bare challenge; a token that
 * is malformed, unknown, revoked or expired gets `error="invalid_token"` with the reason.
 */
function bearerChallenge(problem: Problem): string {
  if (problem.code === 'missing-token') return 'Bearer realm="aimsflow"';
  return `Bearer realm="aimsflow", error="invalid_token", error_description="${problem.detail.replace(/["\\]/g, "'")}"`;
}

/** Seconds a client should wait before retrying a 503 (a transient database conflict). */
const RETRY_AFTER_SECONDS = 1;

/**
 * Maps every error to RFC 9457 application/problem+json, through Nest's adapter so it answers on
 * Express and Fastify alike. A 403 of an authenticated caller, and a 401 of a deactivated person, is
 * recorded as a security event before the answer goes out.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Optional() private readonly security?: SecurityEvents,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = this.adapterHost.httpAdapter;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<{ id?: unknown; actor?: Actor; method?: string }>();
    const res = ctx.getResponse<unknown>();
    const problem = problemFromUnknown(exception);
    const instance: string = http.getRequestUrl(req);
    problem.instance = instance;
    if (req.id) problem.requestId = String(req.id);
    if (problem.status === 503) this.logger.warn(`503 ${problem.instance}: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const reply = () => this.reply(res, problem);
    // A 401 with a known actor is a deactivated person trying to act.
    if ((problem.status !== 403 && problem.status !== 401) || !req.actor || !this.security || !(exception instanceof DomainError)) return reply();
    const attempt = {
      method: http.getRequestMethod(req),
      path: instance.split('?')[0],
      code: exception.code,
      detail: exception.message,
      facts: exception.extensions,
    };
    this.security
      .denied(req.actor, attempt)
      .catch((e: unknown) => this.logger.error(`Could not record the refused attempt ${attempt.method} ${attempt.path}: ${String(e)}`))
      .finally(reply);
  }

  private reply(res: unknown, problem: Problem): void {
    const http = this.adapterHost.httpAdapter;
    if (http.isHeadersSent(res)) return;
    if (problem.status === 503) http.setHeader(res, 'Retry-After', String(RETRY_AFTER_SECONDS));
    if (problem.status === 401) http.setHeader(res, 'WWW-Authenticate', bearerChallenge(problem));
    // RFC 9110 15.5.17: a 416 says how long the representation is.
    if (problem.status === 416 && typeof problem.size === 'number') http.setHeader(res, 'Content-Range', `bytes */${problem.size}`);
    http.setHeader(res, 'Content-Type', 'application/problem+json; charset=utf-8');
    http.reply(res, JSON.stringify(problem), problem.status);
  }
}
