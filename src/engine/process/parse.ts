import { BpmnModdle, type ModdleElement, type ParseWarning } from 'bpmn-moddle';
import { type DefinitionIssue, ProcessParseError } from './errors.js';
import { isFeel, stripFeel } from './feel.js';
import { withImplicitEnds } from './implicit-ends.js';
import { withImplicitStarts } from './implicit-starts.js';
import { resolveLinkEvents } from './link-events.js';
import { MAX_PROCESSES_PER_FILE } from './limits.js';
import { withUnimplementedTasksAsJobs } from './unimplemented-tasks.js';
import {
  type CallMapping,
  type CamundaFormRef,
  type MessageCatchElement,
  type Publication,
  FORM_FIELD_TYPES,
  type FormField,
  type FormFieldType,
  type MultiInstance,
  type ParsedElement,
  type ParsedFlow,
  type ParsedProcess,
  type ServiceTaskElement,
  type StartPolicy,
  type TaskMappings,
  type TimerDefinition,
  type VariableMapping,
} from './model.js';
import { aimsflowPackage, camundaPackage, zeebePackage } from './moddle-packages.js';
import { type CamundaFormSchema, formSchemaIssues } from '../forms/camunda-form.js';

const moddle = new BpmnModdle({ aimsflow: aimsflowPackage, camunda: camundaPackage, zeebe: zeebePackage });

// Flow elements without execution semantics: kept out of the model, never rejected.
const IGNORED_TYPES = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

/** What a start or boundary event can be triggered by. */
const CATCH_TRIGGERS = [
  'bpmn:TimerEventDefinition',
  'bpmn:MessageEventDefinition',
  'bpmn:SignalEventDefinition',
  'bpmn:ErrorEventDefinition',
  'bpmn:EscalationEventDefinition',
];

/**
 * Reads one BPMN 2.0 document and normalises every executable process in it, in document order (Camunda 8 deploys
 * each process of a collaboration as a definition of its own).
 */
export async function parseProcesses(xml: string): Promise<ParsedProcess[]> {
  const { definitions, warnings } = await readDocument(xml);
  const processes = executableProcesses(definitions);
  const byProcess = warningsByProcess(processes, warnings);
  return processes.map((process, i) => readProcess(process, byProcess[i]));
}

/** Reads the executable process `key` of a document; without a key, the document must hold exactly one. */
export async function parseProcess(xml: string, key?: string): Promise<ParsedProcess> {
  const { definitions, warnings } = await readDocument(xml);
  const processes = executableProcesses(definitions);
  const index = key === undefined ? 0 : processes.findIndex((p) => p.id === key);
  if (key === undefined && processes.length > 1) {
    throw new ProcessParseError([
      { message: `expected exactly one executable process (isExecutable="true"), found ${processes.length}: ${processes.map((p) => p.id).join(', ')}` },
    ]);
  }
  if (index < 0) throw new ProcessParseError([{ message: `no executable process "${key}" in the document` }]);
  return readProcess(processes[index], warningsByProcess(processes, warnings)[index]);
}

async function readDocument(xml: string): Promise<{ definitions: ModdleElement; warnings: ParseWarning[] }> {
  // BPMN never needs a document type; with one come entity expansion (billion laughs) and external entities.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new ProcessParseError([{ message: 'not accepted: a DOCTYPE or ENTITY declaration (BPMN files never need one); remove it' }]);
  }
  let definitions: ModdleElement;
  let warnings: ParseWarning[];
  try {
    const result = await moddle.fromXML(xml, 'bpmn:Definitions');
    definitions = result.rootElement;
    warnings = result.warnings;
  } catch (err) {
    throw new ProcessParseError([{ message: `not a BPMN 2.0 document: ${cleanMessage(err instanceof Error ? err.message : String(err))}` }]);
  }
  if (definitions?.$type !== 'bpmn:Definitions') {
    throw new ProcessParseError([{ message: 'not a BPMN 2.0 document: the root element must be <bpmn:definitions>' }]);
  }
  // moddle drops an element with an illegal id, and with it every reference to it (a process: "found 0 processes"):
  // the id is the cause, what follows from the missing element is not worth reporting.
  const illegalIds = warnings.flatMap((w) => {
    const m = /illegal ID <([^>]*)>/.exec(w.message);
    return m ? [m[1]] : [];
  });
  if (illegalIds.length) {
    throw new ProcessParseError(
      [...new Set(illegalIds)].map((id) => ({
        message: `illegal id "${id}": an XML id must start with a letter or "_" and contain only letters, digits, ".", "-" and "_" (no spaces)`,
      })),
    );
  }
  return { definitions, warnings };
}

function readProcess(process: ModdleElement, warnings: ParseWarning[]): ParsedProcess {
  resolveLinkEvents(process, (type, attrs) => moddle.create(type, attrs));
  const reader = new ProcessReader(process);
  const { issues, ignored } = warningIssues(warnings);
  reader.issues.push(...issues);
  reader.warnings.push(...ignored);
  return withImplicitEnds(withImplicitStarts(withUnimplementedTasksAsJobs(reader.read())));
}

function executableProcesses(definitions: ModdleElement): ModdleElement[] {
  const processes = list(definitions, 'rootElements').filter((e) => e.$type === 'bpmn:Process');
  const executable = processes.filter((p) => p.isExecutable === true);
  // A lone process without isExecutable (as plain bpmn.io writes it) is taken as the executable one.
  const candidates = executable.length > 0 ? executable : processes.filter((p) => p.isExecutable !== false && processes.length === 1);
  if (!candidates.length) throw new ProcessParseError([{ message: 'expected at least one executable process (isExecutable="true"), found 0' }]);
  if (candidates.length > MAX_PROCESSES_PER_FILE) {
    throw new ProcessParseError([
      { message: `found ${candidates.length} executable processes; one file may hold at most ${MAX_PROCESSES_PER_FILE} (split it into several files)` },
    ]);
  }
  return candidates;
}

/**
 * moddle's warnings go to the process holding the element they name; those naming no element of an executable process
 * (a root-level message, the collaboration, a position only) belong to the document and go to its first process.
 */
function warningsByProcess(processes: ModdleElement[], warnings: ParseWarning[]): ParseWarning[][] {
  const owner = new Map<string, number>();
  const claim = (el: ModdleElement, index: number): void => {
    if (el.id) owner.set(el.id, index);
    for (const inner of [...list(el, 'flowElements'), ...list(el, 'artifacts'), ...list(el, 'laneSets').flatMap((set) => list(set, 'lanes'))]) {
      claim(inner, index);
    }
  };
  processes.forEach((process, index) => claim(process, index));
  const byProcess = processes.map((): ParseWarning[] => []);
  const ownerOf = (el: ModdleElement | undefined): number => {
    // An element without an id (an event definition, an extension) belongs where its nearest ancestor with one does.
    for (let at = el; at; at = at.$parent) {
      const index = at.id === undefined ? undefined : owner.get(at.id);
      if (index !== undefined) return index;
    }
    return 0;
  };
  for (const warning of warnings) byProcess[ownerOf(warning.element)].push(warning);
  return byProcess;
}

/** Camunda 7 attributes read from `$attrs` (not declared: they clash with aimsflow's, see moddle-packages.ts). */
const READ_UNDECLARED = new Set([
  'camunda:dueDate',
  'camunda:collection',
  'camunda:elementVariable',
  'camunda:resultVariable',
  'camunda:topic',
  'camunda:type',
]);

/** moddle reports what it could not read as warnings; Camunda extensions we do not execute are listed as ignored, the rest is an issue. */
function warningIssues(warnings: ParseWarning[]): { issues: DefinitionIssue[]; ignored: DefinitionIssue[] } {
  const issues: DefinitionIssue[] = [];
  const ignored: DefinitionIssue[] = [];
  for (const warning of warnings) {
    const message = cleanMessage(warning.message);
    const unknownAttribute = /^unknown attribute <([^>]+)>/.exec(message);
    if (unknownAttribute) {
      if (unknownAttribute[1].startsWith('aimsflow:')) {
        issues.push({ elementId: warning.element?.id, message: `unknown attribute ${unknownAttribute[1]}` });
      } else if (/^(camunda|zeebe):/.test(unknownAttribute[1]) && !READ_UNDECLARED.has(unknownAttribute[1])) {
        ignored.push({ elementId: warning.element?.id, message: `${unknownAttribute[1]} is ignored: it has no meaning in aimsflow` });
      }
      continue;
    }
    if (/(unknown type|unrecognized element) <(camunda|zeebe):/i.test(message)) {
      // moddle names no element here, only the position; the children of declared-but-ignored extensions land here too
      // (as unrecognized elements when the child's type is declared but not as a child of its parent).
      const tag = /unparsable content <([^>]+)>/.exec(message)?.[1];
      if (tag && !/^(camunda|zeebe):(executionListener|taskListener|property|header|formField|inputParameter|outputParameter)$/.test(tag)) {
        ignored.push({ message: `<${tag}> is ignored: it has no meaning in aimsflow${/\(line [^)]*\)/.exec(message)?.[0].replace(/^/, ' ') ?? ''}` });
      }
      continue;
    }
    issues.push({ elementId: warning.element?.id, message });
  }
  return { issues, ignored };
}

function cleanMessage(message: string): string {
  const [first, ...rest] = message.split('\n').map((l) => l.trim());
  const detail = (name: string): string | undefined =>
    rest
      .find((l) => l.startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim();
  const nested = detail('nested error');
  const line = detail('line');
  const column = detail('column');
  const where = line !== undefined ? ` (line ${Number(line) + 1}, column ${column})` : '';
  return `${first}${where}${nested ? `: ${nested}` : ''}`;
}

function list(el: ModdleElement | undefined, prop: string): ModdleElement[] {
  const value = el?.[prop];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

function child(el: ModdleElement | undefined, prop: string): ModdleElement | undefined {
  const value = el?.[prop];
  return value && typeof value === 'object' ? (value as ModdleElement) : undefined;
}

/** A non-empty, trimmed attribute value (declared or from `$attrs`). */
function text(el: ModdleElement | undefined, name: string): string | undefined {
  const value = el?.get(name);
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

function bool(el: ModdleElement | undefined, name: string): boolean | undefined {
  const value = el?.get(name);
  if (value === undefined || value === null || value === '') return undefined;
  return value === true || value === 'true';
}

function extensions(el: ModdleElement | undefined, type: string): ModdleElement[] {
  return list(child(el, 'extensionElements'), 'values').filter((v) => v.$type === type);
}

function firstExtension(el: ModdleElement | undefined, type: string): ModdleElement | undefined {
  return extensions(el, type)[0];
}

/** A FEEL string literal of `value`. */
function feelString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function commaList(value: string | undefined): string[] {
  return value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/**
 * A comma list whose entries may be FEEL (`=...`): splits only at commas outside brackets, braces, parentheses
 * and string literals, so `Draft,=[lead, owner]` gives two entries.
 */
export function splitTopLevel(value: string | undefined): string[] {
  if (!value) return [];
  const entries: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quoted) {
      if (c === '\\' && i + 1 < value.length) {
        current += c + value[++i];
        continue;
      }
      if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if ('([{'.includes(c)) {
      depth++;
    } else if (')]}'.includes(c)) {
      depth = Math.max(0, depth - 1);
    } else if (c === ',' && depth === 0) {
      entries.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  entries.push(current);
  return entries.map((e) => e.trim()).filter(Boolean);
}

function documentation(el: ModdleElement): string | undefined {
  const docs = list(el, 'documentation')
    .map((d) => (typeof d.text === 'string' ? d.text.trim() : ''))
    .filter(Boolean);
  return docs.length ? docs.join('\n\n') : undefined;
}

/** Camunda 7 allows `${name}` where aimsflow takes a variable name; anything richer is JUEL we cannot run. */
function juelVariable(value: string | undefined): string | undefined | null {
  if (value === undefined) return undefined;
  const m = /^\$\{\s*([A-Za-z_][\w]*)\s*\}$/.exec(value);
  if (m) return m[1];
  return /^[$#]\{/.test(value) ? null : value;
}

/** The extension elements each kind of element reads (aimsflow ones are checked on their own); any other is listed as a warning. */
const READ_EXTENSIONS: Partial<Record<ParsedElement['kind'], string[]>> = {
  userTask: ['zeebe:AssignmentDefinition', 'zeebe:TaskSchedule', 'zeebe:IoMapping', 'zeebe:UserTask', 'zeebe:FormDefinition'],
  serviceTask: ['zeebe:TaskDefinition', 'zeebe:TaskHeaders', 'zeebe:IoMapping'],
  businessRuleTask: ['zeebe:CalledDecision', 'zeebe:IoMapping'],
  scriptTask: ['zeebe:Script', 'zeebe:IoMapping'],
  callActivity: ['zeebe:CalledElement', 'zeebe:IoMapping', 'camunda:In', 'camunda:Out'],
  messageCatch: ['zeebe:IoMapping'],
  signalCatch: ['zeebe:IoMapping'],
  publish: ['zeebe:IoMapping'],
  endEvent: ['zeebe:IoMapping'],
  passThrough: ['zeebe:IoMapping'],
  subProcess: ['zeebe:IoMapping'],
  timerCatch: ['zeebe:IoMapping'],
  boundaryTimer: ['zeebe:IoMapping'],
  boundaryMessage: ['zeebe:IoMapping'],
  boundarySignal: ['zeebe:IoMapping'],
  boundaryError: ['zeebe:IoMapping'],
  boundaryEscalation: ['zeebe:IoMapping'],
};

/** `zeebe:ExecutionListeners` → `zeebe:executionListeners`, as written in the XML. */
function tagName(type: string): string {
  const [prefix, name] = type.includes(':') ? type.split(':') : ['', type];
  return `${prefix ? `${prefix}:` : ''}${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

class ProcessReader {
  readonly issues: DefinitionIssue[] = [];
  readonly warnings: DefinitionIssue[] = [];
  private readonly incoming = new Map<string, string[]>();
  private readonly outgoing = new Map<string, string[]>();

  constructor(private readonly process: ModdleElement) {}

  read(): ParsedProcess {
    // Embedded sub-processes are read into the same flat list; each inner element names its sub-process as `parent`.
    const flowElements: Array<{ el: ModdleElement; parent?: string }> = [];
    const collect = (container: ModdleElement, parent?: string): void => {
      for (const el of list(container, 'flowElements')) {
        flowElements.push({ el, parent });
        if (el.$type === 'bpmn:SubProcess') collect(el, el.id);
      }
    };
    collect(this.process);
    const flows = flowElements.filter(({ el }) => el.$type === 'bpmn:SequenceFlow').map(({ el }) => this.readFlow(el));
    for (const flow of flows) {
      this.outgoing.set(flow.source, [...(this.outgoing.get(flow.source) ?? []), flow.id]);
      this.incoming.set(flow.target, [...(this.incoming.get(flow.target) ?? []), flow.id]);
    }
    const elements = flowElements
      .filter(({ el }) => el.$type !== 'bpmn:SequenceFlow' && !IGNORED_TYPES.has(el.$type))
      .map(({ el, parent }) => {
        const read = this.readElement(el);
        this.warnIgnored(el, read.kind === 'unsupported' ? undefined : (READ_EXTENSIONS[read.kind] ?? []));
        return parent ? { ...read, parent } : read;
      });
    this.warnIgnored(this.process, ['zeebe:UserTaskForm']);
    return {
      key: this.process.id ?? '',
      name: text(this.process, 'name'),
      documentation: documentation(this.process),
      uniquePerSubject: bool(this.process, 'aimsflow:uniquePerSubject') ?? false,
      ...this.startPolicy(),
      elements,
      flows,
      issues: this.issues,
      warnings: this.warnings,
    };
  }

  /** Extension elements nothing reads (`read` undefined: the element is refused anyway). */
  private warnIgnored(el: ModdleElement, read: string[] | undefined): void {
    if (!read) return;
    for (const ext of list(child(el, 'extensionElements'), 'values')) {
      const type = ext.$type;
      if (type.startsWith('aimsflow:') || read.includes(type)) continue;
      this.warnings.push({ elementId: el.id, message: `<${tagName(type)}> is ignored: it has no meaning in aimsflow` });
    }
  }

  private startPolicy(): { startableBy?: StartPolicy } {
    const raw = text(this.process, 'aimsflow:startableBy');
    if (raw === undefined) return {};
    if (raw.trim() === 'internal') return { startableBy: 'internal' };
    const roles = raw
      .split(',')
      .map((role) => role.trim())
      .filter(Boolean);
    if (!roles.length) this.issue(this.process.id, 'aimsflow:startableBy must be "internal" or a comma-separated list of roles');
    return { startableBy: roles };
  }

  private issue(elementId: string | undefined, message: string): void {
    this.issues.push({ elementId, message });
  }

  private readFlow(flow: ModdleElement): ParsedFlow {
    const id = flow.id ?? '';
    const expression = child(flow, 'conditionExpression');
    let condition: string | undefined;
    if (expression) {
      const language = text(expression, 'language');
      if (language && !/feel/i.test(language)) this.issue(id, `condition language "${language}" is not supported; write FEEL`);
      const body = typeof expression.body === 'string' ? expression.body.trim() : '';
      condition = body ? stripFeel(body) : undefined;
      if (!condition) this.issue(id, 'condition expression is empty');
    }
    return {
      id,
      name: text(flow, 'name'),
      source: child(flow, 'sourceRef')?.id ?? '',
      target: child(flow, 'targetRef')?.id ?? '',
      ...(condition ? { condition } : {}),
    };
  }

  private readElement(el: ModdleElement): ParsedElement {
    const id = el.id ?? '';
    const common = {
      id,
      type: el.$type,
      name: text(el, 'name'),
      documentation: documentation(el),
      incoming: this.incoming.get(id) ?? [],
      outgoing: this.outgoing.get(id) ?? [],
    };
    const definitions = list(el, 'eventDefinitions');
    const unsupported = (reason: string): ParsedElement => ({ ...common, kind: 'unsupported', reason });
    const single = (allowed: string[]): ModdleElement | undefined | null => {
      if (definitions.length === 0) return undefined;
      if (definitions.length > 1) return null;
      return allowed.includes(definitions[0].$type) ? definitions[0] : null;
    };
    const defNote = (): string => (definitions.length > 1 ? 'several event definitions on one event' : definitions[0].$type);

    if (el.isForCompensation === true) this.issue(id, 'compensation activities are not supported');
    // Message and signal throw and end events publish: their inputs are what they send.
    const publishes = definitions.some((d) => d.$type === 'bpmn:MessageEventDefinition' || d.$type === 'bpmn:SignalEventDefinition');

    switch (el.$type) {
      case 'bpmn:StartEvent': {
        this.rejectTaskMappings(el, id);
        const def = single(CATCH_TRIGGERS);
        if (def === null)
          return unsupported(
            `start event with ${defNote()} is not supported (none, timer, message and signal start events are, and error and escalation ones in event sub-processes)`,
          );
        // Only meaningful in an event sub-process; validation refuses it anywhere else.
        const start = { ...common, kind: 'startEvent' as const, ...(el.isInterrupting === false ? { interrupting: false as const } : {}) };
        if (!def) return { ...start, trigger: { kind: 'none' } };
        if (def.$type === 'bpmn:SignalEventDefinition') {
          return { ...start, trigger: { kind: 'signal', signalName: text(child(def, 'signalRef'), 'name') ?? '' } };
        }
        if (def.$type === 'bpmn:TimerEventDefinition') {
          const timer = this.readTimer(def, id);
          return timer ? { ...start, trigger: { kind: 'timer', timer } } : unsupported('timer start event without a timer');
        }
        if (def.$type === 'bpmn:ErrorEventDefinition') {
          const errorCode = this.errorCode(def, id);
          return { ...start, trigger: { kind: 'error', ...(errorCode ? { errorCode } : {}) } };
        }
        if (def.$type === 'bpmn:EscalationEventDefinition') {
          const escalationCode = this.escalationCode(def, id, false);
          return { ...start, trigger: { kind: 'escalation', ...(escalationCode ? { escalationCode } : {}) } };
        }
        const message = child(def, 'messageRef');
        const correlationKey = this.correlationKey(el, message);
        return { ...start, trigger: { kind: 'message', messageName: text(message, 'name') ?? '', ...(correlationKey ? { correlationKey } : {}) } };
      }
      case 'bpmn:EndEvent': {
        const def = single([
          'bpmn:TerminateEventDefinition',
          'bpmn:ErrorEventDefinition',
          'bpmn:EscalationEventDefinition',
          'bpmn:MessageEventDefinition',
          'bpmn:SignalEventDefinition',
        ]);
        if (def === null)
          return unsupported(`end event with ${defNote()} is not supported (none, terminate, error, escalation, message and signal end events are)`);
        if (publishes) return { ...common, kind: 'endEvent', terminate: false, ...this.publishing(el, id, def as ModdleElement) };
        if (def?.$type === 'bpmn:EscalationEventDefinition' || def?.$type === 'bpmn:ErrorEventDefinition') this.rejectTaskMappings(el, id);
        if (def?.$type === 'bpmn:EscalationEventDefinition') {
          return { ...common, kind: 'endEvent', terminate: false, escalationCode: this.escalationCode(def, id, true) ?? '' };
        }
        if (def?.$type === 'bpmn:ErrorEventDefinition') {
          // Without a bpmn:error it throws an error with no code, which only catch-all error boundary events catch.
          return { ...common, kind: 'endEvent', terminate: false, errorCode: this.errorCode(def, id) ?? '' };
        }
        return { ...common, kind: 'endEvent', terminate: def !== undefined, ...this.taskMappings(el, id) };
      }
      case 'bpmn:IntermediateThrowEvent': {
        if (!definitions.length) return { ...common, kind: 'passThrough', ...this.taskMappings(el, id) };
        const def = single(['bpmn:EscalationEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:SignalEventDefinition']);
        if (!def) return unsupported(`intermediate throw event with ${defNote()} is not supported (none, escalation, message and signal throw events are)`);
        if (publishes) return { ...common, kind: 'publish', ...this.publishing(el, id, def) };
        this.rejectTaskMappings(el, id);
        return { ...common, kind: 'escalationThrow', escalationCode: this.escalationCode(def, id, true) ?? '' };
      }
      case 'bpmn:ScriptTask': {
        const script = firstExtension(el, 'zeebe:Script');
        const expression = text(script, 'expression');
        if (!expression) {
          const format = text(el, 'scriptFormat');
          if (format || child(el, 'script') !== undefined || text(el, 'script')) {
            return unsupported(
              `a ${format ?? 'script'} script is not supported: write it as a FEEL expression, <zeebe:script expression="=…" resultVariable="…"/>`,
            );
          }
          return unsupported('a script task needs a FEEL expression: <zeebe:script expression="=…" resultVariable="…"/>');
        }
        return {
          ...common,
          kind: 'scriptTask',
          expression,
          resultVariable: text(script, 'resultVariable'),
          ...this.taskMappings(el, id),
          ...this.multiInstance(el, id),
        };
      }
      case 'bpmn:Task':
      case 'bpmn:ManualTask':
        this.rejectLoopMarker(el, id);
        return { ...common, kind: 'passThrough', ...this.taskMappings(el, id) };
      case 'bpmn:SubProcess':
        this.rejectLoopMarker(el, id);
        if (el.triggeredByEvent === true) {
          this.rejectTaskMappings(el, id);
          return { ...common, kind: 'eventSubProcess' };
        }
        return { ...common, kind: 'subProcess', ...this.taskMappings(el, id) };
      case 'bpmn:SendTask':
        this.rejectLoopMarker(el, id);
        // Camunda 8 draws a send task as a job worker task: with a job type it is one, like a service task. Without a
        // message it is one too, as in Camunda 7 (a Java delegate, or nothing: then an external job, unimplemented-tasks.ts).
        if (firstExtension(el, 'zeebe:TaskDefinition') || !child(el, 'messageRef'))
          return { ...common, kind: 'serviceTask', ...this.serviceTaskWork(el, id), ...this.taskMappings(el, id) };
        return { ...common, kind: 'publish', ...this.publishing(el, id, el) };
      case 'bpmn:ReceiveTask':
        this.rejectLoopMarker(el, id);
        return this.messageCatch(el, id, child(el, 'messageRef'), common);
      case 'bpmn:IntermediateCatchEvent': {
        const def = single(['bpmn:TimerEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:SignalEventDefinition']);
        if (!def)
          return unsupported(
            `intermediate catch event with ${definitions.length ? defNote() : 'no event definition'} is not supported (timer, message and signal are)`,
          );
        if (def.$type === 'bpmn:SignalEventDefinition') {
          return { ...common, kind: 'signalCatch', signalName: text(child(def, 'signalRef'), 'name'), ...this.taskMappings(el, id) };
        }
        if (def.$type === 'bpmn:TimerEventDefinition') return { ...common, kind: 'timerCatch', timer: this.readTimer(def, id), ...this.taskMappings(el, id) };
        return this.messageCatch(el, id, child(def, 'messageRef'), common);
      }
      case 'bpmn:BoundaryEvent': {
        const def = single(CATCH_TRIGGERS);
        if (!def)
          return unsupported(
            `boundary event with ${definitions.length ? defNote() : 'no event definition'} is not supported (timer, message, signal, error and escalation boundary events are)`,
          );
        const boundary = {
          ...common,
          attachedTo: child(el, 'attachedToRef')?.id ?? '',
          interrupting: el.cancelActivity !== false,
          ...this.taskMappings(el, id),
        };
        if (def.$type === 'bpmn:TimerEventDefinition') return { ...boundary, kind: 'boundaryTimer', timer: this.readTimer(def, id) };
        if (def.$type === 'bpmn:MessageEventDefinition') {
          const message = child(def, 'messageRef');
          return { ...boundary, kind: 'boundaryMessage', messageName: text(message, 'name'), correlationKey: this.correlationKey(el, message) };
        }
        if (def.$type === 'bpmn:SignalEventDefinition') return { ...boundary, kind: 'boundarySignal', signalName: text(child(def, 'signalRef'), 'name') };
        if (def.$type === 'bpmn:EscalationEventDefinition') {
          const escalationCode = this.escalationCode(def, id, false);
          return { ...boundary, kind: 'boundaryEscalation', ...(escalationCode ? { escalationCode } : {}) };
        }
        if (!boundary.interrupting)
          this.issue(id, 'an error boundary event always interrupts its activity (BPMN has no non-interrupting error event); remove cancelActivity="false"');
        const errorCode = this.errorCode(def, id);
        return { ...boundary, kind: 'boundaryError', interrupting: true, ...(errorCode ? { errorCode } : {}) };
      }
      case 'bpmn:UserTask': {
        const mappings = this.taskMappings(el, id);
        if ((mappings.inputs || mappings.outputs) && child(el, 'loopCharacteristics')) {
          this.issue(id, 'input and output mappings on a multi-instance user task are not supported (map the output collection instead)');
        }
        const separate = splitTopLevel(text(el, 'aimsflow:separateFrom'));
        const expressions = separate.filter((s) => isFeel(s)).map((s) => stripFeel(s));
        return {
          ...common,
          kind: 'userTask',
          candidateRoles:
            text(el, 'aimsflow:candidateRoles') ??
            text(el, 'camunda:candidateGroups') ??
            text(firstExtension(el, 'zeebe:AssignmentDefinition'), 'candidateGroups'),
          dueDate: text(el, 'aimsflow:dueDate') ?? text(el, 'camunda:dueDate') ?? text(firstExtension(el, 'zeebe:TaskSchedule'), 'dueDate'),
          form: this.readForm(el, id),
          ...this.camundaForm(el, id),
          separateFrom: separate.filter((s) => !isFeel(s)),
          ...(expressions.length ? { separateFromExpressions: expressions } : {}),
          ...this.multiInstance(el, id),
          ...mappings,
        };
      }
      case 'bpmn:BusinessRuleTask': {
        const decision = firstExtension(el, 'zeebe:CalledDecision');
        return {
          ...common,
          kind: 'businessRuleTask',
          ruleSet: text(el, 'aimsflow:ruleSet') ?? text(el, 'camunda:decisionRef') ?? text(decision, 'decisionId'),
          resultVariable: text(el, 'aimsflow:resultVariable') ?? text(el, 'camunda:resultVariable') ?? text(decision, 'resultVariable'),
          ...this.taskMappings(el, id),
          ...this.multiInstance(el, id),
        };
      }
      case 'bpmn:ServiceTask':
        return {
          ...common,
          kind: 'serviceTask',
          ...this.serviceTaskWork(el, id),
          ...this.taskMappings(el, id),
          ...this.multiInstance(el, id),
        };
      case 'bpmn:CallActivity': {
        const called = firstExtension(el, 'zeebe:CalledElement');
        if (text(called, 'processIdExpression')) this.issue(id, 'zeebe:calledElement processIdExpression is not supported; name the process with processId');
        return {
          ...common,
          kind: 'callActivity',
          calledElement: text(el, 'calledElement') ?? text(called, 'processId'),
          mapping: this.callMapping(el, id, called),
          ...this.multiInstance(el, id),
        };
      }
      case 'bpmn:ExclusiveGateway':
        this.rejectTaskMappings(el, id);
        return { ...common, kind: 'exclusiveGateway', defaultFlow: child(el, 'default')?.id };
      case 'bpmn:ParallelGateway':
        this.rejectTaskMappings(el, id);
        return { ...common, kind: 'parallelGateway' };
      case 'bpmn:InclusiveGateway':
        this.rejectTaskMappings(el, id);
        return { ...common, kind: 'inclusiveGateway', defaultFlow: child(el, 'default')?.id };
      case 'bpmn:EventBasedGateway':
        this.rejectTaskMappings(el, id);
        if (el.instantiate === true) return unsupported('an instantiating event-based gateway is not supported (use message or timer start events)');
        if (el.eventGatewayType === 'Parallel') return unsupported('a parallel event-based gateway is not supported (only the exclusive kind is)');
        return { ...common, kind: 'eventBasedGateway' };
      default:
        return unsupported(`${el.$type} is not supported`);
    }
  }

  /** Only user, service, business rule and script tasks and call activities can be multi-instance. */
  private rejectLoopMarker(el: ModdleElement, id: string): void {
    const loop = child(el, 'loopCharacteristics');
    if (loop)
      this.issue(
        id,
        `${loop.$type} is not supported on ${el.$type} (only user, service, business rule and script tasks and call activities can be multi-instance)`,
      );
  }

  private readTimer(def: ModdleElement, id: string): TimerDefinition | undefined {
    const present = (['timeDuration', 'timeDate', 'timeCycle'] as const)
      .map((prop) => ({ prop, body: child(def, prop)?.body }))
      .filter((t) => typeof t.body === 'string' && t.body.trim() !== '');
    if (present.length !== 1) {
      this.issue(id, 'a timer needs exactly one of timeDuration, timeDate or timeCycle');
      return undefined;
    }
    const type = ({ timeDuration: 'duration', timeDate: 'date', timeCycle: 'cycle' } as const)[present[0].prop];
    return { type, expression: String(present[0].body).trim() };
  }

  /**
   * The errorCode of the bpmn:error an error event definition references (undefined: no reference, a catch-all on a
   * boundary or start event). BPMN matches a thrower and a catcher by the Error object they refer to, Camunda by its
   * code: an error without errorCode goes under its id, so the two still meet.
   */
  private errorCode(def: ModdleElement, id: string): string | undefined {
    const error = child(def, 'errorRef');
    if (!error) return undefined;
    const code = text(error, 'errorCode');
    if (code) return code;
    // A referenced element always has an id (errorRef names it).
    const errorId = String(error.id);
    this.warnings.push({ elementId: id, message: `bpmn:error ${errorId} has no errorCode: it is thrown and caught under its id "${errorId}"` });
    return errorId;
  }

  /** The escalationCode of the bpmn:escalation a definition references; a throw event needs one, a boundary without one catches all. */
  private escalationCode(def: ModdleElement, id: string, required: boolean): string | undefined {
    const escalation = child(def, 'escalationRef');
    const code = text(escalation, 'escalationCode');
    if (!code && (required || escalation)) this.issue(id, 'an escalation event needs a bpmn:escalation with an escalationCode (escalationRef)');
    return code;
  }

  private messageCatch(el: ModdleElement, id: string, message: ModdleElement | undefined, common: Omit<MessageCatchElement, 'kind'>): MessageCatchElement {
    return {
      ...common,
      kind: 'messageCatch',
      messageName: text(message, 'name'),
      correlationKey: this.correlationKey(el, message),
      ...this.taskMappings(el, id),
    };
  }

  /** A send task (`messageRef` on the task) or a message / signal throw or end event (`ref` is its event definition). */
  private publishing(el: ModdleElement, id: string, ref: ModdleElement): { publish: Publication } & TaskMappings {
    const signal = ref.$type === 'bpmn:SignalEventDefinition';
    const target = child(ref, signal ? 'signalRef' : 'messageRef');
    const publish: Publication = signal
      ? { trigger: 'signal', name: text(target, 'name') }
      : { trigger: 'message', name: text(target, 'name'), correlationKey: this.correlationKey(el, target) };
    return { publish, ...this.taskMappings(el, id) };
  }

  private correlationKey(el: ModdleElement, message: ModdleElement | undefined): string | undefined {
    return (
      text(el, 'aimsflow:correlationKey') ?? text(message, 'aimsflow:correlationKey') ?? text(firstExtension(message, 'zeebe:Subscription'), 'correlationKey')
    );
  }

  private readForm(el: ModdleElement, id: string): FormField[] {
    const fields: FormField[] = [];
    for (const field of extensions(el, 'aimsflow:FormField')) {
      const name = text(field, 'name');
      const type = text(field, 'type') ?? 'string';
      if (!name) {
        this.issue(id, 'aimsflow:formField needs a name');
        continue;
      }
      if (!FORM_FIELD_TYPES.includes(type as FormFieldType)) {
        this.issue(id, `form field "${name}" has unknown type "${type}" (allowed: ${FORM_FIELD_TYPES.join(', ')})`);
        continue;
      }
      if (fields.some((f) => f.name === name)) this.issue(id, `form field "${name}" is declared twice`);
      const values = commaList(text(field, 'values'));
      if (type === 'enum' && values.length === 0) this.issue(id, `enum form field "${name}" needs values="a,b,c"`);
      if (type !== 'enum' && type !== 'array' && values.length > 0) {
        this.issue(id, `form field "${name}" has values but is neither of type enum nor array`);
      }
      const label = text(field, 'label');
      fields.push({
        name,
        type: type as FormFieldType,
        required: bool(field, 'required') ?? false,
        ...(label ? { label } : {}),
        ...(type === 'enum' || (type === 'array' && values.length > 0) ? { values } : {}),
      });
    }
    return fields;
  }

  /** A user task's Camunda form: linked by id (Camunda 8.3+), or embedded in the process and named by formKey. */
  private camundaForm(el: ModdleElement, id: string): { camundaForm?: CamundaFormRef } {
    const definition = firstExtension(el, 'zeebe:FormDefinition');
    if (!definition) return {};
    const formId = text(definition, 'formId');
    const formKey = text(definition, 'formKey');
    const binding = text(definition, 'bindingType');
    if (text(definition, 'externalReference'))
      this.issue(id, 'zeebe:formDefinition externalReference (a custom form) is not supported; link a Camunda form by formId');
    // Tasks bind to the latest version of a linked form when they open (Camunda's default, bindingType "latest").
    if (binding && binding !== 'latest')
      this.issue(id, `zeebe:formDefinition bindingType="${binding}" is not supported; linked forms bind to their latest version`);
    if (formId) return { camundaForm: { kind: 'linked', formId } };
    const embedded = /^camunda-forms:bpmn:(.+)$/.exec(formKey ?? '');
    if (!embedded) {
      this.issue(
        id,
        formKey
          ? `zeebe:formDefinition formKey "${formKey}" is not supported; use camunda-forms:bpmn:<userTaskForm id> or formId`
          : 'zeebe:formDefinition needs a formId or a formKey',
      );
      return {};
    }
    const form = extensions(this.process, 'zeebe:UserTaskForm').find((f) => text(f, 'id') === embedded[1]);
    if (!form) {
      this.issue(id, `formKey "${formKey}" names no zeebe:userTaskForm with id "${embedded[1]}" in the process's extension elements`);
      return {};
    }
    const body = typeof form.body === 'string' ? form.body : '';
    // Camunda Modeler writes an empty one as soon as "embedded form" is chosen, before the form is designed.
    if (!body.trim()) {
      this.warnings.push({ elementId: id, message: `embedded form "${embedded[1]}" is empty: the task has no form until it is designed` });
      return {};
    }
    let schema: unknown;
    try {
      schema = JSON.parse(body);
    } catch (err) {
      this.issue(id, `embedded form "${embedded[1]}" is not JSON: ${err instanceof Error ? err.message : String(err)}`);
      return {};
    }
    const problems = formSchemaIssues(schema);
    for (const p of problems) this.issue(id, `embedded form "${embedded[1]}" ${p.pointer}: ${p.message}`);
    return problems.length ? {} : { camundaForm: { kind: 'embedded', formKey: formKey as string, schema: schema as CamundaFormSchema } };
  }

  private multiInstance(el: ModdleElement, id: string): { multiInstance?: MultiInstance } {
    const loop = child(el, 'loopCharacteristics');
    const onActivity = text(el, 'aimsflow:collection');
    if (!loop) {
      if (onActivity) this.issue(id, 'aimsflow:collection needs a <bpmn:multiInstanceLoopCharacteristics> marker on the activity');
      return {};
    }
    if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
      this.issue(id, `${loop.$type} (loop marker) is not supported; use parallel multi-instance`);
      return {};
    }
    const zeebe = firstExtension(loop, 'zeebe:LoopCharacteristics');
    const aims = (name: string): string | undefined => text(loop, `aimsflow:${name}`) ?? text(el, `aimsflow:${name}`);
    const camundaCollection = juelVariable(text(loop, 'camunda:collection'));
    if (camundaCollection === null) this.issue(id, 'camunda:collection must be a variable name or ${name}; other JUEL expressions are not supported');
    const collection = aims('collection') ?? camundaCollection ?? text(zeebe, 'inputCollection');
    const outputElement = aims('outputElement') ?? text(zeebe, 'outputElement');
    const multiInstance: MultiInstance = { collection: collection ? stripFeel(collection) : '' };
    const elementVariable = aims('elementVariable') ?? text(loop, 'camunda:elementVariable') ?? text(zeebe, 'inputElement');
    const outputCollection = aims('outputCollection') ?? text(zeebe, 'outputCollection');
    if (elementVariable) multiInstance.elementVariable = elementVariable;
    if (outputCollection) multiInstance.outputCollection = outputCollection;
    if (outputElement) multiInstance.outputElement = stripFeel(outputElement);
    if (loop.isSequential === true) multiInstance.sequential = true;
    // JUEL bodies are kept as written: validation refuses them, naming the element, like any JUEL condition.
    const loopCardinality = this.expressionBody(child(loop, 'loopCardinality'), id, 'loopCardinality');
    if (loopCardinality !== undefined) multiInstance.loopCardinality = loopCardinality;
    const completionCondition = this.expressionBody(child(loop, 'completionCondition'), id, 'completionCondition');
    if (completionCondition !== undefined) multiInstance.completionCondition = completionCondition;
    return { multiInstance };
  }

  /** The FEEL of a formal expression element (without the leading `=`); an empty one is an issue. */
  private expressionBody(expression: ModdleElement | undefined, id: string, what: string): string | undefined {
    if (!expression) return undefined;
    const language = text(expression, 'language');
    if (language && !/feel/i.test(language)) this.issue(id, `multi-instance ${what} language "${language}" is not supported; write FEEL`);
    const body = typeof expression.body === 'string' ? stripFeel(expression.body) : '';
    if (!body) this.issue(id, `multi-instance ${what} is empty`);
    return body || undefined;
  }

  private mappings(id: string, elements: ModdleElement[], dialect: string): VariableMapping[] {
    return elements
      .filter((m) => text(m, 'variables') !== 'all')
      .flatMap((m) => {
        if (text(m, 'sourceExpression')) {
          this.issue(id, `${dialect} sourceExpression (JUEL) is not supported; use source`);
          return [];
        }
        const source = text(m, 'source');
        const target = text(m, 'target') ?? (dialect.startsWith('camunda') ? source : undefined);
        if (!source || !target) {
          this.issue(id, `${dialect} mapping needs source and target`);
          return [];
        }
        // Camunda 8 reads a source without a leading `=` as a static value (text), not as an expression.
        const literal = dialect.startsWith('zeebe') && !source.startsWith('=');
        return [{ source: literal ? feelString(source) : stripFeel(source), target }];
      });
  }

  /**
   * What a service task runs: `aimsflow:handler` names a built-in handler; a Camunda 8 `zeebe:taskDefinition type`
   * (or a Camunda 7 external task's topic) names a job type, which compilation resolves to a built-in handler or an
   * external job, with its task headers and retries.
   */
  private serviceTaskWork(el: ModdleElement, id: string): Pick<ServiceTaskElement, 'handler' | 'jobType' | 'headers' | 'retries'> {
    const headers: Record<string, string> = {};
    for (const header of list(firstExtension(el, 'zeebe:TaskHeaders'), 'values')) {
      const key = text(header, 'key');
      if (key) headers[key] = String(header.get('value') ?? '');
    }
    const withHeaders = Object.keys(headers).length ? { headers } : {};
    const handler = text(el, 'aimsflow:handler');
    if (handler) return { handler, ...withHeaders };
    const definition = firstExtension(el, 'zeebe:TaskDefinition');
    const jobType = text(definition, 'type') ?? (text(el, 'camunda:type') === 'external' ? text(el, 'camunda:topic') : undefined);
    if (!jobType) return {};
    const rawRetries = text(definition, 'retries');
    const retries = rawRetries === undefined ? undefined : Number(rawRetries);
    if (retries !== undefined && !(Number.isInteger(retries) && retries >= 1 && retries <= 100)) {
      this.issue(id, `zeebe:taskDefinition retries="${rawRetries}" must be a whole number from 1 to 100`);
    }
    return {
      jobType,
      ...withHeaders,
      ...(retries !== undefined && Number.isInteger(retries) ? { retries } : {}),
    };
  }

  /** `aimsflow:in` / `aimsflow:out` (or Camunda 8 `zeebe:ioMapping`) on a service or business rule task. */
  private taskMappings(el: ModdleElement, id: string): TaskMappings {
    const io = firstExtension(el, 'zeebe:IoMapping');
    const inputs = [...this.mappings(id, extensions(el, 'aimsflow:In'), 'aimsflow:in'), ...this.mappings(id, list(io, 'inputParameters'), 'zeebe:input')];
    const outputs = [...this.mappings(id, extensions(el, 'aimsflow:Out'), 'aimsflow:out'), ...this.mappings(id, list(io, 'outputParameters'), 'zeebe:output')];
    return { ...(inputs.length ? { inputs } : {}), ...(outputs.length ? { outputs } : {}) };
  }

  /** aimsflow mappings where nothing reads them are a mistake, not something to ignore silently. */
  private rejectTaskMappings(el: ModdleElement, id: string): void {
    if (extensions(el, 'aimsflow:In').length || extensions(el, 'aimsflow:Out').length) {
      this.issue(id, `aimsflow:in / aimsflow:out are not supported on ${el.$type} (start events, error and escalation events take no mappings)`);
    }
  }

  private callMapping(el: ModdleElement, id: string, zeebeCalled: ModdleElement | undefined): CallMapping {
    const mappings = (elements: ModdleElement[], dialect: string): VariableMapping[] => this.mappings(id, elements, dialect);
    const aimsIn = extensions(el, 'aimsflow:In');
    const aimsOut = extensions(el, 'aimsflow:Out');
    const camundaIn = extensions(el, 'camunda:In');
    const camundaOut = extensions(el, 'camunda:Out');
    const io = firstExtension(el, 'zeebe:IoMapping');
    const inputs = [...mappings(aimsIn, 'aimsflow:in'), ...mappings(camundaIn, 'camunda:in'), ...mappings(list(io, 'inputParameters'), 'zeebe:input')];
    const outputs = [...mappings(aimsOut, 'aimsflow:out'), ...mappings(camundaOut, 'camunda:out'), ...mappings(list(io, 'outputParameters'), 'zeebe:output')];
    if (zeebeCalled) {
      // Camunda 8: both directions propagate everything unless switched off; mappings apply on top.
      return {
        allIn: bool(zeebeCalled, 'propagateAllParentVariables') !== false,
        allOut: bool(zeebeCalled, 'propagateAllChildVariables') !== false,
        inputs,
        outputs,
      };
    }
    if (camundaIn.length || camundaOut.length) {
      // Camunda 7: nothing is passed unless `variables="all"` says so.
      return {
        allIn: camundaIn.some((m) => text(m, 'variables') === 'all'),
        allOut: camundaOut.some((m) => text(m, 'variables') === 'all'),
        inputs,
        outputs,
      };
    }
    return { allIn: aimsIn.length === 0, allOut: aimsOut.length === 0, inputs, outputs };
  }
}
