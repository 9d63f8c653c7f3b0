import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: outbox consumers with a gap-safe cursor (each event remembers the transaction that
 * wrote it), the due-soon and overdue announcements of tasks, in-app notifications and the e-mail
 * and chat deliveries.
 */
export class Notifications1765872000000 implements MigrationInterface {
  name = 'Notifications1765872000000';

  async up(q: QueryRunner): Promise<void> {
    // Events written before stay NULL: consumers start with what comes after this migration.
    await q.query(`ALTER TABLE outbox_events ADD COLUMN xact_id xid8`);
    await q.query(`ALTER TABLE outbox_events ALTER COLUMN xact_id SET DEFAULT pg_current_xact_id()`);
    await q.query(`CREATE INDEX outbox_events_xact_idx ON outbox_events (xact_id, seq) WHERE xact_id IS NOT NULL`);
    // `seen`: every event of a transaction visible in this snapshot is handled. While a consumer works
    // through a later snapshot (`target`) in batches, (`xact_id`, `seq`) is the last event it handled.
    await q.query(`
      CREATE TABLE outbox_cursors (
        consumer text PRIMARY KEY,
        seen pg_snapshot NOT NULL,
        target pg_snapshot,
        xact_id xid8,
        seq bigint,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO outbox_cursors (consumer, seen) VALUES ('notifications', pg_current_snapshot())`);

    await q.query(`ALTER TABLE tasks ADD COLUMN due_soon_announced_at timestamptz, ADD COLUMN overdue_announced_at timestamptz`);
    await q.query(`CREATE INDEX tasks_deadline_idx ON tasks (due_at) WHERE status = 'open' AND due_at IS NOT NULL AND overdue_announced_at IS NULL`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id text NOT NULL,
        recipient text NOT NULL,
        kind text NOT NULL,
        event_id uuid NOT NULL,
        task_id uuid,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        UNIQUE (event_id, person_id)
      )`);
    await q.query(`CREATE INDEX notifications_recipient_idx ON notifications (recipient, created_at DESC, id)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (recipient, created_at DESC, id) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id text NOT NULL,
        recipient text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'chat')),
        kind text NOT NULL,
        event_id uuid,
        target jsonb NOT NULL,
        message jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'pending', 'sending', 'delivered', 'failed', 'skipped', 'batched')),
        digest_id uuid REFERENCES notification_deliveries (id),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        UNIQUE (event_id, person_id, channel)
      )`);
    await q.query(`CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at) WHERE status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX notification_deliveries_queued_idx ON notification_deliveries (created_at) WHERE status = 'queued'`);
    await q.query(`CREATE INDEX notification_deliveries_created_idx ON notification_deliveries (created_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_deliveries`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP INDEX tasks_deadline_idx`);
    await q.query(`ALTER TABLE tasks DROP COLUMN due_soon_announced_at, DROP COLUMN overdue_announced_at`);
    await q.query(`DROP TABLE outbox_cursors`);
    await q.query(`DROP INDEX outbox_events_xact_idx`);
    await q.query(`ALTER TABLE outbox_events DROP COLUMN xact_id`);
  }
}
