/** A problem with a process definition, tied to the BPMN element it concerns (if any). */
export interface DefinitionIssue {
  elementId?: string;
  message: string;
}

/** The document is not BPMN 2.0 XML we can read (malformed XML, wrong root, no executable process). */
export class ProcessParseError extends Error {
  constructor(readonly issues: DefinitionIssue[]) {
    super(`BPMN document could not be parsed: ${issues.map((i) => i.message).join('; ')}`);
    this.name = 'ProcessParseError';
  }
}

/** The definition parses but falls outside the supported subset (thrown by `compileProcess`). */
export class ProcessValidationError extends Error {
  constructor(readonly issues: DefinitionIssue[]) {
    super(`BPMN process is not valid: ${issues.map((i) => (i.elementId ? `${i.elementId}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'ProcessValidationError';
  }
}

export enum EngineErrorCode {
  /** The event names a wait key that is not open (already completed, cancelled, or never existed). */
  WaitNotFound = 'WAIT_NOT_FOUND',
  /** A message without a wait key matches several open message waits. */
  WaitAmbiguous = 'WAIT_AMBIGUOUS',
  /** The instance already completed, terminated or was cancelled. */
  InstanceNotActive = 'INSTANCE_NOT_ACTIVE',
  UnknownStartEvent = 'UNKNOWN_START_EVENT',
  /** No outgoing flow of an exclusive gateway could be taken (no condition true, no default). */
  NoFlowTaken = 'NO_FLOW_TAKEN',
  /** A timer or due date expression produced something that is not an ISO 8601 date, duration or cycle. */
  InvalidTimer = 'INVALID_TIMER',
  /** A multi-instance collection did not evaluate to a list. */
  InvalidCollection = 'INVALID_COLLECTION',
  /** A message correlation key evaluated to nothing (null) or to a list/object. */
  InvalidCorrelationKey = 'INVALID_CORRELATION_KEY',
  /** A message name written as FEEL (`name="=…"`) evaluated to something other than a non-empty text. */
  InvalidMessageName = 'INVALID_MESSAGE_NAME',
  /** Candidate roles evaluated to nothing usable. */
  InvalidCandidateRoles = 'INVALID_CANDIDATE_ROLES',
  /** The persisted state does not belong to this definition or is not an engine state. */
  StateMismatch = 'STATE_MISMATCH',
  /** Automatic work kept looping without the instance ever waiting (e.g. a service-task retry loop). */
  StepLimitExceeded = 'STEP_LIMIT_EXCEEDED',
  /** A FEEL evaluation took longer or more memory than its budget (see feel-sandbox.ts). */
  FeelBudgetExceeded = 'FEEL_BUDGET_EXCEEDED',
  InvalidEvent = 'INVALID_EVENT',
}

/** A run-time refusal or failure of the step runner; `code` is stable for the app to map (e.g. WAIT_NOT_FOUND → 409). */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly elementId?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/**
 * A BPMN error: a business outcome the model handles with an error boundary event, not a technical failure.
 * Service task handlers throw it with the `errorCode` of a `bpmn:error`; the variables are merged into the
 * instance when a boundary event catches it.
 */
export class BpmnError extends Error {
  constructor(
    readonly code: string,
    message?: string,
    readonly variables: Record<string, unknown> = {},
  ) {
    super(message ?? `BPMN error "${code}"`);
    this.name = 'BpmnError';
  }
}

/** A rule set or form an element links by key, resolved when an instance reaches the element. */
export interface LinkRef {
  kind: 'ruleSet' | 'form';
  key: string;
}

/**
 * Thrown by a hook when a rule set an element links is not deployed (yet): as in Camunda, the element is then held by an
 * incident naming it (StepResult.incidents) until `incident.retry`, instead of failing the step. `reason` ends the
 * sentence `… evaluates rule set "<key>", which …`, e.g. `does not exist: create it, then retry this incident`.
 */
export class UnresolvedLinkError extends Error {
  constructor(
    readonly link: LinkRef,
    readonly reason: string,
  ) {
    super(`${link.kind === 'ruleSet' ? 'rule set' : 'form'} "${link.key}", which ${reason}`);
    this.name = 'UnresolvedLinkError';
  }
}
