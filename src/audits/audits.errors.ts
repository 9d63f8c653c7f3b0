import { DomainError, ErrorKind, type ProblemFieldError } from '../common/domain-error.js';

export enum AuditErrorCode {
  NotFound = 'audit-not-found',
  InvalidFindings = 'invalid-findings',
}

const KIND: Record<AuditErrorCode, ErrorKind> = {
  [AuditErrorCode.NotFound]: ErrorKind.NotFound,
  [AuditErrorCode.InvalidFindings]: ErrorKind.InvalidInput,
};

export class AuditError extends DomainError {
  readonly kind: ErrorKind;
  constructor(code: AuditErrorCode, message: string, errors: ProblemFieldError[] = []) {
    super(code, message, errors);
    this.kind = KIND[code];
  }
}
