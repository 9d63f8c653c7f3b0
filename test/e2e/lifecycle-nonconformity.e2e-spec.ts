import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { highRiskSystem, type Json, lifecycleClient, type LifecycleClient, minimalSystem, type Person, SOD } from '../helpers/lifecycle.js';

/**
 * Lifecycle 4, `nonconformity` (processes/nonconformity.bpmn), ISO/IEC 42001 clause 10.2: contain
 * and correct, root cause, corrective action plan, approval, implementation, and the effectiveness
 * review after the delay the rules give, on a manual clock. Register: `GET /nonconformities`.
 */
describe('lifecycle: nonconformity and corrective action', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let carla: Person; // compliance officer: raises, contains, approves
  let cody: Person; // second compliance officer: reviews effectiveness
  let olivia: Person; // AI owner: plans
  let oscar: Person; // AI owner: analyses root causes, implements
  let nina: Person; // AI owner and compliance officer
  let gina: Person; // governance: moves the clock
  let audrey: Person; // auditor: reads the trail
  let systemId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    carla = await lc.person('carla', 'compliance-officer');
    cody = await lc.person('cody', 'compliance-officer');
    olivia = await lc.person('olivia', 'ai-owner');
    oscar = await lc.person('oscar', 'ai-owner');
    nina = await lc.person('nina', 'ai-owner', 'compliance-officer');
    gina = await lc.person('gina', 'governance');
    audrey = await lc.person('audrey', 'auditor');
    systemId = (await lc.register(olivia, minimalSystem('Chat log summariser'))).system.id;
  });
  afterAll(() => t.close());

  const raise = async (who: Person, body: Json): Promise<Json> => (await lc.post(who, '/nonconformities', body).expect(201)).body;

  /** The register and the instance agree: status by step. */
  async function expectNc(id: string, active: string[], status: string, instanceStatus = 'active'): Promise<Json> {
    const row = (await lc.get(gina, `/nonconformities/${id}`).expect(200)).body;
    const instance = await lc.instance(gina, row.instanceId);
    expect({ active: instance.activeElementIds, instanceStatus: instance.status, register: row.status }).toEqual({ active, instanceStatus, register: status });
    expect(instance.subject).toEqual({ type: 'nonconformity', id });
    return row;
  }

  /** Contain, root cause, plan, approve and implement, straight through. */
  async function driveToImplemented(id: string, instanceId: string): Promise<void> {
    await lc.complete(carla, instanceId, 'Task_contain', { containment: 'feature switched off' });
    await lc.complete(oscar, instanceId, 'Task_rootCause', { rootCause: 'no review step', causeCategory: 'process' });
    await lc.complete(olivia, instanceId, 'Task_plan', { plan: 'add a review step', targetDate: '2027-03-01' });
    await lc.complete(carla, instanceId, 'Task_approve', { decision: 'approve' });
    await lc.complete(oscar, instanceId, 'Task_implement', { implementation: 'review step live' });
    await expectNc(id, ['Timer_effectiveness'], 'effectiveness-review');
  }

  it('corrects a major nonconformity: plan rejected once, reviewed after 30 days, not effective, reopened, effective at last', async () => {
    const nc = await raise(carla, {
      title: 'Inference logs not retained',
      description: 'Logs of March are missing for the summariser.',
      source: 'incident',
      severity: 'major',
      systemId,
      clauseRefs: ['9.1'],
      controlRefs: ['A.6.2.8'],
    });
    expect(nc).toMatchObject({
      status: 'raised',
      severity: 'major',
      source: 'incident',
      systemId,
      raisedBy: 'carla',
      reopened: 0,
      instanceId: expect.any(String),
    });
    const id = nc.id;
    const ncInstance = nc.instanceId;
    let instance = await lc.instance(gina, ncInstance);
    expect(instance).toMatchObject({ definitionKey: 'nonconformity', initiator: 'carla', variables: { nonconformityId: id, severity: 'major', systemId } });
    // Containment is due within 2 days for a major one.
    const contain = instance.openTasks[0];
    expect(contain).toMatchObject({ elementId: 'Task_contain', candidateRoles: ['compliance-officer'] });
    expect(Date.parse(contain.dueAt) - Date.parse(instance.startedAt)).toBe(2 * 86_400_000);
    const { rows } = await t.db.query(`SELECT type, data FROM outbox_events WHERE subject_type = 'nonconformity' AND subject_id = $1`, [id]);
    expect(rows).toEqual([{ type: 'nonconformity.raised', data: expect.objectContaining({ id, severity: 'major', source: 'incident', systemId }) }]);
    await expectNc(id, ['Task_contain'], 'raised');

    await lc.complete(carla, ncInstance, 'Task_contain', { containment: 'logging re-enabled, March reconstructed from backups', consequences: 'none known' });
    let row = await expectNc(id, ['Task_rootCause'], 'contained');
    expect(row.containment).toBe('logging re-enabled, March reconstructed from backups');
    await lc.complete(oscar, ncInstance, 'Task_rootCause', { rootCause: 'log rotation misconfigured', causeCategory: 'process' });
    row = await expectNc(id, ['Task_plan'], 'root-cause');
    expect(row.rootCause).toBe('log rotation misconfigured');

    // Nina plans; she may not approve her own plan. Carla rejects it: back to planning.
    await lc.complete(nina, ncInstance, 'Task_plan', { plan: 'fix rotation', targetDate: '2027-01-15' });
    row = await expectNc(id, ['Task_approve'], 'planned');
    expect(row.plan).toBe('fix rotation');
    await lc.refused(nina, ncInstance, 'Task_approve', { decision: 'approve' }, SOD.task('Task_plan'));
    await lc.complete(carla, ncInstance, 'Task_approve', { decision: 'reject', comments: 'also alert on missing logs' });
    await expectNc(id, ['Task_plan'], 'root-cause');
    await lc.complete(olivia, ncInstance, 'Task_plan', { plan: 'fix rotation and alert when a day of logs is missing', targetDate: '2027-01-31' });
    await lc.refused(nina, ncInstance, 'Task_approve', { decision: 'approve' }, SOD.task('Task_plan'));
    await lc.complete(carla, ncInstance, 'Task_approve', { decision: 'approve' });
    await expectNc(id, ['Task_implement'], 'approved');

    // Nina implements; the review falls due 30 days later (major), by someone else.
    await lc.complete(nina, ncInstance, 'Task_implement', { implementation: 'rotation fixed, alert added', evidence: 'CHG-2231' });
    instance = await lc.instance(gina, ncInstance);
    expect(instance.variables.delayOutcome).toMatchObject({ delay: 'P30D' });
    expect(instance.timers).toEqual([expect.objectContaining({ elementId: 'Timer_effectiveness' })]);
    const implemented = (await lc.history(gina, ncInstance)).filter((h) => h.event === 'task.complete').pop() as Json;
    expect(Date.parse(instance.timers[0].dueAt) - Date.parse(implemented.at)).toBe(30 * 86_400_000);
    await expectNc(id, ['Timer_effectiveness'], 'effectiveness-review');
    expect((await lc.advance(gina, 'P29D')).filter((f) => f.instanceId === ncInstance)).toEqual([]);
    expect(await lc.openTasks(gina, ncInstance)).toEqual([]);
    expect((await lc.advance(gina, 'P1D')).filter((f) => f.instanceId === ncInstance)).toEqual([
      expect.objectContaining({ elementId: 'Timer_effectiveness', outcome: 'fired' }),
    ]);
    await expectNc(id, ['Task_effectiveness'], 'effectiveness-review');
    await lc.refused(nina, ncInstance, 'Task_effectiveness', { effective: true }, SOD.task('Task_implement'));

    // Not effective: reopened, back to root cause; a recurrence is checked after 30 days too.
    await lc.complete(cody, ncInstance, 'Task_effectiveness', { effective: false, effectivenessEvidence: 'a day missing in April' });
    row = await expectNc(id, ['Task_rootCause'], 'reopened');
    expect(row.reopened).toBe(1);
    await lc.complete(carla, ncInstance, 'Task_rootCause', { rootCause: 'disk full on the log host', causeCategory: 'other' });
    await lc.complete(olivia, ncInstance, 'Task_plan', { plan: 'monitor disk space', targetDate: '2027-03-01' });
    await lc.complete(carla, ncInstance, 'Task_approve', { decision: 'approve' });
    await lc.complete(oscar, ncInstance, 'Task_implement', { implementation: 'disk alerts' });
    instance = await lc.instance(gina, ncInstance);
    expect(instance.variables).toMatchObject({ recurrence: true, delayOutcome: { delay: 'P30D' } });
    await lc.advance(gina, 'P30D');
    // Whoever implemented any round stays out of the review.
    await lc.refused(nina, ncInstance, 'Task_effectiveness', { effective: true }, SOD.task('Task_implement'));
    await lc.complete(cody, ncInstance, 'Task_effectiveness', { effective: true, effectivenessEvidence: 'no gap for 30 days' });
    row = await expectNc(id, [], 'closed', 'completed');
    expect(row).toMatchObject({ closedAt: expect.any(String), reopened: 1, rootCause: 'disk full on the log host', plan: 'monitor disk space' });

    // Decisions: the approvals (three times) and the review delays (twice), linked to their steps.
    const decisionIds = await lc.decisionIds(gina, ncInstance);
    expect(row.decisionIds).toEqual(decisionIds);
    const decisions = await Promise.all(decisionIds.map((d) => lc.decision(gina, d)));
    expect(decisions.map((d) => [d.ruleSetKey, d.trigger.split('/')[1]])).toEqual([
      ['required-approvals', 'Task_requiredApprovals'],
      ['required-approvals', 'Task_requiredApprovals'],
      ['effectiveness-review-delay', 'Task_reviewDelay'],
      ['required-approvals', 'Task_requiredApprovals'],
      ['effectiveness-review-delay', 'Task_reviewDelay'],
    ]);
    expect(decisions[0]).toMatchObject({ facts: { step: 'corrective-action' }, outcome: { approverRoles: ['compliance-officer'] } });
    expect(decisions[2]).toMatchObject({ facts: { severity: 'major', recurrence: false }, outcome: { delay: 'P30D' } });
    expect(decisions[4]).toMatchObject({ facts: { severity: 'major', recurrence: true }, outcome: { delay: 'P30D' } });

    // The register and the trail.
    const closed = (await lc.get(gina, '/nonconformities', { status: 'closed', severity: 'major', systemId }).expect(200)).body.items;
    expect(closed.map((n: Json) => n.id)).toEqual([id]);
    expect(await lc.tasksCompletedBy(audrey, 'nina', ncInstance)).toEqual(['Task_plan', 'Task_implement']);
    expect(await lc.tasksCompletedBy(audrey, 'cody', ncInstance)).toEqual(['Task_effectiveness', 'Task_effectiveness']);
    const statuses = (await lc.get(audrey, '/audit-events', { subjectType: 'nonconformity', subjectId: id, limit: 100 }).expect(200)).body.items.reverse();
    expect(statuses.map((e: Json) => [e.actor, e.after.status ?? e.action])).toEqual([
      ['carla', 'nonconformity.raised'],
      ['carla', 'contained'],
      ['oscar', 'root-cause'],
      ['nina', 'planned'],
      ['carla', 'root-cause'],
      ['olivia', 'planned'],
      ['carla', 'approved'],
      ['nina', 'implemented'],
      ['nina', 'effectiveness-review'],
      ['cody', 'reopened'],
      ['carla', 'root-cause'],
      ['olivia', 'planned'],
      ['carla', 'approved'],
      ['oscar', 'implemented'],
      ['oscar', 'effectiveness-review'],
      ['cody', 'closed'],
    ]);
  });

  it('reviews a minor nonconformity after 60 days and an observation after 90, as the rules say', async () => {
    const minor = await raise(olivia, { title: 'Model card outdated', description: 'v2 not documented', source: 'monitoring', severity: 'minor' });
    const observation = await raise(carla, { title: 'Naming of datasets', description: 'inconsistent', source: 'complaint', severity: 'observation' });
    const contain = (await lc.instance(gina, observation.instanceId)).openTasks[0];
    expect(Date.parse(contain.dueAt) - Date.parse((await lc.instance(gina, observation.instanceId)).startedAt)).toBe(7 * 86_400_000);
    await driveToImplemented(minor.id, minor.instanceId);
    await driveToImplemented(observation.id, observation.instanceId);
    expect((await lc.instance(gina, minor.instanceId)).variables.delayOutcome.delay).toBe('P60D');
    expect((await lc.instance(gina, observation.instanceId)).variables.delayOutcome.delay).toBe('P90D');

    const ours = (fired: Json[]) => fired.filter((f) => [minor.instanceId, observation.instanceId].includes(f.instanceId)).map((f) => f.instanceId);
    expect(ours(await lc.advance(gina, 'P59D'))).toEqual([]);
    expect(ours(await lc.advance(gina, 'P1D'))).toEqual([minor.instanceId]);
    await expectNc(minor.id, ['Task_effectiveness'], 'effectiveness-review');
    await expectNc(observation.id, ['Timer_effectiveness'], 'effectiveness-review');
    expect(ours(await lc.advance(gina, 'P30D'))).toEqual([observation.instanceId]);
    await lc.complete(cody, minor.instanceId, 'Task_effectiveness', { effective: true });
    await lc.complete(cody, observation.instanceId, 'Task_effectiveness', { effective: true });
    await expectNc(minor.id, [], 'closed', 'completed');
    await expectNc(observation.id, [], 'closed', 'completed');
    const bySeverity = async (severity: string) =>
      (await lc.get(gina, '/nonconformities', { severity, status: 'closed' }).expect(200)).body.items.map((n: Json) => n.id);
    expect(await bySeverity('minor')).toEqual([minor.id]);
    expect(await bySeverity('observation')).toEqual([observation.id]);
  });

  it('asks a compliance officer and a risk officer, two people, to approve the corrective action for a high-risk system', async () => {
    const rita = await lc.person('rita', 'risk-officer');
    const max = await lc.person('max', 'compliance-officer', 'risk-officer');
    const highRisk = (await lc.register(olivia, highRiskSystem('Candidate ranking'))).system.id;
    const nc = await raise(max, {
      title: 'Ranking not explained to candidates',
      description: 'No notice given',
      source: 'complaint',
      severity: 'minor',
      systemId: highRisk,
    });
    expect((await lc.instance(gina, nc.instanceId)).variables).toMatchObject({ riskClass: 'high' });
    await lc.complete(carla, nc.instanceId, 'Task_contain', { containment: 'notice added' });
    await lc.complete(oscar, nc.instanceId, 'Task_rootCause', { rootCause: 'template missing', causeCategory: 'process' });
    await lc.complete(olivia, nc.instanceId, 'Task_plan', { plan: 'add the notice to the template', targetDate: '2027-02-01' });
    const approvals = await lc.openTasks(gina, nc.instanceId, 'Task_approve');
    expect(approvals.map((task) => task.candidateRoles)).toEqual([['compliance-officer'], ['risk-officer']]);
    const [decision] = await Promise.all((await lc.decisionIds(gina, nc.instanceId)).map((d) => lc.decision(gina, d)));
    expect(decision).toMatchObject({
      ruleSetKey: 'required-approvals',
      facts: { step: 'corrective-action', riskClass: 'high' },
      outcome: { approverRoles: ['compliance-officer', 'risk-officer'] },
    });
    // One person gives at most one of the approvals (raising it is no bar).
    await lc.complete(max, nc.instanceId, 'Task_approve', { decision: 'approve' }, 'compliance-officer');
    await lc.refused(max, nc.instanceId, 'Task_approve', { decision: 'approve' }, SOD.task('Task_approve'), 'risk-officer');
    await lc.complete(rita, nc.instanceId, 'Task_approve', { decision: 'approve' });
    await expectNc(nc.id, ['Task_implement'], 'approved');
  });

  it('validates what is raised and who may raise it', async () => {
    const bad = await lc.post(carla, '/nonconformities', { title: '', source: 'rumour', severity: 'critical', systemId: 'not-a-uuid' }).expect(400);
    expect([...new Set(bad.body.errors.map((e: Json) => e.pointer))].sort()).toEqual(['/description', '/severity', '/source', '/systemId', '/title']);
    const unknown = await lc
      .post(carla, '/nonconformities', {
        title: 't',
        description: 'd',
        source: 'incident',
        severity: 'minor',
        systemId: '00000000-0000-4000-8000-000000000000',
        controlRefs: ['A.6.2.8', 'A.99'],
      })
      .expect(400);
    expect(unknown.body).toMatchObject({ code: 'invalid-references' });
    expect(unknown.body.errors.map((e: Json) => e.pointer)).toEqual(['/systemId', '/controlRefs/1']);
    const bot = await lc.person('bot', 'integration');
    await lc.post(bot, '/nonconformities', { title: 't', description: 'd', source: 'incident', severity: 'minor' }).expect(403);
    await lc.get(gina, '/nonconformities', { status: 'lost' }).expect(400);
    await lc.get(gina, '/nonconformities/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
