// @ts-expect-error -- a plain JavaScript example without type declarations
import { verifyWebhook } from '../../docs/examples/webhook-receiver.mjs';
import { DeliveryWorker } from '../../src/webhooks/delivery-worker.js';
import { createTestApp, ADMIN_TOKEN, type TestApp } from '../helpers/test-app.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

// The receiver side as docs/integrations.md shows it: the example file itself verifies every delivery.
const verify = (secret: string, headers: Record<string, string | string[] | undefined>, body: string): boolean => verifyWebhook(secret, headers, body);

describe('webhooks: transactional outbox, signed deliveries, retries and order', () => {
  let t: TestApp;
  let owner: string;
  let governance: string;
  let worker: DeliveryWorker;

  beforeAll(async () => {
    t = await createTestApp({ webhookPollIntervalMs: 0, webhookRetryBaseMs: 1, webhookMaxAttempts: 4, webhookTimeoutMs: 500 });
    owner = await t.tokenFor('olivia', 'ai-owner');
    governance = await t.tokenFor('gina', 'governance');
    worker = t.app.get(DeliveryWorker);
  });
  afterAll(() => t.close());

  /** Runs the worker until nothing is due (retries are due after at most a few ms here). */
  async function drain(rounds = 50) {
    for (let i = 0; i < rounds; i++) {
      await worker.runOnce();
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status IN ('pending', 'delivering')`);
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('subscribes (governance only), shows the secret once, refuses unknown event types', async () => {
    expect(
      (
        await t.http
          .post('/api/v1/webhook-subscriptions')
          .set(auth(owner))
          .send({ url: 'http://127.0.0.1:9/x', eventTypes: ['*'] })
      ).status,
    ).toBe(403);
    const bad = await t.http
      .post('/api/v1/webhook-subscriptions')
      .set(auth(governance))
      .send({ url: 'http://127.0.0.1:9/x', eventTypes: ['task.*', 'coffee.brewed'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/eventTypes/1' })]);
    const notUrl = await t.http
      .post('/api/v1/webhook-subscriptions')
      .set(auth(governance))
      .send({ url: 'ftp://x', eventTypes: ['*'] });
    expect(notUrl.body.errors[0].pointer).toBe('/url');

    const created = await t.http
      .post('/api/v1/webhook-subscriptions')
      .set(auth(governance))
      .send({ url: 'http://127.0.0.1:9/x', eventTypes: ['ai-system.*'] });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const listed = await t.http.get('/api/v1/webhook-subscriptions').set(auth(governance));
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect((await t.http.delete(`/api/v1/webhook-subscriptions/${created.body.id}`).set(auth(governance))).status).toBe(200);
    const types = await t.http.get('/api/v1/webhook-subscriptions/event-types').set(auth(governance));
    expect(types.body.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['ai-system.registered', 'task.created', 'audit.stage-changed']));
  });

  it('delivers every event once the receiver is back, signed, with the same webhook-id on retries, in order per subject', async () => {
    let up = false;
    const receiver = await startWebhookReceiver(() => (up ? 204 : 503));
    try {
      const sub = await t.http
        .post('/api/v1/webhook-subscriptions')
        .set(auth(governance))
        .send({ url: receiver.url, eventTypes: ['ai-system.*', 'decision.recorded'] });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await t.http
          .post('/api/v1/ai-systems')
          .set(auth(owner))
          .send({ name: `Hooked ${i}`, intendedPurpose: 'x', roles: ['deployer'], attributes: { useCases: ['chatbot'] } });
        ids.push(res.body.id);
      }
      await t.http.post(`/api/v1/ai-systems/${ids[0]}/retire`).set(auth(owner)).send({});

      await worker.runOnce(); // receiver down: every first attempt fails
      expect(receiver.received.length).toBeGreaterThan(0);
      up = true;
      await drain();

      const ok = receiver.received.filter((r) => r.status === 204);
      const events = ok.map((r) => JSON.parse(r.body));
      // 3 registrations + 1 status change + 2 decisions per registration
      expect(new Set(events.map((e) => e.id)).size).toBe(3 + 1 + 6);
      expect(ok.length).toBe(10);
      for (const r of receiver.received) expect(verify(sub.body.secret, r.headers, r.body)).toBe(true);
      // retries reuse the webhook-id, and the id is the event id
      const failedIds = receiver.received.filter((r) => r.status === 503).map((r) => r.headers['webhook-id']);
      for (const id of failedIds) expect(ok.some((r) => r.headers['webhook-id'] === id)).toBe(true);
      expect(events.every((e, i) => e.id === ok[i].headers['webhook-id'])).toBe(true);
      // the envelope
      expect(events.find((e) => e.type === 'ai-system.registered')).toMatchObject({
        type: 'ai-system.registered',
        time: expect.any(String),
        subject: { type: 'ai-system' },
        data: { name: expect.stringMatching(/^Hooked/) },
      });
      // per subject, in the order they happened: registered before status-changed for the retired system
      const first = events.filter((e) => e.subject.id === ids[0] && e.type.startsWith('ai-system.')).map((e) => e.type);
      expect(first).toEqual(['ai-system.registered', 'ai-system.status-changed']);

      const deliveries = await t.http.get(`/api/v1/webhook-subscriptions/${sub.body.id}/deliveries`).set(auth(governance));
      expect(deliveries.body.total).toBe(10);
      expect(deliveries.body.items.every((d: { status: string }) => d.status === 'succeeded')).toBe(true);
      await t.http.delete(`/api/v1/webhook-subscriptions/${sub.body.id}`).set(auth(governance));
    } finally {
      await receiver.close();
    }
  });

  it('marks a delivery failed after the configured attempts, and redelivers it on request', async () => {
    let up = false;
    const receiver = await startWebhookReceiver(() => (up ? 200 : 500));
    try {
      const sub = await t.http
        .post('/api/v1/webhook-subscriptions')
        .set(auth(ADMIN_TOKEN))
        .send({ url: receiver.url, eventTypes: ['ai-system.registered'] });
      await t.http
        .post('/api/v1/ai-systems')
        .set(auth(owner))
        .send({ name: 'Failing hook', intendedPurpose: 'x', roles: ['deployer'] });
      await drain();
      const failed = await t.http.get(`/api/v1/webhook-subscriptions/${sub.body.id}/deliveries`).query({ status: 'failed' }).set(auth(governance));
      expect(failed.body.items).toHaveLength(1);
      expect(failed.body.items[0]).toMatchObject({ attempts: 4, lastStatusCode: 500, eventType: 'ai-system.registered' });
      expect(receiver.received).toHaveLength(4);

      up = true;
      const redelivered = await t.http
        .post(`/api/v1/webhook-subscriptions/${sub.body.id}/deliveries/${failed.body.items[0].id}/redeliver`)
        .set(auth(governance));
      expect(redelivered.status).toBe(200);
      await drain();
      expect(receiver.received).toHaveLength(5);
      expect(receiver.received[4].headers['webhook-id']).toBe(receiver.received[0].headers['webhook-id']);
      const now = await t.http.get(`/api/v1/webhook-subscriptions/${sub.body.id}/deliveries`).set(auth(governance));
      expect(now.body.items[0].status).toBe('succeeded');
    } finally {
      await receiver.close();
    }
  });

  it('writes the event in the transaction of the change: a refused change leaves no event', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM outbox_events');
    await t.http
      .post('/api/v1/ai-systems')
      .set(auth(owner))
      .send({ name: 'Bad', intendedPurpose: 'x', roles: ['deployer'], attributes: { useCases: ['nope'] } })
      .expect(400);
    const after = await t.db.query('SELECT count(*)::int AS n FROM outbox_events');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});

describe('webhook signing secrets at rest', () => {
  const KEY = Buffer.alloc(32, 7);
  let database: { url: string; name: string };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => dropTestDatabase(database.name));

  it('seals them with AIMSFLOW_SECRET_KEY (also those stored before it was set), signs with them, and refuses to start without the key', async () => {
    const receiver = await startWebhookReceiver(() => 200);
    try {
      const before = await createTestApp({ webhookPollIntervalMs: 0 }, database);
      const early = await before.http
        .post('/api/v1/webhook-subscriptions')
        .set(auth(ADMIN_TOKEN))
        .send({ url: receiver.url, eventTypes: ['ai-system.registered'] });
      await before.close();

      const t = await createTestApp({ webhookPollIntervalMs: 0, secretKey: KEY }, database);
      try {
        const late = await t.http
          .post('/api/v1/webhook-subscriptions')
          .set(auth(ADMIN_TOKEN))
          .send({ url: receiver.url, eventTypes: ['ai-system.registered'] });
        const { rows } = await t.db.query(`SELECT id, secret FROM webhook_subscriptions ORDER BY created_at`);
        for (const [row, shown] of [
          [rows[0], early.body.secret],
          [rows[1], late.body.secret],
        ]) {
          expect(row.secret).toMatch(/^aimsflow:v1:/);
          expect(row.secret).not.toContain(String(shown).replace('whsec_', ''));
        }
        const owner = await t.tokenFor('olivia', 'ai-owner');
        await t.http
          .post('/api/v1/ai-systems')
          .set(auth(owner))
          .send({ name: 'Sealed', intendedPurpose: 'x', roles: ['deployer'] })
          .expect(201);
        await t.app.get(DeliveryWorker).runOnce();
        expect(receiver.received).toHaveLength(2);
        // One delivery per subscription, each signed with the secret shown when it was created.
        const verifiedBy = receiver.received.map((delivery) =>
          [early.body.secret, late.body.secret].filter((secret) => verify(secret, delivery.headers, delivery.body)),
        );
        expect(verifiedBy.sort()).toEqual([[early.body.secret], [late.body.secret]].sort());
      } finally {
        await t.close();
      }
      await expect(createTestApp({ webhookPollIntervalMs: 0 }, database)).rejects.toThrow(
        /AIMSFLOW_SECRET_KEY is not set, but 2 webhook signing secret\(s\) are stored sealed/,
      );
      await expect(createTestApp({ webhookPollIntervalMs: 0, secretKey: Buffer.alloc(32, 8) }, database)).rejects.toThrow(
        /AIMSFLOW_SECRET_KEY does not open the stored webhook signing secrets/,
      );
    } finally {
      await receiver.close();
    }
  });
});

describe('webhook timestamps', () => {
  it('are real time even when the service runs on a manual clock far ahead', async () => {
    const receiver = await startWebhookReceiver(() => 200);
    const t = await createTestApp({ clock: 'manual', webhookPollIntervalMs: 0 });
    try {
      const gina = await t.tokenFor('gina', 'governance');
      await t.http
        .post('/api/v1/webhook-subscriptions')
        .set(auth(gina))
        .send({ url: receiver.url, eventTypes: ['ai-system.registered'] })
        .expect(201);
      await t.http.post('/api/v1/clock/advance').set(auth(gina)).send({ duration: 'P400D' }).expect(200);
      const owner = await t.tokenFor('olivia', 'ai-owner');
      await t.http
        .post('/api/v1/ai-systems')
        .set(auth(owner))
        .send({ name: 'Later', intendedPurpose: 'x', roles: ['deployer'] })
        .expect(201);
      await t.app.get(DeliveryWorker).runOnce();
      expect(receiver.received).toHaveLength(1);
      // The event's own time is service time (400 days on); the signature's timestamp is the receiver's now.
      const [delivery] = receiver.received;
      expect(Math.abs(Number(delivery.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(new Date(JSON.parse(delivery.body).time).getTime()).toBeGreaterThan(Date.now() + 399 * 86_400_000);
    } finally {
      await t.close();
      await receiver.close();
    }
  });
});
