import { TokenCache } from '../../src/auth/token-cache.js';
import { ModelEventsService } from '../../src/model-changes/model-events.service.js';
import { DeliveryWorker } from '../../src/webhooks/delivery-worker.js';
import { auth, bpmn, chain, OWN_PROCESSES_ONLY, processClient } from '../helpers/processes.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/test-app.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

/** Three service instances on one database: the background work is shared, and done once. */
describe('three replicas on one database', () => {
  let database: { url: string; name: string };
  let apps: TestApp[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = { ...OWN_PROCESSES_ONLY, clock: 'manual' as const, webhookPollIntervalMs: 0, modelEventPollIntervalMs: 0, modelEventBatchSize: 2 };
    apps = [];
    for (let i = 0; i < 3; i++) apps.push(await createTestApp(config, database));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await dropTestDatabase(database.name);
  });

  it('fire each due timer once', async () => {
    const [a] = apps;
    const gov = await a.tokenFor('gina', 'governance');
    const p = processClient(a);
    const timer = `<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
    await p.deploy(gov, bpmn('one-timer', `<bpmn:startEvent id="Start"/>${timer}<bpmn:endEvent id="End"/>${chain('Start', 'Wait', 'End')}`)).expect(201);
    for (let i = 0; i < 30; i++) await p.start(gov, 'one-timer', {}, { type: 'case', id: `t${i}` }).expect(201);
    const responses = await Promise.all(apps.map((app) => app.http.post('/api/v1/clock/advance').set(auth(gov)).send({ duration: 'P2D' })));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    const { rows } = await a.db.query(
      `SELECT (SELECT count(*)::int FROM process_history WHERE event = 'timer.fire') AS fires,
              (SELECT count(*)::int FROM process_instances WHERE definition_key = 'one-timer' AND status = 'completed') AS completed`,
    );
    expect(rows[0]).toEqual({ fires: 30, completed: 30 });
  });

  it('deliver each outbox event once', async () => {
    const [a] = apps;
    const receiver = await startWebhookReceiver(() => 200);
    try {
      const gov = await a.tokenFor('gina2', 'governance');
      const owner = await a.tokenFor('olivia', 'ai-owner');
      await a.http
        .post('/api/v1/webhook-subscriptions')
        .set(auth(gov))
        .send({ url: receiver.url, eventTypes: ['ai-system.*', 'decision.recorded'] })
        .expect(201);
      for (let i = 0; i < 10; i++) {
        await apps[i % 3].http
          .post('/api/v1/ai-systems')
          .set(auth(owner))
          .send({ name: `Replica ${i}`, intendedPurpose: 'x', roles: ['deployer'] })
          .expect(201);
      }
      const { rows } = await a.db.query(`SELECT count(*)::int AS n FROM webhook_deliveries`);
      expect(rows[0].n).toBe(30);
      await Promise.all(apps.map((app) => app.app.get(DeliveryWorker).runOnce()));
      await Promise.all(apps.map((app) => app.app.get(DeliveryWorker).runOnce()));
      const ids = receiver.received.map((r) => r.headers['webhook-id']);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
    } finally {
      await receiver.close();
    }
  });

  it('process each model-event batch once', async () => {
    const [a] = apps;
    const owner = await a.tokenFor('omar', 'ai-owner');
    const integration = await a.tokenFor('mlflow', 'integration');
    for (let i = 0; i < 12; i++) {
      await a.http
        .post('/api/v1/ai-systems')
        .set(auth(owner))
        .send({ name: `Fleet ${i}`, intendedPurpose: 'x', roles: ['deployer'], model: { provider: 'bigco', name: 'llm', version: '1.0.0' } })
        .expect(201);
    }
    const event = await a.http.post('/api/v1/model-events').set(auth(integration)).send({ provider: 'bigco', modelName: 'llm', version: '2.0.0' }).expect(202);
    const handled = await Promise.all(apps.map((app) => app.app.get(ModelEventsService).runOnce()));
    expect(handled.reduce((x, y) => x + y, 0)).toBe(12);
    const progress = await a.http.get(`/api/v1/model-events/${event.body.id}`).set(auth(integration));
    expect(progress.body).toMatchObject({ total: 12, processed: 12, failures: 0 });
    const { rows } = await a.db.query(`SELECT count(*)::int AS n, count(DISTINCT system_id)::int AS systems FROM model_versions WHERE model_event_id = $1`, [
      event.body.id,
    ]);
    expect(rows[0]).toEqual({ n: 12, systems: 12 });
  });

  it('forget a revoked token on every replica at once, and trust none while they cannot hear of revocations', async () => {
    const [a, b, c] = apps;
    const olivia = await a.tokenFor('olivia-r', 'ai-owner');
    const [{ id }] = (await a.db.query(`SELECT id FROM api_tokens WHERE subject = 'olivia-r'`)).rows;
    for (const app of [b, c]) await app.http.get('/api/v1/ai-systems').set(auth(olivia)).expect(200); // now cached there
    await a.http.delete(`/api/v1/tokens/${id}`).set(auth(ADMIN_TOKEN)).expect(200);
    for (const app of [b, c]) await until(async () => (await app.http.get('/api/v1/ai-systems').set(auth(olivia))).status === 401);

    // A replica whose listener connection is lost empties its cache and looks every token up.
    const paula = await a.tokenFor('paula-r', 'ai-owner');
    await b.http.get('/api/v1/ai-systems').set(auth(paula)).expect(200);
    await a.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'aimsflow-listen-aimsflow_token_revoked' AND datname = current_database()`,
    );
    await until(async () => !b.app.get(TokenCache).active);
    await a.db.query(`UPDATE api_tokens SET revoked_at = now() WHERE subject = 'paula-r'`); // no notification
    await b.http.get('/api/v1/ai-systems').set(auth(paula)).expect(401);
    await until(async () => b.app.get(TokenCache).active); // listening again after a second
  });
});

/** Waits for something another connection does asynchronously (a notification); fails after 5 s. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
