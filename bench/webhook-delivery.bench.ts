import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap.js';
import { DeliveryWorker } from '../src/webhooks/delivery-worker.js';
import { startWebhookReceiver } from '../test/helpers/webhook-receiver.js';
import { benchDatabase, log } from './bench-database.js';

const EVENTS = 5_000;

/** Issue "Integrations": signed deliveries per second from one worker to a local receiver. */
export async function webhookDeliveryBench(): Promise<Record<string, number>> {
  const db = await benchDatabase('bench_webhooks');
  const receiver = await startWebhookReceiver(() => 204);
  const app = await createApp({
    databaseUrl: db.url,
    logLevel: 'warn',
    webhookPollIntervalMs: 0,
    timerPollIntervalMs: 0,
    modelEventPollIntervalMs: 0,
    webhookAllowedHosts: ['127.0.0.1'],
  });
  try {
    const dataSource = app.get(DataSource);
    const [sub] = await dataSource.query(
      `INSERT INTO webhook_subscriptions (url, event_types, secret, created_by) VALUES ($1, '{*}', 'whsec_YmVuY2gtc2VjcmV0LWJlbmNoLXNlY3JldA==', 'bench') RETURNING id`,
      [receiver.url],
    );
    await dataSource.query(
      `WITH events AS (
         INSERT INTO outbox_events (type, subject_type, subject_id, data, occurred_at)
         SELECT 'ai-system.status-changed', 'ai-system', 'system-' || (n % 500), jsonb_build_object('n', n), now() FROM generate_series(1, $1) n
         RETURNING id, seq, subject_type, subject_id)
       INSERT INTO webhook_deliveries (subscription_id, event_id, event_seq, ordering_key, next_attempt_at)
       SELECT $2, id, seq, subject_type || ':' || subject_id, now() FROM events`,
      [EVENTS, sub.id],
    );
    const started = performance.now();
    await app.get(DeliveryWorker).runOnce();
    let rounds = 0;
    while ((await dataSource.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status <> 'succeeded'`))[0].n > 0 && rounds++ < 1000) {
      await app.get(DeliveryWorker).runOnce();
    }
    const seconds = (performance.now() - started) / 1000;
    const rate = receiver.received.length / seconds;
    log(`webhook deliveries: ${receiver.received.length} in ${seconds.toFixed(1)} s, ${rate.toFixed(0)}/s (one worker, 500 subjects, order kept per subject)`);
    return { deliveries: receiver.received.length, seconds: Number(seconds.toFixed(1)), deliveriesPerSecond: Math.round(rate) };
  } finally {
    await app.close();
    await receiver.close();
    await db.close();
  }
}
