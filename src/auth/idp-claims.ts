import type { IdentityClaims } from '../common/people-directory.js';

/**
 * The value of the groups claim: a claim of that exact name first (Okta and Auth0 use URLs with
 * dots as claim names), else a dotted path (`realm_access.roles` in Keycloak).
 */
function claimAt(claims: Record<string, unknown>, claim: string): unknown {
  if (claims[claim] !== undefined || !claim.includes('.')) return claims[claim];
  return claim
    .split('.')
    .reduce<unknown>((at, key) => (at && typeof at === 'object' && !Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined), claims);
}

/** Whether a token says anything about groups (an empty list does; a missing claim does not). */
export function hasGroupsClaim(claims: Record<string, unknown>, claim: string): boolean {
  return claimAt(claims, claim) !== undefined;
}

/** The groups a token lists under `claim`; a single string counts as one group, anything else as none. */
export function groupsIn(claims: Record<string, unknown>, claim: string): string[] {
  const value = claimAt(claims, claim);
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

/** aimsflow roles of a set of IdP groups through the mapping (groups compared exactly); unmapped groups give none. */
export function mappedRoles(groups: string[], mapping: Record<string, string[]>): string[] {
  return [...new Set(groups.flatMap((group) => (Object.hasOwn(mapping, group) ? mapping[group] : [])))].sort();
}

/** What the people directory is told about the person of an ID token or access token. */
export function identityClaims(claims: Record<string, unknown>, settings: { groupsClaim: string; roleMapping: Record<string, string[]> }): IdentityClaims {
  const text = (key: string) => (typeof claims[key] === 'string' && claims[key] ? (claims[key] as string) : undefined);
  return {
    issuer: String(claims.iss),
    sub: String(claims.sub),
    name: text('name') ?? text('preferred_username'),
    email: text('email'),
    roles: mappedRoles(groupsIn(claims, settings.groupsClaim), settings.roleMapping),
  };
}

/** Three base64url parts separated by dots: a JWS compact serialisation (API tokens never contain a dot). */
export function looksLikeJwt(bearer: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(bearer);
}
