import type { CamundaFormSchema } from '../forms/camunda-form.js';
import type { DefinitionIssue } from './errors.js';

/** The normalised, dialect-free view of one executable BPMN process (aimsflow, Camunda 7 and Camunda 8 attributes folded in). */
export interface ParsedProcess {
  /** Process `id`: the definition key. */
  key: string;
  /** Process `name`: the title. */
  name?: string;
  documentation?: string;
  /** `aimsflow:uniquePerSubject`: at most one active instance per subject (enforced by the app). */
  uniquePerSubject: boolean;
  /**
   * `aimsflow:startableBy`: who may start an instance through the API — `internal` (only the app,
   * from its own registers, and call activities), or the roles that may. Absent: every role that may start processes.
   */
  startableBy?: StartPolicy;
  /** Every flow node of the process in document order, including unsupported ones (kind `unsupported`). */
  elements: ParsedElement[];
  flows: ParsedFlow[];
  /** Problems noticed while reading attributes (unknown aimsflow attributes, bad form fields, ...); reported by validation. */
  issues: DefinitionIssue[];
  /** Extensions that mean nothing here (execution and task listeners, properties, …): deployed anyway, but listed, never silently dropped. */
  warnings: DefinitionIssue[];
}

export type StartPolicy = 'internal' | string[];

export interface ParsedFlow {
  id: string;
  name?: string;
  source: string;
  target: string;
  /** FEEL condition without the leading `=`. */
  condition?: string;
}

/** `evidence`: the id of an evidence item (or a list of them) that exists; the app checks it against the evidence register. */
export type FormFieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'enum' | 'array' | 'object' | 'evidence';
export const FORM_FIELD_TYPES: readonly FormFieldType[] = ['string', 'number', 'integer', 'boolean', 'date', 'enum', 'array', 'object', 'evidence'];

export interface FormField {
  name: string;
  type: FormFieldType;
  required: boolean;
  label?: string;
  /**
   * Allowed values: of an `enum` field (required there), or of every item of an `array` field (optional there).
   * The engine only carries them; the app validates submitted forms against them.
   */
  values?: string[];
}

/**
 * A Camunda form (form-js JSON) on a user task: linked by form id (`zeebe:formDefinition formId`; the app
 * binds the task to the form's latest version when the task opens), or embedded in the process
 * (`zeebe:formDefinition formKey="camunda-forms:bpmn:<id>"` naming a `zeebe:userTaskForm`).
 */
export type CamundaFormRef = { kind: 'linked'; formId: string } | { kind: 'embedded'; formKey: string; schema: CamundaFormSchema };

/** A timer as written: `expression` is ISO 8601 text, or FEEL when it starts with `=`. */
export interface TimerDefinition {
  type: 'duration' | 'date' | 'cycle';
  expression: string;
}

export interface MultiInstance {
  /** FEEL expression (or plain variable name) giving the list; one item per element. Empty when `loopCardinality` gives the items. */
  collection: string;
  /** Camunda 7 `bpmn:loopCardinality`: FEEL (or a number) giving how many items; the items are then 1..n. */
  loopCardinality?: string;
  /** `isSequential="true"`: one item open at a time, in collection order; the next opens when the previous completes. */
  sequential?: true;
  /**
   * FEEL evaluated after each item completes (over the variables, the item's variables and result, and
   * `numberOfInstances`, `numberOfActiveInstances`, `numberOfCompletedInstances`): when true the open items are
   * cancelled and the activity is done.
   */
  completionCondition?: string;
  /** Variable holding the item inside each instance. */
  elementVariable?: string;
  /** Variable that receives the list of per-item results (in item order) when all items are done. */
  outputCollection?: string;
  /** FEEL expression giving one item's result; default: the variables that completed the item. */
  outputElement?: string;
}

export interface VariableMapping {
  /** FEEL expression over the source scope. */
  source: string;
  target: string;
}

export interface CallMapping {
  /** Child starts with all parent variables (then `inputs` on top). */
  allIn: boolean;
  /** All child variables are merged back (then `outputs` on top). */
  allOut: boolean;
  inputs: VariableMapping[];
  outputs: VariableMapping[];
}

/**
 * What starts a start event. Error and escalation triggers exist only on the start events of event sub-processes
 * (without a code they catch every error / escalation); a message trigger's correlation key is read there too.
 */
export type StartTrigger =
  | { kind: 'none' }
  | { kind: 'timer'; timer: TimerDefinition }
  | { kind: 'message'; messageName: string; correlationKey?: string }
  | { kind: 'signal'; signalName: string }
  | { kind: 'error'; errorCode?: string }
  | { kind: 'escalation'; escalationCode?: string };

/**
 * What a send task, a message or signal throw event or a message or signal end event publishes when reached. The
 * runner evaluates it and hands it to the app (StepResult.published), which correlates the message or broadcasts
 * the signal once the step is stored.
 */
export interface Publication {
  trigger: 'message' | 'signal';
  /** Message or signal name; FEEL with a leading `=`. */
  name?: string;
  /** Messages only: FEEL over the variables and the element's inputs. */
  correlationKey?: string;
}

interface ElementCommon {
  id: string;
  /** BPMN type as in the XML, e.g. `bpmn:UserTask`. */
  type: string;
  name?: string;
  documentation?: string;
  /** Incoming and outgoing sequence flow ids, in document order. */
  incoming: string[];
  outgoing: string[];
  /** The embedded sub-process this element is drawn in; absent at the process level. */
  parent?: string;
}

export interface StartEventElement extends ElementCommon {
  kind: 'startEvent';
  trigger: StartTrigger;
  /** `isInterrupting="false"`: only on the start event of an event sub-process, which then runs beside its scope's flow. */
  interrupting?: false;
}
export interface EndEventElement extends ElementCommon, TaskMappings {
  kind: 'endEvent';
  /** Message or signal end event: publishes this, then ends like a none end event. */
  publish?: Publication;
  /** Terminate end event: ends its whole scope (the process, or the embedded sub-process it is in). */
  terminate: boolean;
  /** Error end event: the `errorCode` of the `bpmn:error` it throws. */
  errorCode?: string;
  /** Escalation end event: the `escalationCode` of the `bpmn:escalation` it throws (then ends like a none end event). */
  escalationCode?: string;
}
/** Intermediate escalation throw event: throws the escalation to the enclosing sub-processes, then continues. */
export interface EscalationThrowElement extends ElementCommon {
  kind: 'escalationThrow';
  escalationCode: string;
}
/** Send task or intermediate message / signal throw event: publishes, then the token goes on. Inputs are the message's variables. */
export interface PublishElement extends ElementCommon, TaskMappings {
  kind: 'publish';
  publish: Publication;
}
/** `bpmn:task`, `bpmn:manualTask` and the none intermediate throw event: nothing to run, the token passes through. */
export interface PassThroughElement extends ElementCommon, TaskMappings {
  kind: 'passThrough';
}
/** Embedded sub-process: its own none start event, end events and elements (whose `parent` is its id). */
/**
 * Embedded sub-process. Inputs are local variables of the sub-process (as in Camunda 8): set on entry, visible
 * inside, and the values they shadowed come back when it is left; outputs, evaluated when its inner flow ends, are
 * merged into the process variables after that.
 */
export interface SubProcessElement extends ElementCommon, TaskMappings {
  kind: 'subProcess';
}
/**
 * Event sub-process (`bpmn:subProcess triggeredByEvent="true"`): no flows in or out; its single start event (timer,
 * message, signal, error or escalation) is armed while the enclosing process or sub-process runs. Its inner elements name it as `parent`.
 */
export interface EventSubProcessElement extends ElementCommon {
  kind: 'eventSubProcess';
}
/** Inputs: the task's local scope (candidate roles, due date, outputs see them). Outputs: with them, only their targets of what completed it reach the instance. */
export interface UserTaskElement extends ElementCommon, TaskMappings {
  kind: 'userTask';
  /** Comma list of roles, or FEEL (`=...`) giving a role or list of roles (evaluated per item for multi-instance). */
  candidateRoles?: string;
  /** ISO 8601 duration (from activation) or date, or FEEL (`=...`) giving one. */
  dueDate?: string;
  form: FormField[];
  camundaForm?: CamundaFormRef;
  /** Element ids (or `initiator`) whose completers may not complete this task. */
  separateFrom: string[];
  /**
   * FEEL entries of `aimsflow:separateFrom` (written with a leading `=`, stored without it), evaluated when the task
   * is created (per item for multi-instance): each must give a subject or a list of subjects who may not complete it.
   * Absent when there are none.
   */
  separateFromExpressions?: string[];
  multiInstance?: MultiInstance;
}
/**
 * Input and output mappings of an automatic task (`aimsflow:in` / `aimsflow:out`, or Camunda 8 `zeebe:ioMapping`).
 * Each field is present only when the task declares such mappings.
 */
export interface TaskMappings {
  /** Evaluated over the instance variables when the task runs; the handler / rule set sees the variables overlaid with them. */
  inputs?: VariableMapping[];
  /**
   * Evaluated after the task ran; when present, only these targets reach the instance variables (a service task's
   * result is then not merged as a whole; a business rule task still writes its result variable as well).
   */
  outputs?: VariableMapping[];
}
export interface BusinessRuleTaskElement extends ElementCommon, TaskMappings {
  kind: 'businessRuleTask';
  ruleSet?: string;
  resultVariable?: string;
  /** Evaluated once per item; the result variable is then local to the item (only the output collection survives). */
  multiInstance?: MultiInstance;
}
export interface ServiceTaskElement extends ElementCommon, TaskMappings {
  kind: 'serviceTask';
  /** `aimsflow:handler`: a built-in handler of the app (it must exist). After compilation also a job type resolved to a handler. */
  handler?: string;
  /**
   * `zeebe:taskDefinition type` (or a Camunda 7 external task's `camunda:topic`): a built-in handler when the app has
   * one of that name, otherwise an external job that workers fetch with `POST /jobs/activate`.
   */
  jobType?: string;
  /** Set by compilation: the job type names no built-in handler, so the task waits for an external worker. */
  external?: boolean;
  /** `zeebe:taskHeaders`: static key/value pairs handed to the worker with the job. */
  headers?: Record<string, string>;
  /** `zeebe:taskDefinition retries`: how many attempts a worker gets (default 3). */
  retries?: number;
  /** One handler call, or one external job, per item. */
  multiInstance?: MultiInstance;
}
/** Script task: a FEEL expression (`zeebe:script expression="=…"`) whose value goes to `resultVariable`; nothing else runs. */
export interface ScriptTaskElement extends ElementCommon, TaskMappings {
  kind: 'scriptTask';
  /** FEEL, with or without the leading `=`. */
  expression?: string;
  resultVariable?: string;
  /** Evaluated once per item; the result variable is then local to the item (only the output collection survives). */
  multiInstance?: MultiInstance;
}
export interface CallActivityElement extends ElementCommon {
  kind: 'callActivity';
  calledElement?: string;
  mapping: CallMapping;
  multiInstance?: MultiInstance;
}
export interface ExclusiveGatewayElement extends ElementCommon {
  kind: 'exclusiveGateway';
  defaultFlow?: string;
}
export interface ParallelGatewayElement extends ElementCommon {
  kind: 'parallelGateway';
}
/**
 * Inclusive gateway: a fork takes every outgoing flow whose condition is true (a flow without a condition always,
 * the default flow only when no other is taken); its matching inclusive join waits for the branches taken only.
 */
export interface InclusiveGatewayElement extends ElementCommon {
  kind: 'inclusiveGateway';
  defaultFlow?: string;
}
/**
 * Event-based gateway: waits on the intermediate timer and message catch events its flows lead to (each reached
 * only from it); the first to fire is taken and the other waits disappear. See docs/adr/0002-event-based-gateway.md.
 */
export interface EventBasedGatewayElement extends ElementCommon {
  kind: 'eventBasedGateway';
}
export interface TimerCatchElement extends ElementCommon, TaskMappings {
  kind: 'timerCatch';
  timer?: TimerDefinition;
}
/** Outputs: with them, only their targets of the message variables reach the instance. */
export interface MessageCatchElement extends ElementCommon, TaskMappings {
  kind: 'messageCatch';
  messageName?: string;
  /** FEEL over the instance variables, evaluated when the event is entered. */
  correlationKey?: string;
}
/** Intermediate signal catch event: waits for a signal of this (fixed) name; outputs map its variables like a message catch. */
export interface SignalCatchElement extends ElementCommon, TaskMappings {
  kind: 'signalCatch';
  signalName?: string;
}
export interface BoundaryTimerElement extends ElementCommon, TaskMappings {
  kind: 'boundaryTimer';
  attachedTo: string;
  interrupting: boolean;
  timer?: TimerDefinition;
}
export interface BoundaryMessageElement extends ElementCommon, TaskMappings {
  kind: 'boundaryMessage';
  attachedTo: string;
  interrupting: boolean;
  messageName?: string;
  /** FEEL over the instance variables, evaluated when the activity is entered. */
  correlationKey?: string;
}
export interface BoundarySignalElement extends ElementCommon, TaskMappings {
  kind: 'boundarySignal';
  attachedTo: string;
  interrupting: boolean;
  signalName?: string;
}
/** Error boundary events always interrupt; without an error code they catch every BPMN error. */
export interface BoundaryErrorElement extends ElementCommon, TaskMappings {
  kind: 'boundaryError';
  attachedTo: string;
  interrupting: true;
  errorCode?: string;
}
/** On a sub-process or call activity; without an escalation code it catches every escalation. */
export interface BoundaryEscalationElement extends ElementCommon, TaskMappings {
  kind: 'boundaryEscalation';
  attachedTo: string;
  interrupting: boolean;
  escalationCode?: string;
}
export type BoundaryElement = BoundaryTimerElement | BoundaryMessageElement | BoundarySignalElement | BoundaryErrorElement | BoundaryEscalationElement;

export interface UnsupportedElement extends ElementCommon {
  kind: 'unsupported';
  reason: string;
}

export type ParsedElement =
  | StartEventElement
  | EndEventElement
  | UserTaskElement
  | BusinessRuleTaskElement
  | ServiceTaskElement
  | ScriptTaskElement
  | CallActivityElement
  | ExclusiveGatewayElement
  | ParallelGatewayElement
  | InclusiveGatewayElement
  | EventBasedGatewayElement
  | TimerCatchElement
  | MessageCatchElement
  | SignalCatchElement
  | BoundaryTimerElement
  | BoundaryMessageElement
  | BoundarySignalElement
  | BoundaryErrorElement
  | BoundaryEscalationElement
  | EscalationThrowElement
  | PassThroughElement
  | PublishElement
  | SubProcessElement
  | EventSubProcessElement
  | UnsupportedElement;

export type ElementKind = ParsedElement['kind'];
/** Activities that wait for the outside world and may carry boundary timers and multi-instance markers. */
export type WaitingActivity = UserTaskElement | CallActivityElement;

export function isWaitingActivity(el: ParsedElement): el is WaitingActivity {
  return el.kind === 'userTask' || el.kind === 'callActivity';
}

/** Activities that may carry a multi-instance marker: the waiting ones, and service, business rule and script tasks (one run per item). */
export type MultiInstanceActivity = WaitingActivity | ServiceTaskElement | BusinessRuleTaskElement | ScriptTaskElement;

/** The multi-instance marker of an element, if it may carry one and does. */
export function multiInstanceOf(el: ParsedElement): MultiInstance | undefined {
  return 'multiInstance' in el ? el.multiInstance : undefined;
}

export function isBoundary(el: ParsedElement): el is BoundaryElement {
  return ['boundaryTimer', 'boundaryMessage', 'boundarySignal', 'boundaryError', 'boundaryEscalation'].includes(el.kind);
}

/** Ids for elements and flows added to a process: the wanted id, or with 2, 3, … appended when the process already uses it. */
export function idAllocator(p: ParsedProcess): (wanted: string) => string {
  const ids = new Set([...p.elements.map((e) => e.id), ...p.flows.map((f) => f.id)]);
  return (wanted) => {
    let candidate = wanted;
    for (let n = 2; ids.has(candidate); n++) candidate = `${wanted}${n}`;
    ids.add(candidate);
    return candidate;
  };
}

/** Activities: what boundary events may be attached to. */
export function isActivity(el: ParsedElement): boolean {
  return (
    ['userTask', 'callActivity', 'serviceTask', 'businessRuleTask', 'scriptTask', 'subProcess'].includes(el.kind) ||
    (['passThrough', 'publish', 'messageCatch'].includes(el.kind) && el.type.endsWith('Task'))
  );
}
