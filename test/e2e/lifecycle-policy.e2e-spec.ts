import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { type Json, lifecycleClient, type LifecycleClient, type Person, SOD } from '../helpers/lifecycle.js';

/**
 * The AI policy lifecycle (processes/ai-policy.bpmn), ISO/IEC 42001 clause 5.2 and Annex A.2.2-A.2.4:
 * review, approval by top management, publication, acknowledgement by everyone holding the roles the
 * policy names (the people directory), a weekly reminder, the review interval from the rules, and a
 * new version superseding the old. Register: `GET /policies`.
 */
describe('lifecycle: AI policy', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let gina: Person; // governance: drafts
  let carla: Person; // compliance officer: reviews
  let cody: Person; // compliance officer: reviews what carla drafted
  let tess: Person; // top management: approves
  let olivia: Person; // AI owner: revises, acknowledges
  let oscar: Person; // AI owner: acknowledges
  let rita: Person; // risk officer: acknowledges
  let audrey: Person; // auditor: reads the trail

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    gina = await lc.person('gina', 'governance');
    carla = await lc.person('carla', 'compliance-officer');
    cody = await lc.person('cody', 'compliance-officer');
    tess = await lc.person('tess', 'top-management');
    olivia = await lc.person('olivia', 'ai-owner');
    oscar = await lc.person('oscar', 'ai-owner');
    rita = await lc.person('rita', 'risk-officer');
    audrey = await lc.person('audrey', 'auditor');
    const admin = await lc.person('root', 'admin');
    for (const [identity, role] of [
      ['olivia', 'ai-owner'],
      ['oscar', 'ai-owner'],
      ['rita', 'risk-officer'],
    ]) {
      await lc.post(admin, '/people', { identity, displayName: identity.toUpperCase(), assignedRoles: [role] }).expect(201);
    }
  });
  afterAll(() => t.close());

  const policy = async (id: string): Promise<Json> => (await lc.get(audrey, `/policies/${id}`).expect(200)).body;
  const acks = async (id: string): Promise<Json> => (await lc.get(audrey, `/policies/${id}/acknowledgements`).expect(200)).body;
  const acknowledge = (who: Person, id: string) => lc.post(who, `/policies/${id}/acknowledgements`);
  const draft = {
    title: 'AI policy',
    body: '# AI policy\n\nWe use AI responsibly.',
    scope: 'All AI systems',
    kind: 'ai-policy',
    acknowledgedBy: ['ai-owner', 'risk-officer'],
  };

  /** Review and approval straight through. */
  async function approve(instanceId: string): Promise<void> {
    await lc.complete(carla, instanceId, 'Task_review', { decision: 'approve' });
    await lc.complete(tess, instanceId, 'Task_approve', { decision: 'approve' });
  }

  it('reviews, approves and publishes a policy, which everyone holding its roles acknowledges; a new version supersedes it', async () => {
    const created = (await lc.post(gina, '/policies', draft).expect(201)).body;
    expect(created).toMatchObject({ status: 'in-review', version: 1, seriesId: created.id, owner: 'gina', acknowledgedBy: ['ai-owner', 'risk-officer'] });
    const id = created.id;
    const instanceId = created.instanceId;

    // Review asks for changes; the AI owner revises; review and top-management approval (not the reviser).
    await lc.complete(carla, instanceId, 'Task_review', { decision: 'request-changes', reviewComments: 'name the oversight duty' });
    expect((await policy(id)).status).toBe('changes-requested');
    await lc.complete(olivia, instanceId, 'Task_revise', { body: '# AI policy\n\nWe use AI responsibly, under human oversight.' });
    expect(await policy(id)).toMatchObject({ status: 'in-review', body: expect.stringContaining('human oversight') });
    await lc.complete(carla, instanceId, 'Task_review', { decision: 'approve' });
    expect((await policy(id)).status).toBe('awaiting-approval');
    await lc.complete(tess, instanceId, 'Task_approve', { decision: 'approve', comments: 'established' });
    let row = await policy(id);
    expect(row).toMatchObject({ status: 'published', reviewInterval: 'P12M', publishedAt: expect.any(String) });
    const publishedAt = Date.parse(row.publishedAt);
    const nextReview = new Date(publishedAt);
    nextReview.setUTCMonth(nextReview.getUTCMonth() + 12);
    expect(row.nextReviewAt).toBe(nextReview.toISOString());

    // The audience: everyone active holding ai-owner or risk-officer in the people directory.
    let list = await acks(id);
    expect(list).toMatchObject({ roles: ['ai-owner', 'risk-officer'], required: 3, acknowledgedCount: 0, complete: false });
    expect(list.audience.map((p: Json) => [p.identity, p.acknowledgedAt])).toEqual([
      ['olivia', null],
      ['oscar', null],
      ['rita', null],
    ]);
    expect((await acknowledge(gina, id).expect(403)).body).toMatchObject({ code: 'not-in-audience' });
    const first = (await acknowledge(olivia, id).expect(201)).body;
    expect(first).toMatchObject({ policyId: id, identity: 'olivia' });
    expect((await acknowledge(olivia, id).expect(201)).body.acknowledgedAt).toBe(first.acknowledgedAt);

    // A week on, a reminder names who has not acknowledged yet.
    const fired = (await lc.advance(gina, 'P7D')).filter((f) => f.instanceId === instanceId);
    expect(fired.map((f) => f.elementId)).toEqual(['Timer_ackReminder']);
    const reminded = (await lc.get(audrey, '/audit-events', { subjectType: 'policy', subjectId: id, action: 'policy.reminded' }).expect(200)).body.items;
    expect(reminded.map((e: Json) => e.after.pending)).toEqual([['oscar', 'rita']]);

    await acknowledge(oscar, id).expect(201);
    await acknowledge(rita, id).expect(201);
    list = await acks(id);
    expect(list).toMatchObject({ required: 3, acknowledgedCount: 3, complete: true });
    const instance = await lc.instance(audrey, instanceId);
    expect(instance.timers.map((x: Json) => [x.elementId, x.dueAt])).toEqual([['Timer_reviewDue', row.nextReviewAt]]);

    // Version 2 supersedes version 1 once published; version 1's process ends.
    const v2 = (await lc.post(gina, '/policies', { ...draft, body: '# AI policy v2', supersedes: id }).expect(201)).body;
    expect(v2).toMatchObject({ version: 2, seriesId: id, supersedes: id, status: 'in-review' });
    expect((await policy(id)).status).toBe('published');
    await approve(v2.instanceId);
    expect(await policy(v2.id)).toMatchObject({ status: 'published' });
    row = await policy(id);
    expect(row).toMatchObject({ status: 'superseded', supersededBy: v2.id });
    expect((await lc.instance(audrey, instanceId)).status).toBe('completed');
    const series = (await lc.get(audrey, '/policies', { seriesId: id }).expect(200)).body.items.map((p: Json) => [p.version, p.status]);
    expect(series).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    expect((await acks(v2.id)).acknowledgedCount).toBe(0);
  });

  it('reviews a policy for high-risk systems every 6 months and marks it for revision when it no longer fits', async () => {
    const created = (await lc.post(carla, '/policies', { ...draft, kind: 'topic-specific', title: 'Human oversight', coversHighRiskSystems: true }).expect(201))
      .body;
    await lc.refused(carla, created.instanceId, 'Task_review', { decision: 'approve' }, SOD.initiator);
    await lc.complete(cody, created.instanceId, 'Task_review', { decision: 'approve' });
    await lc.complete(tess, created.instanceId, 'Task_approve', { decision: 'approve' });
    const row = await policy(created.id);
    expect(row.reviewInterval).toBe('P6M');
    await lc.advance(gina, 'P6M');
    await lc.complete(carla, created.instanceId, 'Task_periodicReview', { decision: 'revise', reviewNotes: 'new EU guidance' });
    expect((await policy(created.id)).status).toBe('revision-due');
  });

  it('validates what is drafted and who acknowledges what', async () => {
    const bad = await lc.post(gina, '/policies', { ...draft, acknowledgedBy: ['ai-owner', 'ethics-board'] }).expect(400);
    expect(bad.body).toMatchObject({ code: 'unknown-role', errors: [{ pointer: '/acknowledgedBy/1' }] });
    const pending = (await lc.post(gina, '/policies', draft).expect(201)).body;
    expect((await lc.post(gina, '/policies', { ...draft, supersedes: pending.id }).expect(400)).body).toMatchObject({
      code: 'invalid-policy',
      errors: [{ pointer: '/supersedes' }],
    });
    expect((await acknowledge(olivia, pending.id).expect(409)).body.code).toBe('policy-not-published');
    await lc.post(olivia, '/policies', draft).expect(403);

    // An organisation-defined role named by a policy is in use: not deleted.
    await lc.post(gina, '/roles', { key: 'ethics-board', name: 'Ethics board' }).expect(201);
    await lc.post(gina, '/policies', { ...draft, title: 'Ethics charter', acknowledgedBy: ['ethics-board'] }).expect(201);
    const inUse = await t.http
      .delete('/api/v1/roles/ethics-board')
      .set({ Authorization: `Bearer ${gina.token}` })
      .expect(409);
    expect(inUse.body.usedBy).toEqual([{ source: 'policies', usages: ['Ethics charter v1'] }]);
    await lc.post(gina, '/policies', { ...draft, kind: 'memo', title: '' }).expect(400);
    await lc.get(audrey, '/policies/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
