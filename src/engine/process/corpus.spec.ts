import { parseProcess } from './parse.js';

/** Constructs met in the BPMN corpus (test/fixtures/bpmn/corpus), each reduced to a minimal document. */
const c7 = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="Defs" targetNamespace="https://aimsflow.dev/test">
  <bpmn:process id="corpus" isExecutable="true">
    <bpmn:startEvent id="Start"/>${body}
    <bpmn:endEvent id="End"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('Camunda 7 extensions nobody reads are ignored with a warning, whatever they contain', () => {
  it('a connector with its own input/output and a retry cycle body', async () => {
    const parsed = await parseProcess(
      c7(`<bpmn:task id="Mail">
        <bpmn:extensionElements>
          <camunda:connector>
            <camunda:inputOutput><camunda:inputParameter name="to"/></camunda:inputOutput>
            <camunda:connectorId>send-email</camunda:connectorId>
          </camunda:connector>
          <camunda:failedJobRetryTimeCycle>R3/PT10M</camunda:failedJobRetryTimeCycle>
        </bpmn:extensionElements>
      </bpmn:task>
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Mail"/>
      <bpmn:sequenceFlow id="F2" sourceRef="Mail" targetRef="End"/>`),
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        '<camunda:connector> is ignored: it has no meaning in aimsflow',
        '<camunda:failedJobRetryTimeCycle> is ignored: it has no meaning in aimsflow',
        expect.stringMatching(/^<camunda:inputOutput> is ignored: it has no meaning in aimsflow \(line \d+, column \d+\)$/),
      ]),
    );
  });
});
