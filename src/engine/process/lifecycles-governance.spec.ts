import { addDays, addMonths, completeChild, keys, lifecycle, T0, task, type Vars, world, type World } from './lifecycle-spec-helpers.js';
import { Driver } from './spec-helpers.js';

/**
 * The governance lifecycles of processes/*.bpmn — incidents and their Art. 73 report, AI policies, objectives — walked
 * with the runner like lifecycles.spec.ts: fake rule outcomes, handlers as jest fakes, every event through the JSON
 * round trip.
 */

const HOUR = 3_600_000;
const at = (iso: string): Date => new Date(iso);

// ------------------------------------------------------------------------------------------------------------------

describe('incident', () => {
  /** Serious when someone died (10 days) or the incident is widespread (2 days); reminders two days (six hours) ahead. */
  function incidentWorld(): World {
    return world(
      {
        'incident-reporting': (facts) => {
          const effects = facts.effects as string[];
          if (facts.widespread === true) return { serious: true, deadline: 'P2D', reminderBefore: 'PT6H', basis: ['Art. 73(3)'] };
          if (effects.includes('death')) return { serious: true, deadline: 'P10D', reminderBefore: 'P2D', basis: ['Art. 73(4)'] };
          return { serious: false, basis: [] };
        },
      },
      {
        'incident.classify': (input) => {
          const reporting = input.reporting as { serious: boolean; deadline?: string; reminderBefore?: string };
          if (!reporting.serious) return undefined;
          const days = reporting.deadline === 'P2D' ? 2 : 10;
          const deadlineAt = addDays(String(input.awareAt), days);
          const lead = reporting.reminderBefore === 'PT6H' ? 6 * HOUR : 2 * 86_400_000;
          return { deadlineAt, reminderAt: new Date(new Date(deadlineAt).getTime() - lead).toISOString() };
        },
        'incident.raise-nonconformity': () => ({ nonconformityId: 'nc-7' }),
      },
    );
  }
  /** The handler calls since the last look: incident.update by status, incident.remind by notice, others by name. */
  const steps = (w: World): unknown[] =>
    w.calls().map(([name, input]) => (name === 'incident.update' ? input.status : name === 'incident.remind' ? `remind/${String(input.notice)}` : name));
  const start = async (w: World, effects: string[], widespread = false): Promise<Driver> =>
    Driver.start(await lifecycle('incident'), { incidentId: 'inc-1', systemId: 'sys-1', effects, widespread, awareAt: T0 }, w.hooks, { initiator: 'rita' });

  it('a serious incident reported in time: triage, classification, the report before the reminder, investigation, a corrective action', async () => {
    const w = incidentWorld();
    const d = await start(w, ['death']);
    expect(task(d, 'Task_triage')).toEqual({
      name: 'Triage incident',
      roles: ['compliance-officer', 'ai-owner'],
      separateFrom: [],
      form: ['confirmed', 'triageNotes', 'containment'],
      dueAt: addDays(T0, 1),
    });
    await d.complete('Task_triage', { confirmed: true, containment: 'model rolled back' }, 'cora');
    expect(w.rules()).toEqual([['incident-reporting', expect.objectContaining({ effects: ['death'], widespread: false })]]);
    expect(w.calls()).toEqual([
      ['incident.update', expect.objectContaining({ incidentId: 'inc-1', status: 'triaged' })],
      ['incident.classify', expect.objectContaining({ incidentId: 'inc-1', reporting: expect.objectContaining({ serious: true, deadline: 'P10D' }) })],
    ]);
    const deadlineAt = addDays(T0, 10);
    expect(d.last.variables).toMatchObject({ deadlineAt, reminderAt: addDays(T0, 8) });
    expect(d.waits).toEqual([
      expect.objectContaining({
        kind: 'child',
        elementId: 'Call_report',
        processKey: 'serious-incident-report',
        variables: { incidentId: 'inc-1', systemId: 'sys-1', deadlineAt },
      }),
      expect.objectContaining({
        kind: 'timer',
        elementId: 'Timer_reminder',
        dueAt: addDays(T0, 8),
        boundary: { attachedTo: 'Call_report', interrupting: false },
      }),
      expect.objectContaining({ kind: 'timer', elementId: 'Timer_deadline', dueAt: deadlineAt, boundary: { attachedTo: 'Call_report', interrupting: false } }),
    ]);

    w.hooks.clock.now = at(addDays(T0, 3));
    await completeChild(d, 'Call_report', { reportComplete: true });
    expect(keys(d)).toEqual(['Task_investigate:1']);
    expect(steps(w)).toEqual([]);
    expect(task(d, 'Task_investigate')).toEqual({
      name: 'Investigation and root cause',
      roles: ['ai-owner', 'compliance-officer'],
      separateFrom: [],
      form: ['rootCause', 'causeCategory', 'correctiveActionNeeded', 'correctiveAction'],
    });
    await d.complete('Task_investigate', { rootCause: 'unvalidated dosage table', causeCategory: 'data', correctiveActionNeeded: true }, 'olga');
    expect(w.calls()).toEqual([
      ['incident.update', expect.objectContaining({ status: 'investigated' })],
      ['incident.raise-nonconformity', expect.objectContaining({ incidentId: 'inc-1' })],
      ['incident.update', expect.objectContaining({ status: 'closed' })],
    ]);
    expect(d.last).toMatchObject({ status: 'completed', variables: expect.objectContaining({ nonconformityId: 'nc-7' }) });
  });

  it('a late report: the reminder, then the escalation at the deadline; the initial report is completed afterwards', async () => {
    const w = incidentWorld();
    const d = await start(w, ['critical-infrastructure'], true);
    await d.complete('Task_triage', { confirmed: true }, 'cora');
    steps(w);
    const deadlineAt = addDays(T0, 2);
    const reminderAt = new Date(new Date(deadlineAt).getTime() - 6 * HOUR).toISOString();
    expect(d.wait('Timer_reminder')).toMatchObject({ dueAt: reminderAt });

    w.hooks.clock.now = at(reminderAt);
    await d.fire('Timer_reminder');
    expect(steps(w)).toEqual(['remind/reminder']);
    expect(d.waits.map((x) => x.elementId)).toEqual(['Call_report', 'Timer_deadline']);

    w.hooks.clock.now = at(deadlineAt);
    await d.fire('Timer_deadline');
    expect(steps(w)).toEqual(['remind/escalation']);
    // The escalation does not stop the reporting: the report is still owed.
    expect(keys(d)).toEqual(['Call_report:1']);

    w.hooks.clock.now = at(addDays(T0, 3));
    await completeChild(d, 'Call_report', { reportComplete: false });
    expect(task(d, 'Task_completeReport')).toEqual({
      name: 'Complete the report',
      roles: ['compliance-officer'],
      separateFrom: [],
      form: ['reference', 'report'],
    });
    await d.complete('Task_completeReport', { reference: 'MSA-2026-0042', report: 'full analysis' }, 'cora');
    expect(w.calls()).toEqual([
      ['incident.record-submission', expect.objectContaining({ incidentId: 'inc-1', reportType: 'complete', reference: 'MSA-2026-0042' })],
    ]);
    await d.complete('Task_investigate', { rootCause: 'grid load forecast', causeCategory: 'model', correctiveActionNeeded: false }, 'olga');
    expect(steps(w)).toEqual(['investigated', 'closed']);
    expect(d.last.status).toBe('completed');
  });

  it('a non-serious incident is investigated and closed without a report; an unconfirmed one is dismissed', async () => {
    const w = incidentWorld();
    const d = await start(w, ['property-damage']);
    await d.complete('Task_triage', { confirmed: true }, 'cora');
    expect(steps(w)).toEqual(['triaged', 'incident.classify']);
    expect(keys(d)).toEqual(['Task_investigate:1']);
    await d.complete('Task_investigate', { rootCause: 'operator error', causeCategory: 'people', correctiveActionNeeded: false }, 'olga');
    expect(steps(w)).toEqual(['investigated', 'closed']);
    expect(d.last.status).toBe('completed');

    const dismissed = await start(w, ['none']);
    await dismissed.complete('Task_triage', { confirmed: false, triageNotes: 'duplicate of inc-0' }, 'cora');
    expect(steps(w)).toEqual(['triaged', 'dismissed']);
    expect(w.rules()).toEqual([['incident-reporting', expect.anything()]]);
    expect(dismissed.last.status).toBe('completed');
  });
});

// ------------------------------------------------------------------------------------------------------------------

describe('serious-incident-report', () => {
  const deadlineAt = addDays(T0, 10);
  const statuses = (w: World): unknown[] => w.calls().map(([name, input]) => (name === 'incident.update' ? input.status : name));

  it('draft, rejected by top management, drafted again, approved, submitted: reportComplete goes back to the incident', async () => {
    const w = world({}, { 'incident.record-submission': (input) => ({ reportComplete: input.reportType === 'complete' }) });
    const d = await Driver.start(await lifecycle('serious-incident-report'), { incidentId: 'inc-1', systemId: 'sys-1', deadlineAt }, w.hooks);
    expect(task(d, 'Task_draftReport')).toEqual({
      name: 'Draft the report',
      roles: ['compliance-officer', 'ai-owner'],
      separateFrom: [],
      form: ['report', 'reportType'],
      dueAt: deadlineAt,
    });
    await d.complete('Task_draftReport', { report: 'v1', reportType: 'complete' }, 'cora');
    expect(statuses(w)).toEqual(['report-drafted']);
    expect(task(d, 'Task_approveReport')).toEqual({
      name: 'Approve the report',
      roles: ['top-management'],
      separateFrom: ['Task_draftReport'],
      form: ['decision', 'comments'],
      dueAt: deadlineAt,
    });
    await d.complete('Task_approveReport', { decision: 'reject', comments: 'name the causal link' }, 'tom');
    expect(statuses(w)).toEqual(['report-changes-requested']);
    expect(keys(d)).toEqual(['Task_draftReport:2']);

    await d.complete('Task_draftReport', { report: 'v2', reportType: 'complete' }, 'cora');
    await d.complete('Task_approveReport', { decision: 'approve' }, 'tom');
    expect(statuses(w)).toEqual(['report-drafted', 'report-approved']);
    expect(task(d, 'Task_submit')).toEqual({
      name: 'Record the submission',
      roles: ['compliance-officer'],
      separateFrom: [],
      form: ['authority', 'reference'],
      dueAt: deadlineAt,
    });
    await d.complete('Task_submit', { authority: 'BNetzA', reference: 'MSA-1' }, 'cora');
    expect(w.calls()).toEqual([['incident.record-submission', expect.objectContaining({ incidentId: 'inc-1', authority: 'BNetzA', reference: 'MSA-1' })]]);
    expect(d.last).toMatchObject({ status: 'completed', variables: expect.objectContaining({ reportComplete: true }) });
  });
});

// ------------------------------------------------------------------------------------------------------------------

describe('ai-policy', () => {
  function policyWorld(): World {
    return world(
      { 'policy-review-interval': () => ({ interval: 'P12M' }) },
      {
        'policy.publish': () => ({ fullyAcknowledged: false }),
        'policy.schedule-review': () => ({ nextReviewAt: addMonths(T0, 12) }),
      },
    );
  }
  const statuses = (w: World): unknown[] => w.calls().map(([name, input]) => (name === 'policy.update' ? input.status : name));
  const start = async (w: World): Promise<Driver> => Driver.start(await lifecycle('ai-policy'), { policyId: 'pol-1' }, w.hooks, { initiator: 'ana' });
  const waiting = (d: Driver): string[] => d.waits.map((x) => `${x.kind}:${x.elementId}`);

  async function published(w: World): Promise<Driver> {
    const d = await start(w);
    await d.complete('Task_review', { decision: 'approve' }, 'cora');
    await d.complete('Task_approve', { decision: 'approve' }, 'tom');
    w.calls();
    w.rules();
    return d;
  }

  it('reviewed (changes asked, revised), approved, published, acknowledged after a reminder, reviewed again and confirmed', async () => {
    const w = policyWorld();
    const d = await start(w);
    expect(task(d, 'Task_review')).toEqual({
      name: 'Review policy',
      roles: ['compliance-officer'],
      separateFrom: ['initiator'],
      form: ['decision', 'reviewComments'],
    });
    await d.complete('Task_review', { decision: 'request-changes', reviewComments: 'name the high-risk systems' }, 'cora');
    expect(statuses(w)).toEqual(['changes-requested']);
    expect(task(d, 'Task_revise')).toMatchObject({ name: 'Revise policy', roles: ['compliance-officer', 'ai-owner'], form: ['body', 'changeNote'] });
    await d.complete('Task_revise', { body: '# AI policy v2' }, 'ana');
    expect(w.calls()).toEqual([['policy.update', expect.objectContaining({ policyId: 'pol-1', status: 'in-review', body: '# AI policy v2' })]]);
    expect(keys(d)).toEqual(['Task_review:2']);
    await d.complete('Task_review', { decision: 'approve' }, 'cora');
    expect(statuses(w)).toEqual(['awaiting-approval']);
    expect(task(d, 'Task_approve')).toEqual({
      name: 'Approve policy',
      roles: ['top-management'],
      separateFrom: ['initiator', 'Task_revise'],
      form: ['decision', 'comments'],
    });

    await d.complete('Task_approve', { decision: 'approve' }, 'tom');
    expect(statuses(w)).toEqual(['policy.publish', 'policy.schedule-review']);
    expect(w.rules()).toEqual([['policy-review-interval', expect.anything()]]);
    const nextReviewAt = addMonths(T0, 12);
    expect(d.waits).toEqual([
      expect.objectContaining({ kind: 'message', elementId: 'Message_acknowledged', name: 'policy.acknowledged', correlationKey: 'pol-1' }),
      expect.objectContaining({ kind: 'timer', elementId: 'Timer_ackReminder', dueAt: addDays(T0, 7) }),
      expect.objectContaining({ kind: 'timer', elementId: 'Timer_reviewDueAck', dueAt: nextReviewAt }),
      expect.objectContaining({ kind: 'message', elementId: 'Message_supersededAck', name: 'policy.superseded', correlationKey: 'pol-1' }),
    ]);

    // A week without every acknowledgement: a reminder, and the next week starts.
    w.hooks.clock.now = at(addDays(T0, 7));
    await d.fire('Timer_ackReminder');
    expect(w.calls()).toEqual([['policy.remind', expect.objectContaining({ policyId: 'pol-1' })]]);
    expect(d.wait('Timer_ackReminder')).toMatchObject({ key: 'Timer_ackReminder:2', dueAt: addDays(T0, 14) });

    await d.send({ type: 'message', name: 'policy.acknowledged', correlationKey: 'pol-1', variables: { fullyAcknowledged: true } });
    expect(waiting(d)).toEqual(['timer:Timer_reviewDue', 'message:Message_superseded']);
    expect(d.wait('Timer_reviewDue')).toMatchObject({ dueAt: nextReviewAt });

    w.hooks.clock.now = at(nextReviewAt);
    await d.fire('Timer_reviewDue');
    expect(task(d, 'Task_periodicReview')).toEqual({
      name: 'Periodic policy review',
      roles: ['compliance-officer', 'top-management'],
      separateFrom: [],
      form: ['decision', 'reviewNotes'],
    });
    await d.complete('Task_periodicReview', { decision: 'confirm' }, 'cora');
    expect(statuses(w)).toEqual(['policy.schedule-review']);
    expect(w.rules()).toEqual([['policy-review-interval', expect.anything()]]);
    // Everyone has acknowledged: straight back in force until the next review.
    expect(waiting(d)).toEqual(['timer:Timer_reviewDue', 'message:Message_superseded']);
    expect(d.last.status).toBe('active');
  });

  it('a rejection by top management goes back to the revision; a review that asks for a revision ends this version', async () => {
    const w = policyWorld();
    const d = await start(w);
    await d.complete('Task_review', { decision: 'approve' }, 'cora');
    w.calls();
    await d.complete('Task_approve', { decision: 'reject', comments: 'too vague' }, 'tom');
    expect(statuses(w)).toEqual(['changes-requested']);
    expect(keys(d)).toEqual(['Task_revise:1']);
    await d.complete('Task_revise', { body: 'v2' }, 'ana');
    await d.complete('Task_review', { decision: 'approve' }, 'cora');
    await d.complete('Task_approve', { decision: 'approve' }, 'tom');
    w.calls();
    await d.send({ type: 'message', name: 'policy.acknowledged', correlationKey: 'pol-1', variables: { fullyAcknowledged: true } });
    await d.fire('Timer_reviewDue');
    await d.complete('Task_periodicReview', { decision: 'revise', reviewNotes: 'EU AI Act changes' }, 'cora');
    expect(statuses(w)).toEqual(['revision-due']);
    expect(d.last.status).toBe('completed');
  });

  it('the review falls due even before everyone acknowledged; a new version supersedes the policy', async () => {
    const w = policyWorld();
    const d = await published(w);
    await d.fire('Timer_reviewDueAck');
    expect(keys(d)).toEqual(['Task_periodicReview:1']);

    const other = await published(w);
    await other.send({ type: 'message', name: 'policy.superseded', correlationKey: 'pol-1', variables: { supersededBy: 'pol-2' } });
    expect(other.last).toMatchObject({ status: 'completed', variables: expect.objectContaining({ supersededBy: 'pol-2' }) });
    expect(w.calls()).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------------------------

describe('objective', () => {
  function objectiveWorld(): World {
    let dueAt = addDays(T0, 30);
    return world(
      { 'objective-breach': (facts) => (Number(facts.deviationPercent) > 10 ? { breach: true, severity: 'major' } : { breach: false }) },
      {
        'objective.record-judgement': () => ({ dueAt: (dueAt = addDays(dueAt, 30)) }),
        'objective.remind': () => ({ dueAt: (dueAt = addDays(dueAt, 7)) }),
      },
    );
  }
  const start = async (w: World): Promise<Driver> => Driver.start(await lifecycle('objective'), { objectiveId: 'obj-1', dueAt: addDays(T0, 30) }, w.hooks);
  const measured = (value: number, deviationPercent: number, measurementId: string): Vars => ({
    measurementId,
    value,
    target: 95,
    direction: 'at-least',
    deviationPercent,
  });

  it('a measurement within target, then a breach the rules judge major; closing the objective ends the monitoring', async () => {
    const w = objectiveWorld();
    const d = await start(w);
    expect(d.waits).toEqual([
      expect.objectContaining({ kind: 'message', elementId: 'Message_measured', name: 'objective.measured', correlationKey: 'obj-1' }),
      expect.objectContaining({ kind: 'message', elementId: 'Message_closed', name: 'objective.closed', correlationKey: 'obj-1' }),
      expect.objectContaining({ kind: 'timer', elementId: 'Timer_due', dueAt: addDays(T0, 30) }),
    ]);

    await d.send({ type: 'message', name: 'objective.measured', correlationKey: 'obj-1', variables: measured(96, 0, 'm-1') });
    expect(w.rules()).toEqual([['objective-breach', expect.objectContaining({ value: 96, deviationPercent: 0 })]]);
    expect(w.calls()).toEqual([
      ['objective.record-judgement', expect.objectContaining({ objectiveId: 'obj-1', measurementId: 'm-1', judgement: { breach: false } })],
    ]);
    expect(d.wait('Timer_due')).toMatchObject({ dueAt: addDays(T0, 60) });

    await d.send({ type: 'message', name: 'objective.measured', correlationKey: 'obj-1', variables: measured(80, 15.8, 'm-2') });
    expect(w.calls()).toEqual([
      ['objective.record-judgement', expect.objectContaining({ measurementId: 'm-2', judgement: { breach: true, severity: 'major' } })],
    ]);
    expect(d.wait('Timer_due')).toMatchObject({ dueAt: addDays(T0, 90) });

    await d.send({ type: 'message', name: 'objective.closed', correlationKey: 'obj-1' });
    expect(d.last.status).toBe('completed');
    expect(d.waits).toEqual([]);
  });

  it('a missing measurement: the owner is reminded every week until one is recorded', async () => {
    const w = objectiveWorld();
    const d = await start(w);
    w.hooks.clock.now = at(addDays(T0, 30));
    await d.fire('Timer_due');
    expect(w.calls()).toEqual([['objective.remind', expect.objectContaining({ objectiveId: 'obj-1', repeatAfter: 'P7D' })]]);
    expect(d.wait('Timer_due')).toMatchObject({ dueAt: addDays(T0, 37) });
    await d.fire('Timer_due');
    expect(w.calls()).toEqual([['objective.remind', expect.anything()]]);
    expect(d.wait('Timer_due')).toMatchObject({ dueAt: addDays(T0, 44) });

    await d.send({ type: 'message', name: 'objective.measured', correlationKey: 'obj-1', variables: measured(97, 0, 'm-1') });
    expect(w.calls()).toEqual([['objective.record-judgement', expect.anything()]]);
    expect(w.rules()).toHaveLength(1);
    expect(d.last.status).toBe('active');
  });
});
