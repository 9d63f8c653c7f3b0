import { DomainError, ErrorKind, type ProblemFieldError } from '../common/domain-error.js';

export enum NonconformityErrorCode {
  NotFound = 'nonconformity-not-found',
  InvalidReferences = 'invalid-references',
}

const KIND: Record<NonconformityErrorCode, ErrorKind> = {
  [NonconformityErrorCode.NotFound]: ErrorKind.NotFound,
  [NonconformityErrorCode.InvalidReferences]: ErrorKind.InvalidInput,
};

export class NonconformityError extends DomainError {
  readonly kind: ErrorKind;
  constructor(code: NonconformityErrorCode, message: string, errors: ProblemFieldError[] = []) {
    super(code, message, errors);
    this.kind = KIND[code];
  }
}
