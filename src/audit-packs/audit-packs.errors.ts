import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum AuditPacksErrorCode {
  NotFound = 'audit-pack-not-found',
  NotReady = 'audit-pack-not-ready',
  Expired = 'audit-pack-expired',
  InvalidScope = 'invalid-audit-pack-scope',
}

const KIND: Record<AuditPacksErrorCode, ErrorKind> = {
  [AuditPacksErrorCode.NotFound]: ErrorKind.NotFound,
  [AuditPacksErrorCode.NotReady]: ErrorKind.Conflict,
  [AuditPacksErrorCode.Expired]: ErrorKind.Gone,
  [AuditPacksErrorCode.InvalidScope]: ErrorKind.InvalidInput,
};

export class AuditPacksError extends moduleError<AuditPacksErrorCode>(KIND) {}
