import { AuthError, AuthErrorCode } from './auth.errors.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The token of an Authorization header: undefined without one; refused when the header is not
 * `Bearer <token>` (the scheme in any case, spaces around the token ignored — so one token has one
 * spelling for everything keyed on it).
 */
export function bearerSecret(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = BEARER.exec(header);
  if (!match) throw new AuthError(AuthErrorCode.InvalidToken, 'The Authorization header must be "Bearer <token>"');
  return match[1];
}
