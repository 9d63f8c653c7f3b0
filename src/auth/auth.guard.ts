import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import { bearerSecret } from './bearer.js';
import type { Actor, Role } from './roles.js';
import { TokensService } from './tokens.service.js';

/** Global guard: a bearer token on every route not marked @Public(), then the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders; actor?: Actor; id?: unknown }>();
    const actor = await this.tokens.authenticate(bearerSecret(req.headers.authorization), req.id === undefined ? undefined : String(req.id));
    req.actor = actor;
    const required = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    if (required?.length && !actor.roles.includes('admin') && !required.some((role) => actor.roles.includes(role))) {
      throw new AuthError(AuthErrorCode.RoleRequired, `This needs one of the roles: ${['admin', ...required].join(', ')}`, [], {
        rule: 'route roles',
        requiredRoles: ['admin', ...required],
      });
    }
    return true;
  }
}
