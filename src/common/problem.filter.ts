import { ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../database/database-errors.js';
import { DomainError, ErrorKind, type ProblemFieldError } from './domain-error.js';
import { BODY_LIMIT } from './limits.js';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  [ErrorKind.InvalidInput]: 400,
  [ErrorKind.Unauthenticated]: 401,
  [ErrorKind.Forbidden]: 403,
  [ErrorKind.NotFound]: 404,
  [ErrorKind.Conflict]: 409,
  [ErrorKind.PreconditionRequired]: 428,
  [ErrorKind.PayloadTooLarge]: 413,
  [ErrorKind.UnsupportedMediaType]: 415,
  [ErrorKind.Unprocessable]: 422,
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
  // body-parser errors carry their own status (malformed JSON 400, too large 413, bad charset 415)
  const bodyError = exception as { status?: number; type?: string; message?: string; limit?: number };
  if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500 && bodyError.type) {
    const detail =
      bodyError.type === 'entity.too.large'
        ? `The request body is larger than the limit of ${BODY_LIMIT}`
        : bodyError.type === 'entity.parse.failed'
          ? `The request body is not valid JSON: ${bodyError.message}`
          : (bodyError.message ?? 'Bad request');
    const code = bodyError.type.replace(/\./g, '-');
    return { type: TYPE_BASE + code, title: code.replace(/-/g, ' '), status: bodyError.status, detail, code, errors: [{ pointer: '', message: detail }] };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      type: TYPE_BASE + 'database-busy',
      title: 'service unavailable',
      status: 503,
      detail: 'The database could not complete the request now (a conflicting change, a lock or statement timeout, or a lost connection); nothing was changed. Retry after the time in Retry-After.',
      code: 'database-busy',
    };
  }
  return { type: TYPE_BASE + 'internal-error', title: 'internal error', status: 500, detail: 'An unexpected error occurred', code: 'internal-error' };
}

/** Seconds a client should wait before retrying a 503 (a transient database conflict). */
const RETRY_AFTER_SECONDS = 1;

/** Maps every error to RFC 9457 application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const problem = problemFromUnknown(exception);
    problem.instance = req.originalUrl ?? req.url;
    if (req.id) problem.requestId = String(req.id);
    if (problem.status === 503) this.logger.warn(`503 ${problem.instance}: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    if (problem.status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
