import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum AuditErrorCode {
  NotFound = 'audit-not-found',
  InvalidFindings = 'invalid-findings',
}

const KIND: Record<AuditErrorCode, ErrorKind> = {
  [AuditErrorCode.NotFound]: ErrorKind.NotFound,
  [AuditErrorCode.InvalidFindings]: ErrorKind.InvalidInput,
};

export class AuditError extends moduleError<AuditErrorCode>(KIND) {}
