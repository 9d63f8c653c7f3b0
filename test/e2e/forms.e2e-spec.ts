import { readFileSync } from 'node:fs';
import { fromProjectRoot } from '../../src/common/paths.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, fixture, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

const formFile = (name: string) => JSON.parse(readFileSync(fromProjectRoot('test/fixtures/forms', `${name}.form`), 'utf8')) as Record<string, unknown>;

describe('Camunda forms', () => {
  let t: TestApp;
  let gov: string;
  let p: ReturnType<typeof processClient>;
  const postForm = (token: string, body: object) => t.http.post('/api/v1/forms').set(auth(token)).send(body);

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
  });
  afterAll(() => t.close());

  it('stores versions per form id (governance only), lists them, and names the component of an unusable schema (422, nothing stored)', async () => {
    const officer = await t.tokenFor('carla', 'compliance-officer');
    const form = formFile('model-approval');
    await postForm(officer, form).expect(403);
    const bad = await postForm(gov, { ...form, id: 'broken', components: [{ type: 'number', key: 'score', validate: { max: 'ten' } }] }).expect(422);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body).toMatchObject({ code: 'invalid-form' });
    expect(bad.body.errors).toEqual([{ pointer: '/components/0/validate/max', message: 'component "score" (number): validate.max must be a number' }]);
    await t.http.get('/api/v1/forms/broken').set(auth(gov)).expect(404);

    const first = await postForm(gov, form).expect(201);
    expect(first.body).toMatchObject({ formId: 'model-approval', version: 1, createdBy: 'gina', schema: { components: expect.any(Array) } });
    const second = await postForm(gov, form).expect(201);
    expect(second.body.version).toBe(2);

    const detail = await t.http.get('/api/v1/forms/model-approval').set(auth(officer)).expect(200);
    expect(detail.body).toMatchObject({ formId: 'model-approval', latest: { version: 2 } });
    expect(detail.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    await t.http.get('/api/v1/forms/model-approval/versions/1').set(auth(officer)).expect(200);
    const missing = await t.http.get('/api/v1/forms/model-approval/versions/9').set(auth(officer)).expect(404);
    expect(missing.body.code).toBe('form-version-not-found');
    const auditor = await t.tokenFor('audrey', 'auditor');
    const audited = await t.http.get('/api/v1/audit-events').query({ subjectType: 'form', subjectId: 'model-approval' }).set(auth(auditor)).expect(200);
    expect(audited.body.items.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['form.created', 'gina'],
      ['form.created', 'gina'],
    ]);
    const list = await t.http.get('/api/v1/forms?search=APPROVAL').set(auth(officer)).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ formId: 'model-approval', latestVersion: 2 }] });
  });

  it('deploys a definition linking a form not stored yet, with a warning naming the element and the form id', async () => {
    const res = await p.deploy(gov, fixture('camunda-forms.bpmn').replace('formId="model-approval"', 'formId="no-such-form"')).expect(201);
    expect(res.body.warnings).toContainEqual({ elementId: 'approve', message: expect.stringContaining('linked form "no-such-form" does not exist yet') });
  });

  it('binds the task to the latest form version, validates completions on the server (400 naming the field, nothing changes) and lands valid data', async () => {
    await p.deploy(gov, fixture('camunda-forms.bpmn')).expect(201);
    const started = await p.start(gov, 'camunda-forms', { riskClass: 'high' }).expect(201);
    const task = await p.taskOf(gov, started.body.id, 'approve');
    expect(task).toMatchObject({ form: [], camundaForm: { kind: 'camunda', formId: 'model-approval', version: 2, formKey: null } });

    // A new version does not change the open task: it stays bound to version 2.
    await postForm(gov, { ...formFile('model-approval'), components: [] }).expect(201);
    expect((await t.http.get(`/api/v1/tasks/${task.id}`).set(auth(gov)).expect(200)).body.camundaForm.version).toBe(2);

    const invalid = await p
      .complete(gov, task.id, {
        variables: { summary: 'Credit scoring v2', riskScore: 12, decision: 'reject', owner: { name: 'Rosa' }, mitigations: [{ cost: 5 }] },
      })
      .expect(400);
    expect(invalid.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(invalid.body).toMatchObject({ code: 'invalid-task-variables' });
    expect(invalid.body.errors).toEqual([
      { pointer: '/variables/riskScore', message: 'must be at most 10' },
      { pointer: '/variables/rejectionReason', message: 'is required' },
      { pointer: '/variables/mitigations/0/action', message: 'is required' },
    ]);
    expect((await t.http.get(`/api/v1/tasks/${task.id}`).set(auth(gov)).expect(200)).body.status).toBe('open');

    const variables = {
      summary: 'Credit scoring v2',
      riskScore: 4,
      decision: 'approve',
      ticket: 'CHG-7',
      owner: { name: 'Rosa', email: 'rosa@example.com' },
      mitigations: [{ action: 'Bias test each release', cost: 5 }],
    };
    const done = await p.complete(gov, task.id, { variables }).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'approve', variables });
    const instance = await p.instance(gov, started.body.id).expect(200);
    expect(instance.body.variables).toMatchObject(variables);

    // The embedded form of the next task comes from the process itself.
    const ack = await p.taskOf(gov, started.body.id, 'acknowledge');
    expect(ack).toMatchObject({ camundaForm: { formId: null, version: null, formKey: 'camunda-forms:bpmn:userTaskForm_ack' } });
    const refused = await p.complete(gov, ack.id, { variables: { acknowledged: 'yes' } }).expect(400);
    expect(refused.body.errors).toEqual([{ pointer: '/variables/acknowledged', message: 'must be true or false' }]);
    await p.complete(gov, ack.id, { variables: { acknowledged: true } }).expect(200);
    expect((await p.instance(gov, started.body.id)).body.status).toBe('completed');
  });
});
