import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum IdempotencyErrorCode {
  KeyReusedWithDifferentRequest = 'idempotency-key-reused',
  InvalidKey = 'invalid-idempotency-key',
  ResponseLost = 'idempotent-response-lost',
}

const KIND: Record<IdempotencyErrorCode, ErrorKind> = {
  [IdempotencyErrorCode.KeyReusedWithDifferentRequest]: ErrorKind.Unprocessable,
  [IdempotencyErrorCode.InvalidKey]: ErrorKind.InvalidInput,
  [IdempotencyErrorCode.ResponseLost]: ErrorKind.Conflict,
};

export class IdempotencyError extends moduleError<IdempotencyErrorCode>(KIND) {}
