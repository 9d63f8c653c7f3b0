import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum ObligationErrorCode {
  /** The active eu-ai-act-obligations version gives something other than a list of obligations. */
  InvalidOutcome = 'invalid-obligations-outcome',
}

const KIND: Record<ObligationErrorCode, ErrorKind> = {
  [ObligationErrorCode.InvalidOutcome]: ErrorKind.Unprocessable,
};

export class ObligationError extends moduleError<ObligationErrorCode>(KIND) {}
