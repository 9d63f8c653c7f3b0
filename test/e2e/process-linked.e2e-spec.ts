import { readFileSync } from 'node:fs';
import { fromProjectRoot } from '../../src/common/paths.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/test-app.js';
import { auth, bpmn, chain, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';

/** A rule set deployed after the process that evaluates it. */
const RATING = {
  key: 'supplier-rating',
  kind: 'rating',
  title: 'Supplier rating',
  description: 'Rates a supplier by its score',
  factsSchema: { type: 'object', properties: { score: { type: 'number' } } },
  rules: [
    {
      name: 'high',
      description: 'A score above 5 is high',
      conditions: { all: [{ fact: 'score', operator: 'greaterThan', value: 5 }] },
      event: { type: 'rating', params: { level: 'high' } },
    },
  ],
  outcome: { strategy: 'first', defaults: { level: 'low' } },
};

/** A form stored after the process that links it, in versions with different rules. */
const invoiceForm = (components: object[]) => ({ id: 'invoice-form', type: 'default', schemaVersion: 18, components });
const APPROVED = { type: 'checkbox', id: 'Field_approved', key: 'approved', label: 'Approved', validate: { required: true } };

describe('rule sets and linked forms resolved when an instance reaches their task', () => {
  let t: TestApp;
  let p: ReturnType<typeof processClient>;
  let gov: string;
  let risk: string;

  beforeAll(async () => {
    t = await createTestApp({ ...OWN_PROCESSES_ONLY, clock: 'manual' });
    p = processClient(t);
    gov = await t.tokenFor('gina', 'governance');
    risk = await t.tokenFor('rita', 'risk-officer');
  });
  afterAll(() => t.close());

  const retry = (instanceId: string, incidentId: string) => t.http.post(`/api/v1/process-instances/${instanceId}/incidents/${incidentId}/retry`).set(auth(gov));
  const openIncident = async (instanceId: string) => {
    const open = (await p.instance(gov, instanceId).expect(200)).body.incidents.filter((i: { status: string }) => i.status === 'open');
    expect(open).toHaveLength(1);
    return open[0] as { id: string; elementId: string; message: string; jobId: string | null; externalJobId: string | null };
  };

  it('deploys a business rule task whose rule set is missing with a warning; the instance holds there with an incident until a retry after the rule set is deployed', async () => {
    const xml = bpmn(
      'linked-rating',
      `<bpmn:startEvent id="Start"/><bpmn:businessRuleTask id="Rate" aimsflow:ruleSet="supplier-rating" aimsflow:resultVariable="rating"/>
       <bpmn:userTask id="Review" aimsflow:candidateRoles="risk-officer"/><bpmn:endEvent id="End"/>${chain('Start', 'Rate', 'Review', 'End')}`,
    );
    const deployed = await p.deploy(gov, xml).expect(201);
    expect(deployed.body.warnings).toEqual([
      {
        elementId: 'Rate',
        message: 'rule set "supplier-rating" does not exist yet: deploy it before an instance reaches this task, or the step raises an incident',
      },
    ]);

    const started = await p.start(gov, 'linked-rating', { score: 7 }).expect(201);
    expect(started.body).toMatchObject({ status: 'failed', activeElementIds: ['Rate'] });
    const incident = await openIncident(started.body.id);
    expect(incident).toMatchObject({
      elementId: 'Rate',
      jobId: null,
      externalJobId: null,
      message:
        'business rule task Rate evaluates rule set "supplier-rating", which does not exist: create and activate a version of it (POST /rule-sets/supplier-rating/versions), then retry this incident',
    });

    // Retried while still missing: held again, under a new incident.
    await retry(started.body.id, incident.id).expect(200);
    const again = await openIncident(started.body.id);
    expect(again.id).not.toBe(incident.id);

    // A version that is not active decides nothing yet: still held.
    await t.http.post('/api/v1/rule-sets/supplier-rating/versions').set(auth(gov)).send(RATING).expect(201);
    await retry(started.body.id, again.id).expect(200);
    const inactive = await openIncident(started.body.id);
    expect(inactive.message).toBe(incident.message);

    await t.http.post('/api/v1/rule-sets/supplier-rating/versions/1/activate').set(auth(gov)).expect(200);
    await retry(started.body.id, inactive.id).expect(200);
    const running = (await p.instance(gov, started.body.id).expect(200)).body;
    expect(running).toMatchObject({ status: 'active', activeElementIds: ['Review'], variables: { score: 7, rating: { level: 'high' } } });
    expect(running.incidents.map((i: { status: string; resolution: string }) => [i.status, i.resolution])).toEqual([
      ['resolved', 'retried'],
      ['resolved', 'retried'],
      ['resolved', 'retried'],
    ]);
    const history = (await p.history(gov, started.body.id)).body.items.map((h: { event: string }) => h.event);
    expect(history).toEqual(['start', 'bpmn.incident', 'bpmn.retry', 'bpmn.incident', 'bpmn.retry', 'bpmn.incident', 'bpmn.retry', 'rule.result']);
    await p.complete(risk, (await p.taskOf(risk, started.body.id, 'Review')).id).expect(200);
    expect((await p.instance(gov, started.body.id)).body.status).toBe('completed');
  });

  it('deploys a user task whose linked form is missing with a warning; the task opens on the retry after POST /forms, bound to the latest version then', async () => {
    const xml = readFileSync(fromProjectRoot('test/fixtures/bpmn/corpus/camunda-modeler/test-e2e-user-task-form.bpmn'), 'utf8').replace(
      /"Process_1"/g,
      '"linked-invoice"',
    );
    const deployed = await p.deploy(gov, xml).expect(201);
    expect(deployed.body.warnings).toContainEqual({
      elementId: 'UserTask_1',
      message: 'linked form "invoice-form" does not exist yet: store it (POST /forms) before an instance reaches this task, or the step raises an incident',
    });

    const started = await p.start(gov, 'linked-invoice').expect(201);
    expect(started.body).toMatchObject({ status: 'failed', activeElementIds: ['UserTask_1'] });
    expect((await p.tasks(ADMIN_TOKEN, { instanceId: started.body.id }).expect(200)).body.items).toEqual([]);
    const incident = await openIncident(started.body.id);
    expect(incident).toMatchObject({
      elementId: 'UserTask_1',
      message: 'user task UserTask_1 links form "invoice-form", which does not exist: store it (POST /forms), then retry this incident',
    });

    await t.http.post('/api/v1/forms').set(auth(gov)).send(invoiceForm([])).expect(201);
    await t.http
      .post('/api/v1/forms')
      .set(auth(gov))
      .send(invoiceForm([APPROVED]))
      .expect(201);
    await retry(started.body.id, incident.id).expect(200);
    expect((await p.instance(gov, started.body.id)).body).toMatchObject({ status: 'active', activeElementIds: ['UserTask_1'] });
    const task = await p.taskOf(ADMIN_TOKEN, started.body.id, 'UserTask_1');
    expect(task.camundaForm).toMatchObject({ kind: 'camunda', formId: 'invoice-form', version: 2 });

    // A later version does not change the open task: its completion is still checked against version 2.
    await t.http.post('/api/v1/forms').set(auth(gov)).send(invoiceForm([])).expect(201);
    const refused = await p.complete(ADMIN_TOKEN, task.id, { variables: {} }).expect(400);
    expect(refused.body.errors).toEqual([{ pointer: '/variables/approved', message: 'must be ticked' }]);
    await p.complete(ADMIN_TOKEN, task.id, { variables: { approved: true } }).expect(200);
    expect((await p.instance(gov, started.body.id)).body).toMatchObject({ status: 'completed', variables: { approved: true } });
  });

  it('resolves the incident of a held task whose element is left meanwhile: obsolete after a boundary timer, cancelled with its instance', async () => {
    const xml = bpmn(
      'linked-deadline',
      `<bpmn:startEvent id="Start"/>
       <bpmn:userTask id="Sign" aimsflow:candidateRoles="risk-officer"><bpmn:extensionElements>
         <zeebe:formDefinition xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" formId="sign-form"/></bpmn:extensionElements></bpmn:userTask>
       <bpmn:boundaryEvent id="Late" attachedToRef="Sign"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
       <bpmn:endEvent id="End"/><bpmn:endEvent id="Expired"/>${chain('Start', 'Sign', 'End')} ${chain('Late', 'Expired')}`,
    );
    await p.deploy(gov, xml).expect(201);
    const late = (await p.start(gov, 'linked-deadline').expect(201)).body.id as string;
    expect((await openIncident(late)).elementId).toBe('Sign');
    await p.advance(gov, 'P2D').expect(200);
    const expired = (await p.instance(gov, late)).body;
    expect(expired).toMatchObject({ status: 'completed', incidents: [{ elementId: 'Sign', status: 'resolved', resolution: 'obsolete' }] });

    const cancelled = (await p.start(gov, 'linked-deadline').expect(201)).body.id as string;
    await t.http.post(`/api/v1/process-instances/${cancelled}/cancel`).set(auth(gov)).send({ reason: 'no form yet' }).expect(200);
    expect((await p.instance(gov, cancelled)).body).toMatchObject({
      status: 'cancelled',
      incidents: [{ elementId: 'Sign', status: 'resolved', resolution: 'cancelled' }],
    });
  });

  it('holds a called process at its business rule task with the incident in the child instance; the retry there lets the caller go on', async () => {
    await p
      .deploy(
        gov,
        bpmn(
          'linked-called',
          `<bpmn:startEvent id="Start"/><bpmn:businessRuleTask id="Rate" aimsflow:ruleSet="child-rating" aimsflow:resultVariable="rating"/>
           <bpmn:endEvent id="End"/>${chain('Start', 'Rate', 'End')}`,
        ),
      )
      .expect(201);
    await p
      .deploy(
        gov,
        bpmn(
          'linked-caller',
          `<bpmn:startEvent id="Start"/><bpmn:callActivity id="Call" calledElement="linked-called"/>
           <bpmn:userTask id="Review" aimsflow:candidateRoles="risk-officer"/><bpmn:endEvent id="End"/>${chain('Start', 'Call', 'Review', 'End')}`,
        ),
      )
      .expect(201);
    const caller = (await p.start(gov, 'linked-caller', { score: 2 }).expect(201)).body;
    expect(caller).toMatchObject({ status: 'active', activeElementIds: ['Call'] });
    const [child] = (await p.instance(gov, caller.id)).body.children as Array<{ id: string }>;
    expect((await p.instance(gov, child.id)).body).toMatchObject({ status: 'failed', activeElementIds: ['Rate'] });
    const incident = await openIncident(child.id);
    expect(incident.message).toContain('rule set "child-rating", which does not exist');

    await t.http
      .post('/api/v1/rule-sets/child-rating/versions')
      .set(auth(gov))
      .send({ ...RATING, key: 'child-rating' })
      .expect(201);
    await t.http.post('/api/v1/rule-sets/child-rating/versions/1/activate').set(auth(gov)).expect(200);
    await retry(child.id, incident.id).expect(200);
    expect((await p.instance(gov, child.id)).body.status).toBe('completed');
    expect((await p.instance(gov, caller.id)).body).toMatchObject({ status: 'active', activeElementIds: ['Review'] });
  });
});
