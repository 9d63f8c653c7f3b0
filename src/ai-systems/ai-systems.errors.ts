import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum AiSystemErrorCode {
  NotFound = 'ai-system-not-found',
  InvalidAttributes = 'invalid-attributes',
  StaleVersion = 'stale-version',
  PreconditionRequired = 'precondition-required',
  InvalidIfMatch = 'invalid-if-match',
  Retired = 'ai-system-retired',
  InvalidStatus = 'invalid-ai-system-status',
  InvalidRoles = 'invalid-ai-system-roles',
}

const KIND: Record<AiSystemErrorCode, ErrorKind> = {
  [AiSystemErrorCode.NotFound]: ErrorKind.NotFound,
  [AiSystemErrorCode.InvalidAttributes]: ErrorKind.InvalidInput,
  [AiSystemErrorCode.StaleVersion]: ErrorKind.Conflict,
  [AiSystemErrorCode.PreconditionRequired]: ErrorKind.PreconditionRequired,
  [AiSystemErrorCode.InvalidIfMatch]: ErrorKind.InvalidInput,
  [AiSystemErrorCode.Retired]: ErrorKind.Conflict,
  [AiSystemErrorCode.InvalidStatus]: ErrorKind.InvalidInput,
  [AiSystemErrorCode.InvalidRoles]: ErrorKind.InvalidInput,
};

export class AiSystemError extends moduleError<AiSystemErrorCode>(KIND) {}
