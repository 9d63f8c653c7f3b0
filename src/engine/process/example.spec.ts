import { readFileSync } from 'node:fs';
import type { CompiledProcess } from './compile.js';
import { deploy, Driver, fakeHooks, type FakeHooks, fixture } from './spec-helpers.js';

// The full example of docs/bpmn.md.
const T0 = '2026-01-15T09:00:00.000Z';

async function deployExample(): Promise<CompiledProcess> {
  return deploy(fixture('nonconformity.bpmn'), { handlers: ['notify'] });
}

function hooksRatingMajor(): FakeHooks {
  const hooks = fakeHooks(T0);
  hooks.evaluateRuleSet.mockResolvedValue({ result: 'major', decisionId: 'sev-1' });
  return hooks;
}

async function untilApprovedPlan(d: Driver): Promise<void> {
  await d.complete('Task_contain', { containment: 'system suspended' }, 'quinn');
  await d.complete('Task_rootCause', { rootCause: 'stale training data', causeCategory: 'data' }, 'quinn');
  await d.complete('Task_plan', { actions: ['retrain', 'add drift monitor'], targetDate: '2026-03-01' }, 'olga');
  await d.complete('Task_approvePlan', { planDecision: 'approved' }, 'rosa');
}

describe('docs example: nonconformity and corrective action', () => {
  it('is the process shown in docs/bpmn.md', () => {
    const doc = readFileSync('docs/bpmn.md', 'utf8');
    const shown = doc.slice(doc.indexOf('## Full example')).split('```xml\n')[1].split('\n```')[0];
    const file = fixture('nonconformity.bpmn');
    expect(shown.slice(0, shown.indexOf('  <!-- bpmndi'))).toBe(file.slice(0, file.indexOf('  <bpmndi:BPMNDiagram')));
  });

  it('runs from raising to closing, with rework, reminders, the parallel branch, the effectiveness delay and a reopen', async () => {
    const hooks = hooksRatingMajor();
    const d = await Driver.start(await deployExample(), { systemId: 'sys-7', effectivenessReviewDelay: 'P90D' }, hooks, { initiator: 'ina' });
    expect(hooks.evaluateRuleSet).toHaveBeenCalledWith(
      'nonconformity-severity',
      { systemId: 'sys-7', effectivenessReviewDelay: 'P90D' },
      { elementId: 'Task_rateSeverity' },
    );
    expect(d.last.steps[1].decisionIds).toEqual(['sev-1']);
    expect(d.wait('Task_contain')).toMatchObject({ candidateRoles: ['quality_manager'], dueAt: '2026-01-17T09:00:00.000Z' });

    await d.complete('Task_contain', { containment: 'system suspended' }, 'quinn');
    await d.complete('Task_rootCause', { rootCause: 'stale training data', causeCategory: 'data' }, 'quinn');
    await d.complete('Task_plan', { actions: ['retrain'], targetDate: '2026-03-01' }, 'olga');
    expect(d.wait('Task_approvePlan')).toMatchObject({ separateFrom: ['Task_plan', 'initiator'], dueAt: '2026-01-20T09:00:00.000Z' });
    await d.complete('Task_approvePlan', { planDecision: 'rework' }, 'rosa');
    expect(d.wait('Task_plan').key).toBe('Task_plan:2');
    await d.complete('Task_plan', { actions: ['retrain', 'add drift monitor'] }, 'olga');
    await d.complete('Task_approvePlan', { planDecision: 'approved' }, 'rosa');

    expect(d.last.activeElementIds).toEqual(['Task_implement', 'Task_updateRegister']);
    expect(d.wait('Task_implement')).toMatchObject({ dueAt: '2026-03-01T00:00:00.000Z' });
    expect(d.wait('Timer_weeklyReminder')).toMatchObject({ kind: 'timer', dueAt: '2026-01-22T09:00:00.000Z', boundary: { interrupting: false } });
    expect(d.wait('Timer_overdue')).toMatchObject({ kind: 'timer', dueAt: '2026-03-16T09:00:00.000Z', boundary: { interrupting: true } });

    await d.fire('Timer_weeklyReminder');
    expect(hooks.callHandler).toHaveBeenCalledWith('notify', expect.objectContaining({ systemId: 'sys-7' }), { elementId: 'Task_remind' });
    expect(d.wait('Timer_weeklyReminder')).toMatchObject({ key: 'Timer_weeklyReminder:2', dueAt: '2026-01-29T09:00:00.000Z' });

    await d.complete('Task_updateRegister', {}, 'rosa');
    expect(d.last.activeElementIds).toEqual(['Task_implement']);
    await d.complete('Task_implement', {}, 'olga');
    expect(d.waits).toEqual([{ kind: 'timer', key: 'Timer_effectivenessDelay:1', elementId: 'Timer_effectivenessDelay', dueAt: '2026-04-15T09:00:00.000Z' }]);

    await d.fire('Timer_effectivenessDelay');
    expect(d.wait('Task_verify')).toMatchObject({ candidateRoles: ['auditor'], separateFrom: ['Task_implement', 'Task_plan'] });
    await d.complete('Task_verify', { effective: false }, 'audrey');
    expect(d.wait('Task_rootCause').key).toBe('Task_rootCause:2');

    await d.complete('Task_rootCause', { rootCause: 'label noise' }, 'quinn');
    await d.complete('Task_plan', { actions: ['relabel'] }, 'olga');
    await d.complete('Task_approvePlan', { planDecision: 'approved' }, 'rosa');
    await d.complete('Task_updateRegister', {}, 'rosa');
    await d.complete('Task_implement', {}, 'olga');
    await d.fire('Timer_effectivenessDelay');
    await d.complete('Task_verify', { effective: true }, 'audrey');
    expect(d.last.status).toBe('completed');
    expect(d.last.completedBy.Task_plan).toEqual(['olga']); // planned three times, by one person
    expect(d.last.initiator).toBe('ina');
  });

  it('escalates an overdue implementation and comes back to it, leaving the other branch alone', async () => {
    const d = await Driver.start(await deployExample(), { effectivenessReviewDelay: 'P30D' }, hooksRatingMajor());
    await untilApprovedPlan(d);
    await d.fire('Timer_overdue');
    expect(d.last.activeElementIds).toEqual(['Task_escalate', 'Task_updateRegister']);
    expect(d.waits.map((w) => w.key)).toEqual(['Task_escalate:1', 'Task_updateRegister:1']);
    await d.complete('Task_escalate', { decision: 'extend' }, 'tess');
    expect(d.waits.map((w) => w.key)).toEqual(['Task_implement:2', 'Timer_weeklyReminder:2', 'Timer_overdue:2', 'Task_updateRegister:1']);
  });

  it('starts on the audit finding message as well', async () => {
    const def = await deployExample();
    expect(def.startEvents.map((s) => [s.id, s.kind, s.messageName])).toEqual([
      ['Start_raised', 'none', undefined],
      ['Start_auditFinding', 'message', 'auditFindingRaised'],
    ]);
    const d = await Driver.start(def, { findingId: 'F-3' }, hooksRatingMajor(), { startEventId: 'Start_auditFinding' });
    expect(d.last.steps[0].entered).toEqual(['Start_auditFinding', 'Gateway_started', 'Task_rateSeverity']);
    expect(d.waits.map((w) => w.key)).toEqual(['Task_contain:1']);
  });
});
