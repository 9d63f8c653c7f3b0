import { freePort } from '../test/helpers/free-port.js';
import { startServiceProcess, type ServiceProcess } from '../test/helpers/service-process.js';
import type { HttpAdapterName } from '../src/config/app-config.js';
import { benchDatabase, log } from './bench-database.js';
import { decisionsOverHttp, type DecisionsResult } from './decisions-http.bench.js';
import {
  apiClient,
  BENCH_ADMIN,
  closedLoop,
  combined,
  ensurePgbench,
  keepAliveDriver,
  type LoadResult,
  LOOP,
  pgbenchCompletions,
  startProcessService,
} from './process-support.js';

const CLIENTS = 32;
const WARM_UP_S = 3;
const MEASURE_S = 15;
const ADAPTERS: HttpAdapterName[] = ['express', 'fastify'];
/** Each adapter is measured twice, mirrored, so a drift of the shared machine's load hits both alike. */
const ORDER: HttpAdapterName[] = ['express', 'fastify', 'fastify', 'express'];
const REFERENCE_TOKEN = 'bench-reference-token-0123456789abcdefghij';

const fixed = (value: number, digits = 1) => Number(value.toFixed(digits));
const summary = (r: LoadResult) => `${r.perSecond.toFixed(0)}/s (${r.count} in ${r.elapsed.toFixed(1)} s), p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`;

/** A reference server of bench/references/ (built into dist/) in its own process. */
async function startReference(name: string, databaseUrl: string): Promise<ServiceProcess> {
  return startServiceProcess({ DATABASE_URL: databaseUrl, BENCH_TOKEN: REFERENCE_TOKEN }, await freePort(), 30_000, `dist/bench/references/${name}.js`);
}

/**
 * Issue "Ownership…", "The HTTP adapter, decided by measurement": task completions over HTTP on
 * aimsflow on Express and on Fastify, against, in the same run and on the same database, a bare
 * Node http + pg server doing the same transaction (the ceiling of any Node service here), a
 * bpmn-engine service persisting its state per step (the peer), and pgbench; each with 32 clients
 * of the same lean keep-alive driver. Also POST /decisions on both adapters.
 */
export async function httpAdaptersBench(): Promise<Record<string, number>> {
  ensurePgbench();
  const db = await benchDatabase('bench_http_adapters');
  const running: ServiceProcess[] = [];
  const stopAll = async () => {
    for (const server of running.splice(0)) await server.stop();
  };
  try {
    // Both adapters run side by side on the same database; the idle one only polls its workers.
    const services = {} as Record<HttpAdapterName, ServiceProcess>;
    for (const adapter of ADAPTERS) {
      services[adapter] = await startProcessService(db.url, adapter);
      running.push(services[adapter]);
      log(`aimsflow on ${adapter} started`);
    }
    const api = apiClient(services.express.baseUrl);
    const gov = await api.token('gina', ['governance']);
    await api.deploy(gov, LOOP);
    const workers = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => api.token(`worker-${i}`, ['ai-owner'])));
    const next: string[] = [];
    for (let i = 0; i < CLIENTS; i++) next.push((await api.start(gov, 'bench-loop', { type: 'bench', id: `c${i}` })).openTasks[0].id);

    // One completion: the next task of the client's own instance, whoever serves it.
    const completeOn = (driver: ReturnType<typeof keepAliveDriver>, token: (i: number) => string, prefix: string) => async (i: number, n: number) => {
      const body = (await driver.post(`${prefix}/tasks/${next[i]}/complete`, token(i), { variables: { n } })) as { nextTasks: Array<{ id: string }> };
      next[i] = body.nextTasks[0].id;
    };
    const completions: Record<HttpAdapterName, LoadResult[]> = { express: [], fastify: [] };
    for (const adapter of ORDER) {
      const complete = completeOn(keepAliveDriver(services[adapter].baseUrl, CLIENTS), (i) => workers[i], '/api/v1');
      await closedLoop(CLIENTS, WARM_UP_S, complete);
      const result = await closedLoop(CLIENTS, MEASURE_S, complete);
      completions[adapter].push(result);
      log(`completions, aimsflow on ${adapter}: ${summary(result)}`);
    }
    const decisions: Record<HttpAdapterName, DecisionsResult[]> = { express: [], fastify: [] };
    for (const adapter of ORDER) {
      const result = await decisionsOverHttp(services[adapter].baseUrl, BENCH_ADMIN, MEASURE_S);
      decisions[adapter].push(result);
      log(`POST /decisions, aimsflow on ${adapter}: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, non-2xx/errors ${result.non2xxOrErrors}`);
    }
    await stopAll();

    // The ceiling continues the same instances where aimsflow left them.
    const bare = await startReference('bare-node-server', db.url);
    running.push(bare);
    const bareComplete = completeOn(keepAliveDriver(bare.baseUrl, CLIENTS), () => REFERENCE_TOKEN, '');
    await closedLoop(CLIENTS, WARM_UP_S, bareComplete);
    const bareResult = await closedLoop(CLIENTS, MEASURE_S, bareComplete);
    log(`completions, bare Node http + pg: ${summary(bareResult)}`);
    await stopAll();

    const peer = await startReference('bpmn-engine-peer', db.url);
    running.push(peer);
    const peerDriver = keepAliveDriver(peer.baseUrl, CLIENTS);
    const instances: string[] = [];
    for (let i = 0; i < CLIENTS; i++) instances.push(((await peerDriver.post('/instances', REFERENCE_TOKEN, {})) as { id: string }).id);
    const peerComplete = (i: number, n: number) => peerDriver.post(`/instances/${instances[i]}/complete`, REFERENCE_TOKEN, { variables: { n } });
    await closedLoop(CLIENTS, WARM_UP_S, peerComplete);
    const peerResult = await closedLoop(CLIENTS, MEASURE_S, peerComplete);
    log(`completions, bpmn-engine peer: ${summary(peerResult)}`);
    await stopAll();

    const pgbench = await pgbenchCompletions(db.url, CLIENTS, MEASURE_S);
    log(`pgbench, a completion's core in SQL: ${pgbench.tps.toFixed(0)} tps (latency average ${pgbench.latencyMs} ms)`);

    const express = combined(completions.express);
    const fastify = combined(completions.fastify);
    // autocannon reports percentiles, not latencies: the two rounds are averaged.
    const decisionsOf = (adapter: HttpAdapterName) => {
      const runs = decisions[adapter];
      const mean = (pick: (r: DecisionsResult) => number) => runs.reduce((sum, r) => sum + pick(r), 0) / runs.length;
      return { perSecond: mean((r) => r.requestsPerSecond), p50: mean((r) => r.p50Ms), p99: mean((r) => r.p99Ms), errors: runs.reduce((sum, r) => sum + r.non2xxOrErrors, 0) };
    };
    const decisionsExpress = decisionsOf('express');
    const decisionsFastify = decisionsOf('fastify');
    const ratios = {
      expressToPgbench: express.perSecond / pgbench.tps,
      fastifyToPgbench: fastify.perSecond / pgbench.tps,
      expressToBareNode: express.perSecond / bareResult.perSecond,
      fastifyToBareNode: fastify.perSecond / bareResult.perSecond,
      expressToPeer: express.perSecond / peerResult.perSecond,
      fastifyToPeer: fastify.perSecond / peerResult.perSecond,
      fastifyToExpress: fastify.perSecond / express.perSecond,
      decisionsFastifyToExpress: decisionsFastify.perSecond / decisionsExpress.perSecond,
    };
    log(`completions, aimsflow on express (both rounds): ${summary(express)}`);
    log(`completions, aimsflow on fastify (both rounds): ${summary(fastify)}`);
    log(
      `ratios: express / pgbench ${ratios.expressToPgbench.toFixed(3)}, / bare Node ${ratios.expressToBareNode.toFixed(2)} (target >= 0.5), / peer ${ratios.expressToPeer.toFixed(2)}; ` +
        `fastify / pgbench ${ratios.fastifyToPgbench.toFixed(3)}, / bare Node ${ratios.fastifyToBareNode.toFixed(2)}, / peer ${ratios.fastifyToPeer.toFixed(2)}`,
    );
    log(`fastify / express: completions ${ratios.fastifyToExpress.toFixed(2)} (Fastify is adopted at >= 1.25), decisions ${ratios.decisionsFastifyToExpress.toFixed(2)}`);
    const loads = { express, fastify, bareNode: bareResult, peer: peerResult };
    return {
      pgbenchTps: Math.round(pgbench.tps),
      ...Object.fromEntries(
        Object.entries(loads).flatMap(([name, r]) => [
          [`${name}PerSecond`, Math.round(r.perSecond)],
          [`${name}P50Ms`, fixed(r.p50)],
          [`${name}P99Ms`, fixed(r.p99)],
        ]),
      ),
      decisionsExpressPerSecond: Math.round(decisionsExpress.perSecond),
      decisionsExpressP50Ms: fixed(decisionsExpress.p50),
      decisionsExpressP99Ms: fixed(decisionsExpress.p99),
      decisionsFastifyPerSecond: Math.round(decisionsFastify.perSecond),
      decisionsFastifyP50Ms: fixed(decisionsFastify.p50),
      decisionsFastifyP99Ms: fixed(decisionsFastify.p99),
      decisionsNon2xxOrErrors: decisionsExpress.errors + decisionsFastify.errors,
      ...Object.fromEntries(Object.entries(ratios).map(([name, value]) => [name, fixed(value, 3)])),
    };
  } finally {
    await stopAll();
    await db.close();
  }
}
