import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum AuthErrorCode {
  MissingToken = 'missing-token',
  InvalidToken = 'invalid-token',
  ExpiredToken = 'expired-token',
  InvalidExpiry = 'invalid-token-expiry',
  RoleRequired = 'role-required',
  TokenNotFound = 'token-not-found',
  UnknownRole = 'unknown-role',
  InvalidSubject = 'invalid-subject',
  /** A session cookie that names no session (signed out, or never issued). */
  InvalidSession = 'invalid-session',
  /** Past its absolute lifetime, idle too long, or its token or person no longer valid. */
  SessionExpired = 'session-expired',
  /** A cookie-authenticated write without the session's X-CSRF-Token. */
  CsrfMismatch = 'csrf-mismatch',
  /** A JWT from an issuer the service does not trust. */
  UnknownIssuer = 'unknown-issuer',
  /** The provider says the access token is no longer active (revoked). */
  RevokedToken = 'revoked-token',
  /** The person behind a session or access token is deactivated in the people directory. */
  PersonInactive = 'person-inactive',
  /** AIMSFLOW_OIDC_ISSUER is not set. */
  SignInUnavailable = 'sign-in-unavailable',
  InvalidReturnTo = 'invalid-return-to',
  /** The callback does not belong to a sign-in in flight (state unknown, used or expired). */
  InvalidLoginState = 'invalid-login-state',
  /** The provider refused the sign-in, or its answer did not pass validation. */
  LoginFailed = 'login-failed',
}

const KIND: Record<AuthErrorCode, ErrorKind> = {
  [AuthErrorCode.MissingToken]: ErrorKind.Unauthenticated,
  [AuthErrorCode.InvalidToken]: ErrorKind.Unauthenticated,
  [AuthErrorCode.ExpiredToken]: ErrorKind.Unauthenticated,
  [AuthErrorCode.InvalidExpiry]: ErrorKind.InvalidInput,
  [AuthErrorCode.RoleRequired]: ErrorKind.Forbidden,
  [AuthErrorCode.InvalidSubject]: ErrorKind.InvalidInput,
  [AuthErrorCode.TokenNotFound]: ErrorKind.NotFound,
  [AuthErrorCode.UnknownRole]: ErrorKind.InvalidInput,
  [AuthErrorCode.InvalidSession]: ErrorKind.Unauthenticated,
  [AuthErrorCode.SessionExpired]: ErrorKind.Unauthenticated,
  [AuthErrorCode.CsrfMismatch]: ErrorKind.Forbidden,
  [AuthErrorCode.UnknownIssuer]: ErrorKind.Unauthenticated,
  [AuthErrorCode.RevokedToken]: ErrorKind.Unauthenticated,
  [AuthErrorCode.PersonInactive]: ErrorKind.Unauthenticated,
  [AuthErrorCode.SignInUnavailable]: ErrorKind.NotFound,
  [AuthErrorCode.InvalidReturnTo]: ErrorKind.InvalidInput,
  [AuthErrorCode.InvalidLoginState]: ErrorKind.InvalidInput,
  [AuthErrorCode.LoginFailed]: ErrorKind.Unauthenticated,
};

export class AuthError extends moduleError<AuthErrorCode>(KIND) {}
