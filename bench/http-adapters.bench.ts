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
  cpuSeconds,
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
/**
 * Each adapter is measured twice, mirrored, so a drift of the shared machine's load hits both
 * alike; BENCH_FASTIFY_FIRST=true mirrors the order to check what position costs.
 */
const ORDER: HttpAdapterName[] =
  process.env.BENCH_FASTIFY_FIRST === 'true' ? ['fastify', 'express', 'express', 'fastify'] : ['express', 'fastify', 'fastify', 'express'];
const REFERENCE_TOKEN = 'bench-reference-token-0123456789abcdefghij';

const fixed = (value: number, digits = 1) => Number(value.toFixed(digits));

/** A load with the CPU its server process spent on it: on a shared machine that per-request cost moves less than the throughput. */
type Measured = LoadResult & { cpuSeconds: number };

async function measured(pid: number, load: () => Promise<LoadResult>): Promise<Measured> {
  const before = cpuSeconds(pid);
  const result = await load();
  return { ...result, cpuSeconds: cpuSeconds(pid) - before };
}

function combinedMeasured(results: Measured[]): Measured {
  return { ...combined(results), cpuSeconds: results.reduce((sum, r) => sum + r.cpuSeconds, 0) };
}

const cpuMs = (r: Measured) => (r.cpuSeconds * 1000) / r.count;
const summary = (r: Measured) =>
  `${r.perSecond.toFixed(0)}/s (${r.count} in ${r.elapsed.toFixed(1)} s), p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, server CPU ${cpuMs(r).toFixed(2)} ms per request`;

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
    const completeVia = Object.fromEntries(
      ADAPTERS.map((adapter) => [adapter, completeOn(keepAliveDriver(services[adapter].baseUrl, CLIENTS), (i) => workers[i], '/api/v1')]),
    ) as Record<HttpAdapterName, (i: number, n: number) => Promise<void>>;
    // The first load on a fresh service and database runs well below the later ones (JIT, caches, each pooled connection preparing its statements).
    for (const adapter of ORDER.slice(0, 2)) await closedLoop(CLIENTS, MEASURE_S, completeVia[adapter]);
    log('both adapters warmed up');
    const completions: Record<HttpAdapterName, Measured[]> = { express: [], fastify: [] };
    for (const adapter of ORDER) {
      await closedLoop(CLIENTS, WARM_UP_S, completeVia[adapter]);
      const result = await measured(services[adapter].child.pid as number, () => closedLoop(CLIENTS, MEASURE_S, completeVia[adapter]));
      completions[adapter].push(result);
      log(`completions, aimsflow on ${adapter}: ${summary(result)}`);
    }
    const decisions: Record<HttpAdapterName, DecisionsResult[]> = { express: [], fastify: [] };
    for (const adapter of ORDER) {
      const result = await decisionsOverHttp(services[adapter].baseUrl, BENCH_ADMIN, MEASURE_S, services[adapter].child.pid);
      decisions[adapter].push(result);
      log(
        `POST /decisions, aimsflow on ${adapter}: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
          `non-2xx/errors ${result.non2xxOrErrors}, server CPU ${result.cpuMsPerRequest?.toFixed(2)} ms per request`,
      );
    }
    await stopAll();

    // The ceiling continues the same instances where aimsflow left them.
    const bare = await startReference('bare-node-server', db.url);
    running.push(bare);
    const bareComplete = completeOn(keepAliveDriver(bare.baseUrl, CLIENTS), () => REFERENCE_TOKEN, '');
    await closedLoop(CLIENTS, WARM_UP_S, bareComplete);
    const bareResult = await measured(bare.child.pid as number, () => closedLoop(CLIENTS, MEASURE_S, bareComplete));
    log(`completions, bare Node http + pg: ${summary(bareResult)}`);
    await stopAll();

    const peer = await startReference('bpmn-engine-peer', db.url);
    running.push(peer);
    const peerDriver = keepAliveDriver(peer.baseUrl, CLIENTS);
    const instances: string[] = [];
    for (let i = 0; i < CLIENTS; i++) instances.push(((await peerDriver.post('/instances', REFERENCE_TOKEN, {})) as { id: string }).id);
    const peerComplete = (i: number, n: number) => peerDriver.post(`/instances/${instances[i]}/complete`, REFERENCE_TOKEN, { variables: { n } });
    await closedLoop(CLIENTS, WARM_UP_S, peerComplete);
    const peerResult = await measured(peer.child.pid as number, () => closedLoop(CLIENTS, MEASURE_S, peerComplete));
    log(`completions, bpmn-engine peer: ${summary(peerResult)}`);
    await stopAll();

    const pgbench = await pgbenchCompletions(db.url, CLIENTS, MEASURE_S);
    log(`pgbench, a completion's core in SQL: ${pgbench.tps.toFixed(0)} tps (latency average ${pgbench.latencyMs} ms)`);

    const express = combinedMeasured(completions.express);
    const fastify = combinedMeasured(completions.fastify);
    // autocannon reports percentiles, not latencies: the two rounds are averaged.
    const decisionsOf = (adapter: HttpAdapterName) => {
      const runs = decisions[adapter];
      const mean = (pick: (r: DecisionsResult) => number) => runs.reduce((sum, r) => sum + pick(r), 0) / runs.length;
      return {
        perSecond: mean((r) => r.requestsPerSecond),
        p50: mean((r) => r.p50Ms),
        p99: mean((r) => r.p99Ms),
        cpuMs: mean((r) => r.cpuMsPerRequest ?? NaN),
        errors: runs.reduce((sum, r) => sum + r.non2xxOrErrors, 0),
      };
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
      cpuExpressToFastify: cpuMs(express) / cpuMs(fastify),
      decisionsFastifyToExpress: decisionsFastify.perSecond / decisionsExpress.perSecond,
      decisionsCpuExpressToFastify: decisionsExpress.cpuMs / decisionsFastify.cpuMs,
    };
    log(`completions, aimsflow on express (both rounds): ${summary(express)}`);
    log(`completions, aimsflow on fastify (both rounds): ${summary(fastify)}`);
    log(
      `ratios: express / pgbench ${ratios.expressToPgbench.toFixed(3)}, / bare Node ${ratios.expressToBareNode.toFixed(2)} (target >= 0.5), / peer ${ratios.expressToPeer.toFixed(2)}; ` +
        `fastify / pgbench ${ratios.fastifyToPgbench.toFixed(3)}, / bare Node ${ratios.fastifyToBareNode.toFixed(2)}, / peer ${ratios.fastifyToPeer.toFixed(2)}`,
    );
    log(
      `fastify / express: completions ${ratios.fastifyToExpress.toFixed(2)} (Fastify is adopted at >= 1.25), decisions ${ratios.decisionsFastifyToExpress.toFixed(2)}; ` +
        `server CPU per request express / fastify: completions ${ratios.cpuExpressToFastify.toFixed(2)}, decisions ${ratios.decisionsCpuExpressToFastify.toFixed(2)}`,
    );
    const loads = { express, fastify, bareNode: bareResult, peer: peerResult };
    return {
      pgbenchTps: Math.round(pgbench.tps),
      ...Object.fromEntries(
        Object.entries(loads).flatMap(([name, r]) => [
          [`${name}PerSecond`, Math.round(r.perSecond)],
          [`${name}P50Ms`, fixed(r.p50)],
          [`${name}P99Ms`, fixed(r.p99)],
          [`${name}CpuMsPerCompletion`, fixed(cpuMs(r), 2)],
        ]),
      ),
      decisionsExpressPerSecond: Math.round(decisionsExpress.perSecond),
      decisionsExpressP50Ms: fixed(decisionsExpress.p50),
      decisionsExpressP99Ms: fixed(decisionsExpress.p99),
      decisionsExpressCpuMsPerRequest: fixed(decisionsExpress.cpuMs, 2),
      decisionsFastifyPerSecond: Math.round(decisionsFastify.perSecond),
      decisionsFastifyP50Ms: fixed(decisionsFastify.p50),
      decisionsFastifyP99Ms: fixed(decisionsFastify.p99),
      decisionsFastifyCpuMsPerRequest: fixed(decisionsFastify.cpuMs, 2),
      decisionsNon2xxOrErrors: decisionsExpress.errors + decisionsFastify.errors,
      ...Object.fromEntries(Object.entries(ratios).map(([name, value]) => [name, fixed(value, 3)])),
    };
  } finally {
    await stopAll();
    await db.close();
  }
}
