import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type Observable, tap } from 'rxjs';

/** 201 for a new version, 200 when the same content was deployed before (the existing version is returned). */
@Injectable()
export class DeployStatusInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap((body) => {
        if ((body as { created?: boolean } | undefined)?.created === false) this.adapterHost.httpAdapter.status(context.switchToHttp().getResponse(), 200);
      }),
    );
  }
}
