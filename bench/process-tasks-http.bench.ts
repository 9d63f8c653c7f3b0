import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchDatabase, log } from './bench-database.js';
import { apiClient, BENCH_ADMIN, keepAliveDriver, startProcessService } from './process-support.js';

const CLIENTS = 32;
const WARM_UP_S = 3;
const MEASURE_S = 15;

/** A work item that loops: every completion advances the instance to a new task of the same kind. */
const LOOP = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:aimsflow="https://aimsflow.dev/schema/bpmn/1.0" id="Defs" targetNamespace="https://aimsflow.dev/bench">
  <bpmn:process id="bench-loop" isExecutable="true">
    <bpmn:startEvent id="Start"/>
    <bpmn:userTask id="Work" name="Work item" aimsflow:candidateRoles="ai-owner" aimsflow:dueDate="P5D">
      <bpmn:extensionElements><aimsflow:formField name="n" type="integer" required="true"/></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="More" default="Again"/>
    <bpmn:endEvent id="End"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Work"/>
    <bpmn:sequenceFlow id="F2" sourceRef="Work" targetRef="More"/>
    <bpmn:sequenceFlow id="Done" sourceRef="More" targetRef="End"><bpmn:conditionExpression>n &lt; 0</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Again" sourceRef="More" targetRef="Work"/>
  </bpmn:process>
</bpmn:definitions>`;

/** The same shape as one completion's core, in SQL: lock the instance row, update it, insert a history row. */
const PGBENCH_SCRIPT = `BEGIN;
SELECT id FROM process_instances WHERE subject_type = 'pgbench' AND subject_id = 'c' || :client_id FOR UPDATE;
UPDATE process_instances SET state = state, variables = jsonb_set(variables, '{n}', to_jsonb(:client_id::int)), version = version + 1, updated_at = now()
 WHERE subject_type = 'pgbench' AND subject_id = 'c' || :client_id;
INSERT INTO process_history (instance_id, event, wait_key, elements_left, elements_entered, actor, at)
SELECT id, 'task.complete', 'Work:1', '["Work", "More"]', '["More", "Work"]', 'pgbench', now()
  FROM process_instances WHERE subject_type = 'pgbench' AND subject_id = 'c' || :client_id;
END;
`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** pgbench comes with Debian's PostgreSQL client packages; installed with apt-get when missing. */
function ensurePgbench(): void {
  try {
    execFileSync('pgbench', ['--version'], { stdio: 'ignore' });
  } catch {
    log('pgbench is missing: installing postgresql-client with apt-get');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client', { stdio: 'inherit' });
  }
}

/**
 * Issue "Process engine": task completions per second over HTTP (32 clients, each completing the
 * next task of its own instance), against pgbench running the same transaction shape with 32
 * clients on the same database.
 */
export async function processTasksHttpBench(): Promise<Record<string, number>> {
  ensurePgbench();
  const db = await benchDatabase('bench_process_tasks');
  // BENCH_SERVICE_PROCESSES=2: replicas of the service on the same database share the clients.
  const replicas = Number(process.env.BENCH_SERVICE_PROCESSES ?? 1);
  const services = [];
  for (let i = 0; i < replicas; i++) services.push(await startProcessService(db.url));
  const [service] = services;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aimsflow-pgbench-'));
  try {
    const api = apiClient(service.baseUrl);
    const gov = await api.token('gina', ['governance']);
    await api.deploy(gov, LOOP);
    const workers = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => api.token(`worker-${i}`, ['ai-owner'])));
    const next: string[] = [];
    for (let i = 0; i < CLIENTS; i++) next.push((await api.start(gov, 'bench-loop', { type: 'bench', id: `c${i}` })).openTasks[0].id);

    const drivers = services.map((replica) => keepAliveDriver(replica.baseUrl, CLIENTS));
    const driver = drivers[0];
    const run = async (seconds: number, request: (client: number, n: number) => Promise<unknown>, clients = CLIENTS) => {
      const latencies: number[] = [];
      const deadline = performance.now() + seconds * 1000;
      const started = performance.now();
      await Promise.all(
        workers.slice(0, clients).map(async (_, i) => {
          for (let n = 0; performance.now() < deadline; n++) {
            const t0 = performance.now();
            await request(i, n);
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length };
    };
    const complete = async (i: number, n: number) => {
      const body = (await drivers[i % replicas].post(`/api/v1/tasks/${next[i]}/complete`, workers[i], { variables: { n } })) as { nextTasks: Array<{ id: string }> };
      next[i] = body.nextTasks[0].id;
    };
    // What HTTP through the service costs at least: its cheapest authenticated route (no database work).
    const cheapest = () => driver.get('/api/v1/service-task-handlers', BENCH_ADMIN);
    await run(WARM_UP_S, cheapest);
    const floor = await run(MEASURE_S / 3, cheapest);
    log(`cheapest authenticated route, ${CLIENTS} clients: ${floor.perSecond.toFixed(0)} req/s, p50 ${floor.p50.toFixed(1)} ms`);
    await run(WARM_UP_S, complete);
    const http = await run(MEASURE_S, complete);
    log(
      `task completions over HTTP, ${CLIENTS} clients, ${replicas} service process(es): ${http.perSecond.toFixed(0)}/s (${http.count} in ${MEASURE_S} s), p50 ${http.p50.toFixed(1)} ms, p99 ${http.p99.toFixed(1)} ms`,
    );
    // Latency without queueing: one client, one completion after the other.
    const alone = await run(MEASURE_S / 3, complete, 1);
    log(`task completions over HTTP, 1 client: ${alone.perSecond.toFixed(0)}/s, p50 ${alone.p50.toFixed(1)} ms, p99 ${alone.p99.toFixed(1)} ms`);

    // pgbench on copies of a real instance row, one per client, so it writes rows of the same size.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(
      `WITH src AS (SELECT * FROM process_instances WHERE subject_type = 'bench' AND subject_id = 'c0'),
            ids AS (SELECT gen_random_uuid() AS id, n FROM generate_series(0, $1 - 1) n)
       INSERT INTO process_instances (id, definition_id, definition_key, definition_version, subject_type, subject_id, status, state, variables,
                                      active_element_ids, waits, completed_by, initiator, root_id, started_by, started_at, updated_at, version)
       SELECT ids.id, definition_id, definition_key, definition_version, 'pgbench', 'c' || ids.n, status, state, variables,
              active_element_ids, waits, completed_by, initiator, ids.id, started_by, started_at, updated_at, version FROM src, ids`,
      [CLIENTS],
    );
    await client.end();
    const script = path.join(scratch, 'completion.sql');
    writeFileSync(script, PGBENCH_SCRIPT);
    const output = execFileSync('pgbench', ['-n', '-M', 'prepared', '-c', String(CLIENTS), '-j', '2', '-T', String(MEASURE_S), '-f', script, db.url], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tps = Number(output.match(/tps = ([\d.]+)/)?.[1]);
    const pgLatency = Number(output.match(/latency average = ([\d.]+) ms/)?.[1]);
    const ratio = http.perSecond / tps;
    log(`pgbench, same transaction shape, ${CLIENTS} clients: ${tps.toFixed(0)} tps (latency average ${pgLatency} ms); ratio HTTP / pgbench ${ratio.toFixed(3)} (target >= 0.25)`);
    log(`the cheapest route itself runs at ${(floor.perSecond / tps).toFixed(2)} of pgbench`);
    return {
      completionsPerSecond: Math.round(http.perSecond),
      p50Ms: Number(http.p50.toFixed(1)),
      p99Ms: Number(http.p99.toFixed(1)),
      cheapestRoutePerSecond: Math.round(floor.perSecond),
      oneClientPerSecond: Math.round(alone.perSecond),
      oneClientP50Ms: Number(alone.p50.toFixed(1)),
      pgbenchTps: Math.round(tps),
      ratio: Number(ratio.toFixed(3)),
    };
  } finally {
    for (const replica of services) await replica.stop();
    await db.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
