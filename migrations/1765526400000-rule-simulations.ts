import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Simulations of a candidate rule-set version against every registered AI system, run by the
 * `rule-simulations` background worker: queued by the request, claimed with a lease, result kept.
 */
export class RuleSimulations1765526400000 implements MigrationInterface {
  name = 'RuleSimulations1765526400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rule_simulations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_set_key text NOT NULL,
        candidate_version integer NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'completed', 'failed')),
        evaluated integer NOT NULL DEFAULT 0,
        total integer,
        result jsonb,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz,
        FOREIGN KEY (rule_set_key, candidate_version) REFERENCES rule_set_versions (key, version)
      )`);
    await q.query(`CREATE INDEX rule_simulations_created_idx ON rule_simulations (created_at DESC, id)`);
    await q.query(`CREATE INDEX rule_simulations_key_idx ON rule_simulations (rule_set_key, created_at DESC)`);
    await q.query(`CREATE INDEX rule_simulations_unfinished_idx ON rule_simulations (created_at) WHERE status IN ('pending', 'running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rule_simulations`);
  }
}
