import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum PeopleErrorCode {
  PersonNotFound = 'person-not-found',
  PersonExists = 'person-exists',
  InvalidIdentity = 'invalid-identity',
  NotYourPerson = 'not-your-person',
  FieldNotSelfEditable = 'field-not-self-editable',
  CannotDeactivateSelf = 'cannot-deactivate-self',
  ChatTargetRefused = 'chat-target-refused',
  UnknownRole = 'unknown-role',
  RoleNotFound = 'role-not-found',
  RoleExists = 'role-exists',
  BuiltInRole = 'built-in-role',
  RoleInUse = 'role-in-use',
}

const KIND: Record<PeopleErrorCode, ErrorKind> = {
  [PeopleErrorCode.PersonNotFound]: ErrorKind.NotFound,
  [PeopleErrorCode.PersonExists]: ErrorKind.Conflict,
  [PeopleErrorCode.InvalidIdentity]: ErrorKind.InvalidInput,
  [PeopleErrorCode.NotYourPerson]: ErrorKind.Forbidden,
  [PeopleErrorCode.FieldNotSelfEditable]: ErrorKind.Forbidden,
  [PeopleErrorCode.CannotDeactivateSelf]: ErrorKind.Conflict,
  [PeopleErrorCode.ChatTargetRefused]: ErrorKind.InvalidInput,
  [PeopleErrorCode.UnknownRole]: ErrorKind.InvalidInput,
  [PeopleErrorCode.RoleNotFound]: ErrorKind.NotFound,
  [PeopleErrorCode.RoleExists]: ErrorKind.Conflict,
  [PeopleErrorCode.BuiltInRole]: ErrorKind.Conflict,
  [PeopleErrorCode.RoleInUse]: ErrorKind.Conflict,
};

export class PeopleError extends moduleError<PeopleErrorCode>(KIND) {}
