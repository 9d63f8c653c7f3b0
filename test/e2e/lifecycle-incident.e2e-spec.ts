import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { type Json, lifecycleClient, type LifecycleClient, minimalSystem, type Person, SOD } from '../helpers/lifecycle.js';

const DAY = 86_400_000;

/**
 * The incident lifecycle (processes/incident.bpmn, serious-incident-report.bpmn), ISO/IEC 42001
 * clause 10.2 and Annex A.8, EU AI Act Art. 73: triage, classification by the incident-reporting
 * rules, the report to the market surveillance authority by the deadline counted from awareness
 * (reminder, escalation), investigation and a corrective action raised as a nonconformity. One
 * incident is reported in time, one after its deadline: the manual clock moves. Register: `GET /incidents`.
 */
describe('lifecycle: AI incidents', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let olivia: Person; // AI owner: reports, drafts the report
  let oscar: Person; // AI owner: investigates
  let carla: Person; // compliance officer: triage, submission
  let tess: Person; // top management: approves the report
  let gina: Person; // governance: moves the clock
  let audrey: Person; // auditor: reads the trail
  let systemId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    olivia = await lc.person('olivia', 'ai-owner');
    oscar = await lc.person('oscar', 'ai-owner');
    carla = await lc.person('carla', 'compliance-officer');
    tess = await lc.person('tess', 'top-management');
    gina = await lc.person('gina', 'governance');
    audrey = await lc.person('audrey', 'auditor');
    systemId = (await lc.register(olivia, minimalSystem('Emergency triage assistant'))).system.id;
  });
  afterAll(() => t.close());

  const now = async (): Promise<number> => Date.parse((await lc.get(gina, '/clock').expect(200)).body.now);
  const iso = (ms: number) => new Date(ms).toISOString();
  const incident = async (id: string): Promise<Json> => (await lc.get(gina, `/incidents/${id}`).expect(200)).body;
  const ids = async (query: Record<string, string>): Promise<string[]> =>
    (await lc.get(gina, '/incidents', { systemId, ...query }).expect(200)).body.items.map((i: Json) => i.id);
  const reportChild = async (instanceId: string): Promise<string> => lc.activeChild(gina, instanceId, 'serious-incident-report');

  it('reports a serious incident in time: initial report before the deadline, completed later; the corrective action raises a nonconformity', async () => {
    const t0 = await now();
    const reported = await lc
      .post(olivia, '/incidents', {
        systemId,
        title: 'Chest pain ranked low priority',
        description: 'Three patients with chest pain were ranked low priority; one was seen four hours late.',
        occurredAt: iso(t0 - 2 * DAY),
        awareAt: iso(t0 - DAY),
        effects: ['serious-harm-to-health'],
      })
      .expect(201);
    const inc = reported.body;
    expect(inc).toMatchObject({ status: 'open', serious: null, late: false, reportedBy: 'olivia', widespread: false, instanceId: expect.any(String) });
    const instanceId = inc.instanceId;
    expect(await lc.instance(gina, instanceId)).toMatchObject({ definitionKey: 'incident', subject: { type: 'incident', id: inc.id } });

    // Triage, then the rules: serious (Art. 3(49)), due 15 days after awareness (Art. 73(2)).
    await lc.complete(carla, instanceId, 'Task_triage', { confirmed: true, triageNotes: 'confirmed from the ward log', containment: 'advisory mode only' });
    let row = await incident(inc.id);
    expect(row).toMatchObject({
      status: 'classified',
      serious: true,
      deadline: 'P15D',
      deadlineAt: iso(t0 + 14 * DAY),
      basis: ['Art. 3(49)', 'Art. 73(2)'],
      triageNotes: 'confirmed from the ward log',
      containment: 'advisory mode only',
      late: false,
    });
    const [decision] = await Promise.all(row.decisionIds.map((d: string) => lc.decision(gina, d)));
    expect(decision).toMatchObject({
      ruleSetKey: 'incident-reporting',
      facts: { effects: ['serious-harm-to-health'] },
      outcome: { serious: true, deadline: 'P15D' },
    });
    const timers = (await lc.instance(gina, instanceId)).timers.map((x: Json) => [x.elementId, x.dueAt]).sort();
    expect(timers).toEqual([
      ['Timer_deadline', iso(t0 + 14 * DAY)],
      ['Timer_reminder', iso(t0 + 9 * DAY)],
    ]);

    // Draft (an initial report), approval by top management, not by whoever drafted it.
    const child = await reportChild(instanceId);
    await lc.complete(olivia, child, 'Task_draftReport', { report: 'Initial report: triage under-prioritised chest pain', reportType: 'initial' });
    expect((await incident(inc.id)).status).toBe('report-drafted');
    await lc.complete(tess, child, 'Task_approveReport', { decision: 'reject', comments: 'name the hospital' });
    expect((await incident(inc.id)).status).toBe('report-changes-requested');
    await lc.complete(olivia, child, 'Task_draftReport', { report: 'Initial report (St. Mary): triage under-prioritised chest pain', reportType: 'initial' });
    await lc.complete(tess, child, 'Task_approveReport', { decision: 'approve' });
    expect((await incident(inc.id)).status).toBe('report-approved');

    // Nine days on the reminder falls due (five days before the deadline); still in time.
    const fired = (await lc.advance(gina, 'P9D')).filter((f) => f.instanceId === instanceId);
    expect(fired.map((f) => f.elementId)).toEqual(['Timer_reminder']);
    row = await incident(inc.id);
    expect(row).toMatchObject({ remindedAt: iso(t0 + 9 * DAY), escalatedAt: null, late: false });
    expect(await ids({ late: 'false', serious: 'true' })).toContain(inc.id);

    await lc.complete(carla, child, 'Task_submit', { authority: 'Federal market surveillance authority', reference: 'MSA-2027-0412' });
    row = await incident(inc.id);
    expect(row).toMatchObject({
      status: 'submitted',
      authority: 'Federal market surveillance authority',
      submissionReference: 'MSA-2027-0412',
      submittedAt: iso(t0 + 9 * DAY),
      reportComplete: false,
      late: false,
    });

    // Art. 73(5): the complete report follows, after the deadline is fine; the deadline was met by the first one.
    await lc.advance(gina, 'P10D');
    expect((await lc.instance(gina, instanceId)).timers).toEqual([]);
    await lc.complete(carla, instanceId, 'Task_completeReport', { reference: 'MSA-2027-0412-2', report: 'Complete report: outdated symptom list' });
    row = await incident(inc.id);
    expect(row).toMatchObject({
      completionReference: 'MSA-2027-0412-2',
      completedAt: iso(t0 + 19 * DAY),
      reportComplete: true,
      late: false,
      escalatedAt: null,
    });

    // Investigation; the corrective action is a nonconformity with its own process.
    await lc.complete(oscar, instanceId, 'Task_investigate', {
      rootCause: 'symptom list not updated after the guideline change',
      causeCategory: 'data',
      correctiveActionNeeded: true,
      correctiveAction: 'update the symptom list with every guideline change',
    });
    row = await incident(inc.id);
    expect(row).toMatchObject({ status: 'closed', causeCategory: 'data', nonconformityId: expect.any(String), closedAt: expect.any(String) });
    const nc = (await lc.get(gina, `/nonconformities/${row.nonconformityId}`).expect(200)).body;
    expect(nc).toMatchObject({ source: 'incident', severity: 'major', systemId, status: 'raised', title: 'Incident: Chest pain ranked low priority' });
    expect((await lc.instance(gina, nc.instanceId)).definitionKey).toBe('nonconformity');
    expect((await lc.instance(gina, instanceId)).status).toBe('completed');

    const trail = (await lc.get(audrey, '/audit-events', { subjectType: 'incident', subjectId: inc.id, limit: 100 }).expect(200)).body.items.reverse();
    expect(trail.map((e: Json) => [e.actor, e.after?.status ?? e.action])).toEqual([
      ['olivia', 'incident.reported'],
      ['carla', 'triaged'],
      ['carla', 'classified'],
      ['olivia', 'report-drafted'],
      ['tess', 'report-changes-requested'],
      ['olivia', 'report-drafted'],
      ['tess', 'report-approved'],
      [expect.any(String), 'incident.reminded'],
      ['carla', 'submitted'],
      ['carla', 'incident.submitted'],
      ['carla', 'incident.submitted'],
      ['oscar', 'investigated'],
      ['oscar', 'closed'],
    ]);
  });

  it('shows a report submitted after its deadline as late: 2 days for a disruption of critical infrastructure, escalated when it passed', async () => {
    const t0 = await now();
    const inc = (
      await lc
        .post(olivia, '/incidents', {
          systemId,
          title: 'Dispatch queue frozen',
          description: 'Ambulance dispatch stalled for the whole region.',
          occurredAt: iso(t0 - 3_600_000),
          awareAt: iso(t0),
          effects: ['critical-infrastructure-disruption'],
        })
        .expect(201)
    ).body;
    await lc.complete(carla, inc.instanceId, 'Task_triage', { confirmed: true });
    expect(await incident(inc.id)).toMatchObject({ deadline: 'P2D', deadlineAt: iso(t0 + 2 * DAY), basis: ['Art. 3(49)(b)', 'Art. 73(3)'] });
    const child = await reportChild(inc.instanceId);
    // Whoever drafted the report does not approve it, top management included.
    const mona = await lc.person('mona', 'ai-owner', 'top-management');
    await lc.complete(mona, child, 'Task_draftReport', { report: 'Dispatch stalled', reportType: 'complete' });
    await lc.refused(mona, child, 'Task_approveReport', { decision: 'approve' }, SOD.task('Task_draftReport'));
    await lc.complete(tess, child, 'Task_approveReport', { decision: 'approve' });

    // Two days and an hour on: reminder and escalation fired, each at its time; the report is missing: late.
    const fired = (await lc.advance(gina, 'P2DT1H')).filter((f) => f.instanceId === inc.instanceId).map((f) => f.elementId);
    expect(fired.sort()).toEqual(['Timer_deadline', 'Timer_reminder']);
    let row = await incident(inc.id);
    expect(row).toMatchObject({ status: 'report-approved', submittedAt: null, late: true, escalatedAt: iso(t0 + 2 * DAY) });
    expect(await ids({ late: 'true' })).toEqual([inc.id]);
    // Webhook subscribers heard each step.
    const events = await t.db.query(
      `SELECT type FROM outbox_events WHERE subject_type = 'incident' AND subject_id = $1 AND type LIKE 'incident.%' ORDER BY type`,
      [inc.id],
    );
    expect(events.rows.map((r: Json) => r.type)).toEqual(['incident.classified', 'incident.report-due', 'incident.report-overdue', 'incident.reported']);

    // Still submitted, late; the register keeps both times.
    await lc.complete(carla, child, 'Task_submit', { authority: 'Regional authority', reference: 'RA-77' });
    row = await incident(inc.id);
    expect(row).toMatchObject({
      status: 'submitted',
      reportComplete: true,
      late: true,
      submittedAt: iso(t0 + 2 * DAY + 3_600_000),
      deadlineAt: iso(t0 + 2 * DAY),
    });
    expect(Date.parse(row.submittedAt)).toBeGreaterThan(Date.parse(row.deadlineAt));
    expect(await ids({ late: 'true', serious: 'true' })).toEqual([inc.id]);
    expect(await ids({ late: 'true', status: 'closed' })).toEqual([]);

    // A complete report needs no completion step: straight to the investigation; no corrective action, closed.
    await lc.complete(oscar, inc.instanceId, 'Task_investigate', {
      rootCause: 'queue service crashed',
      causeCategory: 'supplier',
      correctiveActionNeeded: false,
    });
    row = await incident(inc.id);
    expect(row).toMatchObject({ status: 'closed', nonconformityId: null, late: true });
    expect(await ids({ late: 'true', status: 'closed' })).toEqual([inc.id]);
  });

  it('investigates an incident that is not serious without reporting it, and dismisses one the triage does not confirm', async () => {
    const t0 = await now();
    const body = (title: string) => ({ systemId, title, description: 'Odd ranking', occurredAt: iso(t0), awareAt: iso(t0), effects: [] });
    const minor = (await lc.post(carla, '/incidents', body('Odd ranking of a sprain')).expect(201)).body;
    const noise = (await lc.post(carla, '/incidents', body('Duplicate of the sprain')).expect(201)).body;
    await lc.complete(olivia, minor.instanceId, 'Task_triage', { confirmed: true });
    expect(await incident(minor.id)).toMatchObject({ status: 'classified', serious: false, deadline: null, deadlineAt: null, basis: [], late: false });
    expect((await lc.instance(gina, minor.instanceId)).activeElementIds).toEqual(['Task_investigate']);
    await lc.complete(oscar, minor.instanceId, 'Task_investigate', { rootCause: 'edge case', causeCategory: 'model', correctiveActionNeeded: true });
    const row = await incident(minor.id);
    expect((await lc.get(gina, `/nonconformities/${row.nonconformityId}`).expect(200)).body).toMatchObject({ severity: 'minor', source: 'incident' });

    await lc.complete(olivia, noise.instanceId, 'Task_triage', { confirmed: false, triageNotes: 'duplicate' });
    expect(await incident(noise.id)).toMatchObject({ status: 'dismissed', serious: null, triageNotes: 'duplicate' });
    expect(await ids({ serious: 'false', status: 'dismissed' })).toEqual([noise.id]);
  });

  it('validates what is reported and who may report it', async () => {
    const t0 = await now();
    const bad = await lc.post(olivia, '/incidents', { systemId: 'x', title: '', occurredAt: 'yesterday', effects: ['mild-annoyance'] }).expect(400);
    expect([...new Set(bad.body.errors.map((e: Json) => e.pointer))].sort()).toEqual([
      '/awareAt',
      '/description',
      '/effects',
      '/occurredAt',
      '/systemId',
      '/title',
    ]);
    const wrong = await lc
      .post(olivia, '/incidents', {
        systemId: '00000000-0000-4000-8000-000000000000',
        title: 't',
        description: 'd',
        occurredAt: iso(t0),
        awareAt: iso(t0 - DAY),
        effects: [],
      })
      .expect(400);
    expect(wrong.body).toMatchObject({ code: 'invalid-incident' });
    expect(wrong.body.errors.map((e: Json) => e.pointer)).toEqual(['/systemId', '/awareAt']);
    const future = await lc
      .post(olivia, '/incidents', { systemId, title: 't', description: 'd', occurredAt: iso(t0), awareAt: iso(t0 + DAY), effects: [] })
      .expect(400);
    expect(future.body.errors.map((e: Json) => e.pointer)).toEqual(['/awareAt']);
    await lc.post(audrey, '/incidents', { systemId, title: 't', description: 'd', occurredAt: iso(t0), awareAt: iso(t0), effects: [] }).expect(403);
    await lc.get(gina, '/incidents', { late: 'maybe' }).expect(400);
    await lc.get(gina, '/incidents/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
