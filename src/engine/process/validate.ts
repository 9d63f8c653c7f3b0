import { isRuleSetKey } from '../rules/json-schema.js';
import type { DefinitionIssue } from './errors.js';
import { copySizeIssues } from './event-subprocesses.js';
import { feelSyntaxError, isFeel, stripFeel } from './feel.js';
import {
  type EndEventElement,
  type EventBasedGatewayElement,
  isActivity,
  type MultiInstance,
  multiInstanceOf,
  type ParsedElement,
  type ParsedProcess,
  type Publication,
  type PublishElement,
  type StartEventElement,
  type TaskMappings,
  type TimerDefinition,
} from './model.js';
import { engineLimits, type EngineLimits } from './limits.js';
import { analyzeStructure, isParallelFork, isParallelJoin } from './structure.js';
import { dueDateProblem, timerDefinitionProblem } from './timers.js';

export interface ValidationOptions {
  /** Service task handler names that exist; when given, service tasks must name one of them. */
  knownHandlers?: ReadonlySet<string>;
  /** Default: the configured engine limits. */
  limits?: EngineLimits;
}

/** A definition past the size limits is refused before anything else is analysed (its cost grows with its size). */
function sizeIssues(p: ParsedProcess, limits: EngineLimits): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const elements = p.elements.length + p.flows.length;
  if (elements > limits.maxElements) {
    issues.push({
      elementId: p.key,
      message: `has ${elements} flow nodes and sequence flows; at most ${limits.maxElements} are allowed (AIMSFLOW_BPMN_MAX_ELEMENTS)`,
    });
  }
  for (const el of p.elements) {
    if (el.outgoing.length > limits.maxForkWidth) {
      issues.push({
        elementId: el.id,
        message: `has ${el.outgoing.length} outgoing flows; at most ${limits.maxForkWidth} are allowed (AIMSFLOW_BPMN_MAX_FORK_WIDTH)`,
      });
    }
  }
  return issues;
}

export interface WarningOptions {
  knownHandlers?: ReadonlySet<string>;
  /** Keys of the rule sets with an active version; when given, a business rule task naming another one is reported. */
  knownRuleSets?: ReadonlySet<string>;
  /** Ids of stored Camunda forms; when given, a user task linking another one (zeebe:formDefinition formId) is reported. */
  knownForms?: ReadonlySet<string>;
}

/**
 * What a deployment keeps but reports: extensions nothing reads (see ParsedProcess.warnings), user tasks without
 * candidate roles, task headers on a service task that runs a built-in handler (headers only reach external job
 * workers), and rule sets or linked forms not deployed yet — resolved when an instance reaches the task (as Camunda
 * does), which raises an incident if they are still missing then.
 */
export function definitionWarnings(p: ParsedProcess, opts: WarningOptions = {}): DefinitionIssue[] {
  const warnings = [...p.warnings, ...analyzeStructure(p).warnings];
  for (const el of p.elements) {
    if (el.kind === 'userTask' && !el.candidateRoles) {
      warnings.push({
        elementId: el.id,
        message: 'user task has no candidate roles: only administrators may claim and complete it',
      });
    }
    if (el.kind === 'userTask' && el.camundaForm?.kind === 'linked' && opts.knownForms && !opts.knownForms.has(el.camundaForm.formId)) {
      warnings.push({
        elementId: el.id,
        message: `linked form "${el.camundaForm.formId}" does not exist yet: store it (POST /forms) before an instance reaches this task, or the step raises an incident`,
      });
    }
    if (el.kind === 'businessRuleTask' && el.ruleSet && opts.knownRuleSets && !opts.knownRuleSets.has(el.ruleSet)) {
      // A DMN decision id such as "BazDecision" can never be a rule set key: say so rather than "deploy it".
      const message = isRuleSetKey(el.ruleSet)
        ? `rule set "${el.ruleSet}" does not exist yet: deploy it before an instance reaches this task, or the step raises an incident`
        : `rule set "${el.ruleSet}" does not exist, and no rule set can have that key (keys are lowercase words joined by "-"): name one that can exist, or every instance reaching this task raises an incident`;
      warnings.push({ elementId: el.id, message });
    }
    if (el.kind === 'businessRuleTask' && !el.resultVariable) {
      warnings.push({
        elementId: el.id,
        message:
          "business rule task has no result variable: its decision is evaluated and recorded (GET /decisions/{id}, the step's decisionIds), but no variable holds the result (add aimsflow:resultVariable or zeebe:calledDecision resultVariable to keep it)",
      });
    }
    if (el.kind !== 'serviceTask' || !el.headers) continue;
    const builtIn = el.handler !== undefined || (el.jobType !== undefined && opts.knownHandlers?.has(el.jobType));
    if (builtIn)
      warnings.push({
        elementId: el.id,
        message: '<zeebe:taskHeaders> is ignored: the task runs a built-in handler, and only external job workers get headers',
      });
  }
  return warnings;
}

/** Every reason this definition cannot be deployed, each tied to an element id where there is one. Empty = deployable. */
export function validateDefinition(p: ParsedProcess, opts: ValidationOptions = {}): DefinitionIssue[] {
  const limits = opts.limits ?? engineLimits();
  const tooBig = sizeIssues(p, limits);
  if (tooBig.length) return tooBig;
  const issues: DefinitionIssue[] = [...p.issues];
  const add = (elementId: string | undefined, message: string): void => {
    if (!issues.some((i) => i.elementId === elementId && i.message === message)) issues.push({ elementId, message });
  };
  const byId = new Map(p.elements.map((e) => [e.id, e]));

  // A flow that does not connect (or crosses a sub-process border) is the cause; "not reachable" would only repeat it.
  let brokenFlow = false;
  for (const flow of p.flows) {
    if (!byId.has(flow.source) || !byId.has(flow.target)) {
      brokenFlow = true;
      // moddle already named the reference it could not resolve.
      if (!issues.some((i) => i.elementId === flow.id)) add(flow.id, 'sequence flow must connect two flow nodes of this process');
    }
    const source = byId.get(flow.source);
    const target = byId.get(flow.target);
    if (source && target && source.parent !== target.parent) {
      brokenFlow = true;
      add(flow.id, `sequence flow crosses the border of sub-process ${source.parent ?? target.parent}; connect the sub-process itself instead`);
    }
    if (flow.condition !== undefined && source && source.kind !== 'exclusiveGateway' && source.kind !== 'inclusiveGateway') {
      add(flow.id, `conditional flows are only supported out of exclusive and inclusive gateways (this one leaves ${source.type})`);
    }
    if (flow.condition !== undefined) checkExpression(add, flow.id, flow.condition, 'condition');
  }
  for (const el of p.elements) checkElement(el, p, opts, add);

  const starts = p.elements.filter((e) => e.kind === 'startEvent' && e.parent === undefined);
  if (starts.length === 0) add(p.key, 'process needs a none, timer, message or signal start event');
  if (starts.filter((s) => s.kind === 'startEvent' && s.trigger.kind === 'none').length > 1) {
    add(p.key, 'process has more than one none start event; keep one (others can be message or timer start events)');
  }
  const messageStarts = new Map<string, string>();
  for (const s of starts) {
    if (s.kind !== 'startEvent' || s.trigger.kind !== 'message' || !s.trigger.messageName) continue;
    const other = messageStarts.get(s.trigger.messageName);
    if (other) add(s.id, `message start event uses message "${s.trigger.messageName}" like ${other}`);
    messageStarts.set(s.trigger.messageName, s.id);
  }

  const structure = analyzeStructure(p);
  for (const i of structure.issues) add(i.elementId, i.message);
  for (const i of copySizeIssues(p, structure, limits)) add(i.elementId, i.message);
  for (const [forkId, depth] of structure.nesting) {
    if (depth > limits.maxNesting)
      add(
        forkId,
        `is nested ${depth} levels deep in parallel branches, sub-processes and boundary paths; at most ${limits.maxNesting} are allowed (AIMSFLOW_BPMN_MAX_NESTING)`,
      );
  }
  // Only the first unreachable element of a sub-process that is itself unreachable or unsupported is worth a word.
  const reported = (id: string | undefined): boolean => id !== undefined && (!structure.scopeOf.has(id) || byId.get(id)?.kind === 'unsupported');
  for (const id of gatewayLoops(p)) add(id, 'exclusive gateways form a loop with no task or event on it (it would never wait)');
  if (brokenFlow) return issues;
  for (const el of p.elements) {
    if (!structure.scopeOf.has(el.id) && el.kind !== 'unsupported' && !reported(el.parent)) add(el.id, 'is not reachable from any start event');
  }
  const reachableEnd = p.elements.some(
    (e) => e.kind === 'endEvent' && e.parent === undefined && structure.scopeOf.get(e.id) && structure.scopeOf.get(e.id)?.kind !== 'path',
  );
  if (!reachableEnd) add(p.key, 'no end event is reachable from the start events');
  return issues;
}

type Add = (elementId: string | undefined, message: string) => void;

function checkExpression(add: Add, elementId: string, expression: string, what: string): void {
  if (/^[$#]\{/.test(expression.trim())) {
    add(elementId, `${what} "${expression}" is a JUEL expression; write FEEL instead (e.g. =approved = true)`);
    return;
  }
  const error = feelSyntaxError(stripFeel(expression));
  if (error) add(elementId, `${what} "${expression}" is not valid FEEL: ${error}`);
}

/** Parsing put an implicit end event after a node without outgoing flow (implicit-ends.ts); compilation relies on one. */
function checkSingleOutgoing(el: ParsedElement, add: Add): void {
  if (el.outgoing.length === 0) add(el.id, `${el.type} has no outgoing sequence flow`);
  if (el.outgoing.length > 1) {
    add(el.id, `${el.type} has ${el.outgoing.length} outgoing flows; an implicit parallel split is not supported, add a parallel or exclusive gateway`);
  }
}

function checkMultiInstance(el: ParsedElement, mi: MultiInstance, add: Add): void {
  if (mi.collection && mi.loopCardinality) {
    add(el.id, 'multi-instance has both a collection and a loopCardinality; give one (the collection, or how many items)');
  } else if (!mi.collection && !mi.loopCardinality) {
    add(el.id, 'multi-instance needs a collection (aimsflow:collection, camunda:collection or zeebe:loopCharacteristics inputCollection) or a loopCardinality');
  }
  if (mi.collection) checkExpression(add, el.id, mi.collection, 'multi-instance collection');
  if (mi.loopCardinality) checkExpression(add, el.id, mi.loopCardinality, 'multi-instance loopCardinality');
  if (mi.completionCondition) checkExpression(add, el.id, mi.completionCondition, 'multi-instance completionCondition');
  if (mi.outputElement) checkExpression(add, el.id, mi.outputElement, 'multi-instance outputElement');
  if (mi.outputElement && !mi.outputCollection) add(el.id, 'multi-instance outputElement needs an outputCollection to collect into');
}

function checkElement(el: ParsedElement, p: ParsedProcess, opts: ValidationOptions, add: Add): void {
  const byId = (id: string): ParsedElement | undefined => p.elements.find((e) => e.id === id);
  const mi = multiInstanceOf(el);
  if (mi) checkMultiInstance(el, mi, add);
  switch (el.kind) {
    case 'unsupported':
      add(el.id, el.reason);
      return;
    case 'startEvent': {
      if (el.incoming.length) add(el.id, 'start event cannot have incoming flows');
      const inEventSub = el.parent !== undefined && byId(el.parent)?.kind === 'eventSubProcess';
      if (inEventSub) checkEventSubStart(el, add);
      else if (el.parent !== undefined && el.trigger.kind !== 'none') add(el.id, `the start event of sub-process ${el.parent} must be a none start event`);
      else if (el.trigger.kind === 'error' || el.trigger.kind === 'escalation') {
        add(el.id, `${el.trigger.kind} start events are only supported in event sub-processes (triggeredByEvent="true")`);
      }
      if (!inEventSub && el.interrupting === false) add(el.id, 'isInterrupting="false" is only meaningful on the start event of an event sub-process');
      checkSingleOutgoing(el, add);
      if (el.trigger.kind === 'message' && !el.trigger.messageName) add(el.id, 'message start event needs a message with a name');
      else if (el.trigger.kind === 'message' && isFeel(el.trigger.messageName)) {
        add(el.id, `a message start event needs a fixed message name, not an expression ("${el.trigger.messageName}"): nothing is there to evaluate it over`);
      }
      if (el.trigger.kind === 'timer') checkTimer(el.id, el.trigger.timer, add);
      if (el.trigger.kind === 'signal') checkSignalName(el.id, el.trigger.signalName, 'signal start event', add);
      return;
    }
    case 'eventSubProcess':
      checkEventSub(el, p, add);
      return;
    case 'endEvent':
      if (el.outgoing.length) add(el.id, 'end event cannot have outgoing flows');
      if (el.publish) checkPublication(el, add);
      else checkMappings(el, add);
      return;
    case 'publish':
      checkSingleOutgoing(el, add);
      checkPublication(el, add);
      return;
    case 'signalCatch':
      checkSingleOutgoing(el, add);
      checkAfterEventGateway(el, p, add);
      checkMappings(el, add);
      checkSignalName(el.id, el.signalName, 'signal catch event', add);
      return;
    case 'passThrough':
    case 'escalationThrow':
      checkSingleOutgoing(el, add);
      checkMappings(el, add);
      return;
    case 'scriptTask':
      checkSingleOutgoing(el, add);
      checkMappings(el, add);
      if (el.expression) checkExpression(add, el.id, el.expression, 'script expression');
      if (!el.resultVariable) add(el.id, 'script task needs a result variable (zeebe:script resultVariable)');
      return;
    case 'subProcess': {
      checkSingleOutgoing(el, add);
      checkMappings(el, add);
      const inner = p.elements.filter((e) => e.parent === el.id);
      const starts = inner.filter((e) => e.type === 'bpmn:StartEvent');
      if (starts.length !== 1) add(el.id, `an embedded sub-process needs exactly one none start event (it has ${starts.length})`);
      if (!inner.some((e) => e.kind === 'endEvent')) add(el.id, 'an embedded sub-process needs an end event');
      return;
    }
    case 'userTask':
      checkSingleOutgoing(el, add);
      checkMappings(el, add);
      // Without candidate roles the task is the administrators' (definitionWarnings says so).
      if (el.candidateRoles && (isFeel(el.candidateRoles) || /^[$#]\{/.test(el.candidateRoles))) {
        checkExpression(add, el.id, el.candidateRoles, 'candidate roles');
      }
      if (el.dueDate) {
        const problem = /^[$#]\{/.test(el.dueDate) ? `due date "${el.dueDate}" is a JUEL expression; use ISO 8601 or FEEL` : dueDateProblem(el.dueDate);
        if (problem) add(el.id, problem);
      }
      for (const ref of el.separateFrom) {
        if (ref !== 'initiator' && byId(ref)?.kind !== 'userTask') {
          add(el.id, `aimsflow:separateFrom names "${ref}", which is neither "initiator", a user task of this process nor FEEL (=expression)`);
        }
      }
      for (const expression of el.separateFromExpressions ?? []) checkExpression(add, el.id, expression, 'aimsflow:separateFrom entry');
      if (el.camundaForm && el.form.length) add(el.id, 'a user task has either aimsflow:formField fields or a Camunda form (zeebe:formDefinition), not both');
      return;
    case 'businessRuleTask':
      checkSingleOutgoing(el, add);
      checkMappings(el, add);
      // A rule set not deployed yet is only a warning (definitionWarnings): it is resolved when an instance gets here.
      if (!el.ruleSet) add(el.id, 'business rule task needs a rule set (aimsflow:ruleSet)');
      return;
    case 'serviceTask':
      checkSingleOutgoing(el, add);
      checkMappings(el, add);
      // A task with neither a handler nor a job type became an external job when parsed (unimplemented-tasks.ts).
      if (el.jobType && el.jobType.length > 200) add(el.id, 'the job type (zeebe:taskDefinition type) is longer than 200 characters');
      else if (el.handler && opts.knownHandlers && !opts.knownHandlers.has(el.handler)) add(el.id, `unknown service task handler "${el.handler}"`);
      return;
    case 'callActivity':
      checkSingleOutgoing(el, add);
      if (!el.calledElement) add(el.id, 'call activity needs the key of the process to call (calledElement or zeebe:calledElement processId)');
      for (const m of [...el.mapping.inputs, ...el.mapping.outputs]) checkExpression(add, el.id, m.source, `mapping source for "${m.target}"`);
      return;
    case 'exclusiveGateway': {
      if (el.outgoing.length === 0) add(el.id, 'exclusive gateway has no outgoing sequence flow');
      if (el.defaultFlow && !el.outgoing.includes(el.defaultFlow)) add(el.id, `default flow ${el.defaultFlow} is not an outgoing flow of this gateway`);
      for (const flowId of el.outgoing) {
        const flow = p.flows.find((f) => f.id === flowId);
        if (flowId === el.defaultFlow && flow?.condition !== undefined) add(flowId, 'the default flow of an exclusive gateway cannot have a condition');
        if (flowId !== el.defaultFlow && flow?.condition === undefined && el.outgoing.length > 1) {
          add(flowId, `flow out of exclusive gateway ${el.id} needs a condition (or must be its default flow)`);
        }
      }
      return;
    }
    case 'parallelGateway':
    case 'inclusiveGateway': {
      const what = el.kind === 'parallelGateway' ? 'parallel' : 'inclusive';
      if (!isParallelFork(el) && !isParallelJoin(el)) {
        add(el.id, `${what} gateway must either fork (one incoming, several outgoing flows) or join (several incoming, one outgoing flow)`);
      }
      if (el.kind !== 'inclusiveGateway') return;
      if (el.defaultFlow && !el.outgoing.includes(el.defaultFlow)) add(el.id, `default flow ${el.defaultFlow} is not an outgoing flow of this gateway`);
      if (el.defaultFlow && p.flows.find((f) => f.id === el.defaultFlow)?.condition !== undefined) {
        add(el.defaultFlow, 'the default flow of an inclusive gateway cannot have a condition');
      }
      return;
    }
    case 'eventBasedGateway':
      checkEventGateway(el, p, add);
      return;
    case 'timerCatch':
      checkSingleOutgoing(el, add);
      checkMappings(el, add);
      checkAfterEventGateway(el, p, add);
      if (!el.timer) return;
      if (el.timer.type === 'cycle') add(el.id, 'an intermediate timer event cannot use a time cycle (use a duration or a date)');
      else checkTimer(el.id, el.timer, add);
      return;
    case 'messageCatch':
      checkSingleOutgoing(el, add);
      checkAfterEventGateway(el, p, add);
      checkMappings(el, add);
      if (!el.messageName) add(el.id, 'message catch event needs a message with a name');
      else if (isFeel(el.messageName)) checkExpression(add, el.id, el.messageName, 'message name');
      if (el.correlationKey) checkExpression(add, el.id, el.correlationKey, 'correlation key');
      return;
    case 'boundaryTimer':
    case 'boundaryMessage':
    case 'boundarySignal':
    case 'boundaryError':
    case 'boundaryEscalation': {
      const host = byId(el.attachedTo);
      if (!host || !isActivity(host)) add(el.id, `boundary events are only supported on activities (tasks, sub-processes and call activities)`);
      else if (host.parent !== el.parent) add(el.id, `boundary event must be drawn in the same scope as ${host.id}`);
      if (el.incoming.length) add(el.id, 'boundary event cannot have incoming flows');
      checkSingleOutgoing(el, add);
      checkMappings(el, add);
      if (el.kind === 'boundaryMessage') {
        if (!el.messageName) add(el.id, 'message boundary event needs a message with a name');
        else if (isFeel(el.messageName)) checkExpression(add, el.id, el.messageName, 'message name');
        if (el.correlationKey) checkExpression(add, el.id, el.correlationKey, 'correlation key');
        return;
      }
      if (el.kind === 'boundarySignal') {
        checkSignalName(el.id, el.signalName, 'signal boundary event', add);
        return;
      }
      if (el.kind === 'boundaryError') {
        const twin = p.elements.find((e) => e.kind === 'boundaryError' && e.attachedTo === el.attachedTo && e.errorCode === el.errorCode && e.id !== el.id);
        if (twin) add(el.id, `catches ${el.errorCode ? `error "${el.errorCode}"` : 'every error'} like ${twin.id} on the same activity`);
        return;
      }
      if (el.kind === 'boundaryEscalation') {
        // An escalation comes from inside the activity: only an embedded sub-process can throw one here.
        if (host && host.kind !== 'subProcess') add(el.id, 'escalation boundary events are only supported on embedded sub-processes');
        const twin = p.elements.find(
          (e) => e.kind === 'boundaryEscalation' && e.attachedTo === el.attachedTo && e.escalationCode === el.escalationCode && e.id !== el.id,
        );
        if (twin) add(el.id, `catches ${el.escalationCode ? `escalation "${el.escalationCode}"` : 'every escalation'} like ${twin.id} on the same activity`);
        return;
      }
      if (!el.timer) return;
      if (el.timer.type === 'cycle' && el.interrupting)
        add(el.id, 'a time cycle is only supported on non-interrupting boundary timers (an interrupting one fires once)');
      checkTimer(el.id, el.timer, add);
      return;
    }
  }
}

/** BPMN: an event sub-process is started by its event only, holds exactly one start event, and sits in a process or an embedded sub-process. */
function checkEventSub(el: ParsedElement, p: ParsedProcess, add: Add): void {
  if (el.incoming.length || el.outgoing.length) add(el.id, 'an event sub-process cannot have incoming or outgoing sequence flows (its start event starts it)');
  const container = el.parent === undefined ? undefined : p.elements.find((e) => e.id === el.parent);
  if (container?.kind === 'eventSubProcess') add(el.id, `an event sub-process inside event sub-process ${container.id} is not supported`);
  const inner = p.elements.filter((e) => e.parent === el.id);
  const starts = inner.filter((e) => e.type === 'bpmn:StartEvent');
  if (starts.length !== 1) add(el.id, `an event sub-process needs exactly one start event (it has ${starts.length})`);
  if (!inner.some((e) => e.kind === 'endEvent')) add(el.id, 'an event sub-process needs an end event');
  const start = starts[0];
  if (start?.kind !== 'startEvent') return;
  // Two catchers of the same error or escalation in one scope could not choose between them.
  const caught = (s: ParsedElement): string | undefined => {
    if (s.kind !== 'startEvent') return undefined;
    if (s.trigger.kind === 'error') return s.trigger.errorCode ? `error "${s.trigger.errorCode}"` : 'every error';
    if (s.trigger.kind === 'escalation') return s.trigger.escalationCode ? `escalation "${s.trigger.escalationCode}"` : 'every escalation';
    return undefined;
  };
  const mine = caught(start);
  if (!mine) return;
  const twin = p.elements.find(
    (e) => e.kind === 'eventSubProcess' && e.id !== el.id && e.parent === el.parent && p.elements.some((s) => s.parent === e.id && caught(s) === mine),
  );
  if (twin) add(el.id, `catches ${mine} like event sub-process ${twin.id} in the same scope`);
}

/** What may start an event sub-process, and how. */
function checkEventSubStart(el: StartEventElement, add: Add): void {
  const trigger = el.trigger;
  if (trigger.kind === 'none') {
    add(
      el.id,
      `the start event of event sub-process ${el.parent} needs a timer, message, signal, error or escalation event definition (a none start event never fires)`,
    );
  } else if (trigger.kind === 'error' && el.interrupting === false) {
    add(el.id, 'an error start event always interrupts (BPMN has no non-interrupting error event); remove isInterrupting="false"');
  } else if (trigger.kind === 'timer' && trigger.timer.type === 'cycle' && el.interrupting !== false) {
    add(el.id, 'a time cycle is only supported on the start event of a non-interrupting event sub-process (an interrupting one fires once)');
  } else if (trigger.kind === 'message' && trigger.correlationKey) {
    checkExpression(add, el.id, trigger.correlationKey, 'correlation key');
  }
}

/** Signals are caught by a fixed name: a catch has nothing to evaluate a name over before it waits. */
function checkSignalName(elementId: string, name: string | undefined, what: string, add: Add): void {
  if (!name) add(elementId, `${what} needs a bpmn:signal with a name (signalRef)`);
  else if (isFeel(name)) add(elementId, `${what} needs a fixed signal name, not an expression ("${name}")`);
}

function checkPublication(el: (PublishElement | EndEventElement) & TaskMappings, add: Add): void {
  checkMappings(el, add);
  const publish = el.publish as Publication;
  const what = el.type === 'bpmn:SendTask' ? 'a send task' : `a ${publish.trigger} ${el.kind === 'endEvent' ? 'end' : 'throw'} event`;
  const needs = publish.trigger === 'signal' ? 'a bpmn:signal with a name (signalRef)' : 'a bpmn:message with a name (messageRef)';
  const orJob = el.type === 'bpmn:SendTask' ? ', or a job type (zeebe:taskDefinition type) to run as a job' : '';
  if (!publish.name) add(el.id, `${what} needs ${needs}${orJob}`);
  else if (isFeel(publish.name)) checkExpression(add, el.id, publish.name, `${publish.trigger} name`);
  if (publish.correlationKey) checkExpression(add, el.id, publish.correlationKey, 'correlation key');
}

function checkMappings(el: ParsedElement & TaskMappings, add: Add): void {
  for (const m of [...(el.inputs ?? []), ...(el.outputs ?? [])]) checkExpression(add, el.id, m.source, `mapping source for "${m.target}"`);
}

function flowTarget(p: ParsedProcess, flowId: string): ParsedElement | undefined {
  const target = p.flows.find((f) => f.id === flowId)?.target;
  return p.elements.find((e) => e.id === target);
}

/** The event-based gateway an element is reached from, if any (every flow into it must then come from that gateway). */
export function eventGatewayBefore(el: ParsedElement, p: ParsedProcess): string | undefined {
  for (const flowId of el.incoming) {
    const source = p.flows.find((f) => f.id === flowId)?.source;
    if (p.elements.find((e) => e.id === source)?.kind === 'eventBasedGateway') return source;
  }
  return undefined;
}

/**
 * An event-based gateway leads only to intermediate timer, message and signal catch events, each reached from it
 * alone; several of its flows may lead to the same event, which is then one alternative.
 */
function checkEventGateway(el: EventBasedGatewayElement, p: ParsedProcess, add: Add): void {
  if (el.incoming.length === 0) add(el.id, 'event-based gateway has no incoming sequence flow');
  if (el.outgoing.length < 2) add(el.id, 'event-based gateway needs at least two outgoing flows, each to an intermediate timer, message or signal catch event');
  const messages = new Map<string, string>();
  const targets = new Set<string>();
  for (const flowId of el.outgoing) {
    if (p.flows.find((f) => f.id === flowId)?.condition !== undefined)
      add(flowId, 'flows out of an event-based gateway cannot have conditions (the first event to occur decides)');
    const target = flowTarget(p, flowId);
    if (!target || targets.has(target.id)) continue;
    targets.add(target.id);
    if (target.kind !== 'timerCatch' && target.kind !== 'messageCatch' && target.kind !== 'signalCatch') {
      add(flowId, `event-based gateway ${el.id} may only lead to intermediate timer, message or signal catch events, not to ${target.type}`);
      continue;
    }
    // Names written as FEEL are only known at run time; the engine then refuses an ambiguous message there.
    if (target.kind === 'messageCatch' && target.messageName && !isFeel(target.messageName)) {
      const other = messages.get(target.messageName);
      if (other)
        add(
          target.id,
          `waits for message "${target.messageName}" like ${other} after the same event-based gateway ${el.id}; one message could not choose between them`,
        );
      messages.set(target.messageName, target.id);
    }
  }
  if (el.outgoing.length >= 2 && targets.size === 1) {
    add(el.id, `event-based gateway leads only to ${[...targets][0]}; it needs at least two different events to choose between`);
  }
}

/** Its wait belongs to the gateway, so a catch event after one is reached from that gateway only (by one flow or several). */
function checkAfterEventGateway(el: ParsedElement, p: ParsedProcess, add: Add): void {
  const gateway = eventGatewayBefore(el, p);
  if (!gateway) return;
  const foreign = p.flows.filter((f) => f.target === el.id && f.source !== gateway);
  if (foreign.length) {
    const from = foreign.map((f) => `flow ${f.id} comes from ${f.source}`).join(', ');
    add(el.id, `a catch event after event-based gateway ${gateway} must be reached from that gateway only (${from})`);
  }
}

function checkTimer(elementId: string, timer: TimerDefinition, add: Add): void {
  const problem = timerDefinitionProblem(timer);
  if (problem) add(elementId, problem);
}

/** Exclusive gateways that lie on a cycle made only of exclusive gateways. */
function gatewayLoops(p: ParsedProcess): string[] {
  const gateways = new Set(p.elements.filter((e) => e.kind === 'exclusiveGateway').map((e) => e.id));
  const next = new Map<string, string[]>();
  for (const f of p.flows) {
    if (gateways.has(f.source) && gateways.has(f.target)) next.set(f.source, [...(next.get(f.source) ?? []), f.target]);
  }
  const onLoop: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    for (const t of next.get(id) ?? []) {
      if (state.get(t) === 'visiting') onLoop.push(t);
      else if (!state.has(t)) visit(t);
    }
    state.set(id, 'done');
  };
  for (const id of gateways) if (!state.has(id)) visit(id);
  return onLoop;
}
