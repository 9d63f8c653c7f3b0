import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap.js';
import { startSmtpReceiver } from '../test/helpers/smtp-receiver.js';
import { benchDatabase, log } from './bench-database.js';
import { BENCH_ADMIN, closedLoop } from './process-support.js';

const PEOPLE = 500;
const CLIENTS = 4;
const IDLE_SECONDS = 5;

const ONE_TASK = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0" id="Defs" targetNamespace="https://aimsflow.dev/bench">
  <bpmn:process id="bench-notify" isExecutable="true">
    <bpmn:startEvent id="Start"/>
    <bpmn:userTask id="Work" name="Review the incident report" aimsflow:candidateRoles="risk-officer"/>
    <bpmn:endEvent id="End"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Work"/>
    <bpmn:sequenceFlow id="F2" sourceRef="Work" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;

const p99 = (latencies: number[]) => [...latencies].sort((a, b) => a - b)[Math.min(latencies.length - 1, Math.floor(0.99 * latencies.length))];

/**
 * Issue "Notifications": one task created for a role that 500 people hold, each notified by e-mail
 * (and in the app) through the background workers of the same process, to a real SMTP server on
 * loopback: messages per second from the task's creation to the last mail accepted, and the p99
 * of GET /tasks while that runs against the same p99 measured idle just before (the reference).
 */
export async function notificationFanoutBench(): Promise<Record<string, number>> {
  const db = await benchDatabase('bench_notifications');
  const smtp = await startSmtpReceiver();
  const app = await createApp({
    databaseUrl: db.url,
    logLevel: 'warn',
    adminToken: BENCH_ADMIN,
    rateLimitPerMinute: 10_000_000,
    smtpUrl: smtp.url,
    publicUrl: 'https://console.example',
    notifyPollIntervalMs: 50,
    webhookPollIntervalMs: 0,
    timerPollIntervalMs: 0,
    modelEventPollIntervalMs: 0,
    simulationPollIntervalMs: 0,
  });
  try {
    await app.listen(0, '127.0.0.1');
    const base = `${await app.getUrl()}/api/v1`.replace('[::1]', '127.0.0.1');
    const headers = { authorization: `Bearer ${BENCH_ADMIN}`, 'content-type': 'application/json' };
    const dataSource = app.get(DataSource);
    await dataSource.query(
      `INSERT INTO people (identity, display_name, email, source, assigned_roles)
       SELECT 'person-' || n, 'Person ' || n, 'person-' || n || '@example.com', 'admin', '{risk-officer}' FROM generate_series(1, $1) n`,
      [PEOPLE],
    );
    const deployed = await fetch(`${base}/process-definitions`, { method: 'POST', headers: { ...headers, 'content-type': 'application/xml' }, body: ONE_TASK });
    if (deployed.status !== 201) throw new Error(`deploy answered ${deployed.status}`);
    const getTasks = async () => {
      const res = await fetch(`${base}/tasks?candidateRole=risk-officer&limit=20`, { headers });
      if (res.status !== 200) throw new Error(`GET /tasks answered ${res.status}`);
      await res.arrayBuffer();
    };

    const idle = await closedLoop(CLIENTS, IDLE_SECONDS, getTasks);

    // The same load, from the task's creation until the last of the 500 mails was accepted.
    let done = false;
    const during: number[] = [];
    const load = Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (!done) {
          const t0 = performance.now();
          await getTasks();
          during.push(performance.now() - t0);
        }
      }),
    );
    const started = performance.now();
    const instance = await fetch(`${base}/process-instances`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ definitionKey: 'bench-notify', subject: { type: 'case', id: 'bench' } }),
    });
    if (instance.status !== 201) throw new Error(`start answered ${instance.status}`);
    let fannedOut = 0;
    while (smtp.received.length < PEOPLE) {
      if (!fannedOut && (await dataSource.query(`SELECT count(*)::int AS n FROM notification_deliveries`))[0].n >= PEOPLE) {
        fannedOut = (performance.now() - started) / 1000;
      }
      if (performance.now() - started > 300_000) throw new Error(`only ${smtp.received.length} of ${PEOPLE} mails after 5 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const seconds = (performance.now() - started) / 1000;
    done = true;
    await load;
    const [{ n: inApp }] = await dataSource.query(`SELECT count(*)::int AS n FROM notifications`);
    const perSecond = PEOPLE / seconds;
    const idleP99 = p99(idle.latencies);
    const duringP99 = p99(during);
    log(
      `notification fan-out: ${PEOPLE} mails (+${inApp} in-app) in ${seconds.toFixed(2)} s (fanned out after ${fannedOut.toFixed(2)} s), ${perSecond.toFixed(0)}/s; ` +
        `GET /tasks p99 idle ${idleP99.toFixed(1)} ms, during ${duringP99.toFixed(1)} ms (×${(duringP99 / idleP99).toFixed(2)}), ${during.length} requests during`,
    );
    return {
      mails: smtp.received.length,
      inApp,
      seconds: Number(seconds.toFixed(2)),
      fannedOutSeconds: Number(fannedOut.toFixed(2)),
      messagesPerSecond: Math.round(perSecond),
      tasksP99IdleMs: Number(idleP99.toFixed(1)),
      tasksP99DuringMs: Number(duringP99.toFixed(1)),
      p99Ratio: Number((duringP99 / idleP99).toFixed(2)),
      requestsDuring: during.length,
    };
  } finally {
    await app.close();
    await smtp.stop();
    await db.close();
  }
}
