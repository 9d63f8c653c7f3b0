import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { dimension, draft, driveAssessment, type Json, lifecycleClient, type LifecycleClient, minimalSystem, type Person, SOD } from '../helpers/lifecycle.js';

/**
 * Lifecycle 2, `impact-assessment` (processes/impact-assessment.bpmn): the four ISO/IEC 42001
 * dimensions, the FRIA where EU AI Act Art. 27 applies, review, approvals and the versioned
 * register `GET /impact-assessments`. Each assessment is started by an onboarding, over HTTP only.
 */
describe('lifecycle: impact assessment', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let olivia: Person; // AI owner: registers and drafts
  let rita: Person; // risk officer
  let carla: Person; // compliance officer: reviews
  let cody: Person; // second compliance officer: approves
  let dora: Person; // DPO: FRIA
  let dan: Person; // second DPO: approves
  let gina: Person; // governance
  let audrey: Person; // auditor: reads the trail

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    olivia = await lc.person('olivia', 'ai-owner');
    rita = await lc.person('rita', 'risk-officer');
    carla = await lc.person('carla', 'compliance-officer');
    cody = await lc.person('cody', 'compliance-officer');
    dora = await lc.person('dora', 'dpo');
    dan = await lc.person('dan', 'dpo');
    gina = await lc.person('gina', 'governance');
    audrey = await lc.person('audrey', 'auditor');
  });
  afterAll(() => t.close());

  const creditScoring = (name: string): Json => ({
    name,
    intendedPurpose: 'Score the creditworthiness of consumers',
    roles: ['deployer'],
    attributes: { useCases: ['credit-scoring'], profilesNaturalPersons: true, processesPersonalData: true, art6_3Derogation: 'none' },
  });

  /** Registers a system, confirms its scope and returns the impact-assessment instance the onboarding started. */
  async function startAssessment(owner: Person, body: Json): Promise<{ systemId: string; onboardingId: string; ia: string }> {
    const { system, onboardingId } = await lc.register(owner, body);
    await lc.complete(owner, onboardingId, 'Task_confirmScope', { inScope: true });
    return { systemId: system.id, onboardingId, ia: await lc.activeChild(gina, onboardingId, 'impact-assessment') };
  }

  /** Where the instance is, and the register row of its assessment: the statuses agree. */
  async function expectStep(ia: string, active: string[], status: string): Promise<Json> {
    const instance = await lc.instance(gina, ia);
    const row = (await lc.get(gina, `/impact-assessments/${instance.variables.assessmentId}`).expect(200)).body;
    expect({ active: instance.activeElementIds, register: row.status, variable: instance.variables.assessmentStatus }).toEqual({
      active,
      register: status,
      variable: status,
    });
    return row;
  }

  it('drafts the four dimensions, has the DPO add the FRIA, loops on requested changes and records the approved version', async () => {
    const { systemId, onboardingId, ia } = await startAssessment(olivia, creditScoring('Consumer credit scorer'));
    let row = await expectStep(ia, ['Task_draft'], 'draft');
    expect(row).toMatchObject({
      systemId,
      version: 1,
      trigger: 'onboarding',
      reasons: ['onboarding'],
      individuals: null,
      fria: null,
      decisionIds: [],
      approvers: [],
    });
    const draftTask = await lc.myTask(olivia, ia, 'Task_draft');
    expect(draftTask.form.map((f) => f.name)).toEqual(['individuals', 'groups', 'society', 'organisation', 'summary']);

    // The form wants all four dimensions as objects.
    const bad = await lc.post(olivia, `/tasks/${draftTask.id}/complete`, { variables: { individuals: dimension(2, 2), groups: 'none' } }).expect(400);
    expect(bad.body.errors.map((e: Json) => e.pointer).sort()).toEqual(['/variables/groups', '/variables/organisation', '/variables/society']);

    const first = {
      individuals: dimension(4, 3, 'loans refused'),
      groups: dimension(3, 2),
      society: dimension(2, 2),
      organisation: dimension(2, 1),
      summary: 'v1',
    };
    await lc.complete(olivia, ia, 'Task_draft', first);
    // Credit scoring: Art. 27 applies, the DPO completes the FRIA (not the AI owner).
    row = await expectStep(ia, ['Task_fria'], 'draft');
    expect(await lc.myTasks(olivia, ia, 'Task_fria')).toEqual([]);
    await lc.complete(dora, ia, 'Task_fria', {
      fria: { processes: 'consumer loans', affectedCategories: 'applicants', risksOfHarm: 'exclusion', humanOversight: 'analyst' },
    });
    row = await expectStep(ia, ['Task_review'], 'in-review');
    expect(row).toMatchObject({ impactLevel: 'high', individuals: first.individuals, fria: expect.objectContaining({ processes: 'consumer loans' }) });

    // Changes requested: back to draft, the FRIA again, review again.
    await lc.complete(carla, ia, 'Task_review', { decision: 'request-changes', reviewComments: 'groups: consider age' });
    row = await expectStep(ia, ['Task_draft'], 'draft');
    const second = { ...first, groups: dimension(3, 3, 'older applicants'), summary: 'v1, revised' };
    await lc.complete(olivia, ia, 'Task_draft', second);
    await lc.complete(dora, ia, 'Task_fria', {
      fria: { processes: 'consumer loans', affectedCategories: 'applicants incl. older people', humanOversight: 'analyst' },
    });
    await expectStep(ia, ['Task_review'], 'in-review');
    await lc.complete(carla, ia, 'Task_review', { decision: 'approve', reviewComments: 'ok' });

    // High risk (and high impact): compliance officer, risk officer and DPO, three people.
    row = await expectStep(ia, ['Task_approve'], 'in-review');
    expect((await lc.openTasks(gina, ia, 'Task_approve')).map((task) => task.candidateRoles)).toEqual([['compliance-officer'], ['risk-officer'], ['dpo']]);
    await lc.complete(cody, ia, 'Task_approve', { decision: 'approve' });
    await lc.complete(rita, ia, 'Task_approve', { decision: 'approve', comments: 'residual risks treated' });
    await expectStep(ia, ['Task_approve'], 'in-review');
    await lc.complete(dan, ia, 'Task_approve', { decision: 'approve' });

    const done = await lc.instance(gina, ia);
    expect(done).toMatchObject({ status: 'completed', variables: { assessmentStatus: 'approved', impactLevel: 'high' } });
    row = (await lc.get(gina, `/impact-assessments/${done.variables.assessmentId}`).expect(200)).body;
    expect(row).toMatchObject({
      status: 'approved',
      version: 1,
      impactLevel: 'high',
      individuals: second.individuals,
      groups: second.groups,
      society: second.society,
      organisation: second.organisation,
      fria: { affectedCategories: 'applicants incl. older people' },
      approvedAt: expect.any(String),
      approvers: [
        { subject: 'cody', role: 'compliance-officer', decision: 'approve' },
        { subject: 'rita', role: 'risk-officer', decision: 'approve' },
        { subject: 'dan', role: 'dpo', decision: 'approve' },
      ],
    });
    // The decisions used: impact level (each draft) and the required approvals, all linked to their steps.
    expect(row.decisionIds.slice().sort()).toEqual((await lc.decisionIds(gina, ia)).sort());
    const decisions = await Promise.all(row.decisionIds.map((id: string) => lc.decision(gina, id)));
    expect(decisions.map((d) => [d.ruleSetKey, d.trigger])).toEqual([
      ['impact-level', `process:${ia}/Task_impactLevel`],
      ['impact-level', `process:${ia}/Task_impactLevel`],
      ['required-approvals', `process:${ia}/Task_requiredApprovals`],
    ]);
    expect(decisions[2]).toMatchObject({
      facts: { step: 'impact-assessment', riskClass: 'high', impactLevel: 'high' },
      outcome: { approverRoles: ['compliance-officer', 'risk-officer', 'dpo'] },
    });

    // The onboarding takes the result and the system register the impact level.
    expect((await lc.instance(gina, onboardingId)).variables).toMatchObject({ impactLevel: 'high', assessmentStatus: 'approved', assessmentId: row.id });
    expect(await lc.system(gina, systemId)).toMatchObject({ impactLevel: 'high', status: 'in-assessment' });

    // Who did what.
    expect(await lc.tasksCompletedBy(audrey, 'olivia', ia)).toEqual(['Task_draft', 'Task_draft']);
    expect(await lc.tasksCompletedBy(audrey, 'dora', ia)).toEqual(['Task_fria', 'Task_fria']);
    expect(await lc.tasksCompletedBy(audrey, 'carla', ia)).toEqual(['Task_review', 'Task_review']);
    const changes = (
      await lc.get(audrey, '/audit-events', { subjectType: 'impact-assessment', subjectId: row.id, limit: 100 }).expect(200)
    ).body.items.reverse();
    expect(changes.map((e: Json) => [e.action, e.after?.status ?? null])).toEqual([
      ['impact-assessment.opened', null],
      ['impact-assessment.status-changed', 'in-review'],
      ['impact-assessment.status-changed', 'draft'],
      ['impact-assessment.status-changed', 'in-review'],
      ['impact-assessment.status-changed', 'approved'],
    ]);
  });

  it('asks a public-service deployer for a FRIA too, and no one else', async () => {
    const publicService = await startAssessment(olivia, {
      ...minimalSystem('Benefits letter drafting'),
      attributes: { useCases: ['document-processing'], publicServiceDeployer: true },
    });
    await lc.complete(olivia, publicService.ia, 'Task_draft', draft());
    await expectStep(publicService.ia, ['Task_fria'], 'draft');
    const plain = await startAssessment(olivia, minimalSystem('Ticket router'));
    await lc.complete(olivia, plain.ia, 'Task_draft', draft());
    await expectStep(plain.ia, ['Task_review'], 'in-review');
  });

  it('records a rejected version; the onboarding opens the next version, which is approved', async () => {
    const { systemId, onboardingId, ia } = await startAssessment(olivia, minimalSystem('Meeting summariser'));
    // Minimal risk, medium impact: compliance officer and risk officer.
    await driveAssessment(lc, ia, { drafter: olivia, reviewer: carla, approvers: [cody, rita], decisions: { rita: 'reject' }, dimensions: draft(3, 2) });
    const v1 = await expectStep(ia, [], 'rejected');
    expect(v1).toMatchObject({
      version: 1,
      impactLevel: 'medium',
      approvers: [
        { subject: 'cody', role: 'compliance-officer', decision: 'approve' },
        { subject: 'rita', role: 'risk-officer', decision: 'reject' },
      ],
    });
    expect((await lc.instance(gina, ia)).status).toBe('completed');

    const ia2 = await lc.activeChild(gina, onboardingId, 'impact-assessment');
    const v2 = await expectStep(ia2, ['Task_draft'], 'draft');
    expect(v2).toMatchObject({ version: 2, trigger: 'onboarding', reasons: ['onboarding', `previous assessment ${v1.id} was rejected`] });
    await driveAssessment(lc, ia2, { drafter: olivia, reviewer: carla, approvers: [cody] });
    await expectStep(ia2, [], 'approved');
    const all = (await lc.get(gina, '/impact-assessments', { systemId }).expect(200)).body;
    expect(all.items.map((r: Json) => [r.version, r.status])).toEqual([
      [2, 'approved'],
      [1, 'rejected'],
    ]);
    expect((await lc.get(gina, '/impact-assessments', { systemId, status: 'rejected' }).expect(200)).body.items.map((r: Json) => r.id)).toEqual([v1.id]);
    expect((await lc.instance(gina, onboardingId)).activeElementIds).toEqual(['Task_riskAssessment']);
  });

  it('refuses the review by a drafter or the FRIA author, and approvals by a drafter, a FRIA author, the initiator or one person twice', async () => {
    const ivy = await lc.person('ivy', 'ai-owner', 'risk-officer'); // registers the system: the initiator
    const sam = await lc.person('sam', 'ai-owner', 'compliance-officer'); // drafts the first version
    const fred = await lc.person('fred', 'dpo', 'compliance-officer'); // writes the FRIA
    const max = await lc.person('max', 'compliance-officer', 'risk-officer');
    const { ia } = await startAssessment(ivy, creditScoring('SME credit limits'));

    await lc.complete(sam, ia, 'Task_draft', draft(2, 2, 'by sam'));
    await lc.complete(fred, ia, 'Task_fria', { fria: { processes: 'credit limits' } });
    await lc.refused(sam, ia, 'Task_review', { decision: 'approve' }, SOD.task('Task_draft'));
    await lc.refused(fred, ia, 'Task_review', { decision: 'approve' }, SOD.task('Task_fria'));
    // Whoever drafted any version stays out, also after someone else redrafted it.
    await lc.complete(carla, ia, 'Task_review', { decision: 'request-changes', reviewComments: 'more on society' });
    await lc.complete(olivia, ia, 'Task_draft', draft(2, 2, 'by olivia'));
    await lc.complete(dora, ia, 'Task_fria', { fria: { processes: 'credit limits, revised' } });
    await lc.refused(sam, ia, 'Task_review', { decision: 'approve' }, SOD.task('Task_draft'));
    await lc.complete(carla, ia, 'Task_review', { decision: 'approve' });
    await expectStep(ia, ['Task_approve'], 'in-review');

    await lc.refused(sam, ia, 'Task_approve', { decision: 'approve' }, SOD.task('Task_draft'), 'compliance-officer');
    // Whoever wrote a FRIA wrote part of the work being approved.
    await lc.refused(fred, ia, 'Task_approve', { decision: 'approve' }, SOD.task('Task_fria'), 'compliance-officer');
    await lc.refused(dora, ia, 'Task_approve', { decision: 'approve' }, SOD.task('Task_fria'), 'dpo');
    await lc.refused(ivy, ia, 'Task_approve', { decision: 'approve' }, SOD.initiator, 'risk-officer');
    await lc.complete(max, ia, 'Task_approve', { decision: 'approve' }, 'compliance-officer');
    await lc.refused(max, ia, 'Task_approve', { decision: 'approve' }, SOD.task('Task_approve'), 'risk-officer');
    await lc.complete(rita, ia, 'Task_approve', { decision: 'approve' });
    await lc.complete(dan, ia, 'Task_approve', { decision: 'approve' });
    const row = await expectStep(ia, [], 'approved');
    expect(row.approvers.map((a: Json) => a.subject)).toEqual(['max', 'rita', 'dan']);
  });
});
