export { parseProcess, parseProcesses } from './parse.js';
export { definitionWarnings, validateDefinition, type ValidationOptions, type WarningOptions } from './validate.js';
export { compileProcess, type CompileOptions, type CompiledProcess, type StartEventInfo } from './compile.js';
export {
  applyEvent,
  inspectInstance,
  startInstance,
  type EngineHooks,
  type HeldIncident,
  type InstanceEvent,
  type InstanceStatus,
  type PersistedInstanceState,
  type StepRecord,
  type StepResult,
  type Wait,
  type WaitItem,
} from './runner.js';
export { addDuration, parseDuration, resolveTimer, nextOccurrence, type IsoDuration, type TimerSchedule } from './timers.js';
export { configureEngineLimits, DEFAULT_LIMITS, type EngineLimits, engineLimits } from './limits.js';
export { configureFeel, type FeelLimits, stopFeelSandbox, warmUpFeelSandbox } from './feel-sandbox.js';
export {
  BpmnError,
  type DefinitionIssue,
  EngineError,
  EngineErrorCode,
  type LinkRef,
  ProcessParseError,
  ProcessValidationError,
  UnresolvedLinkError,
} from './errors.js';
export { AIMSFLOW_NS, CAMUNDA_NS, ZEEBE_NS } from './moddle-packages.js';
export { type Published } from './instance.js';
export { isFeel } from './feel.js';
export { FORM_FIELD_TYPES } from './model.js';
export type * from './model.js';
