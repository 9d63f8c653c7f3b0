import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum NonconformityErrorCode {
  NotFound = 'nonconformity-not-found',
  InvalidReferences = 'invalid-references',
}

const KIND: Record<NonconformityErrorCode, ErrorKind> = {
  [NonconformityErrorCode.NotFound]: ErrorKind.NotFound,
  [NonconformityErrorCode.InvalidReferences]: ErrorKind.InvalidInput,
};

export class NonconformityError extends moduleError<NonconformityErrorCode>(KIND) {}
