import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';

/** Serves a JSON body as CSV when the client asks for text/csv (Accept), using the given converter. */
export function CsvWhenAccepted<T>(toCsv: (body: T) => string) {
  @Injectable()
  class CsvInterceptor implements NestInterceptor {
    intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
      const http = context.switchToHttp();
      const wantsCsv = (http.getRequest<Request>().headers.accept ?? '').includes('text/csv');
      const res = http.getResponse<Response>();
      res.setHeader('Vary', 'Accept');
      if (!wantsCsv) return next.handle();
      return next.handle().pipe(
        map((body: T) => {
          res.type('text/csv; charset=utf-8');
          return toCsv(body);
        }),
      );
    }
  }
  return CsvInterceptor;
}
