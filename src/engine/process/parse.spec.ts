import { ProcessParseError } from './errors.js';
import type { CallActivityElement, ParsedElement, UserTaskElement } from './model.js';
import { parseProcess, parseProcesses } from './parse.js';
import { bpmn, fixture } from './spec-helpers.js';
import { validateDefinition } from './validate.js';

function element<T extends ParsedElement>(elements: ParsedElement[], id: string): T {
  const found = elements.find((e) => e.id === id);
  if (!found) throw new Error(`no element ${id}`);
  return found as T;
}

async function parseError(xml: string): Promise<ProcessParseError> {
  try {
    await parseProcess(xml);
  } catch (err) {
    if (err instanceof ProcessParseError) return err;
    throw err;
  }
  throw new Error('expected a ProcessParseError');
}

describe('parseProcess', () => {
  it('normalises a process: key, title, documentation, elements in document order, flows with FEEL without "="', async () => {
    const p = await parseProcess(fixture('review-loop.bpmn'));
    expect(p.key).toBe('review-loop');
    expect(p.name).toBe('Document review');
    expect(p.documentation).toBe('Draft, review, approve or send back.');
    expect(p.uniquePerSubject).toBe(false);
    expect(p.issues).toEqual([]);
    expect(p.elements.map((e) => [e.id, e.kind])).toEqual([
      ['Start', 'startEvent'],
      ['Draft', 'userTask'],
      ['Review', 'userTask'],
      ['Decision', 'exclusiveGateway'],
      ['Escalate', 'userTask'],
      ['End_approved', 'endEvent'],
      ['End_escalated', 'endEvent'],
    ]);
    expect(element(p.elements, 'Draft')).toEqual({
      id: 'Draft',
      type: 'bpmn:UserTask',
      name: 'Draft the document',
      documentation: 'Write or revise the document.',
      incoming: ['Flow_start', 'Flow_rejected'],
      outgoing: ['Flow_review'],
      kind: 'userTask',
      candidateRoles: 'ai_owner, governance',
      dueDate: 'P5D',
      form: [
        { name: 'summary', type: 'string', required: true, label: 'Summary' },
        { name: 'pages', type: 'integer', required: false },
      ],
      separateFrom: [],
    });
    expect(element(p.elements, 'Decision')).toMatchObject({ kind: 'exclusiveGateway', defaultFlow: 'Flow_escalate' });
    expect(p.flows.find((f) => f.id === 'Flow_approved')?.condition).toBe('outcome = "approved"');
    expect(p.flows.find((f) => f.id === 'Flow_rejected')?.condition).toBe('outcome = "rejected"');
  });

  describe('rejects what is not BPMN', () => {
    it.each([
      ['plain text', 'not xml at all', /not a BPMN 2.0 document/],
      ['an empty document', '', /not a BPMN 2.0 document/],
      ['another XML vocabulary', '<?xml version="1.0"?><html><body/></html>', /not a BPMN 2.0 document/],
      [
        'malformed XML',
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P"><bpmn:userTask id="x"></bpmn:process></bpmn:definitions>',
        /closing tag mismatch/,
      ],
    ])('%s', async (_name, xml, message) => {
      const err = await parseError(xml);
      expect(err.issues).toEqual([{ message: expect.stringMatching(message) }]);
    });

    it('refuses a DOCTYPE or ENTITY declaration before any XML parser sees it', async () => {
      const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x"><bpmn:process id="P" isExecutable="true" name="&lol2;"/></bpmn:definitions>`;
      const external = `<!doctype x SYSTEM "file:///etc/passwd"><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"/>`;
      for (const xml of [laughs, external]) expect((await parseError(xml)).issues).toEqual([{ message: expect.stringMatching(/DOCTYPE or ENTITY/) }]);
    });

    it('requires an executable process; without a key, exactly one', async () => {
      const none = await parseError(
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x"><bpmn:process id="P" isExecutable="false"/></bpmn:definitions>',
      );
      expect(none.issues).toEqual([{ message: 'expected at least one executable process (isExecutable="true"), found 0' }]);
      const twoXml =
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x"><bpmn:process id="P1" isExecutable="true"/><bpmn:process id="P2" isExecutable="true"/></bpmn:definitions>';
      expect((await parseError(twoXml)).issues[0].message).toMatch(/exactly one executable process .* found 2: P1, P2/);
      await expect(parseProcess(twoXml, 'P3')).rejects.toThrow('no executable process "P3" in the document');
      await expect(parseProcesses(twoXml.replace(/isExecutable="true"/g, 'isExecutable="false"'))).rejects.toThrow(/found 0/);
      const many = Array.from({ length: 21 }, (_, i) => `<bpmn:process id="P${i}" isExecutable="true"/>`).join('');
      await expect(parseProcesses(twoXml.replace(/<bpmn:process .*<\/bpmn:definitions>/, `${many}</bpmn:definitions>`))).rejects.toThrow(
        'found 21 executable processes; one file may hold at most 20 (split it into several files)',
      );
    });
  });

  it('reads the executable pool of a collaboration and ignores lanes, other pools, data objects and annotations', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0" id="D" targetNamespace="x">
  <bpmn:collaboration id="C">
    <bpmn:participant id="Pool_org" processRef="P"/>
    <bpmn:participant id="Pool_supplier" processRef="Supplier"/>
    <bpmn:messageFlow id="MF" sourceRef="Pool_supplier" targetRef="T"/>
  </bpmn:collaboration>
  <bpmn:process id="P" isExecutable="true">
    <bpmn:laneSet id="LS"><bpmn:lane id="L1"><bpmn:flowNodeRef>S</bpmn:flowNodeRef><bpmn:flowNodeRef>T</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="S"/><bpmn:userTask id="T" aimsflow:candidateRoles="r"/><bpmn:endEvent id="E"/>
    <bpmn:dataObjectReference id="DOR" dataObjectRef="DO"/><bpmn:dataObject id="DO"/>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E"/>
    <bpmn:textAnnotation id="Note"><bpmn:text>Ask the DPO</bpmn:text></bpmn:textAnnotation>
    <bpmn:association id="A" sourceRef="T" targetRef="Note"/>
  </bpmn:process>
  <bpmn:process id="Supplier" isExecutable="false"><bpmn:task id="Unsupported_but_not_executed"/></bpmn:process>
</bpmn:definitions>`;
    const p = await parseProcess(xml);
    expect(p.key).toBe('P');
    expect(p.elements.map((e) => e.id)).toEqual(['S', 'T', 'E']);
    expect(validateDefinition(p)).toEqual([]);
  });

  describe('a document with several executable processes (a collaboration)', () => {
    const collaboration = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0" id="D" targetNamespace="x">
  <bpmn:collaboration id="C">
    <bpmn:participant id="Pool_intake" processRef="intake"/>
    <bpmn:participant id="Pool_review" processRef="review"/>
    <bpmn:participant id="Pool_other" processRef="other"/>
  </bpmn:collaboration>
  <bpmn:message id="Msg" name="received" aimsflow:typo="x"/>
  <bpmn:process id="intake" name="Intake" isExecutable="true">
    <bpmn:startEvent id="S1"/><bpmn:endEvent id="E1"/>
    <bpmn:sequenceFlow id="f1" sourceRef="S1" targetRef="E1"/>
  </bpmn:process>
  <bpmn:process id="other" isExecutable="false"><bpmn:complexGateway id="Never_read"/></bpmn:process>
  <bpmn:process id="review" name="Review" isExecutable="true">
    <bpmn:startEvent id="S2"/><bpmn:userTask id="T2" aimsflow:candidateRoles="dpo" aimsflow:dueDat="P1D"/><bpmn:endEvent id="E2"/>
    <bpmn:sequenceFlow id="f2" sourceRef="S2" targetRef="T2"/><bpmn:sequenceFlow id="f3" sourceRef="T2" targetRef="E2"/>
  </bpmn:process>
</bpmn:definitions>`;

    it('yields every executable process in document order, each with its own elements; non-executable ones are ignored', async () => {
      const processes = await parseProcesses(collaboration);
      expect(processes.map((p) => [p.key, p.name, p.elements.map((e) => e.id)])).toEqual([
        ['intake', 'Intake', ['S1', 'E1']],
        ['review', 'Review', ['S2', 'T2', 'E2']],
      ]);
    });

    it("gives each process the issues of its own elements, and the document's to the first", async () => {
      const [intake, review] = await parseProcesses(collaboration);
      expect(intake.issues).toEqual([{ elementId: 'Msg', message: 'unknown attribute aimsflow:typo' }]);
      expect(review.issues).toEqual([{ elementId: 'T2', message: 'unknown attribute aimsflow:dueDat' }]);
    });

    it('reads one of them by key, as the definition cache does', async () => {
      const review = await parseProcess(collaboration, 'review');
      expect(review.key).toBe('review');
      expect(review.elements.map((e) => e.id)).toEqual(['S2', 'T2', 'E2']);
      await expect(parseProcess(collaboration, 'other')).rejects.toThrow('no executable process "other"');
    });

    it('reads a single-process document the same through both', async () => {
      expect(await parseProcesses(fixture('review-loop.bpmn'))).toEqual([await parseProcess(fixture('review-loop.bpmn'))]);
    });
  });

  it('reads every aimsflow extension, whatever prefix the document uses', async () => {
    const xml = bpmn(
      `<bpmn:startEvent id="S"/>
      <bpmn:userTask id="T" af:candidateRoles="dpo,risk_officer" af:dueDate="=due" af:separateFrom="Draft, initiator">
        <bpmn:extensionElements>
          <af:formField name="level" type="enum" values="low, high" required="true" label="Level"/>
          <af:formField name="tags" type="array"/>
        </bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics af:collection="=approvers" af:elementVariable="approver" af:outputCollection="votes" af:outputElement="=vote"/>
      </bpmn:userTask>
      <bpmn:businessRuleTask id="R" af:ruleSet="risk" af:resultVariable="risk"/>
      <bpmn:serviceTask id="H" af:handler="notify"/>
      <bpmn:callActivity id="C" calledElement="child" af:collection="items">
        <bpmn:extensionElements><af:in source="=a + 1" target="b"/><af:out source="c" target="d"/></bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics/>
      </bpmn:callActivity>
      <bpmn:intermediateCatchEvent id="M" af:correlationKey="=systemId"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:intermediateCatchEvent>`,
      'af:uniquePerSubject="true"',
    )
      .replace('xmlns:aimsflow=', 'xmlns:af=')
      .replace('<bpmn:process', '<bpmn:message id="Msg" name="evidence"/><bpmn:process');
    const p = await parseProcess(xml);
    expect(p.issues).toEqual([]);
    expect(p.uniquePerSubject).toBe(true);
    expect(element<UserTaskElement>(p.elements, 'T')).toMatchObject({
      candidateRoles: 'dpo,risk_officer',
      dueDate: '=due',
      separateFrom: ['Draft', 'initiator'],
      form: [
        { name: 'level', type: 'enum', required: true, label: 'Level', values: ['low', 'high'] },
        { name: 'tags', type: 'array', required: false },
      ],
      multiInstance: { collection: 'approvers', elementVariable: 'approver', outputCollection: 'votes', outputElement: 'vote' },
    });
    expect(element(p.elements, 'R')).toMatchObject({ ruleSet: 'risk', resultVariable: 'risk' });
    expect(element(p.elements, 'H')).toMatchObject({ handler: 'notify' });
    expect(element<CallActivityElement>(p.elements, 'C')).toMatchObject({
      calledElement: 'child',
      mapping: { allIn: false, allOut: false, inputs: [{ source: 'a + 1', target: 'b' }], outputs: [{ source: 'c', target: 'd' }] },
      multiInstance: { collection: 'items' },
    });
    expect(element(p.elements, 'M')).toMatchObject({ kind: 'messageCatch', messageName: 'evidence', correlationKey: '=systemId' });
  });

  it('passes all variables both ways through a call activity without mappings', async () => {
    const p = await parseProcess(bpmn('<bpmn:callActivity id="C" calledElement="child"/>'));
    expect(element<CallActivityElement>(p.elements, 'C').mapping).toEqual({ allIn: true, allOut: true, inputs: [], outputs: [] });
  });

  it('reads Camunda 7 attributes and ignores the Camunda extensions it does not execute', async () => {
    const p = await parseProcess(fixture('camunda-modeler-c7.bpmn'));
    expect(p.issues).toEqual([]);
    expect(element<UserTaskElement>(p.elements, 'Activity_approve')).toMatchObject({
      candidateRoles: 'procurement,dpo',
      dueDate: 'P3D',
      multiInstance: { collection: 'suppliers', elementVariable: 'supplier' },
    });
    expect(element(p.elements, 'Activity_rate')).toMatchObject({ ruleSet: 'supplier-risk', resultVariable: 'supplierRisk' });
    expect(element<CallActivityElement>(p.elements, 'Activity_dpia')).toMatchObject({
      calledElement: 'dpia',
      mapping: { allIn: false, allOut: true, inputs: [{ source: 'supplierRisk', target: 'risk' }], outputs: [] },
    });
    const formData = await parseProcess(
      bpmn(
        '<bpmn:userTask id="T" camunda:candidateGroups="a"><bpmn:extensionElements><camunda:formData><camunda:formField id="x"/></camunda:formData></bpmn:extensionElements></bpmn:userTask>',
      ).replace('xmlns:aimsflow=', 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:aimsflow='),
    );
    expect(formData.issues).toEqual([]);
    const external = await parseProcess(
      bpmn('<bpmn:serviceTask id="H" camunda:type="external" camunda:topic="notify"/>').replace(
        'xmlns:aimsflow=',
        'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:aimsflow=',
      ),
    );
    expect(element(external.elements, 'H')).toMatchObject({ jobType: 'notify' });
  });

  it('reads Camunda 8 (zeebe) extension elements', async () => {
    const xml = bpmn(
      `<bpmn:userTask id="T">
        <bpmn:extensionElements>
          <zeebe:userTask/><zeebe:formDefinition formId="f"/>
          <zeebe:assignmentDefinition assignee="ann" candidateGroups="=roles"/>
          <zeebe:taskSchedule dueDate="2027-01-01T00:00:00Z"/>
        </bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics isSequential="true">
          <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="results" outputElement="=result"/></bpmn:extensionElements>
          <bpmn:completionCondition>=numberOfCompletedInstances &gt;= 2</bpmn:completionCondition>
        </bpmn:multiInstanceLoopCharacteristics>
      </bpmn:userTask>
      <bpmn:businessRuleTask id="R"><bpmn:extensionElements><zeebe:calledDecision decisionId="risk" resultVariable="risk"/></bpmn:extensionElements></bpmn:businessRuleTask>
      <bpmn:serviceTask id="H"><bpmn:extensionElements><zeebe:taskDefinition type="notify" retries="3"/></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:callActivity id="C"><bpmn:extensionElements>
        <zeebe:calledElement processId="child" propagateAllChildVariables="false"/>
        <zeebe:ioMapping><zeebe:input source="=systemId" target="subject"/><zeebe:output source="=score" target="childScore"/></zeebe:ioMapping>
      </bpmn:extensionElements></bpmn:callActivity>
      <bpmn:intermediateCatchEvent id="M"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:intermediateCatchEvent>`,
    )
      .replace('xmlns:aimsflow=', 'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:aimsflow=')
      .replace(
        '<bpmn:process',
        '<bpmn:message id="Msg" name="evidence"><bpmn:extensionElements><zeebe:subscription correlationKey="=systemId"/></bpmn:extensionElements></bpmn:message><bpmn:process',
      );
    const p = await parseProcess(xml);
    expect(p.issues).toEqual([]);
    expect(element(p.elements, 'T')).toMatchObject({
      candidateRoles: '=roles',
      dueDate: '2027-01-01T00:00:00Z',
      multiInstance: {
        collection: 'items',
        elementVariable: 'item',
        outputCollection: 'results',
        outputElement: 'result',
        sequential: true,
        completionCondition: 'numberOfCompletedInstances >= 2',
      },
    });
    expect(element(p.elements, 'R')).toMatchObject({ ruleSet: 'risk', resultVariable: 'risk' });
    expect(element(p.elements, 'H')).toMatchObject({ jobType: 'notify', retries: 3 });
    expect(element(p.elements, 'C')).toMatchObject({
      calledElement: 'child',
      mapping: { allIn: true, allOut: false, inputs: [{ source: 'systemId', target: 'subject' }], outputs: [{ source: 'score', target: 'childScore' }] },
    });
    expect(element(p.elements, 'M')).toMatchObject({ correlationKey: '=systemId' });
  });
});
