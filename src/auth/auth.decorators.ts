import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthenticatedRequest } from './authenticator.js';
import { type Actor, PERSON_ROLES, type Role } from './roles.js';

export const PUBLIC_KEY = 'aimsflow:public';
export const ROLES_KEY = 'aimsflow:roles';

/** No token needed (health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const PEOPLE_ONLY_KEY = 'aimsflow:people-only';

/**
 * Only people may call the endpoint: any role, built-in or organisation-defined, but a caller
 * holding machine roles (`integration`) and nothing else gets 403.
 */
export const PeopleOnly = () =>
  applyDecorators(
    SetMetadata(PEOPLE_ONLY_KEY, true),
    ApiForbiddenResponse({ description: `Needs a person's role: one of ${PERSON_ROLES.join(', ')} or an organisation-defined role (not integration alone)` }),
  );

/** Any of these roles may call the endpoint; admin always may. Without it, any valid token may. */
export const RequireRoles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiForbiddenResponse({ description: `Needs one of the roles: ${['admin', ...roles.filter((r) => r !== 'admin')].join(', ')}` }),
  );

/** Marks a controller as bearer-protected in OpenAPI. */
export const BearerAuth = () => applyDecorators(ApiBearerAuth(), ApiUnauthorizedResponse({ description: 'No, unknown or revoked token' }));

/** The request as authentication left it: its headers, actor and session (when authenticated by the cookie). */
export const AuthRequest = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthenticatedRequest => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>();
});

/** The authenticated actor of this request. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
