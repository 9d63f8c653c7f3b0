import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServiceProcess, type ServiceProcess } from '../test/helpers/service-process.js';
import { freePort } from '../test/helpers/free-port.js';

export const BENCH_ADMIN = 'bench-admin-token-0123456789abcdefghijklmnop';

/** The built service in its own process on the bench database, deploying only what the benchmark deploys. */
export async function startProcessService(databaseUrl: string): Promise<ServiceProcess> {
  return startServiceProcess(
    {
      DATABASE_URL: databaseUrl,
      AIMSFLOW_ADMIN_TOKEN: BENCH_ADMIN,
      AIMSFLOW_RATE_LIMIT_PER_MINUTE: '10000000',
      AIMSFLOW_PROCESSES_DIR: mkdtempSync(path.join(os.tmpdir(), 'aimsflow-bench-processes-')),
      LOG_LEVEL: 'warn',
    },
    await freePort(),
  );
}

export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
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
