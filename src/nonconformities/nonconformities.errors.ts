import { DomainError, ErrorKind } from '../common/domain-error.js';

export enum NonconformityErrorCode {
  NotFound = 'nonconformity-not-found',
}

export class NonconformityError extends DomainError {
  readonly kind = ErrorKind.NotFound;
  constructor(code: NonconformityErrorCode, message: string) {
    super(code, message);
  }
}
