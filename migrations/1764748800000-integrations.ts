import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys, model version history and fanned-out model events. */
export class Integrations1764748800000 implements MigrationInterface {
  name = 'Integrations1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('in-progress', 'completed')),
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at)`);

    await q.query(`
      CREATE TABLE model_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id uuid NOT NULL REFERENCES ai_systems (id),
        provider text NOT NULL,
        model_name text NOT NULL,
        version text NOT NULL,
        declared_changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        change_facts jsonb NOT NULL,
        decision_id uuid,
        reassess boolean NOT NULL,
        reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
        instance_id uuid,
        model_event_id uuid,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX model_versions_system_idx ON model_versions (system_id, created_at DESC)`);
    await q.query(`CREATE INDEX ai_systems_model_idx ON ai_systems ((model->>'provider'), (model->>'name'))`);

    await q.query(`
      CREATE TABLE model_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        provider text NOT NULL,
        model_name text NOT NULL,
        version text NOT NULL,
        declared_changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        total integer NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE model_event_items (
        event_id uuid NOT NULL REFERENCES model_events (id),
        system_id uuid NOT NULL REFERENCES ai_systems (id),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
        reassessment_started boolean NOT NULL DEFAULT false,
        model_version_id uuid,
        error text,
        processed_at timestamptz,
        PRIMARY KEY (event_id, system_id)
      )`);
    await q.query(`CREATE INDEX model_event_items_pending_idx ON model_event_items (event_id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE model_event_items`);
    await q.query(`DROP TABLE model_events`);
    await q.query(`DROP INDEX ai_systems_model_idx`);
    await q.query(`DROP TABLE model_versions`);
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
