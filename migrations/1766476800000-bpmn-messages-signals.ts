import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Message buffering and signals: a message that finds no waiting subscription may be kept until its
 * time to live ends (`expires_at`) and is taken by the first catch event that subscribes for it
 * (`correlated_at`); signal catch and boundary events subscribe by signal name.
 */
export class BpmnMessagesSignals1766476800000 implements MigrationInterface {
  name = 'BpmnMessagesSignals1766476800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE process_messages ADD COLUMN time_to_live_ms bigint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE process_messages ADD COLUMN expires_at timestamptz`);
    await q.query(`ALTER TABLE process_messages ADD COLUMN correlated_at timestamptz`);
    await q.query(
      `CREATE INDEX process_messages_buffered_idx ON process_messages (name, correlation_key, received_at) WHERE expires_at IS NOT NULL AND correlated_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE process_signal_subscriptions (
        instance_id uuid NOT NULL,
        wait_key text NOT NULL,
        element_id text NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, wait_key)
      )`);
    await q.query(`CREATE INDEX process_signal_subscriptions_name_idx ON process_signal_subscriptions (name, created_at)`);
    await q.query(`ALTER TABLE process_jobs DROP CONSTRAINT process_jobs_kind_check`);
    await q.query(
      `ALTER TABLE process_jobs ADD CONSTRAINT process_jobs_kind_check CHECK (kind IN ('timer', 'message', 'signal', 'start-timer', 'start-message'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE process_jobs DROP CONSTRAINT process_jobs_kind_check`);
    await q.query(`ALTER TABLE process_jobs ADD CONSTRAINT process_jobs_kind_check CHECK (kind IN ('timer', 'message', 'start-timer', 'start-message'))`);
    await q.query(`DROP TABLE process_signal_subscriptions`);
    await q.query(`DROP INDEX process_messages_buffered_idx`);
    await q.query(`ALTER TABLE process_messages DROP COLUMN correlated_at, DROP COLUMN expires_at, DROP COLUMN time_to_live_ms`);
  }
}
