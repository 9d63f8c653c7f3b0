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
  PersonInactive = 'person-inactive',
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
  [AuthErrorCode.PersonInactive]: ErrorKind.Unauthenticated,
};

export class AuthError extends moduleError<AuthErrorCode>(KIND) {}
