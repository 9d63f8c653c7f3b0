import { DomainError, ErrorKind } from '../common/domain-error.js';

export enum AuditErrorCode {
  NotFound = 'audit-not-found',
}

export class AuditError extends DomainError {
  readonly kind = ErrorKind.NotFound;
  constructor(code: AuditErrorCode, message: string) {
    super(code, message);
  }
}
