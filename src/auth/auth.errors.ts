import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum AuthErrorCode {
  MissingToken = 'missing-token',
  InvalidToken = 'invalid-token',
  RoleRequired = 'role-required',
  TokenNotFound = 'token-not-found',
  UnknownRole = 'unknown-role',
}

const KIND: Record<AuthErrorCode, ErrorKind> = {
  [AuthErrorCode.MissingToken]: ErrorKind.Unauthenticated,
  [AuthErrorCode.InvalidToken]: ErrorKind.Unauthenticated,
  [AuthErrorCode.RoleRequired]: ErrorKind.Forbidden,
  [AuthErrorCode.TokenNotFound]: ErrorKind.NotFound,
  [AuthErrorCode.UnknownRole]: ErrorKind.InvalidInput,
};

export class AuthError extends moduleError<AuthErrorCode>(KIND) {}
