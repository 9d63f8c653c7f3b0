import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * AI policies (ISO/IEC 42001 clause 5.2, Annex A.2.2-A.2.4): versions of each policy, each run by the
 * ai-policy process, and who acknowledged which version.
 */
export class Policies1766131300000 implements MigrationInterface {
  name = 'Policies1766131300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL,
        version integer NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        scope text NOT NULL,
        owner text NOT NULL,
        acknowledged_by_roles text[] NOT NULL DEFAULT '{}',
        covers_high_risk_systems boolean NOT NULL DEFAULT false,
        status text NOT NULL,
        supersedes uuid REFERENCES policies (id),
        superseded_by uuid,
        review_interval text,
        next_review_at timestamptz,
        published_at timestamptz,
        instance_id uuid,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (series_id, version)
      )`);
    await q.query(`CREATE INDEX policies_status_idx ON policies (status, created_at DESC)`);
    await q.query(`CREATE INDEX policies_instance_idx ON policies (instance_id)`);
    await q.query(`CREATE INDEX policies_roles_idx ON policies USING gin (acknowledged_by_roles)`);
    await q.query(`
      CREATE TABLE policy_acknowledgements (
        policy_id uuid NOT NULL REFERENCES policies (id),
        identity text NOT NULL,
        acknowledged_at timestamptz NOT NULL,
        PRIMARY KEY (policy_id, identity)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE policy_acknowledgements`);
    await q.query(`DROP TABLE policies`);
  }
}
