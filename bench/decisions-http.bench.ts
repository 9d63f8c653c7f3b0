import autocannon from 'autocannon';
import { startServiceProcess } from '../test/helpers/service-process.js';
import { freePort } from '../test/helpers/free-port.js';
import { benchDatabase, log } from './bench-database.js';

const ADMIN = 'bench-admin-token-0123456789abcdefghijklmnop';

/** Issue "Rules as data": POST /decisions/eu-ai-act-risk-class over HTTP, 32 connections, service in its own process. */
export async function decisionsHttpBench(): Promise<Record<string, number>> {
  const db = await benchDatabase('bench_decisions');
  const service = await startServiceProcess(
    { DATABASE_URL: db.url, AIMSFLOW_ADMIN_TOKEN: ADMIN, AIMSFLOW_RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'warn' },
    await freePort(),
  );
  try {
    const run = (duration: number) =>
      autocannon({
        url: `${service.baseUrl}/api/v1/decisions/eu-ai-act-risk-class`,
        method: 'POST',
        connections: 32,
        duration,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ facts: { useCases: ['recruitment', 'chatbot'], profilesNaturalPersons: true, art6_3Derogation: 'none', interactsWithNaturalPersons: true } }),
      });
    await run(3); // warm-up
    const result = await run(15);
    const non2xx = result.non2xx + result.errors;
    log(`POST /decisions/eu-ai-act-risk-class, 32 connections: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx/errors ${non2xx}`);
    return { requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xxOrErrors: non2xx };
  } finally {
    await service.stop();
    await db.close();
  }
}
