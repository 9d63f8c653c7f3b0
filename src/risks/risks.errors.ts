import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum RiskErrorCode {
  NotFound = 'risk-not-found',
  UnknownControls = 'unknown-controls',
  InvalidRisks = 'invalid-risks',
}

const KIND: Record<RiskErrorCode, ErrorKind> = {
  [RiskErrorCode.NotFound]: ErrorKind.NotFound,
  [RiskErrorCode.UnknownControls]: ErrorKind.InvalidInput,
  [RiskErrorCode.InvalidRisks]: ErrorKind.InvalidInput,
};

export class RiskError extends moduleError<RiskErrorCode>(KIND) {}
