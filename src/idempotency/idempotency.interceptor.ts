import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import type { Actor } from '../auth/roles.js';
import { IdempotencyError, IdempotencyErrorCode } from './idempotency.errors.js';
import { IdempotencyService } from './idempotency.service.js';
import { SHOWN_ONCE_METADATA, withoutSecrets } from './shown-once.decorator.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Honours `Idempotency-Key` on every POST: the same key with the same request returns the first
 * response (with `Idempotent-Replayed: true`) and has no second effect; with a different request
 * it is refused with 422. Keys are per token subject and kept at least 24 hours. Secrets a route
 * shows once (`@ShownOnce`) are not stored, so a replay answers without them.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const adapter = this.adapterHost.httpAdapter;
    const req = http.getRequest<{ method: string; headers: IncomingHttpHeaders; body?: unknown; actor?: Actor }>();
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      const message = 'Idempotency-Key must be 1 to 255 visible ASCII characters';
      return throwError(() => new IdempotencyError(IdempotencyErrorCode.InvalidKey, message, [{ pointer: '', message }]));
    }
    const res = http.getResponse<{ statusCode?: number }>();
    // The route's status, read where Nest keeps it; unless the route's own interceptor sets another
    // one for this answer (e.g. 202 for a queued job), which is then the status to replay.
    const routeStatus = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const statusBefore = res.statusCode;
    const statusOf = () => (res.statusCode !== undefined && res.statusCode !== statusBefore ? res.statusCode : routeStatus);
    const shownOnce = this.reflector.get<string[] | undefined>(SHOWN_ONCE_METADATA, context.getHandler());
    const scope = req.actor?.subject ?? 'anonymous';
    const hash = IdempotencyService.requestHash(req.method, adapter.getRequestUrl(req), req.body);
    return from(this.idempotency.claim(scope, key, hash)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'replay') {
          adapter.status(res, claim.status);
          adapter.setHeader(res, 'Idempotent-Replayed', 'true');
          return of(claim.body);
        }
        // Subscribing inside the key's context lets the handler's transaction mark the key at commit.
        const handled = new Observable<unknown>((subscriber) => this.idempotency.runWithKey(scope, key, () => next.handle().subscribe(subscriber)));
        return handled.pipe(
          mergeMap((body) => from(this.idempotency.complete(scope, key, statusOf(), withoutSecrets(body, shownOnce))).pipe(mergeMap(() => of(body)))),
          catchError((error: unknown) => from(this.idempotency.release(scope, key)).pipe(mergeMap(() => throwError(() => error)))),
        );
      }),
    );
  }
}
