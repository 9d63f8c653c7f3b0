import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  addMonths,
  draft,
  driveAssessment,
  highRiskSystem,
  type Json,
  lifecycleClient,
  type LifecycleClient,
  minimalSystem,
  type Person,
  SOD,
} from '../helpers/lifecycle.js';

/**
 * Lifecycle 1, `ai-system-onboarding` (processes/ai-system-onboarding.bpmn), driven only through
 * the HTTP API with one token per person, on the real processes and rules and a manual clock.
 */
describe('lifecycle: AI system onboarding', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let olivia: Person; // AI owner: registers, confirms scope, drafts, addresses findings, decommissions
  let rita: Person; // risk officer
  let carla: Person; // compliance officer (reviews)
  let cody: Person; // a second compliance officer (approves)
  let tess: Person; // top management
  let dora: Person; // DPO
  let gina: Person; // governance: moves the clock
  let audrey: Person; // internal auditor: reads the audit trail

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    olivia = await lc.person('olivia', 'ai-owner');
    rita = await lc.person('rita', 'risk-officer');
    carla = await lc.person('carla', 'compliance-officer');
    cody = await lc.person('cody', 'compliance-officer');
    tess = await lc.person('tess', 'top-management');
    dora = await lc.person('dora', 'dpo');
    gina = await lc.person('gina', 'governance');
    audrey = await lc.person('audrey', 'auditor');
  });
  afterAll(() => t.close());

  /** The system's status and the onboarding's position, read together. */
  async function expectAt(systemId: string, onboardingId: string, status: string, active: string[], instanceStatus = 'active'): Promise<Json> {
    const [system, instance] = [await lc.system(gina, systemId), await lc.instance(gina, onboardingId)];
    expect({ systemStatus: system.status, instanceStatus: instance.status, active: instance.activeElementIds }).toEqual({
      systemStatus: status,
      instanceStatus,
      active,
    });
    return instance;
  }

  const assessments = async (systemId: string): Promise<Json[]> =>
    (await lc.get(gina, '/impact-assessments', { systemId }).expect(200)).body.items.sort((a: Json, b: Json) => a.version - b.version);

  /** The assessment of an impact-assessment instance: register status and instance variable agree. */
  async function expectAssessment(iaInstanceId: string, status: string): Promise<Json> {
    const instance = await lc.instance(gina, iaInstanceId);
    const row = (await lc.get(gina, `/impact-assessments/${instance.variables.assessmentId}`).expect(200)).body;
    expect(row.status).toBe(status);
    expect(instance.variables.assessmentStatus).toBe(status);
    expect(row.instanceId).toBe(iaInstanceId);
    return row;
  }

  it('takes a high-risk system from registration to approval (rejection loop on deployment), periodic reviews and retirement', async () => {
    const { system, onboardingId } = await lc.register(olivia, highRiskSystem('CV screening assistant'));
    expect(system).toMatchObject({ status: 'registered', riskClass: 'high', owner: 'olivia' });
    let instance = await expectAt(system.id, onboardingId, 'registered', ['Task_confirmScope']);
    expect(instance).toMatchObject({ definitionKey: 'ai-system-onboarding', subject: { type: 'ai-system', id: system.id }, initiator: 'olivia' });
    expect(instance.openTasks).toEqual([expect.objectContaining({ elementId: 'Task_confirmScope', candidateRoles: ['ai-owner'] })]);

    // A role outside the form's allowed values is refused with a pointer to the item; the task stays open.
    const scopeTask = (await lc.openTasks(olivia, onboardingId, 'Task_confirmScope'))[0];
    const wrong = await t.http
      .post(`/api/v1/tasks/${scopeTask.id}/complete`)
      .set('Authorization', `Bearer ${olivia.token}`)
      .send({ variables: { inScope: true, roles: ['deployer', 'wizard'] } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ pointer: '/variables/roles/1' })]);

    // Scope confirmed → classified (high) → in assessment → required controls → impact assessment.
    await lc.complete(olivia, onboardingId, 'Task_confirmScope', { inScope: true, roles: ['deployer'], notes: 'HR uses it in the EU' });
    instance = await expectAt(system.id, onboardingId, 'in-assessment', ['Call_impactAssessment']);
    expect(instance.variables).toMatchObject({ riskClass: 'high', classification: { riskClass: 'high' }, requiredControls: expect.any(Object) });
    const ia1 = await lc.activeChild(gina, onboardingId, 'impact-assessment');
    expect((await lc.instance(gina, ia1)).activeElementIds).toEqual(['Task_draft']);
    let rows = await assessments(system.id);
    expect(rows).toEqual([expect.objectContaining({ version: 1, status: 'draft', trigger: 'onboarding', reasons: ['onboarding'], instanceId: ia1 })]);

    // High risk: compliance officer, risk officer and DPO approve the assessment.
    await driveAssessment(lc, ia1, { drafter: olivia, reviewer: carla, approvers: [cody, rita, dora] });
    await expectAssessment(ia1, 'approved');
    instance = await expectAt(system.id, onboardingId, 'in-assessment', ['Task_riskAssessment']);
    expect(instance.variables).toMatchObject({ assessmentStatus: 'approved', impactLevel: 'low', assessmentId: rows[0].id });
    expect((await lc.system(gina, system.id)).impactLevel).toBe('low');

    // Risks: only the one at or above the rules' threshold (medium) gets a treatment.
    await lc.complete(rita, onboardingId, 'Task_riskAssessment', {
      risks: [
        { title: 'Biased shortlists', description: 'Under-represented groups ranked lower', likelihood: 3, severity: 3 },
        { title: 'Label typo', description: 'A button says Shortlits', likelihood: 1, severity: 1 },
      ],
    });
    instance = await expectAt(system.id, onboardingId, 'in-assessment', ['Call_riskTreatment']);
    expect(instance.variables.risks.map((r: Json) => [r.title, r.rating, r.treatmentRequired])).toEqual([
      ['Biased shortlists', 'medium', true],
      ['Label typo', 'low', false],
    ]);
    const treatments = await lc.children(gina, onboardingId, 'risk-treatment');
    expect(treatments).toHaveLength(1);
    await lc.complete(rita, treatments[0].id, 'Task_decide', { treatment: 'accept', rationale: 'monitored monthly' });
    const risks = (await lc.get(gina, '/risks', { systemId: system.id }).expect(200)).body.items;
    expect(risks).toEqual([expect.objectContaining({ title: 'Biased shortlists', rating: 'medium', treatment: 'accept', status: 'accepted', owner: 'rita' })]);

    // Deployment: three approvals, three people; top management rejects once.
    instance = await expectAt(system.id, onboardingId, 'in-assessment', ['Task_deploymentApproval']);
    expect(instance.variables.riskTreatments).toEqual([{ riskId: risks[0].id, treatment: 'accept', riskStatus: 'accepted' }]);
    expect(instance.variables.approvals.approverRoles).toEqual(['compliance-officer', 'risk-officer', 'top-management']);
    expect((await lc.openTasks(gina, onboardingId, 'Task_deploymentApproval')).map((task) => task.candidateRoles)).toEqual([
      ['compliance-officer'],
      ['risk-officer'],
      ['top-management'],
    ]);
    await lc.complete(cody, onboardingId, 'Task_deploymentApproval', { decision: 'approve' });
    await lc.complete(rita, onboardingId, 'Task_deploymentApproval', { decision: 'approve' });
    await lc.complete(tess, onboardingId, 'Task_deploymentApproval', { decision: 'reject', comments: 'no human review of rejections yet' });
    instance = await expectAt(system.id, onboardingId, 'in-assessment', ['Task_addressFindings']);
    expect(instance.variables.deploymentDecisions).toEqual([
      { role: 'compliance-officer', decision: 'approve', comments: null },
      { role: 'risk-officer', decision: 'approve', comments: null },
      { role: 'top-management', decision: 'reject', comments: 'no human review of rejections yet' },
    ]);
    await lc.complete(olivia, onboardingId, 'Task_addressFindings', { findingsResponse: 'every rejection is now reviewed by a recruiter' });
    // Asked again: earlier approvals do not count.
    expect(await lc.openTasks(gina, onboardingId, 'Task_deploymentApproval')).toHaveLength(3);
    await lc.complete(cody, onboardingId, 'Task_deploymentApproval', { decision: 'approve' });
    await lc.complete(rita, onboardingId, 'Task_deploymentApproval', { decision: 'approve' });
    await lc.complete(tess, onboardingId, 'Task_deploymentApproval', { decision: 'approve', comments: 'fine now' });

    // Approved and in operation: periodic review every 6 months (high risk), or retirement.
    instance = await expectAt(system.id, onboardingId, 'approved', ['Gateway_inOperation']);
    expect(instance.variables.review).toMatchObject({ interval: 'P6M' });
    expect(instance.timers).toEqual([expect.objectContaining({ elementId: 'Timer_periodicReview', status: 'pending' })]);
    expect(instance.messageSubscriptions).toEqual([{ elementId: 'Message_retire', name: 'ai-system.retire', correlationKey: system.id }]);
    const enteredOperation = (await lc.history(gina, onboardingId)).filter((h) => h.elementsEntered.includes('Gateway_inOperation')).pop() as Json;
    expect(instance.timers[0].dueAt).toBe(addMonths(enteredOperation.at, 6));

    // Six months on: the periodic review starts a new impact assessment, a draft in the register.
    expect((await lc.advance(gina, 'P5M')).filter((f) => f.instanceId === onboardingId)).toEqual([]);
    const fired = (await lc.advance(gina, 'P1M')).filter((f) => f.instanceId === onboardingId);
    expect(fired).toEqual([expect.objectContaining({ elementId: 'Timer_periodicReview', outcome: 'fired' })]);
    instance = await expectAt(system.id, onboardingId, 'approved', ['Call_periodicReview']);
    const ia2 = await lc.activeChild(gina, onboardingId, 'impact-assessment');
    rows = await assessments(system.id);
    expect(rows.map((r) => [r.version, r.status, r.trigger])).toEqual([
      [1, 'approved', 'onboarding'],
      [2, 'draft', 'periodic-review'],
    ]);
    expect(rows[1]).toMatchObject({ instanceId: ia2, reasons: ['periodic review every P6M'] });
    const drafts = (await lc.get(gina, '/impact-assessments', { systemId: system.id, status: 'draft' }).expect(200)).body.items;
    expect(drafts.map((r: Json) => r.id)).toEqual([rows[1].id]);

    // The periodic assessment is rejected: the system needs reassessment and a new assessment starts.
    await driveAssessment(lc, ia2, { drafter: olivia, reviewer: carla, approvers: [cody, rita, dora], decisions: { dora: 'reject' } });
    await expectAssessment(ia2, 'rejected');
    await expectAt(system.id, onboardingId, 'reassessment-required', ['Call_periodicReview']);
    const ia3 = await lc.activeChild(gina, onboardingId, 'impact-assessment');
    expect(ia3).not.toBe(ia2);
    await driveAssessment(lc, ia3, { drafter: olivia, reviewer: carla, approvers: [cody, rita, dora], dimensions: draft(2, 3, 'second periodic draft') });
    await expectAssessment(ia3, 'approved');
    instance = await expectAt(system.id, onboardingId, 'approved', ['Gateway_inOperation']);
    expect(instance.variables).toMatchObject({ impactLevel: 'medium', review: { interval: 'P6M' } });
    expect((await lc.system(gina, system.id)).impactLevel).toBe('medium');
    rows = await assessments(system.id);
    expect(rows.map((r) => [r.version, r.status])).toEqual([
      [1, 'superseded'],
      [2, 'rejected'],
      [3, 'approved'],
    ]);
    expect(rows[0].supersededBy).toBe(rows[2].id);

    // Retirement: the message reaches the onboarding in operation; decommissioning retires the system.
    const retire = await lc.post(olivia, `/ai-systems/${system.id}/retire`, { reason: 'replaced by a new vendor' }).expect(200);
    expect(retire.body.status).toBe('approved');
    await expectAt(system.id, onboardingId, 'approved', ['Task_decommission']);
    await lc.complete(olivia, onboardingId, 'Task_decommission', { decommissionPlan: 'switch off on 1 June', dataRetention: 'keep logs 6 years' });
    instance = await expectAt(system.id, onboardingId, 'retired', [], 'completed');
    expect((await lc.system(gina, system.id)).retiredAt).toEqual(expect.any(String));

    // Every rules decision the onboarding used is linked to its step and stored with the system.
    const ids = await lc.decisionIds(gina, onboardingId);
    const used = await Promise.all(ids.map((id) => lc.decision(gina, id)));
    expect(used.map((d) => d.ruleSetKey).sort()).toEqual(
      ['eu-ai-act-risk-class', 'required-controls', 'required-approvals', 'required-approvals', 'review-interval', 'review-interval'].sort(),
    );
    for (const d of used)
      expect(d).toMatchObject({ subjectType: 'ai-system', subjectId: system.id, trigger: expect.stringMatching(new RegExp(`^process:${onboardingId}/Task_`)) });
    const ofSystem = (await lc.get(gina, `/ai-systems/${system.id}/decisions`, { limit: 500 }).expect(200)).body.items.map((d: Json) => d.id);
    expect(ofSystem).toEqual(expect.arrayContaining(ids));
    // The risk ratings of the risk assessment step are linked from each rated risk.
    const ratings = (instance.variables.risks as Json[]).map((r) => r.decisionId as string);
    expect(ofSystem).toEqual(expect.arrayContaining(ratings));
    expect((await Promise.all(ratings.map((id) => lc.decision(gina, id)))).map((d) => [d.ruleSetKey, d.trigger])).toEqual([
      ['risk-rating', `process:${onboardingId}/Task_rateRisks#0`],
      ['risk-rating', `process:${onboardingId}/Task_rateRisks#1`],
    ]);

    // Who did what.
    expect(await lc.tasksCompletedBy(audrey, 'olivia', onboardingId)).toEqual(['Task_confirmScope', 'Task_addressFindings', 'Task_decommission']);
    expect(await lc.tasksCompletedBy(audrey, 'tess', onboardingId)).toEqual(['Task_deploymentApproval', 'Task_deploymentApproval']);
    expect(await lc.tasksCompletedBy(audrey, 'rita', onboardingId)).toEqual(['Task_riskAssessment', 'Task_deploymentApproval', 'Task_deploymentApproval']);
    const statusChanges = (
      await lc.get(audrey, '/audit-events', { subjectType: 'ai-system', subjectId: system.id, action: 'ai-system.status-changed', limit: 100 }).expect(200)
    ).body.items
      .reverse()
      .map((e: Json) => e.after.status);
    expect(statusChanges).toEqual(['in-assessment', 'approved', 'reassessment-required', 'approved', 'retired']);
  });
  it('ends at once for a system confirmed out of scope', async () => {
    const { system, onboardingId } = await lc.register(olivia, minimalSystem('Office plant watering planner'));
    await expectAt(system.id, onboardingId, 'registered', ['Task_confirmScope']);
    // Only the AI owner role may confirm the scope.
    const task = await lc.myTask(olivia, onboardingId, 'Task_confirmScope');
    expect((await lc.post(rita, `/tasks/${task.id}/complete`, { variables: { inScope: false } }).expect(403)).body.code).toBe('not-a-candidate');
    expect((await lc.post(olivia, `/tasks/${task.id}/complete`, { variables: { inScope: 'no' } }).expect(400)).body.errors).toEqual([
      { pointer: '/variables/inScope', message: 'must be true or false' },
    ]);
    await lc.complete(olivia, onboardingId, 'Task_confirmScope', { inScope: false, notes: 'not an AI system: a fixed schedule' });
    const instance = await expectAt(system.id, onboardingId, 'out-of-scope', [], 'completed');
    expect(instance.children).toEqual([]);
    // Nothing was classified by the process, nothing assessed.
    expect(await lc.decisionIds(gina, onboardingId)).toEqual([]);
    expect(await assessments(system.id)).toEqual([]);
    const changed = (await lc.get(audrey, '/audit-events', { subjectId: system.id, action: 'ai-system.status-changed' }).expect(200)).body.items;
    expect(changed).toEqual([expect.objectContaining({ actor: 'olivia', before: { status: 'registered' }, after: { status: 'out-of-scope' } })]);
  });

  it('stops a prohibited practice: status prohibited, a major nonconformity raised and announced', async () => {
    const { system, onboardingId } = await lc.register(olivia, {
      name: 'Citizen trust score',
      intendedPurpose: 'Score citizens by their social behaviour',
      roles: ['provider'],
      attributes: { useCases: ['social-scoring'] },
    });
    expect(system.riskClass).toBe('prohibited');
    await lc.complete(olivia, onboardingId, 'Task_confirmScope', { inScope: true, roles: ['provider'] });
    const instance = await expectAt(system.id, onboardingId, 'prohibited', [], 'completed');
    expect(instance.variables).toMatchObject({ riskClass: 'prohibited', nonconformityId: expect.any(String) });

    const ncs = (await lc.get(gina, '/nonconformities', { systemId: system.id }).expect(200)).body.items;
    expect(ncs).toEqual([
      expect.objectContaining({
        id: instance.variables.nonconformityId,
        title: 'Prohibited AI practice: Citizen trust score',
        description: expect.stringContaining('Art. 5(1)(c)'),
        source: 'monitoring',
        severity: 'major',
        systemId: system.id,
        clauseRefs: ['6.1.2', '8.2'],
        status: 'raised',
        raisedBy: 'olivia',
      }),
    ]);
    // Its corrective action process runs, waiting for containment.
    const nc = await lc.instance(gina, ncs[0].instanceId);
    expect(nc).toMatchObject({
      definitionKey: 'nonconformity',
      status: 'active',
      activeElementIds: ['Task_contain'],
      subject: { type: 'nonconformity', id: ncs[0].id },
    });

    // Webhook-ready events: the nonconformity and the status change are in the outbox.
    const { rows } = await t.db.query(`SELECT type, subject_type, subject_id, data FROM outbox_events WHERE subject_id = ANY($1) ORDER BY seq`, [
      [system.id, ncs[0].id],
    ]);
    expect(rows.map((r) => r.type)).toEqual(expect.arrayContaining(['ai-system.registered', 'ai-system.status-changed', 'nonconformity.raised']));
    expect(rows.find((r) => r.type === 'nonconformity.raised')).toMatchObject({
      subject_type: 'nonconformity',
      subject_id: ncs[0].id,
      data: { id: ncs[0].id, severity: 'major', source: 'monitoring', systemId: system.id },
    });
    expect(rows.find((r) => r.type === 'ai-system.status-changed')?.data).toEqual({ id: system.id, from: 'registered', to: 'prohibited' });
    const [classification] = await Promise.all((await lc.decisionIds(gina, onboardingId)).map((id) => lc.decision(gina, id)));
    expect(classification).toMatchObject({
      ruleSetKey: 'eu-ai-act-risk-class',
      outcome: { riskClass: 'prohibited' },
      trigger: `process:${onboardingId}/Task_classify`,
    });
  });

  it('refuses deployment approvals by the initiator, by whoever addressed the findings, and two items by one person', async () => {
    // Ines owns the system and is also a compliance officer; Abe answers findings and is a risk officer;
    // Max is compliance and risk officer at once.
    const ines = await lc.person('ines', 'ai-owner', 'compliance-officer');
    const abe = await lc.person('abe', 'ai-owner', 'risk-officer');
    const max = await lc.person('max', 'compliance-officer', 'risk-officer');
    const { system, onboardingId } = await lc.register(ines, highRiskSystem('Interview scheduler'));
    await lc.complete(ines, onboardingId, 'Task_confirmScope', { inScope: true });
    const ia = await lc.activeChild(gina, onboardingId, 'impact-assessment');
    await driveAssessment(lc, ia, { drafter: olivia, reviewer: carla, approvers: [cody, rita, dora] });
    await lc.complete(rita, onboardingId, 'Task_riskAssessment', { risks: [] });
    await expectAt(system.id, onboardingId, 'in-assessment', ['Task_deploymentApproval']);

    await lc.refused(ines, onboardingId, 'Task_deploymentApproval', { decision: 'approve' }, SOD.initiator, 'compliance-officer');
    await lc.complete(max, onboardingId, 'Task_deploymentApproval', { decision: 'approve' }, 'compliance-officer');
    await lc.refused(max, onboardingId, 'Task_deploymentApproval', { decision: 'approve' }, SOD.task('Task_deploymentApproval'), 'risk-officer');
    await lc.complete(rita, onboardingId, 'Task_deploymentApproval', { decision: 'reject', comments: 'no risk treatment plan' });
    await lc.complete(tess, onboardingId, 'Task_deploymentApproval', { decision: 'approve' });
    await lc.complete(abe, onboardingId, 'Task_addressFindings', { findingsResponse: 'risks reassessed: none above the threshold' });
    await lc.refused(abe, onboardingId, 'Task_deploymentApproval', { decision: 'approve' }, SOD.task('Task_addressFindings'), 'risk-officer');
    await lc.complete(max, onboardingId, 'Task_deploymentApproval', { decision: 'approve' }, 'risk-officer');
    await lc.refused(max, onboardingId, 'Task_deploymentApproval', { decision: 'approve' }, SOD.task('Task_deploymentApproval'), 'compliance-officer');
    await lc.complete(cody, onboardingId, 'Task_deploymentApproval', { decision: 'approve' });
    await lc.complete(tess, onboardingId, 'Task_deploymentApproval', { decision: 'approve' });
    await expectAt(system.id, onboardingId, 'approved', ['Gateway_inOperation']);
    // The refusals changed nothing and are not in the trail as completions.
    expect(await lc.tasksCompletedBy(audrey, 'ines', onboardingId)).toEqual(['Task_confirmScope']);
    expect(await lc.tasksCompletedBy(audrey, 'max', onboardingId)).toEqual(['Task_deploymentApproval', 'Task_deploymentApproval']);
  });

  it('writes the roles confirmed in the scope task to the register, audited', async () => {
    const { system, onboardingId } = await lc.register(olivia, minimalSystem('Chat assistant'));
    const registered = system.roles as string[];
    await lc.complete(olivia, onboardingId, 'Task_confirmScope', { inScope: true, roles: ['provider', 'deployer'] });
    const after = await lc.system(gina, system.id);
    expect(after.roles).toEqual(['provider', 'deployer']);
    const trail = (await lc.get(audrey, '/audit-events', { subjectType: 'ai-system', subjectId: system.id, action: 'ai-system.updated' }).expect(200)).body
      .items;
    expect(trail[0]).toMatchObject({ actor: 'olivia', before: { roles: registered }, after: { roles: ['provider', 'deployer'] } });
  });

  it('retires a system still in onboarding at once and cancels its lifecycle', async () => {
    const { system, onboardingId } = await lc.register(olivia, minimalSystem('Invoice OCR'));
    await lc.complete(olivia, onboardingId, 'Task_confirmScope', { inScope: true });
    const ia = await lc.activeChild(gina, onboardingId, 'impact-assessment');
    await lc.post(olivia, `/ai-systems/${system.id}/retire`, { reason: 'project stopped' }).expect(200);
    await expectAt(system.id, onboardingId, 'retired', [], 'cancelled');
    expect((await lc.instance(gina, ia)).status).toBe('cancelled');
    expect(await lc.openTasks(gina, ia)).toEqual([]);
    // Nobody will finish the draft assessment: the register says so, and the audit trail says why.
    const [assessment] = await assessments(system.id);
    expect(assessment).toMatchObject({ status: 'withdrawn', instanceId: ia });
    expect((await lc.get(gina, '/impact-assessments', { status: 'withdrawn', systemId: system.id }).expect(200)).body.items).toHaveLength(1);
    const trail = (await lc.get(audrey, '/audit-events', { subjectType: 'impact-assessment', subjectId: assessment.id }).expect(200)).body.items;
    expect(trail[0]).toMatchObject({
      action: 'impact-assessment.withdrawn',
      actor: 'olivia',
      before: { status: 'draft' },
      after: { status: 'withdrawn', instanceId: ia },
    });
  });

  it('withdraws the risks still being treated when the lifecycle is cancelled, and keeps those already decided', async () => {
    const { system, onboardingId } = await lc.register(olivia, highRiskSystem('Credit scoring'));
    await lc.complete(olivia, onboardingId, 'Task_confirmScope', { inScope: true, roles: ['deployer'] });
    await driveAssessment(lc, await lc.activeChild(gina, onboardingId, 'impact-assessment'), {
      drafter: olivia,
      reviewer: carla,
      approvers: [cody, rita, dora],
    });
    await lc.complete(rita, onboardingId, 'Task_riskAssessment', {
      risks: [
        { title: 'Unfair refusals', likelihood: 3, severity: 3 },
        { title: 'Drift', likelihood: 3, severity: 3 },
      ],
    });
    const treatments = await Promise.all((await lc.children(gina, onboardingId, 'risk-treatment')).map((child) => lc.instance(gina, child.id)));
    const drift = treatments.find((child) => child.variables.risk.title === 'Drift') as Json;
    await lc.complete(rita, drift.id, 'Task_decide', { treatment: 'accept', rationale: 'within appetite' });
    await lc.post(olivia, `/ai-systems/${system.id}/retire`, { reason: 'vendor product bought instead' }).expect(200);
    const risks = (await lc.get(gina, '/risks', { systemId: system.id }).expect(200)).body.items as Json[];
    expect(Object.fromEntries(risks.map((r) => [r.title, r.status]))).toEqual({ 'Unfair refusals': 'withdrawn', Drift: 'accepted' });
    expect((await assessments(system.id))[0].status).toBe('approved');
  });
});
