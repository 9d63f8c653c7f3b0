import { DomainError, ErrorKind } from '../common/domain-error.js';

export enum ControlsErrorCode {
  ControlNotFound = 'control-not-found',
}

export class ControlsError extends DomainError {
  readonly kind = ErrorKind.NotFound;
  constructor(code: ControlsErrorCode, message: string) {
    super(code, message);
  }
}
