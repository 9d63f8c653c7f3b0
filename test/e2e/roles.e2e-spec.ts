import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, chain, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

/** A process in Camunda 8 (Zeebe) syntax whose review is offered to `group`. */
const zeebeReview = (key: string, group: string, startableBy = 'governance') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0" id="Defs_${key}" targetNamespace="https://aimsflow.dev/test">
  <bpmn:process id="${key}" isExecutable="true" aimsflow:startableBy="${startableBy}">
    <bpmn:startEvent id="Start"/>
    <bpmn:userTask id="EthicsReview" name="Ethics review">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="${group}"/></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="End"/>${chain('Start', 'EthicsReview', 'End')}
  </bpmn:process>
</bpmn:definitions>`;

describe('roles as data', () => {
  let t: TestApp;
  let p: ReturnType<typeof processClient>;
  let gov: string;
  let olga: string;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    olga = await t.tokenFor('olga', 'ai-owner');
  });
  afterAll(() => t.close());

  const roles = (token: string) => ({
    create: (body: Record<string, unknown>) => t.http.post('/api/v1/roles').set(auth(token)).send(body),
    get: (key: string) => t.http.get(`/api/v1/roles/${key}`).set(auth(token)),
    patch: (key: string, body: Record<string, unknown>) => t.http.patch(`/api/v1/roles/${key}`).set(auth(token)).send(body),
    remove: (key: string) => t.http.delete(`/api/v1/roles/${key}`).set(auth(token)),
  });

  it('lists the ten built-in roles to anyone, and lets only governance (or admins) define more', async () => {
    const list = await t.http.get('/api/v1/roles').query({ limit: 100 }).set(auth(olga)).expect(200);
    expect(list.body.total).toBe(10);
    expect(list.body.items.every((r: { builtIn: boolean }) => r.builtIn)).toBe(true);
    expect((await roles(olga).get('risk-officer').expect(200)).body).toMatchObject({ key: 'risk-officer', name: 'Risk officer', notificationDefaults: null });
    expect((await roles(olga).create({ key: 'sneaky', name: 'Sneaky' }).expect(403)).body.code).toBe('role-required');

    const created = await roles(gov)
      .create({ key: 'procurement', name: 'Procurement', notificationDefaults: { 'task-available': { channels: ['email'], digest: 'daily' } } })
      .expect(201);
    expect(created.body).toMatchObject({
      key: 'procurement',
      builtIn: false,
      description: '',
      notificationDefaults: { 'task-available': { channels: ['email'], digest: 'daily' } },
    });
    expect((await roles(ADMIN_TOKEN).create({ key: 'procurement', name: 'Again' }).expect(409)).body.code).toBe('role-exists');
    await roles(ADMIN_TOKEN).get('nope').expect(404);
  });

  it('refuses malformed keys and settings, naming the field', async () => {
    for (const key of ['Ethics', 'ethics board', 'ethics--board', '-x', 'x_y']) {
      const res = await roles(gov).create({ key, name: 'x' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/key' })]);
    }
    const badKind = await roles(gov)
      .create({ key: 'kinds', name: 'x', notificationDefaults: { 'task-exploded': { channels: ['email'], digest: 'daily' } } })
      .expect(400);
    expect(badKind.body.errors).toEqual([expect.objectContaining({ pointer: '/notificationDefaults/task-exploded' })]);
    const badChannel = await roles(gov)
      .create({ key: 'kinds', name: 'x', notificationDefaults: { 'task-overdue': { channels: ['pager'], digest: 'daily' } } })
      .expect(400);
    expect(badChannel.body.errors).toEqual([expect.objectContaining({ pointer: '/notificationDefaults/task-overdue/channels' })]);
    await roles(gov).get('kinds').expect(404);
  });

  it('keeps built-in roles: they can be described but neither deleted nor re-keyed', async () => {
    expect((await roles(ADMIN_TOKEN).remove('dpo').expect(409)).body).toMatchObject({ code: 'built-in-role', errors: [{ pointer: '/path/key' }] });
    expect((await roles(gov).patch('dpo', { key: 'privacy' }).expect(409)).body).toMatchObject({ code: 'built-in-role', errors: [{ pointer: '/key' }] });
    const described = await roles(gov).patch('dpo', { description: 'data protection officer (Art. 37 GDPR)' }).expect(200);
    expect(described.body).toMatchObject({ key: 'dpo', builtIn: true, description: 'data protection officer (Art. 37 GDPR)' });
  });

  it('gives tokens any defined role, and refuses undefined ones naming the role', async () => {
    await roles(gov).create({ key: 'legal', name: 'Legal' }).expect(201);
    const ok = await t.http
      .post('/api/v1/tokens')
      .set(auth(ADMIN_TOKEN))
      .send({ subject: 'lena', roles: ['legal', 'dpo'] })
      .expect(201);
    expect(ok.body.roles).toEqual(['legal', 'dpo']);
    const bad = await t.http
      .post('/api/v1/tokens')
      .set(auth(ADMIN_TOKEN))
      .send({ subject: 'lena', roles: ['legal', 'legl'] })
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'unknown-role', roles: ['legl'], errors: [{ pointer: '/roles/1', message: '"legl" is not a defined role' }] });
  });

  it('refuses a definition whose candidate group or startableBy names no role (422 naming element and group), and deploys once the role exists', async () => {
    const res = await p.deploy(gov, zeebeReview('ethics-review', 'ethics_board, dpo', 'governance, ethics-board')).expect(422);
    expect(res.body.code).toBe('invalid-process-definition');
    expect(res.body.errors).toEqual([
      {
        pointer: '/elements/EthicsReview',
        elementId: 'EthicsReview',
        processId: 'ethics-review',
        message: 'candidate roles names "ethics_board", which is no defined role (GET /roles lists them)',
      },
      {
        pointer: '/elements/ethics-review',
        elementId: 'ethics-review',
        processId: 'ethics-review',
        message: 'aimsflow:startableBy names "ethics-board", which is no defined role (GET /roles lists them)',
      },
    ]);
    expect((await t.http.get('/api/v1/process-definitions/ethics-review').set(auth(gov))).status).toBe(404);

    await roles(gov).create({ key: 'ethics-board', name: 'Ethics board', description: 'reviews high-impact use cases' }).expect(201);
    await p.deploy(gov, zeebeReview('ethics-review', 'ethics_board, dpo', 'governance, ethics-board')).expect(201);
  });

  it('lets a token holding a custom role claim and complete a task offered to it; others may not', async () => {
    const ethics = await t.tokenFor('erik', 'ethics-board');
    const id = (await p.start(gov, 'ethics-review', {}, { type: 'case', id: 'use-case-7' }).expect(201)).body.id as string;
    const task = await p.taskOf(ethics, id, 'EthicsReview');
    expect(task.candidateRoles).toEqual(['ethics-board', 'dpo']);
    const inbox = (await p.tasks(ethics).expect(200)).body.items.map((x: { id: string }) => x.id);
    expect(inbox).toContain(task.id);
    expect((await t.http.post(`/api/v1/tasks/${task.id}/claim`).set(auth(olga)).expect(403)).body.code).toBe('not-a-candidate');
    expect((await t.http.post(`/api/v1/tasks/${task.id}/claim`).set(auth(ethics)).expect(200)).body.assignee).toBe('erik');
    await p.complete(ethics, task.id).expect(200);
    expect((await p.instance(gov, id)).body.status).toBe('completed');
    // Route permissions stay with the built-in roles: a custom role opens no route of its own.
    expect((await roles(ethics).create({ key: 'x', name: 'x' }).expect(403)).body.code).toBe('role-required');
    expect((await p.start(ethics, 'ethics-review', {}, { type: 'case', id: 'use-case-8' }).expect(403)).body.code).toBe('role-required');
  });

  it('refuses to delete a role still in use, saying where; deletes and re-keys unused ones', async () => {
    const inUse = await roles(gov).remove('ethics-board').expect(409);
    expect(inUse.body.code).toBe('role-in-use');
    expect(inUse.body.usedBy).toEqual(
      expect.arrayContaining([
        {
          source: 'process definitions',
          usages: ['ethics-review v1 candidate roles of EthicsReview', 'ethics-review v1 aimsflow:startableBy of ethics-review'],
        },
        { source: 'tokens', usages: [expect.stringMatching(/^token [0-9a-f-]+ \(afw_.+…\) of erik$/)] },
      ]),
    );
    expect((await roles(gov).patch('ethics-board', { key: 'ethics-council' }).expect(409)).body.code).toBe('role-in-use');
    await roles(gov).get('ethics-board').expect(200);

    // An open task offered to a role (FEEL included) and a person it was assigned to count too.
    await roles(gov).create({ key: 'auditee', name: 'Auditee' }).expect(201);
    const person = await t.http
      .post('/api/v1/people')
      .set(auth(ADMIN_TOKEN))
      .send({ identity: 'paula', displayName: 'Paula', assignedRoles: ['auditee'] })
      .expect(201);
    expect((await roles(gov).remove('auditee').expect(409)).body.usedBy).toEqual([{ source: 'people (assigned roles)', usages: ['paula'] }]);
    await t.http.patch(`/api/v1/people/${person.body.id}`).set(auth(ADMIN_TOKEN)).send({ assignedRoles: [] }).expect(200);

    const rekeyed = await roles(gov).patch('auditee', { key: 'audit-contact', name: 'Audit contact' }).expect(200);
    expect(rekeyed.body).toMatchObject({ key: 'audit-contact', name: 'Audit contact' });
    await roles(gov).get('auditee').expect(404);
    expect((await roles(gov).patch('audit-contact', { key: 'legal' }).expect(409)).body.code).toBe('role-exists');
    expect((await roles(gov).remove('audit-contact').expect(200)).body.key).toBe('audit-contact');
    await roles(gov).get('audit-contact').expect(404);
  });
});
