import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import { PEOPLE_ONLY_KEY, PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import { type AuthenticatedRequest, Authenticator } from './authenticator.js';
import { onlyMachine, PERSON_ROLES, type Role } from './roles.js';

/** Global guard: who the request speaks for (see Authenticator) on every route not marked @Public(), then the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const actor = await this.authenticator.authenticate(context.switchToHttp().getRequest<AuthenticatedRequest>());
    const required = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    if (required?.length && !actor.roles.includes('admin') && !required.some((role) => actor.roles.includes(role))) {
      throw new AuthError(AuthErrorCode.RoleRequired, `This needs one of the roles: ${['admin', ...required].join(', ')}`, [], {
        rule: 'route roles',
        requiredRoles: ['admin', ...required],
      });
    }
    if (this.reflector.getAllAndOverride<boolean>(PEOPLE_ONLY_KEY, targets) && onlyMachine(actor.roles)) {
      throw new AuthError(
        AuthErrorCode.RoleRequired,
        `This is for people: it needs one of the roles ${PERSON_ROLES.join(', ')} or an organisation-defined role, not ${actor.roles.join(', ')} alone`,
        [],
        { rule: 'route roles', requiredRoles: PERSON_ROLES },
      );
    }
    return true;
  }
}
