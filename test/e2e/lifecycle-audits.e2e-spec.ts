import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { addMonths, type Json, lifecycleClient, type LifecycleClient, type Person, SOD } from '../helpers/lifecycle.js';

/**
 * Lifecycle 5, `internal-audit` and `certification-audit` (processes/*.bpmn), ISO/IEC 42001
 * clause 9.2 and the certification cycle: findings raise nonconformities, the certification
 * decision waits for every major one to close, surveillance at 12 and 24 months and
 * recertification at 36 on a manual clock. Register: `GET /audits`.
 */
describe('lifecycle: internal and certification audits', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let audrey: Person; // internal auditor
  let arnold: Person; // internal auditor who owns the audited area
  let tess: Person; // top management: management review
  let ed: Person; // external auditor: Stage 1, surveillance
  let rex: Person; // external auditor: Stage 2
  let eve: Person; // external auditor: certification decision
  let carla: Person; // compliance officer: opens the certification audit, contains and approves
  let cody: Person; // compliance officer: effectiveness reviews
  let olivia: Person; // AI owner: plans corrective actions
  let oscar: Person; // AI owner: root causes, implementation
  let gina: Person; // governance: moves the clock

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    audrey = await lc.person('audrey', 'auditor');
    arnold = await lc.person('arnold', 'auditor');
    tess = await lc.person('tess', 'top-management');
    ed = await lc.person('ed', 'external-auditor');
    rex = await lc.person('rex', 'external-auditor');
    eve = await lc.person('eve', 'external-auditor');
    carla = await lc.person('carla', 'compliance-officer');
    cody = await lc.person('cody', 'compliance-officer');
    olivia = await lc.person('olivia', 'ai-owner');
    oscar = await lc.person('oscar', 'ai-owner');
    gina = await lc.person('gina', 'governance');
  });
  afterAll(() => t.close());

  const openAudit = async (who: Person, body: Json): Promise<Json> => (await lc.post(who, '/audits', body).expect(201)).body;

  /** The register row and the process agree: stage and status for where the instance is. */
  async function expectAudit(id: string, active: string[], stage: string, status: string, instanceStatus = 'active'): Promise<Json> {
    const row = (await lc.get(gina, `/audits/${id}`).expect(200)).body;
    const instance = await lc.instance(gina, row.instanceId);
    expect({ active: instance.activeElementIds, instanceStatus: instance.status, stage: row.stage, status: row.status }).toEqual({
      active,
      instanceStatus,
      stage,
      status,
    });
    expect(instance.subject).toEqual({ type: 'audit', id });
    return row;
  }

  /** Drives a nonconformity raised by an audit to closed (the effectiveness review falls due 30 days on for a major). */
  async function closeNonconformity(ncId: string): Promise<void> {
    const nc = (await lc.get(gina, `/nonconformities/${ncId}`).expect(200)).body;
    const id = nc.instanceId;
    await lc.complete(carla, id, 'Task_contain', { containment: 'interim measure in place' });
    await lc.complete(oscar, id, 'Task_rootCause', { rootCause: 'no owner assigned', causeCategory: 'people' });
    await lc.complete(olivia, id, 'Task_plan', { plan: 'assign an owner and train them', targetDate: '2027-06-30' });
    await lc.complete(carla, id, 'Task_approve', { decision: 'approve' });
    await lc.complete(oscar, id, 'Task_implement', { implementation: 'owner assigned and trained' });
    const fired = await lc.advance(gina, nc.severity === 'major' ? 'P30D' : 'P60D');
    expect(fired.filter((f) => f.instanceId === id)).toEqual([expect.objectContaining({ elementId: 'Timer_effectiveness' })]);
    await lc.complete(cody, id, 'Task_effectiveness', { effective: true });
    expect((await lc.get(gina, `/nonconformities/${ncId}`).expect(200)).body.status).toBe('closed');
  }

  it('runs an internal audit: plan, fieldwork by an auditor who does not own the area, findings as nonconformities, report, management review', async () => {
    const audit = await openAudit(audrey, { type: 'internal', title: 'Internal audit Q1: AI risk management', scope: 'Clauses 6.1 and 8.2-8.4' });
    expect(audit).toMatchObject({ type: 'internal', stage: 'planning', status: 'active', cycle: 1, createdBy: 'audrey', instanceId: expect.any(String) });
    const instanceId = audit.instanceId;
    await expectAudit(audit.id, ['Task_plan'], 'planning', 'active');

    await lc.complete(audrey, instanceId, 'Task_plan', {
      scope: 'Clauses 6.1, 8.2-8.4',
      auditedArea: 'AI risk management',
      areaOwner: 'arnold',
      plannedDate: '2027-02-10',
    });
    let row = await expectAudit(audit.id, ['Task_fieldwork'], 'fieldwork', 'in-progress');
    expect(row).toMatchObject({ scope: 'Clauses 6.1, 8.2-8.4', auditedArea: 'AI risk management', areaOwner: 'arnold' });

    // Arnold is an auditor but owns the audited area: he may not do the fieldwork (FEEL separateFrom =areaOwner).
    await lc.refused(arnold, instanceId, 'Task_fieldwork', { findings: [] }, SOD.expression);
    const findings = [
      { title: 'Risk acceptance criteria not approved', severity: 'major', clauseRefs: ['6.1.2'] },
      { title: 'Training records incomplete', severity: 'minor', controlRefs: ['A.4.6'] },
      { title: 'Automate the SoA export', severity: 'observation' },
    ];
    // Each finding needs a title, a severity and lists of clause or Annex A control ids.
    const fieldwork = await lc.myTask(audrey, instanceId, 'Task_fieldwork');
    const bad = await lc
      .post(audrey, `/tasks/${fieldwork.id}/complete`, {
        variables: { findings: [{ severity: 'critical' }, { title: 'x', severity: 'minor', clauseRefs: '9.2', controlRefs: ['A.6.2.8', 'A.99'] }] },
      })
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'invalid-findings' });
    expect(bad.body.errors.map((e: Json) => e.pointer)).toEqual([
      '/variables/findings/0/title',
      '/variables/findings/0/severity',
      '/variables/findings/1/clauseRefs',
      '/variables/findings/1/controlRefs/1',
    ]);
    expect((await lc.get(gina, '/nonconformities', { auditId: audit.id }).expect(200)).body.total).toBe(0);
    await expectAudit(audit.id, ['Task_fieldwork'], 'fieldwork', 'in-progress');
    await lc.complete(audrey, instanceId, 'Task_fieldwork', { findings, fieldworkNotes: '12 interviews' });
    row = await expectAudit(audit.id, ['Task_report'], 'reporting', 'in-progress');
    const ncIds = (await lc.instance(gina, instanceId)).variables.nonconformityIds as string[];
    expect(ncIds).toHaveLength(3);
    expect(row.findings).toEqual(findings.map((f, i) => ({ ...f, stage: 'fieldwork', nonconformityId: ncIds[i] })));
    expect(row.nonconformities.map((n: Json) => [n.id, n.severity, n.status]).sort()).toEqual(
      [
        [ncIds[0], 'major', 'raised'],
        [ncIds[1], 'minor', 'raised'],
        [ncIds[2], 'observation', 'raised'],
      ].sort(),
    );
    const raised = (await lc.get(gina, '/nonconformities', { auditId: audit.id }).expect(200)).body.items;
    for (const nc of raised) {
      expect(nc).toMatchObject({ source: 'internal-audit', auditId: audit.id, raisedBy: 'audrey' });
      expect((await lc.instance(gina, nc.instanceId)).activeElementIds).toEqual(['Task_contain']);
    }
    expect(raised.find((n: Json) => n.severity === 'major')).toMatchObject({ title: 'Risk acceptance criteria not approved', clauseRefs: ['6.1.2'] });

    await lc.refused(arnold, instanceId, 'Task_report', { report: 'all fine' }, SOD.expression);
    await lc.complete(audrey, instanceId, 'Task_report', { report: 'Risk management partly effective', conclusion: 'one major finding' });
    await expectAudit(audit.id, ['Task_managementReview'], 'management-review', 'in-progress');
    expect(await lc.myTasks(audrey, instanceId, 'Task_managementReview')).toEqual([]);
    await lc.complete(tess, instanceId, 'Task_managementReview', {
      managementDecisions: 'approve risk criteria by March',
      improvementActions: ['risk criteria', 'training plan'],
    });
    await expectAudit(audit.id, [], 'completed', 'completed', 'completed');

    const listed = (await lc.get(gina, '/audits', { type: 'internal' }).expect(200)).body.items;
    expect(listed.map((a: Json) => a.id)).toEqual([audit.id]);
    expect(await lc.tasksCompletedBy(audrey, 'audrey', instanceId)).toEqual(['Task_plan', 'Task_fieldwork', 'Task_report']);
    expect(await lc.tasksCompletedBy(audrey, 'tess', instanceId)).toEqual(['Task_managementReview']);
    expect(await lc.tasksCompletedBy(audrey, 'arnold', instanceId)).toEqual([]);
    const stages = (await lc.get(audrey, '/audit-events', { subjectType: 'audit', subjectId: audit.id, limit: 100 }).expect(200)).body.items.reverse();
    expect(stages.map((e: Json) => [e.actor, e.action, e.after.stage ?? null])).toEqual([
      ['audrey', 'audit.opened', null],
      ['audrey', 'audit.stage-changed', 'fieldwork'],
      ['audrey', 'audit.stage-changed', 'reporting'],
      ['audrey', 'audit.stage-changed', 'management-review'],
      ['tess', 'audit.stage-changed', 'completed'],
    ]);
  });

  it('records a refused certification; the decision is taken by neither Stage 1 nor Stage 2 auditor', async () => {
    const audit = await openAudit(carla, { type: 'certification', title: 'Certification attempt 2026' });
    const id = audit.instanceId;
    await expectAudit(audit.id, ['Task_stage1'], 'stage-1', 'in-progress');
    await lc.complete(ed, id, 'Task_stage1', { findings: [], stage1Report: 'documentation complete' });
    await expectAudit(audit.id, ['Task_stage2'], 'stage-2', 'in-progress');
    await lc.complete(rex, id, 'Task_stage2', { findings: [{ title: 'Monitoring not effective', severity: 'minor' }], stage2Report: 'minor issues' });
    await expectAudit(audit.id, ['Task_decision'], 'decision', 'in-progress');
    await lc.refused(ed, id, 'Task_decision', { decision: 'certify' }, SOD.task('Task_stage1'));
    await lc.refused(rex, id, 'Task_decision', { decision: 'certify' }, SOD.task('Task_stage2'));
    await lc.complete(eve, id, 'Task_decision', { decision: 'refuse', decisionComments: 'scope unclear' });
    const row = await expectAudit(audit.id, [], 'refused', 'refused', 'completed');
    expect(row).toMatchObject({ certifiedAt: null, nextDueAt: null, surveillance1Due: null });
  });

  it('certifies once Stage 1 and Stage 2 majors are closed, runs surveillance at 12 and 24 months and recertification at 36 (cycle 2)', async () => {
    const audit = await openAudit(carla, { type: 'certification', title: 'ISO/IEC 42001 certification', scope: 'All AI systems of the EU business' });
    const id = audit.instanceId;
    await expectAudit(audit.id, ['Task_stage1'], 'stage-1', 'in-progress');

    // Stage 1 raises a major, Stage 2 a minor and a major: the decision waits for both majors to close.
    await lc.complete(ed, id, 'Task_stage1', {
      findings: [{ title: 'AI policy not communicated', severity: 'major', clauseRefs: ['5.2'] }],
      stage1Report: 'one major',
    });
    await expectAudit(audit.id, ['Task_stage2'], 'stage-2', 'in-progress');
    await lc.complete(rex, id, 'Task_stage2', {
      findings: [
        { title: 'Impact template lacks groups', severity: 'minor', controlRefs: ['A.5.2'] },
        { title: 'No monitoring of deployed models', severity: 'major', controlRefs: ['A.6.2.6'] },
      ],
    });
    let row = await expectAudit(audit.id, ['Message_ncClosed'], 'stage-2', 'awaiting-nonconformities');
    expect((await lc.instance(gina, id)).messageSubscriptions).toEqual([
      { elementId: 'Message_ncClosed', name: 'nonconformity.closed', correlationKey: audit.id },
    ]);
    const ncOf = (title: string) => row.nonconformities.find((n: Json) => n.title === title);
    const [stage1Major, minor, stage2Major] = ['AI policy not communicated', 'Impact template lacks groups', 'No monitoring of deployed models'].map(ncOf);
    expect(row.findings.map((f: Json) => [f.title, f.severity, f.stage, f.nonconformityId])).toEqual([
      ['AI policy not communicated', 'major', 'stage-1', stage1Major.id],
      ['Impact template lacks groups', 'minor', 'stage-2', minor.id],
      ['No monitoring of deployed models', 'major', 'stage-2', stage2Major.id],
    ]);
    expect((await lc.get(gina, `/nonconformities/${stage1Major.id}`).expect(200)).body).toMatchObject({
      source: 'certification-audit',
      raisedBy: 'ed',
      auditId: audit.id,
    });
    expect((await lc.instance(gina, id)).variables.openMajors).toBe(2);

    // One major closed: counted again, one still open, the audit waits again.
    await closeNonconformity(stage1Major.id);
    row = await expectAudit(audit.id, ['Message_ncClosed'], 'stage-2', 'awaiting-nonconformities');
    expect((await lc.instance(gina, id)).variables.openMajors).toBe(1);
    await closeNonconformity(stage2Major.id);
    row = await expectAudit(audit.id, ['Task_decision'], 'decision', 'in-progress');
    expect(row.nonconformities.find((n: Json) => n.id === minor.id).status).toBe('raised');
    const history = await lc.history(gina, id);
    expect(history.filter((h) => h.event === 'message').map((h) => [h.actor, h.details.messageName])).toEqual([
      ['cody', 'nonconformity.closed'],
      ['cody', 'nonconformity.closed'],
    ]);

    await lc.refused(ed, id, 'Task_decision', { decision: 'certify' }, SOD.task('Task_stage1'));
    await lc.refused(rex, id, 'Task_decision', { decision: 'certify' }, SOD.task('Task_stage2'));
    await lc.complete(eve, id, 'Task_decision', { decision: 'certify', decisionComments: 'certified for 3 years' });
    row = await expectAudit(audit.id, ['Timer_surveillance1'], 'certified', 'certified');
    expect(row.surveillance1Due).toBe(addMonths(row.certifiedAt, 12));
    expect(row.surveillance2Due).toBe(addMonths(row.certifiedAt, 24));
    expect(row.recertificationDue).toBe(addMonths(row.certifiedAt, 36));
    expect(row.nextDueAt).toBe(row.surveillance1Due);
    expect((await lc.instance(gina, id)).timers).toEqual([expect.objectContaining({ elementId: 'Timer_surveillance1', dueAt: row.surveillance1Due })]);

    // 12 months: surveillance audit 1 raises a major, which must close before the next timer is set.
    const ours = (fired: Json[]) => fired.filter((f) => f.instanceId === id).map((f) => [f.elementId, f.dueAt]);
    expect(ours(await lc.advance(gina, 'P11M'))).toEqual([]);
    expect(ours(await lc.advance(gina, 'P1M'))).toEqual([['Timer_surveillance1', row.surveillance1Due]]);
    await expectAudit(audit.id, ['Task_surveillance1'], 'surveillance-1', 'in-progress');
    await lc.complete(ed, id, 'Task_surveillance1', {
      findings: [{ title: 'Supplier AI not evaluated', severity: 'major', controlRefs: ['A.10.3'] }],
      surveillance1Report: 'one major',
    });
    row = await expectAudit(audit.id, ['Message_ncClosed1'], 'surveillance-1', 'awaiting-nonconformities');
    await closeNonconformity(row.findings.find((f: Json) => f.stage === 'surveillance-1').nonconformityId);
    row = await expectAudit(audit.id, ['Timer_surveillance2'], 'surveillance-1', 'completed');
    expect(row.nextDueAt).toBe(row.surveillance2Due);

    // 24 months: surveillance audit 2 raises a major, which must close before the cycle goes on.
    expect(ours(await lc.advance(gina, 'P12M'))).toEqual([['Timer_surveillance2', row.surveillance2Due]]);
    await lc.complete(ed, id, 'Task_surveillance2', { findings: [{ title: 'Internal audit programme lapsed', severity: 'major', clauseRefs: ['9.2'] }] });
    row = await expectAudit(audit.id, ['Message_ncClosed2'], 'surveillance-2', 'awaiting-nonconformities');
    const surveillanceMajor = row.findings.find((f: Json) => f.stage === 'surveillance-2');
    expect(surveillanceMajor).toMatchObject({ severity: 'major', nonconformityId: expect.any(String) });
    await closeNonconformity(surveillanceMajor.nonconformityId);
    row = await expectAudit(audit.id, ['Timer_recertification'], 'surveillance-2', 'completed');
    expect(row.nextDueAt).toBe(row.recertificationDue);

    // 36 months: recertification starts the next cycle, a new certification audit in the register.
    expect(ours(await lc.advance(gina, 'P12M'))).toEqual([['Timer_recertification', row.recertificationDue]]);
    const done = await lc.instance(gina, id);
    expect(done).toMatchObject({ status: 'completed', variables: { nextAuditId: expect.any(String) } });
    const audits = (await lc.get(gina, '/audits', { type: 'certification' }).expect(200)).body.items;
    const next = audits.find((a: Json) => a.id === done.variables.nextAuditId);
    expect(next).toMatchObject({
      type: 'certification',
      cycle: 2,
      previousAuditId: audit.id,
      title: 'ISO/IEC 42001 certification (cycle 2)',
      scope: 'All AI systems of the EU business',
    });
    await expectAudit(next.id, ['Task_stage1'], 'stage-1', 'in-progress');
    expect(audits.filter((a: Json) => a.cycle === 2)).toHaveLength(1);

    // The trail: who did what in the cycle.
    expect(await lc.tasksCompletedBy(audrey, 'ed', id)).toEqual(['Task_stage1', 'Task_surveillance1', 'Task_surveillance2']);
    expect(await lc.tasksCompletedBy(audrey, 'rex', id)).toEqual(['Task_stage2']);
    expect(await lc.tasksCompletedBy(audrey, 'eve', id)).toEqual(['Task_decision']);
    expect((await lc.get(gina, '/nonconformities', { auditId: audit.id, severity: 'major', status: 'closed' }).expect(200)).body.total).toBe(4);
    const stages = (
      await lc.get(audrey, '/audit-events', { subjectType: 'audit', subjectId: audit.id, action: 'audit.stage-changed', limit: 100 }).expect(200)
    ).body.items.reverse();
    expect(stages.map((e: Json) => [e.after.stage, e.after.status])).toEqual([
      ['stage-1', 'in-progress'],
      ['stage-2', 'in-progress'],
      ['stage-2', 'awaiting-nonconformities'],
      ['decision', 'in-progress'],
      ['certified', 'certified'],
      ['surveillance-1', 'in-progress'],
      ['surveillance-1', 'awaiting-nonconformities'],
      ['surveillance-1', 'completed'],
      ['surveillance-2', 'in-progress'],
      ['surveillance-2', 'awaiting-nonconformities'],
      ['surveillance-2', 'completed'],
    ]);
  });

  it('validates what is opened and who may open it', async () => {
    const bad = await lc.post(audrey, '/audits', { type: 'external', title: '' }).expect(400);
    expect([...new Set(bad.body.errors.map((e: Json) => e.pointer))].sort()).toEqual(['/title', '/type']);
    await lc.post(olivia, '/audits', { type: 'internal', title: 'by an AI owner' }).expect(403);
    await lc.get(gina, '/audits/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
