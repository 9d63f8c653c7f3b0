import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/**
 * Preloaded into a service process by a benchmark (`--import` with `--expose-gc`): every 250 ms it
 * collects garbage and writes the heap still in use to the file named by AIMSFLOW_BENCH_LIVE_HEAP_FILE,
 * so the benchmark sees live memory (what is retained) rather than RSS (which garbage not yet
 * collected and the allocator's pools also fill).
 */
const file = process.env.AIMSFLOW_BENCH_LIVE_HEAP_FILE;
const collect = (globalThis as { gc?: () => void }).gc;
// Worker threads inherit the preload: only the main thread's heap is the service's.
if (file && collect && isMainThread) {
  setInterval(() => {
    collect();
    writeFileSync(file, String(process.memoryUsage().heapUsed));
  }, 250).unref();
}
