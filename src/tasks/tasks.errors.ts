import { ErrorKind, moduleError } from '../common/domain-error.js';

export enum TaskErrorCode {
  NotFound = 'task-not-found',
  NotOpen = 'task-not-open',
  ClaimedByOther = 'task-claimed-by-another',
  NotCandidate = 'not-a-candidate',
  NotAssignee = 'not-the-assignee',
  SegregationOfDuties = 'segregation-of-duties',
  InvalidVariables = 'invalid-task-variables',
  InvalidDelegate = 'invalid-delegate',
  DelegateInactive = 'delegate-inactive',
}

const KIND: Record<TaskErrorCode, ErrorKind> = {
  [TaskErrorCode.NotFound]: ErrorKind.NotFound,
  [TaskErrorCode.NotOpen]: ErrorKind.Conflict,
  [TaskErrorCode.ClaimedByOther]: ErrorKind.Conflict,
  [TaskErrorCode.NotCandidate]: ErrorKind.Forbidden,
  [TaskErrorCode.NotAssignee]: ErrorKind.Forbidden,
  [TaskErrorCode.SegregationOfDuties]: ErrorKind.Forbidden,
  [TaskErrorCode.InvalidVariables]: ErrorKind.InvalidInput,
  [TaskErrorCode.InvalidDelegate]: ErrorKind.InvalidInput,
  [TaskErrorCode.DelegateInactive]: ErrorKind.Conflict,
};

export class TaskError extends moduleError<TaskErrorCode>(KIND) {}
