import type { StateNode } from 'xstate';
import { type CompiledProcess } from './compile.js';
import { deploy, fixture } from './spec-helpers.js';

type AnyNode = StateNode<never, never>;

function node(def: CompiledProcess, id: string): AnyNode {
  return def.machine.getStateNodeById(id) as unknown as AnyNode;
}

const targets = (transitions: Array<{ target?: ReadonlyArray<{ id: string }> }> | undefined): string[] =>
  (transitions ?? []).flatMap((t) => (t.target ?? []).map((s) => s.id));

const guards = (transitions: Array<{ guard?: unknown }> | undefined): unknown[] => (transitions ?? []).map((t) => t.guard);

function on(def: CompiledProcess, id: string, event: string): Array<{ target?: ReadonlyArray<{ id: string }>; guard?: unknown }> {
  return (node(def, id).on as Record<string, Array<{ target?: ReadonlyArray<{ id: string }>; guard?: unknown }>>)[event] ?? [];
}

describe('compileProcess', () => {
  it('maps a sequence to one state per flow node, starting at the start event, with element metadata', async () => {
    const def = await deploy(fixture('review-loop.bpmn'));
    expect(def.key).toBe('review-loop');
    expect(def.name).toBe('Document review');
    expect(Object.keys(def.machine.root.states)).toEqual(
      expect.arrayContaining(['Start', 'Draft', 'Review', 'Decision', 'Escalate', 'End_approved', 'End_escalated', '@cancelled']),
    );
    expect(def.machine.root.initial.target.map((s) => s.id)).toEqual(['Start']);
    expect(targets(node(def, 'Start').always)).toEqual(['Draft']);
    expect(node(def, 'Draft').type).toBe('atomic');
    expect(targets(on(def, 'Draft', 'task.complete'))).toEqual(['Review']);
    expect(guards(on(def, 'Draft', 'task.complete'))).toEqual([{ type: 'isWait', params: { id: 'Draft' } }]);
    expect(node(def, 'End_approved').type).toBe('final');
    expect(def.elements.Review).toMatchObject({ kind: 'userTask', name: 'Review the document', separateFrom: ['Draft', 'initiator'] });
    expect(def.startEvents).toEqual([{ id: 'Start', name: 'Review requested', kind: 'none' }]);
  });

  it('maps an exclusive gateway to a transient state: FEEL guards in document order, default flow last', async () => {
    const def = await deploy(fixture('review-loop.bpmn'));
    const gateway = node(def, 'Decision');
    expect(guards(gateway.always)).toEqual([
      { type: 'condition', params: { expression: 'outcome = "approved"', flowId: 'Flow_approved' } },
      { type: 'condition', params: { expression: 'outcome = "rejected"', flowId: 'Flow_rejected' } },
      undefined,
    ]);
    expect(targets(gateway.always)).toEqual(['End_approved', 'Draft', 'Escalate']);
  });

  it('maps an implicit merge and a loop to ordinary transitions into the same state', async () => {
    const def = await deploy(fixture('review-loop.bpmn'));
    expect(targets(node(def, 'Start').always)).toContain('Draft');
    expect(targets(node(def, 'Decision').always)).toContain('Draft');
  });

  it('maps fork/join to a parallel state with one region per branch, nested forks inside their region', async () => {
    const def = await deploy(fixture('parallel.bpmn'));
    expect(targets(node(def, 'Fork').always)).toEqual(['Fork/block']);
    const block = node(def, 'Fork/block');
    expect(block.type).toBe('parallel');
    expect(Object.keys(block.states)).toEqual(['Fork/F_legal', 'Fork/F_inner']);
    const inner = node(def, 'InnerFork/block');
    expect(inner.type).toBe('parallel');
    expect(inner.parent?.id).toBe('Fork/F_inner');
    expect(Object.keys(node(def, 'Fork/F_legal').states)).toEqual(['Legal', 'Fork/F_legal/done']);
    expect(node(def, 'Fork/F_legal/done').type).toBe('final');
    expect(targets(on(def, 'Legal', 'task.complete'))).toEqual(['Fork/F_legal/done']);
    // The join is the done transition of the block.
    expect(targets(on(def, 'Fork/block', 'xstate.done.state.Fork/block'))).toEqual(['Join']);
    expect(node(def, 'Join').parent?.id).toBe('@process');
    expect(node(def, 'InnerJoin').parent?.id).toBe('Fork/F_inner');
  });

  it('maps boundary timers: interrupting = transition out, non-interrupting = a parallel region running the reminder path', async () => {
    const def = await deploy(fixture('boundary-timers.bpmn'));
    const approve = node(def, 'Approve');
    expect(approve.type).toBe('parallel');
    expect(Object.keys(approve.states)).toEqual(['Approve/work', 'Reminder/path']);
    expect(targets(on(def, 'Approve', 'timer.fire'))).toEqual(['Escalation']);
    expect(guards(on(def, 'Approve', 'timer.fire'))).toEqual([{ type: 'isWait', params: { id: 'Escalation' } }]);
    expect(targets(on(def, 'Reminder/armed', 'timer.fire'))).toEqual(['Reminder']);
    expect(Object.keys(node(def, 'Reminder/path').states)).toEqual(['Reminder/armed', 'Reminder', 'SendReminder', 'ReminderSent']);
    // The reminder path's end event goes back to waiting for the timer instead of ending anything.
    expect(node(def, 'ReminderSent').type).toBe('atomic');
    expect(targets(node(def, 'ReminderSent').always)).toEqual(['Reminder/armed']);
    expect(targets(node(def, 'Escalation').always)).toEqual(['EscalatedApproval']);
  });

  it('maps business rule and service tasks to states that wait for the runner to feed back their result', async () => {
    const def = await deploy(fixture('automatic.bpmn'));
    expect(targets(on(def, 'Classify', 'rule.result'))).toEqual(['IsHigh']);
    expect(targets(on(def, 'Notify', 'service.result'))).toEqual(['Confirm']);
    expect(def.elements.Classify).toMatchObject({ ruleSet: 'eu-ai-act-risk-class', resultVariable: 'riskClass' });
  });

  it('maps catch events to states waiting for timer.fire and message', async () => {
    const def = await deploy(fixture('catch-events.bpmn'));
    expect(targets(on(def, 'WaitInterval', 'timer.fire'))).toEqual(['WaitDate']);
    expect(targets(on(def, 'Evidence', 'message'))).toEqual(['End']);
    expect(def.elements.WaitInterval).toMatchObject({ timer: { type: 'duration', expression: '=reviewInterval' } });
  });

  it('maps call activities and multi-instance: items live in context, completion is an eventless transition', async () => {
    const def = await deploy(fixture('call-activity.bpmn'));
    expect(targets(on(def, 'Assess', 'child.complete'))).toEqual(['AssessEach']);
    const itemDone = on(def, 'AssessEach', 'child.complete');
    expect(guards(itemDone)).toEqual([{ type: 'isOpenItem', params: { id: 'AssessEach' } }]);
    expect(targets(itemDone)).toEqual([]);
    expect(guards(node(def, 'AssessEach').always)).toEqual([{ type: 'itemsDone', params: { id: 'AssessEach' } }]);
    expect(targets(node(def, 'AssessEach').always)).toEqual(['End']);

    const mi = await deploy(fixture('multi-instance.bpmn'));
    expect(guards(on(mi, 'Approvals', 'task.complete'))).toEqual([{ type: 'isOpenItem', params: { id: 'Approvals' } }]);
    expect(targets(node(mi, 'Approvals').always)).toEqual(['End']);
  });

  it('puts terminate end events at the root, wherever they are drawn', async () => {
    const def = await deploy(fixture('terminate.bpmn'));
    expect(node(def, 'Terminated').parent?.id).toBe('@process');
    expect(node(def, 'Terminated').type).toBe('final');
    expect(targets(node(def, 'Abort').always)).toEqual(['Terminated', 'Fork/F_check/done']);
  });

  it('dispatches between several start events and describes them for the app', async () => {
    const def = await deploy(fixture('start-events.bpmn'));
    expect(def.machine.root.initial.target.map((s) => s.id)).toEqual(['@start']);
    expect(guards(node(def, '@start').always)).toEqual([
      { type: 'startedAt', params: { id: 'Manual' } },
      { type: 'startedAt', params: { id: 'OnChange' } },
      { type: 'startedAt', params: { id: 'Yearly' } },
    ]);
    expect(def.uniquePerSubject).toBe(true);
    expect(def.startEvents).toEqual([
      { id: 'Manual', name: 'Started by hand', kind: 'none' },
      { id: 'OnChange', name: 'Model changed', kind: 'message', messageName: 'modelChanged' },
      { id: 'Yearly', name: 'Every year', kind: 'timer', timer: { type: 'cycle', expression: 'R/P1Y' } },
    ]);
  });
});
