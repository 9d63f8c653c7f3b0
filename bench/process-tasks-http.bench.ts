import { benchDatabase, log } from './bench-database.js';
import { apiClient, BENCH_ADMIN, closedLoop, ensurePgbench, keepAliveDriver, LOOP, pgbenchCompletions, startProcessService } from './process-support.js';

const CLIENTS = 32;
const WARM_UP_S = 3;
const MEASURE_S = 15;

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
  try {
    const api = apiClient(service.baseUrl);
    const gov = await api.token('gina', ['governance']);
    await api.deploy(gov, LOOP);
    const workers = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => api.token(`worker-${i}`, ['ai-owner'])));
    const next: string[] = [];
    for (let i = 0; i < CLIENTS; i++) next.push((await api.start(gov, 'bench-loop', { type: 'bench', id: `c${i}` })).openTasks[0].id);

    const drivers = services.map((replica) => keepAliveDriver(replica.baseUrl, CLIENTS));
    const driver = drivers[0];
    const complete = async (i: number, n: number) => {
      const body = (await drivers[i % replicas].post(`/api/v1/tasks/${next[i]}/complete`, workers[i], { variables: { n } })) as {
        nextTasks: Array<{ id: string }>;
      };
      next[i] = body.nextTasks[0].id;
    };
    // What HTTP through the service costs at least: its cheapest authenticated route (no database work).
    const cheapest = () => driver.get('/api/v1/service-task-handlers', BENCH_ADMIN);
    await closedLoop(CLIENTS, WARM_UP_S, cheapest);
    const floor = await closedLoop(CLIENTS, MEASURE_S / 3, cheapest);
    log(`cheapest authenticated route, ${CLIENTS} clients: ${floor.perSecond.toFixed(0)} req/s, p50 ${floor.p50.toFixed(1)} ms`);
    await closedLoop(CLIENTS, WARM_UP_S, complete);
    const http = await closedLoop(CLIENTS, MEASURE_S, complete);
    log(
      `task completions over HTTP, ${CLIENTS} clients, ${replicas} service process(es): ${http.perSecond.toFixed(0)}/s (${http.count} in ${MEASURE_S} s), p50 ${http.p50.toFixed(1)} ms, p99 ${http.p99.toFixed(1)} ms`,
    );
    // Latency without queueing: one client, one completion after the other.
    const alone = await closedLoop(1, MEASURE_S / 3, complete);
    log(`task completions over HTTP, 1 client: ${alone.perSecond.toFixed(0)}/s, p50 ${alone.p50.toFixed(1)} ms, p99 ${alone.p99.toFixed(1)} ms`);

    const { tps, latencyMs } = await pgbenchCompletions(db.url, CLIENTS, MEASURE_S);
    const ratio = http.perSecond / tps;
    log(
      `pgbench, same transaction shape, ${CLIENTS} clients: ${tps.toFixed(0)} tps (latency average ${latencyMs} ms); ratio HTTP / pgbench ${ratio.toFixed(3)} (target >= 0.25)`,
    );
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
  }
}
