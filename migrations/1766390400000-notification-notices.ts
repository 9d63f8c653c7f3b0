import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices given once: "an approval is waiting only on you" is re-checked on each change to a
 * task's eligible people and told once per task and person; evidence is announced once as
 * expiring and once as expired (a table of its own: evidence rows are immutable).
 */
export class NotificationNotices1766390400000 implements MigrationInterface {
  name = 'NotificationNotices1766390400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_waiting_notices (
        task_id uuid NOT NULL,
        person_id text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (task_id, person_id)
      )`);
    await q.query(`
      CREATE TABLE evidence_expiry_notices (
        evidence_id uuid NOT NULL REFERENCES evidence (id),
        kind text NOT NULL CHECK (kind IN ('expiring', 'expired')),
        announced_at timestamptz NOT NULL,
        PRIMARY KEY (evidence_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evidence_expiry_notices`);
    await q.query(`DROP TABLE notification_waiting_notices`);
  }
}
