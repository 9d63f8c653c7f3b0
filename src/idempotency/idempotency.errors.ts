import { DomainError, ErrorKind } from '../common/domain-error.js';

export enum IdempotencyErrorCode {
  KeyReusedWithDifferentRequest = 'idempotency-key-reused',
  InvalidKey = 'invalid-idempotency-key',
  StillInProgress = 'idempotent-request-in-progress',
}

const KIND: Record<IdempotencyErrorCode, ErrorKind> = {
  [IdempotencyErrorCode.KeyReusedWithDifferentRequest]: ErrorKind.Unprocessable,
  [IdempotencyErrorCode.InvalidKey]: ErrorKind.InvalidInput,
  [IdempotencyErrorCode.StillInProgress]: ErrorKind.Conflict,
};

export class IdempotencyError extends DomainError {
  readonly kind: ErrorKind;
  constructor(code: IdempotencyErrorCode, message: string) {
    super(code, message, code === IdempotencyErrorCode.InvalidKey ? [{ pointer: '', message }] : []);
    this.kind = KIND[code];
  }
}
