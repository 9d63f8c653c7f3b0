import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, bpmn, chain, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

const ISSUER = 'https://id.example.org';

describe('people directory API', () => {
  let t: TestApp;
  let p: ReturnType<typeof processClient>;
  let gov: string;
  let rosa: string;
  let auditor: string;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual', chatAllowHttpLoopback: true });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    rosa = await t.tokenFor('rosa', 'risk-officer');
    auditor = await t.tokenFor('aldo', 'auditor');
  });
  afterAll(() => t.close());

  const create = (token: string, body: Record<string, unknown>) => t.http.post('/api/v1/people').set(auth(token)).send(body);
  const patch = (token: string, id: string, body: Record<string, unknown>) => t.http.patch(`/api/v1/people/${id}`).set(auth(token)).send(body);
  const me = (token: string) => t.http.get('/api/v1/me').set(auth(token));

  it('lets admins register people, by token subject (canonical) or identity-provider identity (verbatim)', async () => {
    expect((await create(rosa, { identity: 'x', displayName: 'X' }).expect(403)).body.code).toBe('role-required');
    const paul = await create(ADMIN_TOKEN, { identity: '  Paul ', displayName: 'Paul Pape', email: 'paul@example.org', assignedRoles: ['dpo'] }).expect(201);
    expect(paul.body).toMatchObject({
      identity: 'paul',
      displayName: 'Paul Pape',
      source: 'admin',
      active: true,
      roles: ['dpo'],
      idpRoles: [],
      assignedRoles: ['dpo'],
      chatFormat: null,
    });
    const oidc = await create(ADMIN_TOKEN, { identity: `${ISSUER}#Xy9`, displayName: 'Xenia' }).expect(201);
    expect(oidc.body.identity).toBe(`${ISSUER}#Xy9`);

    expect((await create(ADMIN_TOKEN, { identity: 'PAUL', displayName: 'Again' }).expect(409)).body).toMatchObject({
      code: 'person-exists',
      errors: [{ pointer: '/identity' }],
    });
    const unknown = await create(ADMIN_TOKEN, { identity: 'quinn', displayName: 'Q', assignedRoles: ['dpo', 'wizard'] }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'unknown-role', errors: [{ pointer: '/assignedRoles/1', message: '"wizard" is not a defined role' }] });
    expect((await create(ADMIN_TOKEN, { identity: 'a\u200bb', displayName: 'Q' }).expect(400)).body.errors).toEqual([
      expect.objectContaining({ pointer: '/identity' }),
    ]);
    expect((await create(ADMIN_TOKEN, { identity: 'quinn', displayName: 'Q', email: 'not-mail' }).expect(400)).body.errors).toEqual([
      expect.objectContaining({ pointer: '/email' }),
    ]);
    await t.http
      .get('/api/v1/people?q=quinn')
      .set(auth(rosa))
      .expect(200, /"total":0/);
  });

  it('lists people to anyone, filtered by name, e-mail or identity, role and activation, paginated', async () => {
    await create(ADMIN_TOKEN, { identity: 'vera', displayName: 'Vera Vogt', email: 'vera@corp.example', assignedRoles: ['dpo', 'auditor'] }).expect(201);
    const list = (query: Record<string, string>) => t.http.get('/api/v1/people').query(query).set(auth(rosa)).expect(200);
    expect((await list({ q: 'VOGT' })).body.items.map((x: { identity: string }) => x.identity)).toEqual(['vera']);
    expect((await list({ q: 'corp.example' })).body.total).toBe(1);
    expect((await list({ q: 'id.example.org#xy' })).body.items.map((x: { displayName: string }) => x.displayName)).toEqual(['Xenia']);
    expect((await list({ q: '%' })).body.total).toBe(0);
    expect((await list({ role: 'dpo' })).body.items.map((x: { identity: string }) => x.identity)).toEqual(['paul', 'vera']);
    const paged = await list({ role: 'dpo', limit: '1', offset: '1' });
    expect(paged.body).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ identity: 'vera' }] });
    expect((await list({ active: 'false' })).body.total).toBe(0);
    await t.http.get('/api/v1/people').query({ active: 'maybe' }).set(auth(rosa)).expect(400);
    const one = (await list({ q: 'vera' })).body.items[0];
    expect((await t.http.get(`/api/v1/people/${one.id}`).set(auth(rosa)).expect(200)).body).toEqual(one);
    expect((await t.http.get('/api/v1/people/00000000-0000-4000-8000-000000000000').set(auth(rosa)).expect(404)).body.code).toBe('person-not-found');

    // A machine client does not read the directory (e-mail addresses); a person with an organisation-defined role does.
    const machine = await t.tokenFor('ci-bot', 'integration');
    const refused = await t.http.get('/api/v1/people').set(auth(machine)).expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'role-required', rule: 'route roles', requiredRoles: expect.arrayContaining(['ai-owner', 'auditor']) });
    expect(refused.body.requiredRoles).not.toContain('integration');
    await t.http.get(`/api/v1/people/${one.id}`).set(auth(machine)).expect(403);
    expect(
      (
        await t.http
          .get(`/api/v1/people/${one.id}`)
          .set(auth(await t.tokenFor('ivo', 'integration', 'ai-owner')))
          .expect(200)
      ).body.id,
    ).toBe(one.id);
    await t.http.post('/api/v1/roles').set(auth(gov)).send({ key: 'privacy-panel', name: 'Privacy panel' }).expect(201);
    await t.http
      .get('/api/v1/people')
      .set(auth(await t.tokenFor('pam', 'privacy-panel')))
      .expect(200);
  });

  it('gives a token subject a person on GET /me, with roles and effective notification settings', async () => {
    await t.http
      .post('/api/v1/roles')
      .set(auth(gov))
      .send({ key: 'risk-board', name: 'Risk board', notificationDefaults: { 'task-overdue': { channels: ['email', 'chat'], digest: 'immediate' } } })
      .expect(201);
    const first = await me(rosa).expect(200);
    expect(first.body).toMatchObject({
      identity: 'rosa',
      displayName: 'rosa',
      source: 'token',
      active: true,
      actingRoles: ['risk-officer'],
      chatTarget: null,
      notificationSettings: { chat: null, preferences: { 'task-available': { channels: ['in-app', 'email'], digest: 'immediate' } } },
    });
    expect(Object.keys(first.body.notificationSettings.preferences)).toHaveLength(10);
    expect((await me(rosa).expect(200)).body.id).toBe(first.body.id);

    // An admin assigns her a role with defaults; her own choice wins over it.
    await patch(ADMIN_TOKEN, first.body.id, { assignedRoles: ['risk-board'] }).expect(200);
    await patch(rosa, first.body.id, { notificationPreferences: { 'task-assigned': { channels: ['in-app'], digest: 'daily' } } }).expect(200);
    const settings = (await me(rosa).expect(200)).body.notificationSettings.preferences;
    expect(settings['task-overdue']).toEqual({ channels: ['email', 'chat'], digest: 'immediate' });
    expect(settings['task-assigned']).toEqual({ channels: ['in-app'], digest: 'daily' });
  });

  it('lets people change their own name, e-mail and notification settings, but not activation or roles (403 naming the field)', async () => {
    const own = (await me(rosa).expect(200)).body;
    const renamed = await patch(rosa, own.id, { displayName: 'Rosa Roth', email: 'rosa@example.org' }).expect(200);
    expect(renamed.body).toMatchObject({ displayName: 'Rosa Roth', email: 'rosa@example.org' });
    const roles = await patch(rosa, own.id, { displayName: 'R', active: true, assignedRoles: ['admin'] }).expect(403);
    expect(roles.body).toMatchObject({
      code: 'field-not-self-editable',
      errors: [
        { pointer: '/active', message: 'only an admin may change it' },
        { pointer: '/assignedRoles', message: 'only an admin may change it' },
      ],
    });
    expect((await me(rosa)).body.displayName).toBe('Rosa Roth');
    const vera = (await t.http.get('/api/v1/people?q=vera').set(auth(rosa))).body.items[0];
    expect((await patch(rosa, vera.id, { displayName: 'Hacked' }).expect(403)).body.code).toBe('not-your-person');
    const denied = (await t.http.get('/api/v1/audit-events').query({ action: 'security.denied', actor: 'rosa' }).set(auth(auditor)).expect(200)).body.items;
    expect(denied.map((e: { after: { code: string } }) => e.after.code)).toEqual(expect.arrayContaining(['field-not-self-editable', 'not-your-person']));
    const badPreference = await patch(rosa, own.id, { notificationPreferences: { 'task-overdue': { channels: ['fax'], digest: 'daily' } } }).expect(400);
    expect(badPreference.body.errors).toEqual([expect.objectContaining({ pointer: '/notificationPreferences/task-overdue/channels' })]);
  });

  it('takes chat targets on https only (http only to loopback when allowed), behind the webhook target rules', async () => {
    const own = (await me(rosa).expect(200)).body;
    const chat = (url: string, format = 'slack') => patch(rosa, own.id, { chatTarget: { format, url } });
    const refused = async (url: string, message: RegExp) => {
      const res = await chat(url).expect(400);
      expect(res.body.code).toBe('chat-target-refused');
      expect(res.body.errors).toEqual([{ pointer: '/chatTarget/url', message: expect.stringMatching(message) }]);
    };
    await refused('http://93.184.215.14/hook', /must use https/);
    await refused('https://169.254.169.254/latest/meta-data', /link-local/);
    await refused('https://10.1.2.3/hook', /private/);
    await refused('https://metadata.google.internal/x', /metadata/);
    expect((await chat('ftp://93.184.215.14/hook').expect(400)).body.errors).toEqual([expect.objectContaining({ pointer: '/chatTarget/url' })]);
    expect((await chat('https://93.184.215.14/hook', 'irc').expect(400)).body.errors).toEqual([expect.objectContaining({ pointer: '/chatTarget/format' })]);
    expect((await me(rosa)).body.chatTarget).toBeNull();

    const set = await chat('https://93.184.215.14/services/T0/B0/x', 'teams').expect(200);
    expect(set.body.chatFormat).toBe('teams');
    expect(JSON.stringify(set.body)).not.toContain('services/T0');
    expect((await me(rosa)).body).toMatchObject({
      chatTarget: { format: 'teams', url: 'https://93.184.215.14/services/T0/B0/x' },
      notificationSettings: { chat: { format: 'teams', url: 'https://93.184.215.14/services/T0/B0/x' } },
    });
    // The test setting (AIMSFLOW_CHAT_ALLOW_HTTP_LOOPBACK) opens plain http to loopback receivers only.
    await chat('http://127.0.0.1:9/hook').expect(200);
    await patch(rosa, own.id, { chatTarget: null }).expect(200);
    expect((await me(rosa)).body.chatTarget).toBeNull();
  });

  it('refuses every request of a deactivated person (401 person-inactive, audited), and hands them no work', async () => {
    await t.http.post('/api/v1/roles').set(auth(gov)).send({ key: 'ethics-board', name: 'Ethics board' }).expect(201);
    await p
      .deploy(
        gov,
        bpmn(
          'ethics-check',
          `<bpmn:startEvent id="Start"/><bpmn:userTask id="Check" name="Check" aimsflow:candidateRoles="ethics-board"/><bpmn:endEvent id="End"/>${chain('Start', 'Check', 'End')}`,
        ),
      )
      .expect(201);
    const erik = await t.tokenFor('erik', 'ethics-board');
    const eva = await t.tokenFor('eva', 'ethics-board');
    const evaId = (await me(eva).expect(200)).body.id;
    // Pia signs in through the identity provider only: the directory gives her the role.
    const pia = await create(ADMIN_TOKEN, { identity: 'pia', displayName: 'Pia', assignedRoles: ['ethics-board'] }).expect(201);

    const instance = (await p.start(gov, 'ethics-check', {}, { type: 'case', id: 'c-1' }).expect(201)).body.id as string;
    const task = await p.taskOf(erik, instance, 'Check');
    const delegate = (to: string, token = erik) => t.http.post(`/api/v1/tasks/${task.id}/delegate`).set(auth(token)).send({ to });

    // A role still offered open tasks is in use.
    expect((await t.http.delete('/api/v1/roles/ethics-board').set(auth(gov)).expect(409)).body.usedBy).toEqual(
      expect.arrayContaining([{ source: 'open tasks', usages: [`task ${task.id} "Check" (ethics-check)`] }]),
    );

    expect((await patch(ADMIN_TOKEN, evaId, { active: false }).expect(200)).body.active).toBe(false);
    const refused = await me(eva).expect(401);
    expect(refused.body).toMatchObject({ code: 'person-inactive' });
    expect(refused.headers['www-authenticate']).toContain('error="invalid_token"');
    await p.tasks(eva).expect(401);
    const events = (await t.http.get('/api/v1/audit-events').query({ action: 'security.denied', actor: 'eva' }).set(auth(auditor)).expect(200)).body.items;
    expect(events.map((e: { subjectId: string; after: { code: string; rule: string } }) => [e.subjectId, e.after.code, e.after.rule]).sort()).toEqual([
      ['GET /api/v1/me', 'person-inactive', 'active person'],
      ['GET /api/v1/tasks', 'person-inactive', 'active person'],
    ]);
    expect((await t.http.get('/api/v1/people').query({ active: 'false' }).set(auth(rosa))).body.items.map((x: { identity: string }) => x.identity)).toEqual([
      'eva',
    ]);

    expect((await delegate('eva').expect(409)).body).toMatchObject({
      code: 'delegate-inactive',
      errors: [{ pointer: '/to', message: 'is a deactivated person' }],
    });
    expect((await delegate('pia').expect(200)).body.assignee).toBe('pia');
    // Pia leaves: an admin hands her task on.
    await patch(ADMIN_TOKEN, pia.body.id, { active: false }).expect(200);
    expect((await delegate('erik', ADMIN_TOKEN).expect(200)).body.assignee).toBe('erik');

    await patch(ADMIN_TOKEN, evaId, { active: true }).expect(200);
    await me(eva).expect(200);
    const self = (await me(ADMIN_TOKEN).expect(200)).body;
    expect((await patch(ADMIN_TOKEN, self.id, { active: false }).expect(409)).body).toMatchObject({
      code: 'cannot-deactivate-self',
      errors: [{ pointer: '/active' }],
    });
    expect((await delegate('eva').expect(200)).body.assignee).toBe('eva');
    await p.complete(eva, task.id).expect(200);
  });
});
