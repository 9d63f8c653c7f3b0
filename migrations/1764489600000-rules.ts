import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Versioned rule sets, stored decisions with explanations, classification on AI systems, SoA status. */
export class Rules1764489600000 implements MigrationInterface {
  name = 'Rules1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rule_set_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        version integer NOT NULL,
        document jsonb NOT NULL,
        content_hash text NOT NULL,
        source text NOT NULL CHECK (source IN ('file', 'api')),
        source_file text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        activated_by text,
        UNIQUE (key, version)
      )`);
    await q.query(`
      CREATE TABLE rule_sets (
        key text PRIMARY KEY,
        active_version integer,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_set_key text NOT NULL,
        rule_set_version integer NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        trigger text NOT NULL,
        facts jsonb NOT NULL,
        outcome jsonb NOT NULL,
        explanation jsonb NOT NULL,
        actor text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX decisions_subject_idx ON decisions (subject_type, subject_id, created_at DESC)`);
    await q.query(`CREATE INDEX decisions_rule_set_idx ON decisions (rule_set_key, rule_set_version)`);

    await q.query(`
      ALTER TABLE ai_systems
        ADD COLUMN legal_basis jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN transparency_obligations jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN required_controls jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN impact_level text,
        ADD COLUMN classification_decision_id uuid,
        ADD COLUMN controls_decision_id uuid`);
    await q.query(`CREATE INDEX ai_systems_risk_class_idx ON ai_systems (risk_class)`);

    await q.query(`
      CREATE TABLE control_implementations (
        control_id text PRIMARY KEY,
        status text NOT NULL,
        note text,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE control_implementations`);
    await q.query(`DROP INDEX ai_systems_risk_class_idx`);
    await q.query(`
      ALTER TABLE ai_systems
        DROP COLUMN legal_basis, DROP COLUMN transparency_obligations, DROP COLUMN required_controls,
        DROP COLUMN impact_level, DROP COLUMN classification_decision_id, DROP COLUMN controls_decision_id`);
    await q.query(`DROP TABLE decisions`);
    await q.query(`DROP TABLE rule_sets`);
    await q.query(`DROP TABLE rule_set_versions`);
  }
}
