import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A key the request's own transaction marked `committed`: its change is applied, its response not yet stored. */
export class IdempotencyCommitted1765008000000 implements MigrationInterface {
  name = 'IdempotencyCommitted1765008000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_status_check`);
    await q.query(`ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_status_check CHECK (status IN ('in-progress', 'committed', 'completed'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency_keys WHERE status = 'committed'`);
    await q.query(`ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_status_check`);
    await q.query(`ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_status_check CHECK (status IN ('in-progress', 'completed'))`);
  }
}
