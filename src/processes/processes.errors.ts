import { ErrorKind, moduleError, type ProblemFieldError } from '../common/domain-error.js';
import { EngineError, EngineErrorCode } from '../engine/process/index.js';

export enum ProcessErrorCode {
  NotBpmnXml = 'not-bpmn-xml',
  InvalidBpmn = 'invalid-bpmn',
  InvalidDefinition = 'invalid-process-definition',
  DefinitionNotFound = 'process-definition-not-found',
  DefinitionVersionNotFound = 'process-definition-version-not-found',
  CalledProcessNotFound = 'called-process-not-found',
  CallDepthExceeded = 'call-depth-exceeded',
  InstanceNotFound = 'process-instance-not-found',
  AlreadyActiveForSubject = 'process-already-active-for-subject',
  NotStartable = 'process-not-startable',
  InvalidSubject = 'invalid-subject',
  ChildInstance = 'process-instance-is-a-child',
  MessageNotCorrelated = 'message-not-correlated',
  /** A messageId used again with other content (name, correlation key, variables or time to live). */
  MessageIdConflict = 'message-id-conflict',
  UnknownHandler = 'unknown-service-task-handler',
  HandlerFailed = 'service-task-failed',
  /** A BPMN error (error end event, BpmnError of a handler, failed called process) that no error boundary event catches. */
  UncaughtBpmnError = 'uncaught-bpmn-error',
  IncidentNotFound = 'incident-not-found',
  IncidentNotOpen = 'incident-not-open',
  IncidentRetryFailed = 'incident-retry-failed',
  InvalidDuration = 'invalid-duration',
  JobNotFound = 'job-not-found',
  /** The lock of this activation expired and the job went to another worker (or back to the pool after a failure). */
  JobHandedOn = 'job-handed-on',
  /** The job is already completed, failed (incident) or cancelled. */
  JobNotActive = 'job-not-active',
  // The engine's run-time refusals (EngineErrorCode), kebab-cased.
  WaitNotFound = 'wait-not-found',
  WaitAmbiguous = 'wait-ambiguous',
  InstanceNotActive = 'process-instance-not-active',
  UnknownStartEvent = 'unknown-start-event',
  NoFlowTaken = 'no-flow-taken',
  InvalidTimer = 'invalid-timer',
  InvalidCollection = 'invalid-collection',
  InvalidCorrelationKey = 'invalid-correlation-key',
  InvalidMessageName = 'invalid-message-name',
  InvalidCandidateRoles = 'invalid-candidate-roles',
  StateMismatch = 'state-mismatch',
  StepLimitExceeded = 'step-limit-exceeded',
  FeelBudgetExceeded = 'feel-budget-exceeded',
  InvalidEvent = 'invalid-event',
}

const KIND: Record<ProcessErrorCode, ErrorKind> = {
  [ProcessErrorCode.NotBpmnXml]: ErrorKind.UnsupportedMediaType,
  [ProcessErrorCode.InvalidBpmn]: ErrorKind.InvalidInput,
  [ProcessErrorCode.InvalidDefinition]: ErrorKind.Unprocessable,
  [ProcessErrorCode.DefinitionNotFound]: ErrorKind.NotFound,
  [ProcessErrorCode.DefinitionVersionNotFound]: ErrorKind.NotFound,
  [ProcessErrorCode.CalledProcessNotFound]: ErrorKind.Unprocessable,
  [ProcessErrorCode.CallDepthExceeded]: ErrorKind.Unprocessable,
  [ProcessErrorCode.InstanceNotFound]: ErrorKind.NotFound,
  [ProcessErrorCode.AlreadyActiveForSubject]: ErrorKind.Conflict,
  [ProcessErrorCode.NotStartable]: ErrorKind.Forbidden,
  [ProcessErrorCode.InvalidSubject]: ErrorKind.InvalidInput,
  [ProcessErrorCode.ChildInstance]: ErrorKind.Conflict,
  [ProcessErrorCode.MessageNotCorrelated]: ErrorKind.NotFound,
  [ProcessErrorCode.MessageIdConflict]: ErrorKind.Conflict,
  [ProcessErrorCode.UnknownHandler]: ErrorKind.Unprocessable,
  [ProcessErrorCode.HandlerFailed]: ErrorKind.Unprocessable,
  [ProcessErrorCode.UncaughtBpmnError]: ErrorKind.Unprocessable,
  [ProcessErrorCode.IncidentNotFound]: ErrorKind.NotFound,
  [ProcessErrorCode.IncidentNotOpen]: ErrorKind.Conflict,
  [ProcessErrorCode.IncidentRetryFailed]: ErrorKind.Unprocessable,
  [ProcessErrorCode.InvalidDuration]: ErrorKind.InvalidInput,
  [ProcessErrorCode.JobNotFound]: ErrorKind.NotFound,
  [ProcessErrorCode.JobHandedOn]: ErrorKind.Conflict,
  [ProcessErrorCode.JobNotActive]: ErrorKind.Conflict,
  [ProcessErrorCode.WaitNotFound]: ErrorKind.Conflict,
  [ProcessErrorCode.WaitAmbiguous]: ErrorKind.Conflict,
  [ProcessErrorCode.InstanceNotActive]: ErrorKind.Conflict,
  [ProcessErrorCode.UnknownStartEvent]: ErrorKind.InvalidInput,
  [ProcessErrorCode.NoFlowTaken]: ErrorKind.Unprocessable,
  [ProcessErrorCode.InvalidTimer]: ErrorKind.Unprocessable,
  [ProcessErrorCode.InvalidCollection]: ErrorKind.Unprocessable,
  [ProcessErrorCode.InvalidCorrelationKey]: ErrorKind.Unprocessable,
  [ProcessErrorCode.InvalidMessageName]: ErrorKind.Unprocessable,
  [ProcessErrorCode.InvalidCandidateRoles]: ErrorKind.Unprocessable,
  [ProcessErrorCode.StateMismatch]: ErrorKind.Conflict,
  [ProcessErrorCode.StepLimitExceeded]: ErrorKind.Unprocessable,
  [ProcessErrorCode.FeelBudgetExceeded]: ErrorKind.Unprocessable,
  [ProcessErrorCode.InvalidEvent]: ErrorKind.InvalidInput,
};

const FROM_ENGINE: Record<EngineErrorCode, ProcessErrorCode> = {
  [EngineErrorCode.WaitNotFound]: ProcessErrorCode.WaitNotFound,
  [EngineErrorCode.WaitAmbiguous]: ProcessErrorCode.WaitAmbiguous,
  [EngineErrorCode.InstanceNotActive]: ProcessErrorCode.InstanceNotActive,
  [EngineErrorCode.UnknownStartEvent]: ProcessErrorCode.UnknownStartEvent,
  [EngineErrorCode.NoFlowTaken]: ProcessErrorCode.NoFlowTaken,
  [EngineErrorCode.InvalidTimer]: ProcessErrorCode.InvalidTimer,
  [EngineErrorCode.InvalidCollection]: ProcessErrorCode.InvalidCollection,
  [EngineErrorCode.InvalidCorrelationKey]: ProcessErrorCode.InvalidCorrelationKey,
  [EngineErrorCode.InvalidMessageName]: ProcessErrorCode.InvalidMessageName,
  [EngineErrorCode.InvalidCandidateRoles]: ProcessErrorCode.InvalidCandidateRoles,
  [EngineErrorCode.StateMismatch]: ProcessErrorCode.StateMismatch,
  [EngineErrorCode.StepLimitExceeded]: ProcessErrorCode.StepLimitExceeded,
  [EngineErrorCode.FeelBudgetExceeded]: ProcessErrorCode.FeelBudgetExceeded,
  [EngineErrorCode.InvalidEvent]: ProcessErrorCode.InvalidEvent,
};

/**
 * A BPMN issue in a problem response: the pointer names the element, `elementId` repeats it for clients, `processId`
 * names the executable process of the file it concerns (absent for what belongs to the document as a whole).
 */
export interface DefinitionProblem extends ProblemFieldError {
  elementId?: string;
  processId?: string;
}

export class ProcessError extends moduleError<ProcessErrorCode>(KIND) {
  /** The engine's refusals become problems with a stable code (and the element, where there is one). */
  static fromEngine(error: EngineError): ProcessError {
    return new ProcessError(FROM_ENGINE[error.code], error.message, [], error.elementId ? { elementId: error.elementId } : {});
  }
}

/** Runs engine code, turning its EngineErrors into ProcessErrors; everything else passes unchanged. */
export async function engineCall<T>(run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof EngineError ? ProcessError.fromEngine(error) : error;
  }
}

/** The event found its wait closed or its instance ended meanwhile: nothing is left to do, nothing to retry. */
export function isStaleEvent(error: unknown): boolean {
  return error instanceof ProcessError && (error.code === ProcessErrorCode.WaitNotFound || error.code === ProcessErrorCode.InstanceNotActive);
}
