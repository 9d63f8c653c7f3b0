import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum ObjectiveErrorCode {
  NotFound = 'objective-not-found',
  InvalidObjective = 'invalid-objective',
  NotMonitored = 'objective-not-monitored',
}

const KIND: Record<ObjectiveErrorCode, ErrorKind> = {
  [ObjectiveErrorCode.NotFound]: ErrorKind.NotFound,
  [ObjectiveErrorCode.InvalidObjective]: ErrorKind.InvalidInput,
  [ObjectiveErrorCode.NotMonitored]: ErrorKind.Conflict,
};

export class ObjectiveError extends moduleError<ObjectiveErrorCode>(KIND) {}
