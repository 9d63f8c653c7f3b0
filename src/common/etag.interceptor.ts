import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type Observable, tap } from 'rxjs';

/** A resource with a numeric `version` gets `ETag: "<version>"`, for If-Match on the next write. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap((body) => {
        const version = (body as { version?: unknown } | undefined)?.version;
        if (typeof version === 'number') this.adapterHost.httpAdapter.setHeader(context.switchToHttp().getResponse(), 'ETag', `"${version}"`);
      }),
    );
  }
}
