import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type Observable, tap } from 'rxjs';

/** `POST /audit-packs` is answered 202 with `Location` pointing at the pack to follow. */
@Injectable()
export class AuditPackLocation implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap((body) => {
        const res = context.switchToHttp().getResponse();
        this.adapterHost.httpAdapter.setHeader(res, 'Location', `/api/v1/audit-packs/${(body as { id: string }).id}`);
      }),
    );
  }
}
