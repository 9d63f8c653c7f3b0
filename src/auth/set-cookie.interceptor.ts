import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import type { WithCookie } from './session-cookie.js';

/** Sends the cookies of a `WithCookie` answer through Nest's adapter (Express and Fastify alike) and answers its body. */
@Injectable()
export class SetCookieInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(context: ExecutionContext, next: CallHandler<WithCookie<unknown>>): Observable<unknown> {
    const res = context.switchToHttp().getResponse<unknown>();
    return next.handle().pipe(
      map(({ cookie, body }) => {
        this.adapterHost.httpAdapter.setHeader(res, 'Set-Cookie', cookie as string);
        this.adapterHost.httpAdapter.setHeader(res, 'Cache-Control', 'no-store');
        return body;
      }),
    );
  }
}
