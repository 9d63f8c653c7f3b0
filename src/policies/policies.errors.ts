import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum PolicyErrorCode {
  NotFound = 'policy-not-found',
  InvalidPolicy = 'invalid-policy',
  UnknownRole = 'unknown-role',
  NotPublished = 'policy-not-published',
  NotInAudience = 'not-in-audience',
}

const KIND: Record<PolicyErrorCode, ErrorKind> = {
  [PolicyErrorCode.NotFound]: ErrorKind.NotFound,
  [PolicyErrorCode.InvalidPolicy]: ErrorKind.InvalidInput,
  [PolicyErrorCode.UnknownRole]: ErrorKind.InvalidInput,
  [PolicyErrorCode.NotPublished]: ErrorKind.Conflict,
  [PolicyErrorCode.NotInAudience]: ErrorKind.Forbidden,
};

export class PolicyError extends moduleError<PolicyErrorCode>(KIND) {}
