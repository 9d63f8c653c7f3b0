import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum ControlsErrorCode {
  ControlNotFound = 'control-not-found',
}

const KIND: Record<ControlsErrorCode, ErrorKind> = {
  [ControlsErrorCode.ControlNotFound]: ErrorKind.NotFound,
};

export class ControlsError extends moduleError<ControlsErrorCode>(KIND) {}
