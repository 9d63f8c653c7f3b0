import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type Observable, tap } from 'rxjs';

/**
 * `POST …/simulate`: a simulation on facts is answered at once (200); one against every system is
 * queued, answered 202 with `Location` pointing at the simulation to follow.
 */
@Injectable()
export class SimulationAcceptedInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap((body) => {
        const queued = body as { mode?: unknown; id?: unknown } | undefined;
        if (queued?.mode !== undefined || typeof queued?.id !== 'string') return;
        const res = context.switchToHttp().getResponse();
        this.adapterHost.httpAdapter.status(res, 202);
        this.adapterHost.httpAdapter.setHeader(res, 'Location', `/api/v1/rule-simulations/${queued.id}`);
      }),
    );
  }
}
