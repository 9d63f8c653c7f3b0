import { parseProcess } from './parse.js';
import { deploy, Driver, fakeHooks, fixture } from './spec-helpers.js';
import { validateDefinition } from './validate.js';

const T0 = '2026-01-15T09:00:00.000Z';

describe('files drawn by Camunda Modeler deploy unchanged', () => {
  it('Camunda 8 (zeebe): user tasks, exclusive gateway, "=" FEEL, a boundary and an intermediate timer, diagram section', async () => {
    const xml = fixture('camunda-modeler-c8.bpmn');
    const parsed = await parseProcess(xml);
    expect(parsed).toMatchObject({ key: 'model-card-review', name: 'Model card review', issues: [] });
    expect(validateDefinition(parsed, { knownHandlers: new Set(['notify']) })).toEqual([]);

    const hooks = fakeHooks(T0);
    const d = await Driver.start(await deploy(xml), { reviewDue: '2026-01-20T17:00:00Z', publicationDelay: 'P1D' }, hooks);
    expect(d.waits).toEqual([
      {
        kind: 'userTask',
        key: 'Activity_review:1',
        elementId: 'Activity_review',
        name: 'Review model card',
        candidateRoles: ['risk_officer', 'dpo'],
        dueAt: '2026-01-20T17:00:00.000Z',
        form: [],
        camundaForm: { kind: 'linked', formId: 'model-card-review-form' },
        separateFrom: [],
      },
      {
        kind: 'timer',
        key: 'Event_reviewOverdue:1',
        elementId: 'Event_reviewOverdue',
        dueAt: '2026-01-17T09:00:00.000Z',
        boundary: { attachedTo: 'Activity_review', interrupting: false },
      },
    ]);

    await d.fire('Event_reviewOverdue');
    expect(hooks.callHandler).toHaveBeenCalledWith('notify', expect.any(Object), { elementId: 'Activity_remind' });
    expect(d.waits.map((w) => w.key)).toEqual(['Activity_review:1']);

    await d.complete('Activity_review', { approved: false }, 'rita');
    expect(d.waits.map((w) => w.key)).toEqual(['Activity_rework:1']);
    await d.complete('Activity_rework', {}, 'otto');
    expect(d.waits.map((w) => w.key)).toEqual(['Activity_review:2', 'Event_reviewOverdue:2']);

    await d.complete('Activity_review', { approved: true }, 'rita');
    expect(d.waits).toEqual([{ kind: 'timer', key: 'Event_publishDelay:1', elementId: 'Event_publishDelay', dueAt: '2026-01-16T09:00:00.000Z' }]);
    await d.fire('Event_publishDelay');
    expect(d.last.status).toBe('completed');
    expect(d.last.completedBy).toEqual({ Activity_review: ['rita'], Activity_rework: ['otto'] }); // each completer once
  });

  it('Camunda 7: candidate groups, due date, multi-instance collection, decision reference and call activity mappings', async () => {
    const hooks = fakeHooks(T0);
    hooks.evaluateRuleSet.mockResolvedValue({ result: 'medium', decisionId: 'd-7' });
    const def = await deploy(fixture('camunda-modeler-c7.bpmn'));
    const d = await Driver.start(def, { suppliers: ['acme', 'globex'] }, hooks);
    expect(d.waits.map((w) => (w.kind === 'userTask' ? [w.key, w.candidateRoles, w.dueAt, w.item?.value] : []))).toEqual([
      ['Activity_approve:1/0', ['procurement', 'dpo'], '2026-01-18T09:00:00.000Z', 'acme'],
      ['Activity_approve:1/1', ['procurement', 'dpo'], '2026-01-18T09:00:00.000Z', 'globex'],
    ]);
    await d.send({ type: 'task.complete', waitKey: 'Activity_approve:1/0', completedBy: 'pat' });
    await d.send({ type: 'task.complete', waitKey: 'Activity_approve:1/1', completedBy: 'sam' });
    expect(hooks.evaluateRuleSet).toHaveBeenCalledWith('supplier-risk', { suppliers: ['acme', 'globex'] }, { elementId: expect.any(String) });
    expect(d.waits).toEqual([{ kind: 'child', key: 'Activity_dpia:1', elementId: 'Activity_dpia', processKey: 'dpia', variables: { risk: 'medium' } }]);
    await d.send({ type: 'child.complete', waitKey: 'Activity_dpia:1', variables: { dpiaOutcome: 'ok' } });
    expect(d.last.status).toBe('completed');
    expect(d.last.variables).toEqual({ suppliers: ['acme', 'globex'], supplierRisk: 'medium', dpiaOutcome: 'ok' });
  });
});

describe('a called decision without result variable (BPMN has none; Camunda 8 requires one)', () => {
  it('is evaluated and recorded in the step, and no variable holds its result', async () => {
    const hooks = fakeHooks(T0);
    hooks.evaluateRuleSet.mockResolvedValue({ result: 'medium', decisionId: 'd-9' });
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="https://aimsflow.dev/test">
  <bpmn:process id="record-only" isExecutable="true">
    <bpmn:startEvent id="S"/>
    <bpmn:businessRuleTask id="Classify"><bpmn:extensionElements><zeebe:calledDecision decisionId="supplier-risk"/></bpmn:extensionElements></bpmn:businessRuleTask>
    <bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Classify"/><bpmn:sequenceFlow id="f2" sourceRef="Classify" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>`;
    const d = await Driver.start(await deploy(xml), { supplier: 'acme' }, hooks);
    expect(hooks.evaluateRuleSet).toHaveBeenCalledWith('supplier-risk', { supplier: 'acme' }, { elementId: 'Classify' });
    expect(d.last.status).toBe('completed');
    expect(d.last.steps.flatMap((s) => s.decisionIds)).toEqual(['d-9']);
    expect(d.last.variables).toEqual({ supplier: 'acme' });
  });
});
