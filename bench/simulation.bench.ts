import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap.js';
import { RuleSetsService } from '../src/rules/rule-sets.service.js';
import { SimulationService } from '../src/rules/simulation.service.js';
import { SYSTEM_ACTOR } from '../src/auth/roles.js';
import { benchDatabase, log } from './bench-database.js';
import { createRandom, generateSystem } from './fact-generator.js';

const SYSTEMS = 10_000;

/**
 * Issue "Rules as data": a candidate eu-ai-act-risk-class version simulated against 10,000 registered
 * systems, the run the `rule-simulations` worker does (in time slices), called directly.
 */
export async function simulationBench(): Promise<Record<string, number>> {
  const db = await benchDatabase('bench_simulation');
  const app = await createApp({ databaseUrl: db.url, logLevel: 'warn', auditSealIntervalMs: 3_600_000 });
  try {
    const random = createRandom(11);
    const dataSource = app.get(DataSource);
    for (let i = 0; i < SYSTEMS; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, SYSTEMS - i) }, () => generateSystem(random));
      await dataSource.query(
        `INSERT INTO ai_systems (name, intended_purpose, roles, third_party, attributes, created_by, version, risk_class)
         SELECT 'bench system ' || n, 'bench', r.roles, r.third_party, r.attributes, 'bench', 1, 'minimal'
           FROM jsonb_to_recordset($1::jsonb) AS r(roles text[], third_party boolean, attributes jsonb), generate_series(1, 1) n`,
        [JSON.stringify(batch.map((s) => ({ roles: s.roles, third_party: s.thirdParty, attributes: s.attributes })))],
      );
    }
    const ruleSets = app.get(RuleSetsService);
    const active = await ruleSets.getActive('eu-ai-act-risk-class');
    // The candidate downgrades the Art. 50 (limited-risk) rules to minimal, so a share of the systems would
    // change class (their transparency obligations stay: the outcome requires a rule that sets them).
    const rules = active.document.rules.map((rule) =>
      rule.event.params?.riskClass === 'limited' ? { ...rule, event: { ...rule.event, params: { ...rule.event.params, riskClass: 'minimal' } } } : rule,
    );
    const candidate = await ruleSets.createVersion('eu-ai-act-risk-class', { ...active.document, description: 'bench candidate', rules }, SYSTEM_ACTOR);
    const simulation = app.get(SimulationService);
    await simulation.simulateSystems('eu-ai-act-risk-class', candidate.version); // warm-up (compiles both versions)
    const started = performance.now();
    const outcome = await simulation.simulateSystems('eu-ai-act-risk-class', candidate.version);
    const seconds = (performance.now() - started) / 1000;
    if (outcome.kind !== 'completed') throw new Error(`the simulation did not complete: ${JSON.stringify(outcome)}`);
    const result = outcome.result;
    log(
      `simulation against ${result.systemsEvaluated} systems: ${seconds.toFixed(2)} s, ${(result.systemsEvaluated / seconds).toFixed(0)} systems/s, ${result.systemsChanged} would change`,
    );
    return {
      systems: result.systemsEvaluated,
      wallSeconds: Number(seconds.toFixed(2)),
      systemsPerSecond: Math.round(result.systemsEvaluated / seconds),
      changed: result.systemsChanged,
    };
  } finally {
    await app.close();
    await db.close();
  }
}
