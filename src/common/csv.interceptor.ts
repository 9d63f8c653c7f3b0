import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { map, type Observable } from 'rxjs';

/** Serves a JSON body as CSV when the client asks for text/csv (Accept), using the given converter. */
export function CsvWhenAccepted<T>(toCsv: (body: T) => string) {
  @Injectable()
  class CsvInterceptor implements NestInterceptor {
    constructor(private readonly adapterHost: HttpAdapterHost) {}

    intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
      const http = context.switchToHttp();
      const adapter = this.adapterHost.httpAdapter;
      const wantsCsv = (http.getRequest<{ headers: IncomingHttpHeaders }>().headers.accept ?? '').includes('text/csv');
      const res = http.getResponse();
      adapter.setHeader(res, 'Vary', 'Accept');
      if (!wantsCsv) return next.handle();
      return next.handle().pipe(
        map((body: T) => {
          adapter.setHeader(res, 'Content-Type', 'text/csv; charset=utf-8');
          return toCsv(body);
        }),
      );
    }
  }
  return CsvInterceptor;
}
