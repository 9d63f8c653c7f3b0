import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The manual clock's time (AIMSFLOW_CLOCK=manual), so a restart does not take it back to real time. */
export class ManualClock1765440000000 implements MigrationInterface {
  name = 'ManualClock1765440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE manual_clock (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      now timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE manual_clock`);
  }
}
