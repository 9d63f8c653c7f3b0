import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type Observable, tap } from 'rxjs';
import type { DeployedDefinitionDto } from '../dto/definition.dto.js';

/** 201 for a new version of any process of the file, 200 when the same content was deployed before (the existing versions are returned). */
@Injectable()
export class DeployStatusInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap((body: Pick<DeployedDefinitionDto, 'created' | 'deployedWith'>) => {
        if (![body, ...body.deployedWith].some((d) => d.created)) this.adapterHost.httpAdapter.status(context.switchToHttp().getResponse(), 200);
      }),
    );
  }
}
