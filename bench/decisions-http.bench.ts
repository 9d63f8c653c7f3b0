import autocannon from 'autocannon';
import { startServiceProcess } from '../test/helpers/service-process.js';
import { freePort } from '../test/helpers/free-port.js';
import { benchDatabase, log } from './bench-database.js';
import { cpuSeconds } from './process-support.js';

const ADMIN = 'bench-admin-token-0123456789abcdefghijklmnop';
const CONNECTIONS = 32;

export interface DecisionsResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xxOrErrors: number;
  /** CPU of the service process per request while measured (when its pid was given). */
  cpuMsPerRequest?: number;
}

/** POST /decisions/eu-ai-act-risk-class with autocannon, 32 connections, for `seconds` after a 3 s warm-up. */
export async function decisionsOverHttp(baseUrl: string, token: string, seconds = 15, pid?: number): Promise<DecisionsResult> {
  const run = (duration: number) =>
    autocannon({
      url: `${baseUrl}/api/v1/decisions/eu-ai-act-risk-class`,
      method: 'POST',
      connections: CONNECTIONS,
      duration,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        facts: { useCases: ['recruitment', 'chatbot'], profilesNaturalPersons: true, art6_3Derogation: 'none', interactsWithNaturalPersons: true },
      }),
    });
  await run(3); // warm-up
  const cpuBefore = pid === undefined ? 0 : cpuSeconds(pid);
  const result = await run(seconds);
  const cpu = pid === undefined ? {} : { cpuMsPerRequest: ((cpuSeconds(pid) - cpuBefore) * 1000) / result.requests.total };
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xxOrErrors: result.non2xx + result.errors,
    ...cpu,
  };
}

/** Issue "Rules as data": POST /decisions/eu-ai-act-risk-class over HTTP, 32 connections, service in its own process. */
export async function decisionsHttpBench(): Promise<Record<string, number>> {
  const db = await benchDatabase('bench_decisions');
  const service = await startServiceProcess(
    { DATABASE_URL: db.url, AIMSFLOW_ADMIN_TOKEN: ADMIN, AIMSFLOW_RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'warn' },
    await freePort(),
  );
  try {
    const result = await decisionsOverHttp(service.baseUrl, ADMIN);
    log(
      `POST /decisions/eu-ai-act-risk-class, ${CONNECTIONS} connections: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, non-2xx/errors ${result.non2xxOrErrors}`,
    );
    return { ...result };
  } finally {
    await service.stop();
    await db.close();
  }
}
