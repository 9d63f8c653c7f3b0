import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices that must reach a person once whatever event raises them: "an approval is waiting only
 * on you" is re-checked on each change to a task's eligible people, and told once per task and person.
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_waiting_notices`);
  }
}
