import { driveAssessment, type Json, type LifecycleClient, minimalSystem } from './lifecycle.js';

/**
 * Three instances waiting on timers, driven through the API by the people their processes ask for:
 * a minimal-risk AI system onboarded and approved, its periodic review due (`Timer_periodicReview`);
 * a major nonconformity implemented, its effectiveness review due (`Timer_effectiveness`); and a
 * certification audit certified without findings, its first surveillance audit due in 12 months
 * (`Timer_surveillance1`). Returns the system's onboarding instance id and the register rows as they are then.
 */
export async function waitingOnReviews(lc: LifecycleClient): Promise<{ systemId: string; onboardingId: string; nc: Json; audit: Json }> {
  const carla = await lc.person('carla', 'compliance-officer');
  const olivia = await lc.person('olivia', 'ai-owner');
  const oscar = await lc.person('oscar', 'ai-owner');
  const ed = await lc.person('ed', 'external-auditor');
  const rex = await lc.person('rex', 'external-auditor');
  const eve = await lc.person('eve', 'external-auditor');
  const cody = await lc.person('cody', 'compliance-officer');
  const rita = await lc.person('rita', 'risk-officer');
  const gina = await lc.person('gina', 'governance');

  const { system, onboardingId } = await lc.register(olivia, minimalSystem('Chat log summariser'));
  const systemId = system.id;
  await lc.complete(olivia, onboardingId, 'Task_confirmScope', { inScope: true });
  await driveAssessment(lc, await lc.activeChild(gina, onboardingId, 'impact-assessment'), { drafter: olivia, reviewer: carla, approvers: [cody] });
  await lc.complete(rita, onboardingId, 'Task_riskAssessment', { risks: [] });
  await lc.complete(carla, onboardingId, 'Task_deploymentApproval', { decision: 'approve' });

  const raised = await lc
    .post(carla, '/nonconformities', { title: 'Logs not retained', description: 'March logs missing', source: 'incident', severity: 'major', systemId })
    .expect(201);
  const ncInstance = raised.body.instanceId;
  await lc.complete(carla, ncInstance, 'Task_contain', { containment: 'feature switched off' });
  await lc.complete(oscar, ncInstance, 'Task_rootCause', { rootCause: 'no review step', causeCategory: 'process' });
  await lc.complete(olivia, ncInstance, 'Task_plan', { plan: 'add a review step', targetDate: '2027-03-01' });
  await lc.complete(carla, ncInstance, 'Task_approve', { decision: 'approve' });
  await lc.complete(oscar, ncInstance, 'Task_implement', { implementation: 'review step live' });

  const opened = await lc.post(carla, '/audits', { type: 'certification', title: 'ISO/IEC 42001 certification' }).expect(201);
  const auditInstance = opened.body.instanceId;
  await lc.complete(ed, auditInstance, 'Task_stage1', { findings: [], stage1Report: 'documentation complete' });
  await lc.complete(rex, auditInstance, 'Task_stage2', { findings: [] });
  await lc.complete(eve, auditInstance, 'Task_decision', { decision: 'certify' });

  return {
    systemId,
    onboardingId,
    nc: (await lc.get(carla, `/nonconformities/${raised.body.id}`).expect(200)).body,
    audit: (await lc.get(carla, `/audits/${opened.body.id}`).expect(200)).body,
  };
}
