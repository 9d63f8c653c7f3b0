import { jest } from '@jest/globals';
import { compileProcess } from './compile.js';
import { UnresolvedLinkError } from './errors.js';
import { parseProcess } from './parse.js';
import type { EngineHooks } from './runner.js';
import { Driver, fakeHooks } from './spec-helpers.js';
import { definitionWarnings, validateDefinition } from './validate.js';

/** A Camunda 8 document as Camunda Modeler draws one that links a decision and forms deployed separately. */
function zeebe(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  id="Defs" targetNamespace="https://aimsflow.dev/test">
  <bpmn:process id="linked" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

const flows = (...ids: string[]): string =>
  ids
    .slice(1)
    .map((id, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="${ids[i]}" targetRef="${id}"/>`)
    .join('');

const linkedTask = (id: string, formId: string, loop = ''): string =>
  `<bpmn:userTask id="${id}"><bpmn:extensionElements><zeebe:userTask/><zeebe:formDefinition formId="${formId}"/>
   <zeebe:assignmentDefinition candidateGroups="reviewer"/></bpmn:extensionElements>${loop}</bpmn:userTask>`;

async function compile(xml: string) {
  const parsed = await parseProcess(xml);
  expect(validateDefinition(parsed, { knownHandlers: new Set() })).toEqual([]);
  return { parsed, compiled: compileProcess(parsed) };
}

const MISSING = new UnresolvedLinkError({ kind: 'ruleSet', key: 'baz-decision' }, 'does not exist: create it, then retry this incident');

describe('a rule set linked by a business rule task, resolved when an instance reaches it', () => {
  const body =
    `<bpmn:startEvent id="S"/><bpmn:businessRuleTask id="Rate"><bpmn:extensionElements>
       <zeebe:calledDecision decisionId="baz-decision" resultVariable="rating"/></bpmn:extensionElements></bpmn:businessRuleTask>
     <bpmn:userTask id="Review"/><bpmn:endEvent id="E"/>` + flows('S', 'Rate', 'Review', 'E');

  it('deploys with a warning; a missing rule set holds the task with an incident naming it until a retry evaluates it', async () => {
    const { parsed, compiled } = await compile(zeebe(body));
    expect(definitionWarnings(parsed, { knownRuleSets: new Set() })).toContainEqual({
      elementId: 'Rate',
      message: 'rule set "baz-decision" does not exist yet: deploy it before an instance reaches this task, or the step raises an incident',
    });

    const hooks = fakeHooks();
    hooks.evaluateRuleSet.mockRejectedValueOnce(MISSING);
    const d = await Driver.start(compiled, {}, hooks);
    expect(d.last).toMatchObject({ status: 'active', activeElementIds: ['Rate'], waits: [], held: ['Rate'] });
    expect(d.last.incidents).toEqual([
      {
        elementId: 'Rate',
        waitKey: expect.any(String),
        message: 'business rule task Rate evaluates rule set "baz-decision", which does not exist: create it, then retry this incident',
        missing: { kind: 'ruleSet', key: 'baz-decision' },
      },
    ]);
    await expect(d.send({ type: 'incident.retry', elementId: 'Review' })).rejects.toMatchObject({ code: 'WAIT_NOT_FOUND' });

    // Still missing on the retry: held again, with a new incident.
    hooks.evaluateRuleSet.mockRejectedValueOnce(MISSING);
    expect((await d.send({ type: 'incident.retry', elementId: 'Rate' })).incidents).toHaveLength(1);
    expect(d.last.activeElementIds).toEqual(['Rate']);

    hooks.evaluateRuleSet.mockResolvedValueOnce({ result: 'high', decisionId: 'd-1' });
    const retried = await d.send({ type: 'incident.retry', elementId: 'Rate' });
    expect(retried.incidents).toBeUndefined();
    expect(retried.held).toBeUndefined();
    expect(retried).toMatchObject({ activeElementIds: ['Review'], variables: { rating: 'high' } });
    expect(retried.steps.map((s) => s.event)).toEqual(['bpmn.retry', 'rule.result']);
    expect(hooks.evaluateRuleSet).toHaveBeenCalledTimes(3);
    expect((await d.complete('Review')).status).toBe('completed');
  });

  it('any other failure of the evaluation still fails the step', async () => {
    const { compiled } = await compile(zeebe(body));
    const hooks = fakeHooks();
    hooks.evaluateRuleSet.mockRejectedValueOnce(new Error('facts do not match'));
    await expect(Driver.start(compiled, {}, hooks)).rejects.toThrow('facts do not match');
  });
});

describe('a form linked by a user task, resolved when the task opens', () => {
  const storedForms = (...ids: string[]) => {
    const stored = new Set(ids);
    return jest.fn<NonNullable<EngineHooks['storedForms']>>(async (formIds) => new Set(formIds.filter((id) => stored.has(id))));
  };

  it('deploys with a warning; a task opening while its form is missing is held by an incident, and a retry opens it', async () => {
    const { parsed, compiled } = await compile(
      zeebe(`<bpmn:startEvent id="S"/>${linkedTask('Inspect', 'invoice-form')}${linkedTask('Approve', 'invoice-form')}<bpmn:endEvent id="E"/>
        ${flows('S', 'Inspect', 'Approve', 'E')}`),
    );
    expect(definitionWarnings(parsed, { knownForms: new Set() })).toContainEqual({
      elementId: 'Inspect',
      message: 'linked form "invoice-form" does not exist yet: store it (POST /forms) before an instance reaches this task, or the step raises an incident',
    });

    const hooks = { ...fakeHooks(), storedForms: storedForms() };
    const d = await Driver.start(compiled, {}, hooks);
    expect(d.last).toMatchObject({ status: 'active', activeElementIds: ['Inspect'], waits: [] });
    expect(d.last.incidents).toEqual([
      {
        elementId: 'Inspect',
        waitKey: expect.any(String),
        message: 'user task Inspect links form "invoice-form", which does not exist: store it (POST /forms), then retry this incident',
        missing: { kind: 'form', key: 'invoice-form' },
      },
    ]);
    expect(hooks.storedForms).toHaveBeenCalledWith(['invoice-form']);

    hooks.storedForms = storedForms('invoice-form');
    const retried = await d.send({ type: 'incident.retry', elementId: 'Inspect' });
    expect(retried.incidents).toBeUndefined();
    expect(d.wait('Inspect')).toMatchObject({ kind: 'userTask', camundaForm: { kind: 'linked', formId: 'invoice-form' } });
    // Only tasks a step opens are checked: the next one when it opens.
    await d.complete('Inspect');
    expect(hooks.storedForms.mock.calls).toEqual([[['invoice-form']], [['invoice-form']]]);
    expect(d.wait('Approve')).toMatchObject({ camundaForm: { kind: 'linked', formId: 'invoice-form' } });
  });

  it('holds a multi-instance task with one incident for all its items; the retry opens every item', async () => {
    const loop = `<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements>
      <zeebe:loopCharacteristics inputCollection="=reviewers" inputElement="reviewer"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>`;
    const { compiled } = await compile(
      zeebe(`<bpmn:startEvent id="S"/>${linkedTask('Vote', 'vote-form', loop)}<bpmn:endEvent id="E"/>${flows('S', 'Vote', 'E')}`),
    );
    const hooks = { ...fakeHooks(), storedForms: storedForms() };
    const d = await Driver.start(compiled, { reviewers: ['ann', 'bob'] }, hooks);
    expect(d.last.waits).toEqual([]);
    expect(d.last.incidents?.map((i) => [i.elementId, i.missing])).toEqual([['Vote', { kind: 'form', key: 'vote-form' }]]);
    hooks.storedForms = storedForms('vote-form');
    await d.send({ type: 'incident.retry', elementId: 'Vote' });
    expect(d.waits.map((w) => w.kind === 'userTask' && w.item?.value)).toEqual(['ann', 'bob']);
  });

  it('without the hook every linked form is taken as stored', async () => {
    const { compiled } = await compile(
      zeebe(`<bpmn:startEvent id="S"/>${linkedTask('Inspect', 'invoice-form')}<bpmn:endEvent id="E"/>${flows('S', 'Inspect', 'E')}`),
    );
    const d = await Driver.start(compiled, {}, fakeHooks());
    expect(d.wait('Inspect')).toMatchObject({ kind: 'userTask' });
  });
});
