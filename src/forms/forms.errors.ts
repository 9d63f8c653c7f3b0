import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum FormErrorCode {
  NotFound = 'form-not-found',
  VersionNotFound = 'form-version-not-found',
  InvalidForm = 'invalid-form',
}

const KIND: Record<FormErrorCode, ErrorKind> = {
  [FormErrorCode.NotFound]: ErrorKind.NotFound,
  [FormErrorCode.VersionNotFound]: ErrorKind.NotFound,
  [FormErrorCode.InvalidForm]: ErrorKind.Unprocessable,
};

export class FormError extends moduleError<FormErrorCode>(KIND) {}
