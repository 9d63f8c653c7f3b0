import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tokens, the AI system register and the append-only, hash-chained audit trail. */
export class Foundation1764403200000 implements MigrationInterface {
  name = 'Foundation1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject text NOT NULL,
        roles text[] NOT NULL,
        token_hash text NOT NULL UNIQUE,
        prefix text NOT NULL,
        source text NOT NULL,
        description text,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE ai_systems (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text,
        intended_purpose text NOT NULL,
        owner text,
        roles text[] NOT NULL,
        model jsonb,
        third_party boolean NOT NULL DEFAULT false,
        attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
        status text NOT NULL DEFAULT 'registered',
        risk_class text,
        created_by text NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
    await q.query(`CREATE INDEX ai_systems_status_idx ON ai_systems (status)`);
    await q.query(`CREATE INDEX ai_systems_created_idx ON ai_systems (created_at, id)`);
    await q.query(`CREATE INDEX ai_systems_roles_idx ON ai_systems USING gin (roles)`);
    await q.query(`CREATE INDEX ai_systems_attributes_idx ON ai_systems USING gin (attributes jsonb_path_ops)`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text,
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        seq bigint UNIQUE,
        prev_hash text,
        hash text,
        sealed_at timestamptz
      )`);
    await q.query(`CREATE INDEX audit_events_unsealed_idx ON audit_events (tx_id, id) WHERE seq IS NULL`);
    await q.query(`CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id, id)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor, id)`);
    await q.query(`CREATE INDEX audit_events_time_idx ON audit_events (occurred_at)`);

    // Append-only: the only UPDATE allowed is the sealer filling in the chain columns, once.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
           AND (NEW.id, NEW.occurred_at, NEW.actor, NEW.action, NEW.subject_type, NEW.subject_id,
                NEW.before, NEW.after, NEW.request_id, NEW.tx_id)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.occurred_at, OLD.actor, OLD.action, OLD.subject_type, OLD.subject_id,
                OLD.before, OLD.after, OLD.request_id, OLD.tx_id)
        THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`DROP TABLE ai_systems`);
    await q.query(`DROP TABLE api_tokens`);
  }
}
