import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'aimsflow_session';
export const CSRF_HEADER = 'x-csrf-token';

/** 32 random bytes: the cookie's value. Only its hash is stored, as the session's id. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionId(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * The CSRF token of a session, derived from its cookie secret: the server recomputes it from the
 * cookie, a page of another site can neither read the cookie (HttpOnly) nor the token.
 */
export function csrfToken(secret: string): string {
  return createHash('sha256').update(`aimsflow-csrf:${secret}`).digest('base64url');
}

export function csrfMatches(secret: string, sent: string | undefined): boolean {
  if (!sent) return false;
  const expected = Buffer.from(csrfToken(secret));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The session cookie's value in a Cookie header, if any. */
export function sessionCookieOf(header: string | undefined): string | undefined {
  return cookieOf(header, SESSION_COOKIE);
}

/** `Set-Cookie` for a session: HttpOnly, SameSite=Lax, Path=/, Secure when the service is reached over https. */
export function sessionCookie(secret: string, maxAgeMs: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${secret}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(maxAgeMs / 1000))}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** `Set-Cookie` that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

/** The cookie that ties a sign-in in flight to the browser that started it (against login CSRF): its value is the state. */
export const LOGIN_COOKIE = 'aimsflow_login';

export function loginCookie(state: string, maxAgeMs: number, secure: boolean): string {
  return [`${LOGIN_COOKIE}=${state}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${Math.floor(maxAgeMs / 1000)}`, ...(secure ? ['Secure'] : [])].join('; ');
}

/** A cookie's value in a Cookie header, if any. */
export function cookieOf(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/** An answer that also sets cookies; `SetCookieInterceptor` sends the headers and answers `body`. */
export interface WithCookie<T> {
  cookie: string | string[];
  body: T;
}

/** A redirect (`@Redirect()` takes the URL from the answer). */
export interface RedirectTo {
  url: string;
  statusCode: 302 | 303;
}
