import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import { bearerSecret } from './bearer.js';
import type { Actor, Role } from './roles.js';
import { TokensService } from './tokens.service.js';
import { InactivePeople } from '../people/inactive-people.js';

/**
 * Global guard: a bearer token on every route not marked @Public(), a person the directory has not
 * deactivated, then the route's roles (built-in ones only).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly inactive: InactivePeople,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders; actor?: Actor; id?: unknown }>();
    const actor = await this.tokens.authenticate(bearerSecret(req.headers.authorization), req.id === undefined ? undefined : String(req.id));
    req.actor = actor;
    if (await this.inactive.isInactive(actor.subject)) {
      // The actor stays on the request: the refusal is recorded as a security event.
      throw new AuthError(AuthErrorCode.PersonInactive, `${actor.subject} has been deactivated in the people directory`, [], { rule: 'active person' });
    }
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
