import { Engine } from 'json-rules-engine';
import { CompiledRuleSet, ENGINE_OPTIONS, readRuleSetFile, type RuleSetDocument } from '../src/engine/rules/index.js';
import { fromProjectRoot } from '../src/common/paths.js';
import { log } from './bench-database.js';
import { controlsFacts, createRandom } from './fact-generator.js';

const FACT_SETS = 10_000;
const ROUNDS = 5;

async function timeRuns(run: (facts: Record<string, unknown>) => Promise<unknown>, factSets: Array<Record<string, unknown>>): Promise<number> {
  const started = performance.now();
  for (const facts of factSets) await run(facts);
  return factSets.length / ((performance.now() - started) / 1000);
}

/**
 * Issue "Rules as data": required-controls over 10,000 generated fact sets, through the service's
 * evaluator (outcome + explanation) and through bare json-rules-engine with the same rules and options.
 */
export async function rulesEvalBench(): Promise<Record<string, number>> {
  const { document } = await readRuleSetFile(fromProjectRoot('rules/required-controls.json'));
  const doc = document as RuleSetDocument;
  const compiled = CompiledRuleSet.compile(doc);
  const bare = new Engine(
    structuredClone(doc.rules).map(({ name, priority, conditions, event }) => ({ name, priority, conditions, event })),
    { ...ENGINE_OPTIONS },
  );
  for (const [name, condition] of Object.entries(doc.sharedConditions ?? {})) bare.setCondition(name, structuredClone(condition));
  const random = createRandom(7);
  const factSets = Array.from({ length: FACT_SETS }, () => controlsFacts(random));

  let best = { service: 0, library: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    // alternate the order so neither side always runs on a warmer machine
    const library = round % 2 ? await timeRuns((f) => bare.run(f), factSets) : 0;
    const service = await timeRuns((f) => compiled.evaluate(f), factSets);
    const library2 = round % 2 ? library : await timeRuns((f) => bare.run(f), factSets);
    best = { service: Math.max(best.service, service), library: Math.max(best.library, library2) };
  }
  const ratio = best.service / best.library;
  log(
    `required-controls x ${FACT_SETS}: service ${best.service.toFixed(0)}/s, json-rules-engine ${best.library.toFixed(0)}/s, ratio ${ratio.toFixed(2)} (best of ${ROUNDS})`,
  );
  return { serviceEvaluationsPerSecond: Math.round(best.service), libraryEvaluationsPerSecond: Math.round(best.library), ratio: Number(ratio.toFixed(2)) };
}
