/**
 * moddle package descriptors for the extension attributes the engine reads.
 *
 * moddle refuses two packages that define the same attribute name on the same BPMN type, so the Camunda 7
 * attributes that clash with aimsflow ones (`dueDate`, `collection`, `elementVariable`, `resultVariable`)
 * are not declared here: moddle keeps undeclared attributes of a registered namespace in `$attrs` under the
 * package prefix, and `element.get('camunda:dueDate')` reads them from there regardless of the prefix the
 * document used.
 */

export const AIMSFLOW_NS = 'https://aimsflow.dev/schema/bpmn/1.0';
export const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';
export const ZEEBE_NS = 'http://camunda.org/schema/zeebe/1.0';

interface PropertyDescriptor {
  name: string;
  type: string;
  isAttr?: boolean;
  isMany?: boolean;
  isBody?: boolean;
}
interface TypeDescriptor {
  name: string;
  extends?: string[];
  superClass?: string[];
  properties: PropertyDescriptor[];
}
interface PackageDescriptor {
  name: string;
  prefix: string;
  uri: string;
  xml: { tagAlias: 'lowerCase' };
  associations: [];
  enumerations: [];
  types: TypeDescriptor[];
}

const attr = (name: string, type = 'String'): PropertyDescriptor => ({ name, type, isAttr: true });

function pkg(prefix: string, uri: string, types: TypeDescriptor[]): PackageDescriptor {
  return { name: prefix, prefix, uri, xml: { tagAlias: 'lowerCase' }, associations: [], enumerations: [], types };
}

const MULTI_INSTANCE_ATTRS = [attr('collection'), attr('elementVariable'), attr('outputCollection'), attr('outputElement')];

export const aimsflowPackage = pkg('aimsflow', AIMSFLOW_NS, [
  { name: 'ProcessExtension', extends: ['bpmn:Process'], properties: [attr('uniquePerSubject', 'Boolean'), attr('startableBy')] },
  {
    name: 'UserTaskExtension',
    extends: ['bpmn:UserTask'],
    properties: [attr('candidateRoles'), attr('dueDate'), attr('separateFrom')],
  },
  { name: 'BusinessRuleTaskExtension', extends: ['bpmn:BusinessRuleTask'], properties: [attr('ruleSet'), attr('resultVariable')] },
  { name: 'ServiceTaskExtension', extends: ['bpmn:ServiceTask'], properties: [attr('handler')] },
  {
    name: 'MultiInstanceExtension',
    extends: ['bpmn:UserTask', 'bpmn:CallActivity', 'bpmn:ServiceTask', 'bpmn:BusinessRuleTask', 'bpmn:ScriptTask', 'bpmn:MultiInstanceLoopCharacteristics'],
    properties: MULTI_INSTANCE_ATTRS,
  },
  { name: 'CorrelationExtension', extends: ['bpmn:IntermediateCatchEvent', 'bpmn:StartEvent', 'bpmn:Message'], properties: [attr('correlationKey')] },
  {
    name: 'FormField',
    superClass: ['Element'],
    properties: [attr('name'), attr('type'), attr('required', 'Boolean'), attr('values'), attr('label')],
  },
  { name: 'In', superClass: ['Element'], properties: [attr('source'), attr('target')] },
  { name: 'Out', superClass: ['Element'], properties: [attr('source'), attr('target')] },
]);

/**
 * Extensions that mean nothing here, declared so a deployment can name the element that carries them (as a warning).
 * A body (`<camunda:failedJobRetryTimeCycle>R3/PT10M</…>`) is read and dropped like the rest.
 */
const ignored = (...names: string[]): TypeDescriptor[] =>
  names.map((name) => ({ name, superClass: ['Element'], properties: [{ name: 'body', type: 'String', isBody: true }] }));

export const camundaPackage = pkg('camunda', CAMUNDA_NS, [
  ...ignored('ExecutionListener', 'TaskListener', 'Properties', 'InputOutput', 'FormData', 'FailedJobRetryTimeCycle', 'Connector'),
  { name: 'UserTaskExtension', extends: ['bpmn:UserTask'], properties: [attr('candidateGroups')] },
  { name: 'BusinessRuleTaskExtension', extends: ['bpmn:BusinessRuleTask'], properties: [attr('decisionRef')] },
  { name: 'In', superClass: ['Element'], properties: [attr('source'), attr('sourceExpression'), attr('target'), attr('variables')] },
  { name: 'Out', superClass: ['Element'], properties: [attr('source'), attr('sourceExpression'), attr('target'), attr('variables')] },
]);

export const zeebePackage = pkg('zeebe', ZEEBE_NS, [
  ...ignored('ExecutionListeners', 'TaskListeners', 'Properties', 'UserTask', 'VersionTag', 'PriorityDefinition'),
  {
    name: 'FormDefinition',
    superClass: ['Element'],
    properties: [attr('formId'), attr('formKey'), attr('externalReference'), attr('bindingType'), attr('versionTag')],
  },
  {
    name: 'UserTaskForm',
    superClass: ['Element'],
    properties: [
      { name: 'id', type: 'String', isAttr: true },
      { name: 'body', type: 'String', isBody: true },
    ],
  },
  { name: 'AssignmentDefinition', superClass: ['Element'], properties: [attr('candidateGroups')] },
  { name: 'TaskSchedule', superClass: ['Element'], properties: [attr('dueDate')] },
  {
    name: 'LoopCharacteristics',
    superClass: ['Element'],
    properties: [attr('inputCollection'), attr('inputElement'), attr('outputCollection'), attr('outputElement')],
  },
  {
    name: 'CalledElement',
    superClass: ['Element'],
    properties: [attr('processId'), attr('processIdExpression'), attr('propagateAllParentVariables', 'Boolean'), attr('propagateAllChildVariables', 'Boolean')],
  },
  {
    name: 'IoMapping',
    superClass: ['Element'],
    properties: [
      { name: 'inputParameters', type: 'Input', isMany: true },
      { name: 'outputParameters', type: 'Output', isMany: true },
    ],
  },
  { name: 'Input', superClass: ['Element'], properties: [attr('source'), attr('target')] },
  { name: 'Output', superClass: ['Element'], properties: [attr('source'), attr('target')] },
  { name: 'Subscription', superClass: ['Element'], properties: [attr('correlationKey')] },
  { name: 'TaskDefinition', superClass: ['Element'], properties: [attr('type'), attr('retries')] },
  {
    name: 'TaskHeaders',
    superClass: ['Element'],
    properties: [{ name: 'values', type: 'Header', isMany: true }],
  },
  { name: 'Header', superClass: ['Element'], properties: [attr('key'), attr('value')] },
  { name: 'CalledDecision', superClass: ['Element'], properties: [attr('decisionId'), attr('resultVariable')] },
  { name: 'Script', superClass: ['Element'], properties: [attr('expression'), attr('resultVariable')] },
]);
