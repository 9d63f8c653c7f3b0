import { binary, pdfText } from '../helpers/documents.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { type Json, lifecycleClient, type LifecycleClient, minimalSystem, type Person } from '../helpers/lifecycle.js';

/**
 * Management review input (ISO/IEC 42001 clause 9.3.2): when an internal audit reaches its management
 * review, the input is compiled from the registers (nonconformities, objectives, audits, incidents,
 * opportunities for improvement, actions from previous reviews) and linked from the review task; the
 * review's decisions become the next review's "actions from previous reviews".
 */
describe('management review input', () => {
  let t: TestApp;
  let lc: LifecycleClient;
  let audrey: Person; // auditor
  let tess: Person; // top management: management review
  let carla: Person; // compliance officer
  let olivia: Person; // AI owner
  let bot: Person; // integration: measurements
  let gina: Person; // governance: moves the clock
  let systemId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock: 'manual' });
    lc = lifecycleClient(t);
    audrey = await lc.person('audrey', 'auditor');
    tess = await lc.person('tess', 'top-management');
    carla = await lc.person('carla', 'compliance-officer');
    olivia = await lc.person('olivia', 'ai-owner');
    bot = await lc.person('mlflow', 'integration');
    gina = await lc.person('gina', 'governance');
    systemId = (await lc.register(olivia, minimalSystem('Inbox triage'))).system.id;
  });
  afterAll(() => t.close());

  /** An internal audit driven to its management review task; returns the instance id. */
  async function auditToReview(title: string): Promise<{ auditId: string; instanceId: string }> {
    const audit = (await lc.post(audrey, '/audits', { type: 'internal', title }).expect(201)).body;
    await lc.complete(audrey, audit.instanceId, 'Task_plan', { scope: 'Clause 9.1', auditedArea: 'Monitoring', areaOwner: 'olivia' });
    await lc.complete(audrey, audit.instanceId, 'Task_fieldwork', { findings: [{ title: 'Dashboards not reviewed', severity: 'observation' }] });
    await lc.complete(audrey, audit.instanceId, 'Task_report', { report: 'one observation' });
    return { auditId: audit.id, instanceId: audit.instanceId };
  }

  it('compiles the input from the registers, links it from the review task, and carries the decisions to the next review', async () => {
    // What the registers hold: a breached objective, a serious incident, a nonconformity.
    const objective = (
      await lc
        .post(carla, '/objectives', {
          title: 'Routing accuracy',
          measure: 'monthly sample',
          unit: '%',
          target: 95,
          direction: 'at-least',
          frequency: 'P1M',
          systemIds: [systemId],
        })
        .expect(201)
    ).body;
    await lc.post(bot, `/objectives/${objective.id}/measurements`, { value: 97 }).expect(201);
    await lc.advance(gina, 'P20D');
    await lc.post(bot, `/objectives/${objective.id}/measurements`, { value: 90 }).expect(201);
    const clock = Date.parse((await lc.get(carla, '/clock').expect(200)).body.now);
    const incident = (
      await lc
        .post(olivia, '/incidents', {
          systemId,
          title: 'Urgent mail lost',
          description: 'Urgent mails were filed as spam.',
          occurredAt: new Date(clock).toISOString(),
          awareAt: new Date(clock).toISOString(),
          effects: ['property-or-environment-harm'],
        })
        .expect(201)
    ).body;

    const first = await auditToReview('Internal audit 2027-1');
    const task = await lc.myTask(tess, first.instanceId, 'Task_managementReview');
    expect(task.name).toBe('Management review');
    const inputId = (await lc.instance(tess, first.instanceId)).variables.managementReviewInputId;
    const taskView = (await lc.get(tess, `/tasks/${task.id}`).expect(200)).body;
    expect(taskView.documentation).toContain('GET /management-review-inputs/{managementReviewInputId}');
    // The task links its input, as JSON and as PDF, in the inbox and on its own; the audit's earlier tasks link nothing.
    const links = {
      reviewInput: `/api/v1/management-review-inputs/${inputId}`,
      reviewInputPdf: `/api/v1/documents/management-review?format=pdf&managementReviewInputId=${inputId}`,
    };
    expect(taskView.links).toEqual(links);
    expect((task as unknown as Json).links).toEqual(links);
    const earlier = (await lc.get(audrey, '/tasks', { instanceId: first.instanceId, status: 'completed' }).expect(200)).body.items as Json[];
    expect(earlier.map((x) => [x.elementId, x.links])).toEqual(
      expect.arrayContaining([
        ['Task_plan', {}],
        ['Task_report', {}],
      ]),
    );
    const openPdf = async () => {
      const res = await binary(t.http.get(links.reviewInputPdf).set('Authorization', `Bearer ${tess.token}`)).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      return pdfText(res.body);
    };
    const pdf = await openPdf();
    for (const expected of ['Management review input', 'Routing accuracy', 'Dashboards not reviewed', 'Urgent mail lost', 'objective-worsening', 'not yet'])
      expect(pdf).toContain(expected);

    const input = (await t.http.get(links.reviewInput).set('Authorization', `Bearer ${tess.token}`).expect(200)).body;
    expect(input).toMatchObject({ auditId: first.auditId, instanceId: first.instanceId, compiledBy: 'audrey', decisions: null, decidedAt: null });
    const c = input.content;
    expect(c.previousReviews).toEqual([]);
    expect(c.objectives).toEqual([
      expect.objectContaining({
        id: objective.id,
        target: 95,
        latest: expect.objectContaining({ value: 90, breach: true, severity: 'minor' }),
        breaches: 1,
        trend: 'worsening',
      }),
    ]);
    // The objective's breach and the audit's observation are open nonconformities.
    expect(c.nonconformities).toMatchObject({ total: 2, bySeverity: { minor: 1, observation: 1 } });
    expect(c.nonconformities.open.map((n: Json) => n.title).sort()).toEqual(['Dashboards not reviewed', 'Objective not met: Routing accuracy']);
    expect(c.audits).toEqual([expect.objectContaining({ id: first.auditId, type: 'internal', findings: 1 })]);
    expect(c.incidents).toMatchObject({ total: 1, open: [expect.objectContaining({ id: incident.id })] });
    expect(c.opportunitiesForImprovement.map((o: Json) => o.kind).sort()).toEqual(['objective-worsening', 'observation']);

    await lc.complete(tess, first.instanceId, 'Task_managementReview', {
      managementDecisions: 'fund drift monitoring',
      improvementActions: ['monthly accuracy review'],
    });
    expect((await lc.get(tess, `/management-review-inputs/${inputId}`).expect(200)).body).toMatchObject({
      decisions: 'fund drift monitoring',
      improvementActions: ['monthly accuracy review'],
      decidedBy: 'tess',
      decidedAt: expect.any(String),
    });
    // The PDF of the stored input now shows what the review decided.
    const decided = await openPdf();
    expect(decided).toContain('fund drift monitoring');
    expect(decided).toContain('monthly accuracy review');

    // The next review receives the actions of this one.
    const second = await auditToReview('Internal audit 2027-2');
    const next = (await lc.get(tess, '/management-review-inputs', { auditId: second.auditId }).expect(200)).body.items;
    expect(next).toHaveLength(1);
    expect(next[0].content.previousReviews).toEqual([
      expect.objectContaining({ inputId, auditId: first.auditId, decisions: 'fund drift monitoring', improvementActions: ['monthly accuracy review'] }),
    ]);
    await lc.get(tess, '/management-review-inputs/00000000-0000-4000-8000-000000000000').expect(404);
    const missing = await lc.get(tess, '/documents/management-review', { managementReviewInputId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});
