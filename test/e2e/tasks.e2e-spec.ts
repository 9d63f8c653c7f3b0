import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, bpmn, chain, fixture, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

const FORM = bpmn(
  'incident-report',
  `<bpmn:startEvent id="Start"/>
   <bpmn:userTask id="Report" name="Report the incident" aimsflow:candidateRoles="ai-owner" aimsflow:dueDate="P2D">
     <bpmn:documentation>Describe what happened.</bpmn:documentation>
     <bpmn:extensionElements>
       <aimsflow:formField name="severity" type="enum" values="minor,major" required="true"/>
       <aimsflow:formField name="affected" type="integer" required="true"/>
       <aimsflow:formField name="occurredOn" type="date"/>
       <aimsflow:formField name="contained" type="boolean"/>
       <aimsflow:formField name="notes" type="string"/>
       <aimsflow:formField name="actions" type="array"/>
     </bpmn:extensionElements>
   </bpmn:userTask>
   <bpmn:userTask id="Assess" name="Assess the report" aimsflow:candidateRoles="risk_officer,compliance-officer" aimsflow:separateFrom="Report"/>
   <bpmn:endEvent id="End"/>${chain('Start', 'Report', 'Assess', 'End')}`,
);

describe('tasks', () => {
  let t: TestApp;
  let p: ReturnType<typeof processClient>;
  let gov: string;
  let olga: string;
  let otto: string;
  let rosa: string;
  let carl: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    olga = await t.tokenFor('olga', 'ai-owner');
    otto = await t.tokenFor('otto', 'ai-owner');
    rosa = await t.tokenFor('rosa', 'risk-officer');
    carl = await t.tokenFor('carl', 'compliance-officer');
    admin = await t.tokenFor('ada', 'admin');
    await p.deploy(gov, FORM).expect(201);
    await p.deploy(gov, fixture('review-loop.bpmn')).expect(201);
    await p.deploy(gov, fixture('multi-instance.bpmn')).expect(201);
  });
  afterAll(() => t.close());

  const startReport = async (subjectId = 'sys-1') => (await p.start(gov, 'incident-report', {}, { type: 'case', id: subjectId }).expect(201)).body.id as string;

  it('shows each person an inbox of open tasks assigned to them or claimable with their roles', async () => {
    const id = await startReport('inbox-1');
    const report = await p.taskOf(olga, id, 'Report');
    expect(report).toMatchObject({
      name: 'Report the incident',
      documentation: 'Describe what happened.',
      definitionKey: 'incident-report',
      definitionVersion: 1,
      subjectType: 'case',
      subjectId: 'inbox-1',
      candidateRoles: ['ai-owner'],
      assignee: null,
      status: 'open',
      dueAt: expect.any(String),
      form: expect.arrayContaining([expect.objectContaining({ name: 'severity', type: 'enum', values: ['minor', 'major'], required: true })]),
    });
    const inbox = async (token: string) => (await p.tasks(token).expect(200)).body.items.map((task: { id: string }) => task.id);
    expect(await inbox(olga)).toContain(report.id);
    expect(await inbox(otto)).toContain(report.id);
    expect(await inbox(rosa)).not.toContain(report.id);
    expect(await inbox(admin)).not.toContain(report.id);

    await t.http.post(`/api/v1/tasks/${report.id}/claim`).set(auth(olga)).expect(200);
    expect(await inbox(olga)).toContain(report.id);
    expect(await inbox(otto)).not.toContain(report.id);

    const byRole = await p.tasks(rosa, { candidateRole: 'ai_owner', subjectId: 'inbox-1' }).expect(200);
    expect(byRole.body.items.map((task: { id: string }) => task.id)).toEqual([report.id]);
    expect((await p.tasks(rosa, { assignee: 'olga', status: 'open' })).body.items.map((task: { id: string }) => task.id)).toContain(report.id);
    expect((await p.tasks(rosa, { instanceId: id, status: 'completed' })).body.items).toEqual([]);
    const paged = await p.tasks(olga, { limit: '1' }).expect(200);
    expect(paged.body).toMatchObject({ limit: 1, offset: 0 });
    expect(paged.body.items).toHaveLength(1);
    await p.tasks(olga, { status: 'finished' }).expect(400);
  });

  it('claims, releases and delegates within the candidate roles', async () => {
    const id = await startReport('claims');
    const report = await p.taskOf(olga, id, 'Report');
    const claim = (token: string) => t.http.post(`/api/v1/tasks/${report.id}/claim`).set(auth(token));
    const noRole = await claim(rosa).expect(403);
    expect(noRole.body.code).toBe('not-a-candidate');
    await claim(admin).expect(403);
    expect((await claim(olga).expect(200)).body).toMatchObject({ assignee: 'olga', claimedAt: expect.any(String) });
    await claim(olga).expect(200);
    expect((await claim(otto).expect(409)).body).toMatchObject({ code: 'task-claimed-by-another', assignee: 'olga' });
    await t.http.post(`/api/v1/tasks/${report.id}/unclaim`).set(auth(otto)).expect(403);
    expect((await t.http.post(`/api/v1/tasks/${report.id}/unclaim`).set(auth(olga)).expect(200)).body.assignee).toBeNull();

    const delegate = (token: string, to: string) => t.http.post(`/api/v1/tasks/${report.id}/delegate`).set(auth(token)).send({ to });
    const wrongRole = await delegate(olga, 'rosa').expect(400);
    expect(wrongRole.body.errors).toEqual([{ pointer: '/to', message: expect.stringContaining('ai-owner') }]);
    expect((await delegate(olga, 'nobody').expect(400)).body.errors[0].message).toBe(
      'is no person in the directory and has no token that is neither revoked nor expired',
    );
    await delegate(rosa, 'otto').expect(403);
    expect((await delegate(olga, 'otto').expect(200)).body.assignee).toBe('otto');
    await delegate(olga, 'olga').expect(403);
    await p.complete(olga, report.id, { variables: { severity: 'minor', affected: 1 } }).expect(409);
    // An admin may move a task on (not complete it): back to olga, who completes it.
    expect((await delegate(admin, 'olga').expect(200)).body.assignee).toBe('olga');
    await p.complete(olga, report.id, { variables: { severity: 'minor', affected: 1 } }).expect(200);
    await claim(olga).expect(409);

    const audit = await t.http.get(`/api/v1/audit-events?subjectType=task&subjectId=${report.id}&limit=50`).set(auth(admin)).expect(200);
    // Each refused attempt is a security event on the task, between the changes.
    const trail = audit.body.items.reverse();
    expect(trail.map((e: { action: string; actor: string }) => `${e.action} ${e.actor}`)).toEqual([
      'task.created gina',
      'security.denied rosa',
      'security.denied ada',
      'task.claimed olga',
      'security.denied otto',
      'task.unclaimed olga',
      'security.denied rosa',
      'task.delegated olga',
      'security.denied olga',
      'task.delegated ada',
      'task.completed olga',
    ]);
    expect(trail[1].after).toMatchObject({
      code: 'not-a-candidate',
      rule: 'candidate roles',
      candidateRoles: ['ai-owner'],
      method: 'POST',
      path: `/api/v1/tasks/${report.id}/claim`,
      roles: ['risk-officer'],
    });
  });

  it('delegates to an identity-provider identity exactly as written (sub is case-sensitive), and finds its tasks by it', async () => {
    const xenia = 'https://id.example.org/realms/acme#Xy9AbC';
    await t.http
      .post('/api/v1/people')
      .set(auth(admin))
      .send({ identity: xenia, displayName: 'Xenia', assignedRoles: ['ai-owner'] })
      .expect(201);
    // another person, whose sub differs only in case
    await t.http.post('/api/v1/people').set(auth(admin)).send({ identity: xenia.toLowerCase(), displayName: 'Someone else' }).expect(201);
    const report = await p.taskOf(olga, await startReport('oidc-1'), 'Report');
    const delegated = await t.http.post(`/api/v1/tasks/${report.id}/delegate`).set(auth(olga)).send({ to: xenia }).expect(200);
    expect(delegated.body.assignee).toBe(xenia);
    const held = await p.tasks(admin, { assignee: xenia, status: 'open' }).expect(200);
    expect(held.body.items.map((task: { id: string }) => task.id)).toEqual([report.id]);
    // the one who only differs in case holds no role: refused, not mistaken for Xenia
    const other = await p.taskOf(olga, await startReport('oidc-2'), 'Report');
    await t.http.post(`/api/v1/tasks/${other.id}/delegate`).set(auth(olga)).send({ to: xenia.toLowerCase() }).expect(400);
    // written like an identity-provider identity but not exactly one: 400 naming the field, not folded into another person
    const wrong = await t.http
      .post(`/api/v1/tasks/${other.id}/delegate`)
      .set(auth(olga))
      .send({ to: ` ${xenia}` })
      .expect(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ pointer: '/to', message: expect.stringContaining('<issuer>#<sub>') })]);
  });

  it('validates completions against the form, with a pointer per field', async () => {
    const id = await startReport('forms');
    const report = await p.taskOf(olga, id, 'Report');
    const bad = await p
      .complete(olga, report.id, { variables: { affected: 2.5, occurredOn: 'yesterday', contained: 'yes', notes: 7, actions: 'none', surprise: 1 } })
      .expect(400);
    expect(bad.body.code).toBe('invalid-task-variables');
    const byPointer = Object.fromEntries(bad.body.errors.map((e: { pointer: string; message: string }) => [e.pointer, e.message]));
    expect(byPointer).toEqual({
      '/variables/severity': 'is required',
      '/variables/affected': 'must be an integer',
      '/variables/occurredOn': expect.stringContaining('ISO 8601 date'),
      '/variables/contained': 'must be true or false',
      '/variables/notes': 'must be a string',
      '/variables/actions': 'must be an array',
      '/variables/surprise': expect.stringContaining('is not a field'),
    });
    const enumError = await p.complete(olga, report.id, { variables: { severity: 'catastrophic', affected: 3 } }).expect(400);
    expect(enumError.body.errors).toEqual([{ pointer: '/variables/severity', message: 'must be one of: minor, major' }]);
    await p.complete(olga, report.id, { variables: { severity: 'major' }, bogus: true }).expect(400);
    expect((await t.http.get(`/api/v1/tasks/${report.id}`).set(auth(olga))).body).toMatchObject({ status: 'open', assignee: null });

    // Completing an unclaimed task you may claim claims it.
    const done = await p
      .complete(olga, report.id, { variables: { severity: 'major', affected: 3, occurredOn: '2026-03-01', contained: true, actions: ['suspend'] } })
      .expect(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      assignee: 'olga',
      completedBy: 'olga',
      outcome: 'major',
      variables: { severity: 'major', affected: 3 },
    });
    const again = await p.complete(olga, report.id, { variables: { severity: 'major', affected: 3 } }).expect(409);
    expect(again.body).toMatchObject({ code: 'task-not-open', taskStatus: 'completed' });
  });

  it('writes the outcome as the variable `outcome`, checked against a form field of that name', async () => {
    const id = (await p.start(gov, 'review-loop').expect(201)).body.id;
    await p.complete(olga, (await p.taskOf(olga, id, 'Draft')).id, { variables: { summary: 's' } }).expect(200);
    const review = await p.taskOf(rosa, id, 'Review');
    expect((await p.complete(rosa, review.id, { outcome: 'maybe' }).expect(400)).body.errors).toEqual([
      { pointer: '/outcome', message: 'must be one of: approved, rejected, escalate' },
    ]);
    await p.complete(rosa, review.id, { outcome: 'approved', variables: { outcome: 'rejected' } }).expect(400);
    expect((await p.complete(rosa, review.id, { outcome: 'approved' }).expect(200)).body).toMatchObject({
      outcome: 'approved',
      variables: { outcome: 'approved' },
    });
    expect((await p.instance(gov, id)).body).toMatchObject({ status: 'completed', variables: { outcome: 'approved' } });
  });

  describe('segregation of duties (403, admins included)', () => {
    it('keeps whoever started the instance from completing a task separate from the initiator', async () => {
      const multi = await t.tokenFor('max', 'ai-owner', 'risk-officer', 'admin');
      const id = (await p.start(multi, 'review-loop').expect(201)).body.id;
      await p.complete(olga, (await p.taskOf(olga, id, 'Draft')).id, { variables: { summary: 's' } }).expect(200);
      const review = await p.taskOf(rosa, id, 'Review');
      const refused = await p.complete(multi, review.id, { outcome: 'approved' }).expect(403);
      expect(refused.body).toMatchObject({
        code: 'segregation-of-duties',
        rule: 'separateFrom: initiator',
        detail: expect.stringContaining('separateFrom: initiator'),
      });
      await p.complete(rosa, review.id, { outcome: 'approved' }).expect(200);
    });

    it('keeps whoever completed the reviewed task from completing its review', async () => {
      const both = await t.tokenFor('bea', 'ai-owner', 'risk-officer');
      const id = await startReport('sod');
      await p.complete(both, (await p.taskOf(both, id, 'Report')).id, { variables: { severity: 'minor', affected: 1 } }).expect(200);
      const assess = await p.taskOf(rosa, id, 'Assess');
      expect(assess.candidateRoles).toEqual(['risk-officer', 'compliance-officer']);
      // Barred from completing it, bea cannot hold it either: the claim is refused, the task stays open to others.
      const refusedClaim = await t.http.post(`/api/v1/tasks/${assess.id}/claim`).set(auth(both)).expect(403);
      expect(refusedClaim.body).toMatchObject({ code: 'segregation-of-duties', rule: 'separateFrom: Report' });
      expect((await p.taskOf(rosa, id, 'Assess')).assignee).toBeNull();
      const refused = await p.complete(both, assess.id).expect(403);
      expect(refused.body).toMatchObject({ code: 'segregation-of-duties', rule: 'separateFrom: Report' });
      await t.http.post(`/api/v1/tasks/${assess.id}/delegate`).set(auth(both)).send({ to: 'carl' }).expect(200);
      await p.complete(carl, assess.id).expect(200);
    });

    it('lets one person complete at most one item of a multi-instance approval', async () => {
      const twoHats = await t.tokenFor('hal', 'risk-officer', 'dpo', 'admin');
      const dora = await t.tokenFor('dora', 'dpo');
      const id = (await p.start(gov, 'multi-instance', { requiredApprovers: ['risk-officer', 'dpo'] }).expect(201)).body.id;
      const items = (await p.tasks(gov, { instanceId: id })).body.items.sort(
        (a: { item: { index: number } }, b: { item: { index: number } }) => a.item.index - b.item.index,
      );
      await p.complete(twoHats, items[0].id, { variables: { decision: 'approve' } }).expect(200);
      const refused = await p.complete(twoHats, items[1].id, { variables: { decision: 'approve' } }).expect(403);
      expect(refused.body).toMatchObject({ code: 'segregation-of-duties', rule: 'separateFrom: Approvals' });
      await p.complete(dora, items[1].id, { variables: { decision: 'approve' } }).expect(200);
      expect((await p.instance(gov, id)).body.status).toBe('completed');
    });
  });

  it('answers 404 for unknown tasks and 400 for malformed ids', async () => {
    await t.http.get('/api/v1/tasks/00000000-0000-4000-8000-000000000000').set(auth(olga)).expect(404);
    await t.http.post('/api/v1/tasks/00000000-0000-4000-8000-000000000000/complete').set(auth(olga)).send({}).expect(404);
    await t.http.get('/api/v1/tasks/not-a-uuid').set(auth(olga)).expect(400);
  });

  // Last in this file: it moves the shared manual clock three days on.
  it('lists the tasks past their due time (the inbox too), and those due before a date', async () => {
    const id = await startReport('overdue-1');
    const report = await p.taskOf(olga, id, 'Report');
    const ids = async (query: Record<string, string>) => (await p.tasks(otto, query).expect(200)).body.items.map((task: { id: string }) => task.id);
    expect(await ids({ overdue: 'true' })).not.toContain(report.id);
    const dueAt = Date.parse(String(report.dueAt));
    expect(await ids({ subjectId: 'overdue-1', dueBefore: new Date(dueAt + 1000).toISOString() })).toEqual([report.id]);
    expect(await ids({ subjectId: 'overdue-1', dueBefore: new Date(dueAt).toISOString() })).toEqual([]);

    await t.http.post('/api/v1/clock/advance').set(auth(gov)).send({ duration: 'P3D' }).expect(200);
    expect(await ids({ overdue: 'true' })).toContain(report.id); // otto's inbox: claimable with ai-owner
    expect(await ids({ overdue: 'true', subjectId: 'overdue-1' })).toEqual([report.id]);
    expect((await p.tasks(rosa, { overdue: 'true' }).expect(200)).body.items.map((task: { id: string }) => task.id)).not.toContain(report.id);
    await p.tasks(otto, { overdue: 'soon' }).expect(400);
    await p.tasks(otto, { dueBefore: 'tomorrow' }).expect(400);
  });
});
