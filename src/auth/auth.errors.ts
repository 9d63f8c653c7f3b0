import { DomainError, ErrorKind } from '../common/domain-error.js';

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

export class AuthError extends DomainError {
  readonly kind: ErrorKind;
  constructor(code: AuthErrorCode, message: string, errors: { pointer: string; message: string }[] = []) {
    super(code, message, errors);
    this.kind = KIND[code];
  }
}
