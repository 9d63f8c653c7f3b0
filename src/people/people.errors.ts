import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum PeopleErrorCode {
  PersonNotFound = 'person-not-found',
}

const KIND: Record<PeopleErrorCode, ErrorKind> = {
  [PeopleErrorCode.PersonNotFound]: ErrorKind.NotFound,
};

export class PeopleError extends moduleError<PeopleErrorCode>(KIND) {}
