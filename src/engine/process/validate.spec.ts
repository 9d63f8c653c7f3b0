import { readdirSync } from 'node:fs';
import { compileProcess } from './compile.js';
import { type DefinitionIssue, ProcessValidationError } from './errors.js';
import { parseProcess } from './parse.js';
import { bpmn, fixture } from './spec-helpers.js';
import { definitionWarnings, validateDefinition, type ValidationOptions } from './validate.js';

const S = '<bpmn:startEvent id="S"/>';
const E = '<bpmn:endEvent id="E"/>';
const task = (id: string, attrs = 'aimsflow:candidateRoles="r"', inner = ''): string => `<bpmn:userTask id="${id}" ${attrs}>${inner}</bpmn:userTask>`;
const flow = (from: string, to: string, condition?: string): string =>
  `<bpmn:sequenceFlow id="${from}_${to}" sourceRef="${from}" targetRef="${to}">${
    condition === undefined ? '' : `<bpmn:conditionExpression>${condition}</bpmn:conditionExpression>`
  }</bpmn:sequenceFlow>`;
const chain = (...ids: string[]): string =>
  ids
    .slice(1)
    .map((id, i) => flow(ids[i], id))
    .join('');
const timer = (kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string): string =>
  `<bpmn:timerEventDefinition><bpmn:${kind}>${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;

const known: ValidationOptions = { knownHandlers: new Set(['notify']) };

async function issuesOf(body: string, opts: ValidationOptions = known, processAttrs = ''): Promise<DefinitionIssue[]> {
  return validateDefinition(await parseProcess(bpmn(body, processAttrs)), opts);
}

async function expectIssue(body: string, elementId: string | undefined, message: RegExp, opts?: ValidationOptions): Promise<void> {
  const issues = await issuesOf(body, opts);
  expect(issues).toContainEqual({ elementId, message: expect.stringMatching(message) });
}

describe('validateDefinition', () => {
  it.each(readdirSync('test/fixtures/bpmn').filter((f) => f.endsWith('.bpmn')))('accepts the fixture %s', async (name) => {
    const parsed = await parseProcess(fixture(name));
    expect(validateDefinition(parsed, { knownHandlers: new Set(['notify']) })).toEqual([]);
  });

  it('accepts a minimal process', async () => {
    expect(await issuesOf(S + task('T') + E + chain('S', 'T', 'E'))).toEqual([]);
  });

  describe('elements outside the subset', () => {
    it.each([
      ['script task without a FEEL expression', '<bpmn:scriptTask id="X"/>', /a script task needs a FEEL expression: <zeebe:script/],
      ['transaction', '<bpmn:transaction id="X"/>', /bpmn:Transaction is not supported/],
      [
        'event sub-process with flows',
        '<bpmn:subProcess id="X" triggeredByEvent="true"/>',
        /an event sub-process cannot have incoming or outgoing sequence flows/,
      ],
      ['complex gateway', '<bpmn:complexGateway id="X"/>', /bpmn:ComplexGateway is not supported/],
      [
        'signal throw event without a signal',
        '<bpmn:intermediateThrowEvent id="X"><bpmn:signalEventDefinition/></bpmn:intermediateThrowEvent>',
        /a signal throw event needs a bpmn:signal with a name/,
      ],
      [
        'message end event without a message',
        '<bpmn:endEvent id="X"><bpmn:messageEventDefinition/></bpmn:endEvent>',
        /a message end event needs a bpmn:message with a name/,
      ],
      [
        'signal catch event without a signal',
        '<bpmn:intermediateCatchEvent id="X"><bpmn:signalEventDefinition/></bpmn:intermediateCatchEvent>',
        /signal catch event needs a bpmn:signal/,
      ],
      [
        'conditional catch event',
        '<bpmn:intermediateCatchEvent id="X"><bpmn:conditionalEventDefinition/></bpmn:intermediateCatchEvent>',
        /bpmn:ConditionalEventDefinition is not supported/,
      ],
    ])('rejects a %s with its id and BPMN type', async (_name, element, message) => {
      await expectIssue(S + task('T') + element + E + chain('S', 'T', 'X', 'E'), 'X', message);
    });

    it('rejects signal start events and signal boundary events without a named signal', async () => {
      await expectIssue(
        '<bpmn:startEvent id="X"><bpmn:signalEventDefinition/></bpmn:startEvent>' + S + task('T') + E + chain('S', 'T', 'E') + flow('X', 'T'),
        'X',
        /signal start event needs a bpmn:signal with a name/,
      );
      await expectIssue(
        S + task('T') + E + chain('S', 'T', 'E') + '<bpmn:boundaryEvent id="B" attachedToRef="T"><bpmn:signalEventDefinition/></bpmn:boundaryEvent>',
        'B',
        /signal boundary event needs a bpmn:signal with a name/,
      );
    });

    it('rejects loop markers that cannot be mapped', async () => {
      const mi = (attrs: string, inner = ''): string =>
        task(
          'T',
          'aimsflow:candidateRoles="r" aimsflow:collection="xs"',
          `<bpmn:multiInstanceLoopCharacteristics ${attrs}>${inner}</bpmn:multiInstanceLoopCharacteristics>`,
        );
      const around = (t: string): string => S + t + E + chain('S', 'T', 'E');
      await expectIssue(around(mi('', '<bpmn:loopCardinality>3</bpmn:loopCardinality>')), 'T', /both a collection and a loopCardinality/);
      await expectIssue(
        around(task('T', 'aimsflow:candidateRoles="r"', '<bpmn:standardLoopCharacteristics/>')),
        'T',
        /StandardLoopCharacteristics.*not supported/,
      );
      await expectIssue(
        S + '<bpmn:manualTask id="T"><bpmn:multiInstanceLoopCharacteristics/></bpmn:manualTask>' + E + chain('S', 'T', 'E'),
        'T',
        /not supported on bpmn:ManualTask \(only user, service, business rule and script tasks and call activities can be multi-instance\)/,
      );
      await expectIssue(around(task('T', 'aimsflow:candidateRoles="r"', '<bpmn:multiInstanceLoopCharacteristics/>')), 'T', /multi-instance needs a collection/);
      await expectIssue(around(mi('aimsflow:outputElement="=x"')), 'T', /outputElement needs an outputCollection/);
    });
  });

  describe('exclusive gateways', () => {
    const gateway = (defaultFlow = '', c1 = 'x = 1', c2?: string): string =>
      S +
      `<bpmn:exclusiveGateway id="G" ${defaultFlow}/>` +
      '<bpmn:endEvent id="A"/><bpmn:endEvent id="B"/>' +
      flow('S', 'G') +
      flow('G', 'A', c1) +
      flow('G', 'B', c2);

    it('rejects a non-default outgoing flow without a condition, naming the flow', async () => {
      await expectIssue(gateway(), 'G_B', /flow out of exclusive gateway G needs a condition/);
      expect(await issuesOf(gateway('default="G_B"'))).toEqual([]);
      expect(await issuesOf(gateway('', 'x = 1', 'x = 2'))).toEqual([]);
    });

    it('rejects a default flow with a condition or that is not outgoing', async () => {
      await expectIssue(gateway('default="G_B"', 'x = 1', 'x = 2'), 'G_B', /default flow .* cannot have a condition/);
      await expectIssue(gateway('default="S_G"'), 'G', /default flow S_G is not an outgoing flow/);
    });

    it('rejects conditions on flows that do not leave an exclusive gateway', async () => {
      await expectIssue(S + task('T') + E + flow('S', 'T') + flow('T', 'E', 'x = 1'), 'T_E', /only supported out of exclusive and inclusive gateways/);
    });

    it('rejects a loop made only of gateways', async () => {
      const body =
        S +
        '<bpmn:exclusiveGateway id="G1"/><bpmn:exclusiveGateway id="G2" default="G2_G1"/>' +
        E +
        flow('S', 'G1') +
        flow('G1', 'G2') +
        flow('G2', 'G1') +
        flow('G2', 'E', 'done');
      await expectIssue(body, 'G1', /exclusive gateways form a loop/);
    });
  });

  describe('reachability', () => {
    it('rejects unreachable elements', async () => {
      await expectIssue(S + task('T') + task('Orphan') + E + chain('S', 'T', 'E') + flow('Orphan', 'E'), 'Orphan', /not reachable/);
    });

    it('rejects a process whose end events cannot be reached', async () => {
      const body = S + '<bpmn:exclusiveGateway id="G"/>' + task('T') + flow('S', 'G') + flow('G', 'T') + flow('T', 'G');
      await expectIssue(body, 'test-process', /no end event is reachable/);
    });

    it('rejects a process without a usable start event (one without any starts where its flows begin: corpus.spec.ts)', async () => {
      await expectIssue(
        '<bpmn:startEvent id="S"><bpmn:conditionalEventDefinition/></bpmn:startEvent>' + task('T') + E + chain('S', 'T', 'E'),
        'test-process',
        /needs a none, timer, message or signal start event/,
      );
    });

    it('rejects two none start events, duplicate message starts and message events without a message', async () => {
      await expectIssue(
        '<bpmn:startEvent id="S2"/>' + S + task('T') + E + chain('S', 'T', 'E') + flow('S2', 'T'),
        'test-process',
        /more than one none start event/,
      );
      const messageStart = (id: string): string => `<bpmn:startEvent id="${id}"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:startEvent>`;
      const duplicate = bpmn(messageStart('M1') + messageStart('M2') + task('T') + E + flow('M1', 'T') + flow('M2', 'T') + flow('T', 'E')).replace(
        '<bpmn:process',
        '<bpmn:message id="Msg" name="go"/><bpmn:process',
      );
      expect(validateDefinition(await parseProcess(duplicate))).toContainEqual({ elementId: 'M2', message: 'message start event uses message "go" like M1' });
      await expectIssue(
        S + '<bpmn:intermediateCatchEvent id="M"><bpmn:messageEventDefinition/></bpmn:intermediateCatchEvent>' + E + chain('S', 'M', 'E'),
        'M',
        /needs a message with a name/,
      );
    });

    it('rejects an implicit parallel split', async () => {
      await expectIssue(
        S + task('T') + '<bpmn:endEvent id="A"/><bpmn:endEvent id="B"/>' + flow('S', 'T') + flow('T', 'A') + flow('T', 'B'),
        'T',
        /implicit parallel split is not supported/,
      );
    });
  });

  describe('parallel gateways (structured subset)', () => {
    const fork = (branches: string): string =>
      S + '<bpmn:parallelGateway id="F"/>' + task('A') + task('B') + E + flow('S', 'F') + flow('F', 'A') + flow('F', 'B') + branches;

    it('accepts a balanced fork and join', async () => {
      expect(await issuesOf(fork('<bpmn:parallelGateway id="J"/>' + flow('A', 'J') + flow('B', 'J') + flow('J', 'E')))).toEqual([]);
    });

    it('accepts a fork without a join whose branches all end in end events', async () => {
      expect(await issuesOf(fork('<bpmn:endEvent id="E2"/>' + flow('A', 'E') + flow('B', 'E2')))).toEqual([]);
    });

    it('accepts a none end event on a branch a join waits for (the join may then wait forever, see joins.spec.ts)', async () => {
      const issues = await issuesOf(
        fork(
          '<bpmn:parallelGateway id="J"/><bpmn:endEvent id="E2"/>' +
            task('C') +
            flow('F', 'C') +
            flow('A', 'J') +
            flow('C', 'J') +
            flow('B', 'E2') +
            flow('J', 'E'),
        ),
      );
      expect(issues).toEqual([]);
    });

    it('rejects branches that reach different joins', async () => {
      const body = fork(
        task('C') +
          '<bpmn:parallelGateway id="F2"/><bpmn:parallelGateway id="J1"/><bpmn:parallelGateway id="J2"/>' +
          flow('A', 'F2') +
          flow('F2', 'J1') +
          flow('F2', 'J2') +
          flow('B', 'J1') +
          flow('J1', 'C') +
          flow('C', 'J2') +
          flow('J2', 'E'),
      );
      await expectIssue(body, 'F2', /reach different joins/);
    });

    it('rejects a join that receives flows from outside its fork', async () => {
      const body =
        S +
        '<bpmn:parallelGateway id="F"/><bpmn:exclusiveGateway id="X" default="X_J"/>' +
        task('A') +
        task('B') +
        '<bpmn:parallelGateway id="J"/>' +
        E +
        flow('S', 'X') +
        flow('X', 'F', 'go') +
        flow('X', 'J') +
        flow('F', 'A') +
        flow('F', 'B') +
        flow('A', 'J') +
        flow('B', 'J') +
        flow('J', 'E');
      const issues = await issuesOf(body);
      expect(issues).toContainEqual({ elementId: 'J', message: expect.stringMatching(/reached from the main flow, not from the branches/) });
    });

    it('rejects a branch that reaches the join twice', async () => {
      const body = fork(
        '<bpmn:exclusiveGateway id="X" default="X_J"/><bpmn:parallelGateway id="J"/>' +
          flow('A', 'X') +
          '<bpmn:sequenceFlow id="X_J_when" sourceRef="X" targetRef="J"><bpmn:conditionExpression>x</bpmn:conditionExpression></bpmn:sequenceFlow>' +
          flow('X', 'J') +
          flow('B', 'J') +
          flow('J', 'E'),
      );
      await expectIssue(body, 'F', /branch F_A reaches join J more than once/);
    });

    it('rejects flows that cross from one branch into another', async () => {
      const body = fork('<bpmn:parallelGateway id="J"/>' + task('C') + flow('A', 'C') + flow('B', 'C') + flow('C', 'J') + flow('J', 'E'));
      await expectIssue(body, 'C', /is reached from branch F_. of parallel fork F and from branch F_. of parallel fork F/);
    });

    it('rejects a gateway that both forks and joins', async () => {
      const body =
        S + task('A') + '<bpmn:parallelGateway id="P"/>' + E + '<bpmn:endEvent id="E2"/>' + flow('S', 'P') + flow('A', 'P') + flow('P', 'E') + flow('P', 'E2');
      await expectIssue(body, 'P', /must either fork .* or join/);
    });
  });

  describe('tasks', () => {
    const around = (t: string): string => S + t + E + chain('S', 'T', 'E');

    it('deploys a user task without candidate roles, with a warning that only an administrator holds it', async () => {
      const parsed = await parseProcess(bpmn(around(task('T', ''))));
      expect(validateDefinition(parsed)).toEqual([]);
      expect(definitionWarnings(parsed)).toEqual([{ elementId: 'T', message: expect.stringMatching(/no candidate roles: only administrators may claim/) }]);
    });

    it('rejects business rule tasks without a rule set; a rule set not deployed yet or no result variable is only a warning', async () => {
      await expectIssue(around('<bpmn:businessRuleTask id="T" aimsflow:resultVariable="r"/>'), 'T', /needs a rule set/);
      // BPMN knows no result variables: without one the decision is evaluated and recorded, and no variable holds it.
      const unkept = await parseProcess(bpmn(around('<bpmn:businessRuleTask id="T" aimsflow:ruleSet="risk"/>')));
      expect(validateDefinition(unkept, known)).toEqual([]);
      expect(definitionWarnings(unkept, { knownRuleSets: new Set(['risk']) })).toEqual([
        { elementId: 'T', message: expect.stringMatching(/^business rule task has no result variable: its decision is evaluated and recorded/) },
      ]);
      // Resolved when an instance reaches the task (as Camunda does): deploying warns, it does not refuse.
      const parsed = await parseProcess(bpmn(around('<bpmn:businessRuleTask id="T" aimsflow:ruleSet="nope" aimsflow:resultVariable="r"/>')));
      expect(validateDefinition(parsed, known)).toEqual([]);
      expect(definitionWarnings(parsed, { knownRuleSets: new Set(['risk']) })).toEqual([
        {
          elementId: 'T',
          message: 'rule set "nope" does not exist yet: deploy it before an instance reaches this task, or the step raises an incident',
        },
      ]);
      expect(definitionWarnings(parsed, { knownRuleSets: new Set(['nope']) })).toEqual([]);
      // A DMN decision id that no rule set can have as its key.
      const decision = await parseProcess(bpmn(around('<bpmn:businessRuleTask id="T" aimsflow:ruleSet="BazDecision" aimsflow:resultVariable="r"/>')));
      expect(definitionWarnings(decision, { knownRuleSets: new Set() })).toEqual([
        {
          elementId: 'T',
          message:
            'rule set "BazDecision" does not exist, and no rule set can have that key (keys are lowercase words joined by "-"): name one that can exist, or every instance reaching this task raises an incident',
        },
      ]);
      // Without a registry the rule set key is not checked.
      expect(definitionWarnings(parsed)).toEqual([]);
    });

    it('rejects service tasks with an unknown handler', async () => {
      await expectIssue(around('<bpmn:serviceTask id="T" aimsflow:handler="launchRockets"/>'), 'T', /unknown service task handler "launchRockets"/);
    });

    it('rejects call activities without a called process', async () => {
      await expectIssue(around('<bpmn:callActivity id="T"/>'), 'T', /needs the key of the process to call/);
    });

    it('rejects segregation of duties that names something other than a user task or the initiator', async () => {
      await expectIssue(around(task('T', 'aimsflow:candidateRoles="r" aimsflow:separateFrom="initiator,Ghost"')), 'T', /separateFrom names "Ghost"/);
    });

    it('rejects unknown aimsflow attributes and malformed form fields', async () => {
      await expectIssue(around(task('T', 'aimsflow:candidateRoles="r" aimsflow:candidateRole="x"')), 'T', /unknown attribute aimsflow:candidateRole/);
      const form = (field: string): string => around(task('T', 'aimsflow:candidateRoles="r"', `<bpmn:extensionElements>${field}</bpmn:extensionElements>`));
      await expectIssue(form('<aimsflow:formField name="x" type="money"/>'), 'T', /unknown type "money"/);
      await expectIssue(form('<aimsflow:formField name="x" type="enum"/>'), 'T', /needs values/);
      await expectIssue(form('<aimsflow:formField type="string"/>'), 'T', /needs a name/);
    });
  });

  describe('expressions and timers', () => {
    const around = (t: string): string => S + t + E + chain('S', 'T', 'E');
    const catchTimer = (definition: string): string => around(`<bpmn:intermediateCatchEvent id="T">${definition}</bpmn:intermediateCatchEvent>`);

    it('rejects FEEL that does not parse, naming where', async () => {
      await expectIssue(
        S +
          '<bpmn:exclusiveGateway id="G" default="G_B"/><bpmn:endEvent id="A"/><bpmn:endEvent id="B"/>' +
          flow('S', 'G') +
          flow('G', 'A', 'score >') +
          flow('G', 'B'),
        'G_A',
        /condition "score >" is not valid FEEL/,
      );
      await expectIssue(around(task('T', 'aimsflow:candidateRoles="r" aimsflow:dueDate="=addDays("')), 'T', /due date .* is not valid FEEL/);
      await expectIssue(around(task('T', 'aimsflow:candidateRoles="=role +"')), 'T', /candidate roles .* is not valid FEEL/);
      await expectIssue(catchTimer(timer('timeDuration', '=interval +')), 'T', /timer expression .* is not valid FEEL/);
      await expectIssue(
        around(task('T', 'aimsflow:candidateRoles="r"', '<bpmn:multiInstanceLoopCharacteristics aimsflow:collection="[1,"/>')),
        'T',
        /multi-instance collection .* is not valid FEEL/,
      );
    });

    it('points Camunda 7 JUEL expressions at FEEL', async () => {
      await expectIssue(
        S +
          '<bpmn:exclusiveGateway id="G" default="G_B"/><bpmn:endEvent id="A"/><bpmn:endEvent id="B"/>' +
          flow('S', 'G') +
          flow('G', 'A', '${approved}') +
          flow('G', 'B'),
        'G_A',
        /JUEL expression; write FEEL/,
      );
    });

    it('rejects timers that are not ISO 8601', async () => {
      await expectIssue(catchTimer(timer('timeDuration', 'P3X')), 'T', /not an ISO 8601 duration/);
      await expectIssue(catchTimer(timer('timeDate', 'next monday')), 'T', /not an ISO 8601 date-time/);
      await expectIssue(catchTimer(timer('timeDate', '2027-01-01T00:00:00')), 'T', /not an ISO 8601 date-time with offset/);
      await expectIssue(around(task('T', 'aimsflow:candidateRoles="r" aimsflow:dueDate="soon"')), 'T', /due date "soon" is neither/);
      await expectIssue(catchTimer('<bpmn:timerEventDefinition/>'), 'T', /exactly one of timeDuration, timeDate or timeCycle/);
      await expectIssue(catchTimer(timer('timeCycle', 'R3/P1D')), 'T', /intermediate timer event cannot use a time cycle/);
      await expectIssue(
        '<bpmn:startEvent id="X">' + timer('timeCycle', 'R0/P1D') + '</bpmn:startEvent>' + task('T') + E + chain('X', 'T', 'E'),
        'X',
        /not an ISO 8601 repeating interval/,
      );
    });
  });

  describe('boundary timers', () => {
    const withBoundary = (boundary: string, path = ''): string => S + task('T') + E + chain('S', 'T', 'E') + boundary + path;

    it('rejects a cycle on an interrupting boundary timer', async () => {
      await expectIssue(
        withBoundary(`<bpmn:boundaryEvent id="B" attachedToRef="T">${timer('timeCycle', 'R2/P1D')}</bpmn:boundaryEvent>`, flow('B', 'E')),
        'B',
        /time cycle is only supported on non-interrupting/,
      );
    });

    it('rejects a boundary timer on a task that cannot carry one', async () => {
      const body =
        S +
        '<bpmn:exclusiveGateway id="T"/>' +
        E +
        chain('S', 'T', 'E') +
        `<bpmn:boundaryEvent id="B" attachedToRef="T">${timer('timeDuration', 'P1D')}</bpmn:boundaryEvent>` +
        flow('B', 'E');
      await expectIssue(body, 'B', /only supported on activities/);
    });

    it('rejects a reminder path that waits or rejoins the main flow', async () => {
      const reminder = `<bpmn:boundaryEvent id="B" attachedToRef="T" cancelActivity="false">${timer('timeDuration', 'P1D')}</bpmn:boundaryEvent>`;
      await expectIssue(
        withBoundary(reminder, task('U') + '<bpmn:endEvent id="E2"/>' + chain('B', 'U', 'E2')),
        'U',
        /cannot be on the path of non-interrupting boundary event B/,
      );
      await expectIssue(withBoundary(reminder, flow('B', 'T')), 'T', /reached from the main flow and from the path of non-interrupting boundary event B/);
    });
  });

  it('reports every issue, not just the first', async () => {
    const issues = await issuesOf(
      S +
        task('T', 'aimsflow:candidateRoles="r" aimsflow:dueDate="soon"') +
        '<bpmn:scriptTask id="X"/>' +
        '<bpmn:serviceTask id="Y" aimsflow:handler="launchRockets"/>' +
        E +
        chain('S', 'T', 'X', 'Y', 'E'),
    );
    expect(issues.map((i) => i.elementId)).toEqual(expect.arrayContaining(['T', 'X', 'Y']));
    expect(issues.length).toBeGreaterThanOrEqual(3);
  });

  it('makes compileProcess refuse an invalid definition with the same issues', async () => {
    const parsed = await parseProcess(bpmn(S + task('T', 'aimsflow:candidateRoles="r" aimsflow:dueDate="soon"') + E + chain('S', 'T', 'E')));
    expect(() => compileProcess(parsed)).toThrow(ProcessValidationError);
    try {
      compileProcess(parsed);
    } catch (err) {
      expect((err as ProcessValidationError).issues).toEqual(validateDefinition(parsed));
    }
  });
});
