import pg from 'pg';
import { bpmn, chain } from '../helpers/processes.js';
import { startServiceProcess, type ServiceProcess } from '../helpers/service-process.js';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-database.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

const ADMIN = 'crash-test-admin-token-0123456789abcdefgh';
const INSTANCES = 40;

/**
 * The service as a child process under load, killed with SIGKILL and restarted: what was
 * acknowledged stays, nothing is done twice or half, and queued work goes out after the restart.
 */
describe('crash safety (SIGKILL mid-load)', () => {
  let database: { url: string; name: string };
  let db: pg.Pool;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    await service?.stop('SIGKILL');
    await db.end();
    await dropTestDatabase(database.name);
  });

  const env = () => ({
    DATABASE_URL: database.url,
    AIMSFLOW_ADMIN_TOKEN: ADMIN,
    AIMSFLOW_RATE_LIMIT_PER_MINUTE: '1000000',
    AIMSFLOW_WEBHOOK_POLL_INTERVAL_MS: '100',
    AIMSFLOW_WEBHOOK_RETRY_BASE_MS: '50',
    // The receiver is down until the restart: deliveries must not run out of attempts before it is up.
    AIMSFLOW_WEBHOOK_MAX_ATTEMPTS: '100',
    AIMSFLOW_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    AIMSFLOW_TIMER_POLL_INTERVAL_MS: '200',
    AIMSFLOW_AUDIT_SEAL_INTERVAL_MS: '100',
  });

  async function call(method: string, path: string, token: string, body?: unknown) {
    const res = await fetch(`${service!.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'application/xml' : 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> & { id?: string } };
  }

  it('keeps every acknowledged change, completes no task twice, leaves no instance half-advanced, delivers queued work after the restart', async () => {
    let receiverUp = false;
    const receiver = await startWebhookReceiver(() => (receiverUp ? 200 : 503));
    try {
      service = await startServiceProcess(env(), 0);
      const userTask = `<bpmn:userTask id="Review" name="Review" aimsflow:candidateRoles="risk-officer"/>`;
      const timer = `<bpmn:intermediateCatchEvent id="Later"><bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
      expect(
        (
          await call(
            'POST',
            '/process-definitions',
            ADMIN,
            bpmn('crash-review', `<bpmn:startEvent id="Start"/>${userTask}${timer}<bpmn:endEvent id="End"/>${chain('Start', 'Review', 'Later', 'End')}`),
          )
        ).status,
      ).toBe(201);
      const reviewer = (await call('POST', '/tokens', ADMIN, { subject: 'rita', roles: ['risk-officer'] })).body.token as string;
      const integration = (await call('POST', '/tokens', ADMIN, { subject: 'mlflow', roles: ['integration'] })).body.token as string;
      expect((await call('POST', '/webhook-subscriptions', ADMIN, { url: receiver.url, eventTypes: ['task.*', 'ai-system.*'] })).status).toBe(201);

      const systems: string[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await call('POST', '/ai-systems', ADMIN, {
          name: `Crash ${i}`,
          intendedPurpose: 'x',
          roles: ['deployer'],
          model: { provider: 'acme', name: 'm', version: '1.0.0' },
        });
        systems.push(res.body.id!);
      }
      const tasks: string[] = [];
      for (let i = 0; i < INSTANCES; i++) {
        await call('POST', '/process-instances', ADMIN, { definitionKey: 'crash-review', subject: { type: 'case', id: `c${i}` } });
      }
      const inbox = await call('GET', `/tasks?candidateRole=risk-officer&status=open&limit=500`, reviewer);
      for (const task of (inbox.body.items as Array<{ id: string; definitionKey: string }>).filter((t) => t.definitionKey === 'crash-review'))
        tasks.push(task.id);
      expect(tasks).toHaveLength(INSTANCES);

      // Load: every task completed twice over (two clients racing), model versions posted; kill mid-way.
      const acknowledged = { tasks: new Set<string>(), modelVersions: new Set<string>() };
      let stop = false;
      const completer = async (offset: number) => {
        for (let i = offset; i < tasks.length && !stop; i += 2) {
          const res = await call('POST', `/tasks/${tasks[i]}/complete`, reviewer, {}).catch(() => undefined);
          if (res?.status === 200) acknowledged.tasks.add(tasks[i]);
        }
      };
      const poster = async () => {
        for (let v = 1; !stop && v < 200; v++) {
          const res = await call('POST', `/ai-systems/${systems[v % systems.length]}/model-versions`, integration, {
            provider: 'acme',
            modelName: 'm',
            version: `1.0.${v}`,
          }).catch(() => undefined);
          if (res?.status === 201) acknowledged.modelVersions.add((res.body.modelVersion as { id: string }).id);
        }
      };
      const load = Promise.all([completer(0), completer(1), completer(0), poster(), poster()]);
      await new Promise((resolve) => setTimeout(resolve, 700));
      await service.stop('SIGKILL');
      stop = true;
      await load;
      expect(acknowledged.tasks.size + acknowledged.modelVersions.size).toBeGreaterThan(0);

      // Restart on the same database.
      receiverUp = true;
      service = await startServiceProcess(env(), 0);

      // every 2xx is persisted
      const completed = await db.query(`SELECT id FROM tasks WHERE status = 'completed' AND id = ANY($1)`, [[...acknowledged.tasks]]);
      expect(completed.rows).toHaveLength(acknowledged.tasks.size);
      const versions = await db.query(`SELECT id FROM model_versions WHERE id = ANY($1)`, [[...acknowledged.modelVersions]]);
      expect(versions.rows).toHaveLength(acknowledged.modelVersions.size);
      // no task completed twice
      const twice = await db.query(`SELECT wait_key, instance_id FROM process_history WHERE event = 'task.complete' GROUP BY 1, 2 HAVING count(*) > 1`);
      expect(twice.rows).toEqual([]);
      // no instance half-advanced: a completed review always has its timer; an open one has no timer yet
      const instances = await db.query(
        `SELECT i.id,
                (SELECT count(*) FROM tasks t WHERE t.instance_id = i.id AND t.status = 'open')::int AS open_tasks,
                (SELECT count(*) FROM process_jobs j WHERE j.instance_id = i.id AND j.status = 'pending')::int AS timers
           FROM process_instances i WHERE i.definition_key = 'crash-review'`,
      );
      for (const row of instances.rows) expect(row.open_tasks + row.timers).toBe(1);
      const pendingTimers = instances.rows.filter((r) => r.timers === 1).length;
      expect(pendingTimers).toBeGreaterThanOrEqual(acknowledged.tasks.size);

      // queued webhook deliveries go out after the restart
      for (let i = 0; i < 100; i++) {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status IN ('pending', 'delivering')`);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const { rows: undelivered } = await db.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status <> 'succeeded'`);
      expect(undelivered[0].n).toBe(0);
      const delivered = new Set(receiver.received.filter((r) => r.status === 200).map((r) => r.headers['webhook-id']));
      const { rows: events } = await db.query(`SELECT count(*)::int AS n FROM webhook_deliveries`);
      expect(delivered.size).toBe(events[0].n);

      // the audit chain verifies once the restarted sealer has run
      let verify: Record<string, unknown> = {};
      for (let i = 0; i < 50; i++) {
        verify = (await call('GET', '/audit-events/verify', ADMIN)).body;
        if (verify.pending === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(verify).toMatchObject({ valid: true, pending: 0 });
    } finally {
      await receiver.close();
    }
  }, 180_000);
});
