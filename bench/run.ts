import 'reflect-metadata';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fromProjectRoot } from '../src/common/paths.js';
import { auditChainBench } from './audit-chain.bench.js';
import { consoleBundleBench } from './console-bundle.bench.js';
import { consolePagesBench } from './console-pages.bench.js';
import { log } from './bench-database.js';
import { processMemoryBench } from './process-memory.bench.js';
import { processTasksHttpBench } from './process-tasks-http.bench.js';
import { httpAdaptersBench } from './http-adapters.bench.js';
import { decisionsHttpBench } from './decisions-http.bench.js';
import { modelEventsBench } from './model-events.bench.js';
import { notificationFanoutBench } from './notification-fanout.bench.js';
import { webhookDeliveryBench } from './webhook-delivery.bench.js';
import { rulesEvalBench } from './rules-eval.bench.js';
import { simulationBench } from './simulation.bench.js';
import { startupBench } from './startup.bench.js';
import { evidenceUploadBench } from './evidence-upload.bench.js';
import { signInBench } from './sign-in.bench.js';
import { auditPackBench } from './audit-pack.bench.js';
import { bpmnCorpusBench } from './bpmn-corpus.bench.js';

/** Every benchmark by name; `npm run bench -- <name> ...` runs some, no argument runs all. */
const BENCHES: Record<string, () => Promise<Record<string, number>>> = {
  startup: startupBench,
  'audit-chain': auditChainBench,
  'rules-eval': rulesEvalBench,
  'decisions-http': decisionsHttpBench,
  simulation: simulationBench,
  'model-events': modelEventsBench,
  'webhook-delivery': webhookDeliveryBench,
  'notification-fanout': notificationFanoutBench,
  'process-tasks-http': processTasksHttpBench,
  'http-adapters': httpAdaptersBench,
  'process-memory': processMemoryBench,
  'console-bundle': consoleBundleBench,
  'console-pages': consolePagesBench,
  'evidence-upload': evidenceUploadBench,
  'sign-in': signInBench,
  'audit-pack': auditPackBench,
  'bpmn-corpus': bpmnCorpusBench,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !BENCHES[name]);
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  const results: Record<string, Record<string, number>> = {};
  const failed: Record<string, string> = {};
  // One failing benchmark does not cost the figures of the others; the run still exits non-zero.
  for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
    log(`running ${name}`);
    try {
      results[name] = await BENCHES[name]();
    } catch (error) {
      failed[name] = error instanceof Error ? error.message : String(error);
      log(`${name} FAILED: ${failed[name]}`);
    }
  }
  mkdirSync(fromProjectRoot('bench/results'), { recursive: true });
  const file = fromProjectRoot('bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ node: process.version, cpus: (await import('node:os')).cpus().length, results, failed }, null, 2));
  console.log(JSON.stringify(results, null, 2));
  log(`results written to bench/results/`);
  if (Object.keys(failed).length) throw new Error(`benchmark(s) failed: ${Object.keys(failed).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
