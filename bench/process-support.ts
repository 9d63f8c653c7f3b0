import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { HttpAdapterName } from '../src/config/app-config.js';
import { startServiceProcess, type ServiceProcess } from '../test/helpers/service-process.js';
import { freePort } from '../test/helpers/free-port.js';
import { log } from './bench-database.js';

export const BENCH_ADMIN = 'bench-admin-token-0123456789abcdefghijklmnop';

/**
 * The built service in its own process on the bench database, deploying only what the benchmark
 * deploys; on the given HTTP adapter, else on AIMSFLOW_HTTP_ADAPTER's (or the default).
 */
export async function startProcessService(databaseUrl: string, adapter?: HttpAdapterName, env: Record<string, string> = {}): Promise<ServiceProcess> {
  return startServiceProcess(
    {
      DATABASE_URL: databaseUrl,
      AIMSFLOW_ADMIN_TOKEN: BENCH_ADMIN,
      AIMSFLOW_RATE_LIMIT_PER_MINUTE: '10000000',
      AIMSFLOW_PROCESSES_DIR: mkdtempSync(path.join(os.tmpdir(), 'aimsflow-bench-processes-')),
      LOG_LEVEL: 'warn',
      ...(adapter ? { AIMSFLOW_HTTP_ADAPTER: adapter } : {}),
      ...env,
    },
    await freePort(),
  );
}

/** A work item that loops: every completion advances the instance to a new task of the same kind. */
export const LOOP = `<?xml version="1.0" encoding="UTF-8"?>
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

export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  count: number;
  /** Wall time of the load, seconds. */
  elapsed: number;
  /** Every request's latency in ms, ascending. */
  latencies: number[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function loadResult(latencies: number[], elapsed: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length, elapsed, latencies };
}

/** `clients` loops, each sending its next request as soon as the last one answered, for `seconds`. */
export async function closedLoop(clients: number, seconds: number, request: (client: number, n: number) => Promise<unknown>): Promise<LoadResult> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const t0 = performance.now();
        await request(i, n);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return loadResult(latencies, (performance.now() - started) / 1000);
}

/** Several loads of the same kind as one: their requests over their summed time. */
export function combined(results: LoadResult[]): LoadResult {
  return loadResult(
    results.flatMap((r) => r.latencies),
    results.reduce((sum, r) => sum + r.elapsed, 0),
  );
}

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

/** pgbench comes with Debian's PostgreSQL client packages; installed with apt-get when missing. */
export function ensurePgbench(): void {
  try {
    execFileSync('pgbench', ['--version'], { stdio: 'ignore' });
  } catch {
    log('pgbench is missing: installing postgresql-client with apt-get');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client', { stdio: 'inherit' });
  }
}

/**
 * pgbench running a completion's core with `clients` clients, on copies (one per client) of the
 * instance the service started for subject bench/c0, so it writes rows of the same size.
 */
export async function pgbenchCompletions(databaseUrl: string, clients: number, seconds: number): Promise<{ tps: number; latencyMs: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(
    `WITH src AS (SELECT * FROM process_instances WHERE subject_type = 'bench' AND subject_id = 'c0'),
          ids AS (SELECT gen_random_uuid() AS id, n FROM generate_series(0, $1 - 1) n)
     INSERT INTO process_instances (id, definition_id, definition_key, definition_version, subject_type, subject_id, status, state, variables,
                                    active_element_ids, waits, completed_by, initiator, root_id, started_by, started_at, updated_at, version)
     SELECT ids.id, definition_id, definition_key, definition_version, 'pgbench', 'c' || ids.n, status, state, variables,
            active_element_ids, waits, completed_by, initiator, ids.id, started_by, started_at, updated_at, version FROM src, ids`,
    [clients],
  );
  await client.end();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aimsflow-pgbench-'));
  try {
    const script = path.join(scratch, 'completion.sql');
    writeFileSync(script, PGBENCH_SCRIPT);
    const output = execFileSync('pgbench', ['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, databaseUrl], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { tps: Number(output.match(/tps = ([\d.]+)/)?.[1]), latencyMs: Number(output.match(/latency average = ([\d.]+) ms/)?.[1]) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

const CLOCK_TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim());

/** CPU time a process has used so far (user + system), in seconds. */
export function cpuSeconds(pid: number): number {
  // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Just enough of the API for the benchmarks; every call must succeed. */
export function apiClient(baseUrl: string) {
  const call = async (token: string, method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    call,
    token: async (subject: string, roles: string[]) => (await call(BENCH_ADMIN, 'POST', '/tokens', { subject, roles })).token as string,
    deploy: (token: string, xml: string) => call(token, 'POST', '/process-definitions', xml, 'application/xml'),
    start: (token: string, definitionKey: string, subject: { type: string; id: string }, variables: Record<string, unknown> = {}) =>
      call(token, 'POST', '/process-instances', { definitionKey, subject, variables }),
  };
}

/**
 * A lean HTTP client for load: kept-alive connections, one per concurrent client (fetch costs the
 * driver about three times the CPU, which on a shared machine the service then lacks).
 */
export function keepAliveDriver(baseUrl: string, connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const send = (method: string, path: string, token: string, body?: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
      if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      const req = http.request(`${baseUrl}${path}`, { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode !== 200 && res.statusCode !== 201) reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
          else resolve(JSON.parse(text));
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  return {
    get: (path: string, token: string) => send('GET', path, token),
    post: (path: string, token: string, body: unknown) => send('POST', path, token, body),
  };
}
