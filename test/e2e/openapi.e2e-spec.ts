import type { Response } from 'supertest';
import { HandlerRegistry } from '../../src/processes/handlers/handler-registry.js';
import { highRiskSystem, type Json, lifecycleClient, type Person } from '../helpers/lifecycle.js';
import { openApiValidator } from '../helpers/openapi.js';
import { auth, bpmn, chain } from '../helpers/processes.js';
import { settledSimulation } from '../helpers/simulations.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/test-app.js';

/** Operations whose success is not a JSON body. */
const NOT_JSON = new Set([
  'get /api/v1/process-definitions/{key}/versions/{version}/xml',
  'get /api/v1/evidence/{id}/content',
  'get /api/v1/documents/{kind}',
  'get /api/v1/audit-packs/{id}/content',
]);

/**
 * The OpenAPI document is true: every operation declares the JSON type of its success response,
 * and real responses of every route match the declared schema exactly (no undocumented field, so
 * no entity leaks into the API), along a walk through the whole API.
 */
describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Json;
  let validator: ReturnType<typeof openApiValidator>;
  const problems: string[] = [];

  beforeAll(async () => {
    // Two attempts, so a failing timer step raises its incident within the walk's clock advance.
    t = await createTestApp({ clock: 'manual', processMaxAttempts: 2 });
    doc = (await t.http.get('/docs-json').expect(200)).body;
    validator = openApiValidator(doc);
  });
  afterAll(() => t.close());

  /** Records a mismatch between a response and the document instead of stopping at the first. */
  function checked(method: string, path: string, res: Response): Response {
    if (res.status >= 400) problems.push(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    else problems.push(...validator.errors(method, path, res.status, res.body));
    return res;
  }

  it('declares a typed success response for every operation', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries<Json>(doc.paths)) {
      for (const [method, operation] of Object.entries<Json>(operations)) {
        if (NOT_JSON.has(`${method} ${path}`)) continue;
        const success = Object.entries<Json>(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
        // Sign-in answers with redirects only (no body).
        if (!success.length && Object.keys(operation.responses ?? {}).some((status) => status.startsWith('3'))) continue;
        const typed = success.some(([, response]) => {
          const schema = response.content?.['application/json']?.schema;
          return schema && (schema.$ref || schema.type || schema.allOf || schema.oneOf);
        });
        if (!typed) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
    for (const [name, schema] of Object.entries<Json>(doc.components.schemas)) {
      if (schema.type === 'object' && !schema.properties && !schema.additionalProperties) missing.push(`schema ${name} has no properties`);
    }
    expect(missing).toEqual([]);
  });

  it('every response of a walk through the API matches its declared schema', async () => {
    const lc = lifecycleClient(t);
    const admin: Person = { subject: 'admin', roles: ['admin'], token: ADMIN_TOKEN };
    const owner = await lc.person('olivia', 'ai-owner');
    const gov = await lc.person('gina', 'governance');
    const auditor = await lc.person('ada', 'auditor');
    const integration = await lc.person('mlflow', 'integration');
    const get = async (who: Person, path: string, concrete: string, query: Json = {}) => checked('get', path, await lc.get(who, concrete, query));
    const post = async (who: Person, path: string, concrete: string, body: Json = {}) => checked('post', path, await lc.post(who, concrete, body));
    const v1 = (path: string) => `/api/v1${path}`;

    checked('get', '/health', await t.http.get('/health'));

    // tokens
    const token = (await post(admin, v1('/tokens'), '/tokens', { subject: 'tess', roles: ['auditor'] })).body;
    await get(admin, v1('/tokens'), '/tokens');
    checked('delete', v1('/tokens/{id}'), await t.http.delete(v1(`/tokens/${token.id}`)).set(auth(ADMIN_TOKEN)));

    // roles and people
    const defaults = { 'task-overdue': { channels: ['email', 'chat'], digest: 'immediate' } };
    await post(gov, v1('/roles'), '/roles', { key: 'ethics-board', name: 'Ethics board', notificationDefaults: defaults });
    await get(auditor, v1('/roles'), '/roles');
    await get(auditor, v1('/roles/{key}'), '/roles/ethics-board');
    const patchAs = (who: Person, path: string, concrete: string, body: Json) =>
      t.http
        .patch(v1(concrete))
        .set(auth(who.token))
        .send(body)
        .then((res) => checked('patch', v1(path), res));
    await patchAs(gov, '/roles/{key}', '/roles/ethics-board', { description: 'reviews high-impact use cases' });
    const person = (
      await post(admin, v1('/people'), '/people', { identity: 'erik', displayName: 'Erik', email: 'erik@example.org', assignedRoles: ['ethics-board'] })
    ).body;
    await get(auditor, v1('/people'), '/people', { role: 'ethics-board' });
    await get(auditor, v1('/people/{id}'), `/people/${person.id}`);
    await patchAs(admin, '/people/{id}', `/people/${person.id}`, { assignedRoles: [], chatTarget: { format: 'slack', url: 'https://93.184.215.14/hook' } });
    await get(auditor, v1('/me'), '/me');
    checked('delete', v1('/roles/{key}'), await t.http.delete(v1('/roles/ethics-board')).set(auth(gov.token)));

    // AI systems, their controls and decisions, model versions and events
    const created = await post(owner, v1('/ai-systems'), '/ai-systems', {
      ...highRiskSystem('Contract'),
      model: { provider: 'acme', name: 'rank', version: '1.0.0' },
    });
    const systemId = created.body.id as string;
    await get(owner, v1('/ai-systems'), '/ai-systems');
    await get(owner, v1('/ai-systems/attribute-schema'), '/ai-systems/attribute-schema');
    const system = await get(owner, v1('/ai-systems/{id}'), `/ai-systems/${systemId}`);
    checked(
      'patch',
      v1('/ai-systems/{id}'),
      await t.http
        .patch(v1(`/ai-systems/${systemId}`))
        .set(auth(owner.token))
        .set('If-Match', system.headers.etag)
        .send({ description: 'checked' }),
    );
    await get(owner, v1('/ai-systems/{id}/controls'), `/ai-systems/${systemId}/controls`);
    const decisions = await get(owner, v1('/ai-systems/{id}/decisions'), `/ai-systems/${systemId}/decisions`);
    await get(owner, v1('/decisions/{id}'), `/decisions/${decisions.body.items[0].id}`);
    await post(owner, v1('/decisions/{key}'), '/decisions/eu-ai-act-risk-class', { facts: { useCases: ['recruitment'], roles: ['deployer'] } });
    await post(integration, v1('/ai-systems/{id}/model-versions'), `/ai-systems/${systemId}/model-versions`, {
      provider: 'acme',
      modelName: 'rank',
      version: '1.0.1',
    });
    await get(owner, v1('/ai-systems/{id}/model-versions'), `/ai-systems/${systemId}/model-versions`);
    const event = await post(integration, v1('/model-events'), '/model-events', { provider: 'acme', modelName: 'rank', version: '1.0.2' });
    await get(integration, v1('/model-events/{id}'), `/model-events/${event.body.id}`);

    // controls and the Statement of Applicability
    await get(auditor, v1('/controls'), '/controls');
    await get(auditor, v1('/controls/{id}'), '/controls/A.2.2');
    await get(auditor, v1('/statement-of-applicability'), '/statement-of-applicability');
    checked(
      'put',
      v1('/statement-of-applicability/{controlId}/implementation'),
      await t.http.put(v1('/statement-of-applicability/A.2.2/implementation')).set(auth(gov.token)).send({ status: 'planned', note: 'policy drafted' }),
    );

    // rule sets
    await get(gov, v1('/rule-sets'), '/rule-sets');
    const ruleSet = await get(gov, v1('/rule-sets/{key}'), '/rule-sets/review-interval');
    await get(gov, v1('/rule-sets/{key}/versions'), '/rule-sets/review-interval/versions');
    await get(gov, v1('/rule-sets/{key}/versions/{version}'), `/rule-sets/review-interval/versions/${ruleSet.body.version}`);
    const draft = await post(gov, v1('/rule-sets/{key}/versions'), '/rule-sets/review-interval/versions', ruleSet.body.document);
    const simulate = v1('/rule-sets/{key}/versions/{version}/simulate');
    await post(gov, simulate, `/rule-sets/review-interval/versions/${draft.body.version}/simulate`, { facts: { riskClass: 'high' } });
    const simulation = await post(gov, simulate, `/rule-sets/review-interval/versions/${draft.body.version}/simulate`, {});
    await get(auditor, v1('/rule-simulations/{id}'), `/rule-simulations/${simulation.body.id}`);
    await settledSimulation(t, auditor.token, simulation.headers.location);
    await get(auditor, v1('/rule-simulations/{id}'), `/rule-simulations/${simulation.body.id}`);
    await get(auditor, v1('/rule-simulations'), '/rule-simulations');
    await post(gov, v1('/rule-sets/{key}/versions/{version}/activate'), `/rule-sets/review-interval/versions/${draft.body.version}/activate`);

    // processes: definitions, handlers, instances, messages, the clock
    const xml = bpmn(
      'contract-check',
      `<bpmn:startEvent id="Start"/><bpmn:userTask id="Check" name="Check" aimsflow:candidateRoles="ai-owner"/>` +
        `<bpmn:intermediateCatchEvent id="Wait" aimsflow:correlationKey="=caseId"><bpmn:messageEventDefinition messageRef="Msg"/></bpmn:intermediateCatchEvent>` +
        `<bpmn:endEvent id="End"/>${chain('Start', 'Check', 'Wait', 'End')}`,
      '',
      `<bpmn:message id="Msg" name="contract.go"/>`,
    );
    checked(
      'post',
      v1('/process-definitions'),
      await t.http.post(v1('/process-definitions')).set(auth(gov.token)).set('Content-Type', 'application/xml').send(xml),
    );
    await get(gov, v1('/process-definitions'), '/process-definitions');
    await get(gov, v1('/process-definitions/{key}'), '/process-definitions/contract-check');
    await get(gov, v1('/service-task-handlers'), '/service-task-handlers');
    const started = await post(gov, v1('/process-instances'), '/process-instances', {
      definitionKey: 'contract-check',
      subject: { type: 'case', id: 'c-1' },
      variables: { caseId: 'c-1' },
    });
    const instanceId = started.body.id as string;
    await get(gov, v1('/process-instances'), '/process-instances');
    await get(gov, v1('/process-instances/{id}'), `/process-instances/${instanceId}`);
    await get(gov, v1('/process-instances/{id}/history'), `/process-instances/${instanceId}/history`);

    // tasks
    const inbox = await get(owner, v1('/tasks'), '/tasks', { instanceId });
    const taskId = inbox.body.items[0].id as string;
    await get(owner, v1('/tasks/{id}'), `/tasks/${taskId}`);
    await post(owner, v1('/tasks/{id}/claim'), `/tasks/${taskId}/claim`);
    await post(owner, v1('/tasks/{id}/unclaim'), `/tasks/${taskId}/unclaim`);
    await lc.person('otto', 'ai-owner');
    await post(owner, v1('/tasks/{id}/delegate'), `/tasks/${taskId}/delegate`, { to: 'otto' });
    await post(admin, v1('/tasks/{id}/unclaim'), `/tasks/${taskId}/unclaim`);
    await post(owner, v1('/tasks/{id}/complete'), `/tasks/${taskId}/complete`, {});
    await post(gov, v1('/messages'), '/messages', { name: 'contract.go', correlationKey: 'c-1' });
    // a timer step whose service task fails: retried, then an incident, which a retry through the API resolves
    let ticketingDown = true;
    t.app.get(HandlerRegistry).register('walk.open-ticket', 'Fails while the walk says the ticketing system is down', () => {
      if (ticketingDown) throw new Error('ticketing system unavailable');
      return { ticket: 'T-1' };
    });
    const ticketXml = bpmn(
      'ticketed',
      `<bpmn:startEvent id="Start"/><bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>` +
        `<bpmn:serviceTask id="Ticket" aimsflow:handler="walk.open-ticket"/><bpmn:endEvent id="End"/>${chain('Start', 'Wait', 'Ticket', 'End')}`,
    );
    checked(
      'post',
      v1('/process-definitions'),
      await t.http.post(v1('/process-definitions')).set(auth(gov.token)).set('Content-Type', 'application/xml').send(ticketXml),
    );
    const ticketed = await post(gov, v1('/process-instances'), '/process-instances', { definitionKey: 'ticketed', subject: { type: 'case', id: 'c-3' } });
    await post(gov, v1('/clock/advance'), '/clock/advance', { duration: 'PT1H' });
    const failed = await get(gov, v1('/process-instances/{id}'), `/process-instances/${ticketed.body.id}`);
    // the failed timer is still pending work: listed, overdue
    const pendingTimers = await get(gov, v1('/process-timers'), '/process-timers');
    expect(pendingTimers.body.items).toEqual([expect.objectContaining({ instanceId: ticketed.body.id, elementId: 'Wait', status: 'failed' })]);
    ticketingDown = false;
    await post(
      gov,
      v1('/process-instances/{id}/incidents/{incidentId}/retry'),
      `/process-instances/${ticketed.body.id}/incidents/${failed.body.incidents[0].id}/retry`,
    );
    const other = await post(gov, v1('/process-instances'), '/process-instances', {
      definitionKey: 'contract-check',
      subject: { type: 'case', id: 'c-2' },
      variables: { caseId: 'c-2' },
    });
    await post(gov, v1('/process-instances/{id}/cancel'), `/process-instances/${other.body.id}/cancel`, { reason: 'checked' });

    // registers; a risk registered and treated by a process of the walk's own, through the register's handlers
    await get(auditor, v1('/impact-assessments'), '/impact-assessments');
    const riskXml = bpmn(
      'walk-risk',
      `<bpmn:startEvent id="Start"/><bpmn:serviceTask id="Register" aimsflow:handler="risk.register"/>` +
        `<bpmn:serviceTask id="Decide" aimsflow:handler="risk.update?status=treatment-decided"/><bpmn:endEvent id="End"/>${chain('Start', 'Register', 'Decide', 'End')}`,
    );
    checked(
      'post',
      v1('/process-definitions'),
      await t.http.post(v1('/process-definitions')).set(auth(gov.token)).set('Content-Type', 'application/xml').send(riskXml),
    );
    const treated = await post(gov, v1('/process-instances'), '/process-instances', {
      definitionKey: 'walk-risk',
      subject: { type: 'ai-system', id: systemId },
      variables: {
        systemId,
        risk: { title: 'Applicants with career gaps ranked lower', likelihood: 3, severity: 4 },
        rating: { rating: 'high', requiresTopManagementAcceptance: false },
        treatment: 'mitigate',
        controls: ['A.6.2.8'],
        plan: 'Remove gap length from the ranking features',
      },
    });
    await get(auditor, v1('/risks'), '/risks');
    await get(auditor, v1('/risks/{id}'), `/risks/${treated.body.variables.riskId}`);
    const nc = await post(auditor, v1('/nonconformities'), '/nonconformities', {
      title: 'Logs missing',
      description: 'No logs for a week',
      source: 'monitoring',
      severity: 'minor',
    });
    await get(auditor, v1('/nonconformities'), '/nonconformities');
    await get(auditor, v1('/nonconformities/{id}'), `/nonconformities/${nc.body.id}`);
    const audit = await post(auditor, v1('/audits'), '/audits', { type: 'internal', title: 'Q1 internal audit' });
    await get(auditor, v1('/audits'), '/audits');
    await get(auditor, v1('/audits/{id}'), `/audits/${audit.body.id}`);
    const onboarding = await lc.get(owner, '/process-instances', { subjectId: systemId, definitionKey: 'ai-system-onboarding' }).expect(200);
    await lc.complete(owner, onboarding.body.items[0].id, 'Task_confirmScope', { inScope: true, roles: ['deployer'] });
    const assessments = await get(auditor, v1('/impact-assessments'), '/impact-assessments', { systemId });
    await get(auditor, v1('/impact-assessments/{id}'), `/impact-assessments/${assessments.body.items[0].id}`);

    // webhooks
    await get(gov, v1('/webhook-subscriptions/event-types'), '/webhook-subscriptions/event-types');
    const subscription = await post(gov, v1('/webhook-subscriptions'), '/webhook-subscriptions', { url: 'http://127.0.0.1:9/hook', eventTypes: ['task.*'] });
    await get(gov, v1('/webhook-subscriptions'), '/webhook-subscriptions');
    await get(gov, v1('/webhook-subscriptions/{id}'), `/webhook-subscriptions/${subscription.body.id}`);
    await lc.post(owner, '/ai-systems', highRiskSystem('After subscribing')).expect(201);
    const deliveries = await get(gov, v1('/webhook-subscriptions/{id}/deliveries'), `/webhook-subscriptions/${subscription.body.id}/deliveries`);
    await post(
      gov,
      v1('/webhook-subscriptions/{id}/deliveries/{deliveryId}/redeliver'),
      `/webhook-subscriptions/${subscription.body.id}/deliveries/${deliveries.body.items[0].id}/redeliver`,
    );
    checked('delete', v1('/webhook-subscriptions/{id}'), await t.http.delete(v1(`/webhook-subscriptions/${subscription.body.id}`)).set(auth(gov.token)));

    // the audit trail, last: it has seen everything above
    await get(auditor, v1('/audit-events'), '/audit-events');
    await get(auditor, v1('/audit-events/verify'), '/audit-events/verify');
    await post(owner, v1('/ai-systems/{id}/retire'), `/ai-systems/${systemId}/retire`, { reason: 'end of the walk' });

    expect(problems).toEqual([]);
  });
});
