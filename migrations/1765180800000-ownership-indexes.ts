import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for queries the ownership change made common: locking a subject's instance trees (by
 * root) before a change to the subject, and finding the decisions taken inside one instance (by
 * trigger prefix `process:<id>/`).
 */
export class OwnershipIndexes1765180800000 implements MigrationInterface {
  name = 'OwnershipIndexes1765180800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX process_instances_root_idx ON process_instances (root_id)`);
    await q.query(`CREATE INDEX decisions_trigger_idx ON decisions (trigger text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX decisions_trigger_idx`);
    await q.query(`DROP INDEX process_instances_root_idx`);
  }
}
