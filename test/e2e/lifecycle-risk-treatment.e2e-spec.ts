import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { driveAssessment, type Json, lifecycleClient, type LifecycleClient, minimalSystem, type Person, SOD } from '../helpers/lifecycle.js';

/**
 * Lifecycle 3, `risk-treatment` (processes/risk-treatment.bpmn): one instance per risk the
 * onboarding's risk assessment rates at or above the threshold, all in parallel. Accept, mitigate
 * (Annex A controls, Statement of Applicability), transfer; top-management acceptance; verification
 * by someone other than the implementer; residual rating. Register: `GET /risks`.
 */
describe('lifecycle: risk treatment', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let olivia: Person; // AI owner: registers, drafts
  let oscar: Person; // AI owner: implements treatments
  let rita: Person; // risk officer: identifies risks, decides treatments (the risk owner)
  let carla: Person; // compliance officer: reviews, approves, verifies
  let tess: Person; // top management
  let tom: Person; // risk officer who also sits in top management
  let ian: Person; // AI owner who is also a compliance officer
  let gina: Person; // governance
  let audrey: Person; // auditor

  let systemId: string;
  let onboardingId: string;
  /** risk-treatment instance id by risk title */
  const treatmentOf: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    olivia = await lc.person('olivia', 'ai-owner');
    oscar = await lc.person('oscar', 'ai-owner');
    rita = await lc.person('rita', 'risk-officer');
    carla = await lc.person('carla', 'compliance-officer');
    tess = await lc.person('tess', 'top-management');
    tom = await lc.person('tom', 'risk-officer', 'top-management');
    ian = await lc.person('ian', 'ai-owner', 'compliance-officer');
    gina = await lc.person('gina', 'governance');
    audrey = await lc.person('audrey', 'auditor');

    // A minimal-risk system through scope and impact assessment to its risk assessment.
    const registered = await lc.register(olivia, minimalSystem('Support ticket triage'));
    systemId = registered.system.id;
    onboardingId = registered.onboardingId;
    await lc.complete(olivia, onboardingId, 'Task_confirmScope', { inScope: true });
    await driveAssessment(lc, await lc.activeChild(gina, onboardingId, 'impact-assessment'), { drafter: olivia, reviewer: carla, approvers: [carla] });
  });
  afterAll(() => t.close());

  /**
   * The register row of a risk-treatment instance and the instance agree on the status: the
   * instance's `riskStatus` variable is the status its last risk.update wrote (none before the first).
   */
  async function expectRisk(title: string, active: string[], status: string, instanceStatus = 'active', riskStatus: string | null = status): Promise<Json> {
    const instance = await lc.instance(gina, treatmentOf[title]);
    const risk = (await lc.get(gina, `/risks/${instance.variables.riskId}`).expect(200)).body;
    expect({ title: risk.title, active: instance.activeElementIds, instanceStatus: instance.status, register: risk.status }).toEqual({
      title,
      active,
      instanceStatus,
      register: status,
    });
    expect(instance.variables.riskStatus ?? null).toBe(riskStatus);
    expect(risk.instanceId).toBe(treatmentOf[title]);
    return risk;
  }

  const soaStatus = async (controlId: string): Promise<string> =>
    (await lc.get(gina, '/statement-of-applicability').expect(200)).body.controls.find((c: Json) => c.controlId === controlId).implementationStatus;

  it('starts one treatment per risk at or above the threshold, in parallel, each entered in the register', async () => {
    expect((await lc.instance(gina, onboardingId)).activeElementIds).toEqual(['Task_riskAssessment']);
    // Each risk needs a title and a likelihood and severity from 1 to 5; nothing is rated or registered otherwise.
    const assessment = await lc.myTask(rita, onboardingId, 'Task_riskAssessment');
    const bad = await lc
      .post(rita, `/tasks/${assessment.id}/complete`, {
        variables: { risks: [{ title: 'ok', likelihood: 2, severity: 2 }, { likelihood: 9, severity: '3' }, 'text'] },
      })
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'invalid-risks' });
    expect(bad.body.errors).toEqual([
      { pointer: '/variables/risks/1/title', message: expect.any(String) },
      { pointer: '/variables/risks/1/likelihood', message: 'must be an integer from 1 to 5' },
      { pointer: '/variables/risks/1/severity', message: 'must be an integer from 1 to 5' },
      { pointer: '/variables/risks/2', message: expect.any(String) },
    ]);
    expect((await lc.get(gina, '/risks', { systemId }).expect(200)).body.total).toBe(0);
    await lc.complete(rita, onboardingId, 'Task_riskAssessment', {
      risks: [
        { title: 'Stale training data', description: 'Ticket categories drift', likelihood: 3, severity: 2 },
        { title: 'Personal data in prompts', description: 'Customers paste IBANs', likelihood: 4, severity: 4 },
        { title: 'Vendor outage', description: 'Model API unavailable', likelihood: 3, severity: 3 },
        { title: 'Auto-replies to customers', description: 'Planned feature answers customers directly', likelihood: 2, severity: 3 },
        { title: 'Wrong language label', description: 'Cosmetic', likelihood: 2, severity: 1 },
      ],
    });
    const onboarding = await lc.instance(gina, onboardingId);
    expect(onboarding.activeElementIds).toEqual(['Call_riskTreatment']);
    expect(onboarding.variables.risksToTreat.map((r: Json) => r.title)).toEqual([
      'Stale training data',
      'Personal data in prompts',
      'Vendor outage',
      'Auto-replies to customers',
    ]);
    const children = await lc.children(gina, onboardingId, 'risk-treatment');
    expect(children.map((c) => [c.status, c.waitKey])).toEqual([
      ['active', 'Call_riskTreatment:1/0'],
      ['active', 'Call_riskTreatment:1/1'],
      ['active', 'Call_riskTreatment:1/2'],
      ['active', 'Call_riskTreatment:1/3'],
    ]);
    for (const child of children) {
      const instance = await lc.instance(gina, child.id);
      treatmentOf[instance.variables.risk.title] = child.id;
    }
    const risks = (await lc.get(gina, '/risks', { systemId }).expect(200)).body;
    expect(risks.total).toBe(4);
    const byTitle = Object.fromEntries(risks.items.map((r: Json) => [r.title, r]));
    expect(byTitle['Stale training data']).toMatchObject({
      likelihood: 3,
      severity: 2,
      rating: 'medium',
      requiresTopManagement: false,
      status: 'open',
      treatment: null,
    });
    expect(byTitle['Personal data in prompts']).toMatchObject({ rating: 'high', requiresTopManagement: true, status: 'open' });
    expect(byTitle['Vendor outage']).toMatchObject({ rating: 'medium', status: 'open' });
    for (const title of Object.keys(treatmentOf)) await expectRisk(title, ['Task_decide'], 'open', 'active', null);
    // The rating is a stored decision linked to the risk and to its step.
    for (const risk of risks.items) {
      expect(risk.decisionIds).toHaveLength(1);
      expect(await lc.decision(gina, risk.decisionIds[0])).toMatchObject({
        ruleSetKey: 'risk-rating',
        trigger: `process:${risk.instanceId}/Task_rate`,
        outcome: { rating: risk.rating },
      });
      expect(await lc.decisionIds(gina, risk.instanceId)).toEqual(risk.decisionIds);
    }
  });

  it('accepts a medium risk on the risk owner’s word', async () => {
    const title = 'Stale training data';
    await lc.complete(rita, treatmentOf[title], 'Task_decide', { treatment: 'accept', rationale: 'monthly retraining already planned' });
    const risk = await expectRisk(title, [], 'accepted', 'completed');
    expect(risk).toMatchObject({ treatment: 'accept', owner: 'rita', closedAt: expect.any(String), controls: [] });
    expect((await lc.instance(gina, onboardingId)).activeElementIds).toEqual(['Call_riskTreatment']);
  });

  it('sends a flagged acceptance to top management (not the risk owner), loops on rejection and on mitigation without controls, refuses verification by the implementer, and accepts the residual risk', async () => {
    const title = 'Personal data in prompts';
    const id = treatmentOf[title];
    // Tom, the risk owner here, may not accept his own decision as top management.
    await lc.complete(tom, id, 'Task_decide', { treatment: 'accept', rationale: 'customers are told not to' });
    await expectRisk(title, ['Task_accept'], 'awaiting-acceptance');
    await lc.refused(tom, id, 'Task_accept', { decision: 'accept' }, SOD.task('Task_decide'));
    expect((await lc.myTask(tess, id, 'Task_accept')).candidateRoles).toEqual(['top-management']);
    await lc.complete(tess, id, 'Task_accept', { decision: 'reject', acceptanceComments: 'mitigate it' });
    await expectRisk(title, ['Task_decide'], 'open');

    // Mitigation needs Annex A controls: unknown ids are refused, none at all asks again.
    const decide = await lc.myTask(rita, id, 'Task_decide');
    const bad = await lc.post(rita, `/tasks/${decide.id}/complete`, { variables: { treatment: 'mitigate', controls: ['A.6.2.4', 'A.99'] } }).expect(400);
    expect(bad.body.errors).toEqual([{ pointer: '/variables/controls/1', message: expect.any(String) }]);
    await expectRisk(title, ['Task_decide'], 'open');
    await lc.complete(rita, id, 'Task_decide', { treatment: 'mitigate', plan: 'redact' });
    await expectRisk(title, ['Task_decide'], 'open');
    await lc.complete(rita, id, 'Task_decide', {
      treatment: 'mitigate',
      controls: ['A.7.4', 'A.6.2.6'],
      plan: 'redact identifiers before the model sees them',
    });
    let risk = await expectRisk(title, ['Task_implement'], 'in-implementation');
    expect(risk).toMatchObject({ treatment: 'mitigate', controls: ['A.7.4', 'A.6.2.6'], plan: 'redact identifiers before the model sees them', owner: 'rita' });
    expect(await soaStatus('A.7.4')).toBe('in-progress');

    // Ian implements; as a compliance officer he may not verify his own work. Carla finds it not effective.
    await lc.complete(ian, id, 'Task_implement', { implementationNotes: 'regex redaction', evidence: 'PR 112' });
    await expectRisk(title, ['Task_verify'], 'verification');
    expect(await soaStatus('A.7.4')).toBe('implemented');
    await lc.refused(ian, id, 'Task_verify', { effective: true }, SOD.task('Task_implement'));
    await lc.complete(carla, id, 'Task_verify', { effective: false, verificationNotes: 'IBANs with spaces pass' });
    await expectRisk(title, ['Task_implement'], 'in-implementation');
    await lc.complete(oscar, id, 'Task_implement', { implementationNotes: 'NER-based redaction', evidence: 'PR 118' });
    // Ian did not implement this round, but he did the first: still refused.
    await lc.refused(ian, id, 'Task_verify', { effective: true }, SOD.task('Task_implement'));
    await lc.complete(carla, id, 'Task_verify', { effective: true, verificationNotes: 'tested with 500 samples' });
    await expectRisk(title, ['Task_rateResidual'], 'verification');

    // The residual risk is still high: top management accepts it, then the risk is closed.
    await lc.complete(rita, id, 'Task_rateResidual', { residualLikelihood: 3, residualSeverity: 4 });
    risk = await expectRisk(title, ['Task_accept'], 'awaiting-acceptance');
    expect(risk).toMatchObject({ residualLikelihood: 3, residualSeverity: 4, residualRating: 'high' });
    await lc.complete(tess, id, 'Task_accept', { decision: 'accept', acceptanceComments: 'accepted for 12 months' });
    risk = await expectRisk(title, [], 'closed', 'completed');
    expect(await soaStatus('A.7.4')).toBe('verified');
    expect(await soaStatus('A.6.2.6')).toBe('verified');

    // The register keeps the full history: every change and every step.
    const full = (await lc.get(audrey, `/risks/${risk.id}`).expect(200)).body;
    expect(full.history.changes.map((c: Json) => c.after.status)).toEqual([
      undefined,
      'treatment-decided',
      'awaiting-acceptance',
      'open',
      'treatment-decided',
      'in-implementation',
      'verification',
      'in-implementation',
      'verification',
      'awaiting-acceptance',
      'closed',
    ]);
    expect(full.history.changes.map((c: Json) => c.actor)).toEqual(['rita', 'tom', 'tom', 'tess', 'rita', 'rita', 'ian', 'carla', 'oscar', 'rita', 'tess']);
    expect(full.history.steps.filter((s: Json) => s.event === 'task.complete').map((s: Json) => s.actor)).toEqual([
      'tom',
      'tess',
      'rita',
      'rita',
      'ian',
      'carla',
      'oscar',
      'carla',
      'rita',
      'tess',
    ]);
    // Both ratings are linked: the original and the residual.
    const decisions = await Promise.all(full.decisionIds.map((d: string) => lc.decision(gina, d)));
    expect(decisions.map((d) => [d.ruleSetKey, d.outcome.rating])).toEqual([
      ['risk-rating', 'high'],
      ['risk-rating', 'high'],
    ]);
    expect(await lc.tasksCompletedBy(audrey, 'tess', id)).toEqual(['Task_accept', 'Task_accept']);
    expect(await lc.tasksCompletedBy(audrey, 'ian', id)).toEqual(['Task_implement']);
  });

  it('avoids a risk: the activity is stopped, verified and the risk closed', async () => {
    const title = 'Auto-replies to customers';
    const id = treatmentOf[title];
    await lc.complete(rita, id, 'Task_decide', { treatment: 'avoid', plan: 'drop the auto-reply feature', rationale: 'not worth the risk' });
    await expectRisk(title, ['Task_implement'], 'in-implementation');
    await lc.complete(olivia, id, 'Task_implement', { implementationNotes: 'feature flag removed' });
    await expectRisk(title, ['Task_verify'], 'verification');
    await lc.complete(rita, id, 'Task_verify', { effective: true, verificationNotes: 'flag gone from production' });
    await lc.complete(rita, id, 'Task_rateResidual', { residualLikelihood: 1, residualSeverity: 1 });
    expect(await expectRisk(title, [], 'closed', 'completed')).toMatchObject({
      treatment: 'avoid',
      residualRating: 'low',
      plan: 'drop the auto-reply feature',
    });
  });

  it('transfers a risk, implements and verifies the transfer, closes it when the residual risk is acceptable; the onboarding moves on', async () => {
    const title = 'Vendor outage';
    const id = treatmentOf[title];
    await lc.complete(rita, id, 'Task_decide', { treatment: 'transfer', plan: 'SLA with credits and a second vendor', rationale: 'cheaper than building' });
    await expectRisk(title, ['Task_implement'], 'in-implementation');
    await lc.complete(oscar, id, 'Task_implement', { implementationNotes: 'contract signed' });
    await lc.complete(carla, id, 'Task_verify', { effective: true });
    await lc.complete(rita, id, 'Task_rateResidual', { residualLikelihood: 1, residualSeverity: 3 });
    const risk = await expectRisk(title, [], 'closed', 'completed');
    expect(risk).toMatchObject({ treatment: 'transfer', controls: [], residualRating: 'low' });

    // Every treatment has ended: the onboarding collects them and asks for the deployment approval.
    const onboarding = await lc.instance(gina, onboardingId);
    expect(onboarding.activeElementIds).toEqual(['Task_deploymentApproval']);
    const byId = Object.fromEntries((await lc.get(gina, '/risks', { systemId }).expect(200)).body.items.map((r: Json) => [r.id, r.title]));
    expect(onboarding.variables.riskTreatments.map((r: Json) => [byId[r.riskId], r.treatment, r.riskStatus])).toEqual([
      ['Stale training data', 'accept', 'accepted'],
      ['Personal data in prompts', 'mitigate', 'closed'],
      ['Vendor outage', 'transfer', 'closed'],
      ['Auto-replies to customers', 'avoid', 'closed'],
    ]);
    await lc.complete(carla, onboardingId, 'Task_deploymentApproval', { decision: 'approve' });
    expect((await lc.system(gina, systemId)).status).toBe('approved');
  });

  it('filters the register by system, rating, treatment and status', async () => {
    const titles = async (query: Record<string, string>) =>
      (await lc.get(gina, '/risks', { systemId, ...query }).expect(200)).body.items.map((r: Json) => r.title).sort();
    expect(await titles({ rating: 'high' })).toEqual(['Personal data in prompts']);
    expect(await titles({ treatment: 'transfer' })).toEqual(['Vendor outage']);
    expect(await titles({ status: 'closed' })).toEqual(['Auto-replies to customers', 'Personal data in prompts', 'Vendor outage']);
    expect(await titles({ status: 'accepted', treatment: 'accept' })).toEqual(['Stale training data']);
    expect((await lc.get(gina, '/risks', { systemId: '00000000-0000-4000-8000-000000000000' }).expect(200)).body.items).toEqual([]);
    await lc.get(gina, '/risks', { rating: 'extreme' }).expect(400);
    await lc.get(gina, '/risks/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
