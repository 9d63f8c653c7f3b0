import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum IdempotencyErrorCode {
  KeyReusedWithDifferentRequest = 'idempotency-key-reused',
  InvalidKey = 'invalid-idempotency-key',
  StillInProgress = 'idempotent-request-in-progress',
  ResponseLost = 'idempotent-response-lost',
}

const KIND: Record<IdempotencyErrorCode, ErrorKind> = {
  [IdempotencyErrorCode.KeyReusedWithDifferentRequest]: ErrorKind.Unprocessable,
  [IdempotencyErrorCode.InvalidKey]: ErrorKind.InvalidInput,
  [IdempotencyErrorCode.StillInProgress]: ErrorKind.Conflict,
  [IdempotencyErrorCode.ResponseLost]: ErrorKind.Conflict,
};

export class IdempotencyError extends moduleError<IdempotencyErrorCode>(KIND) {}
