import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum IncidentErrorCode {
  NotFound = 'incident-not-found',
  InvalidIncident = 'invalid-incident',
}

const KIND: Record<IncidentErrorCode, ErrorKind> = {
  [IncidentErrorCode.NotFound]: ErrorKind.NotFound,
  [IncidentErrorCode.InvalidIncident]: ErrorKind.InvalidInput,
};

export class IncidentError extends moduleError<IncidentErrorCode>(KIND) {}
