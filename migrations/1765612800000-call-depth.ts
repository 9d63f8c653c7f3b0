import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How deep an instance sits in its call hierarchy (0: started by itself), so a call activity that
 * calls its own process, directly or round about, stops at a bound instead of recursing for ever.
 */
export class CallDepth1765612800000 implements MigrationInterface {
  name = 'CallDepth1765612800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE process_instances ADD COLUMN call_depth smallint NOT NULL DEFAULT 0`);
    await q.query(`WITH RECURSIVE tree AS (
                     SELECT id, 0 AS depth FROM process_instances WHERE parent_id IS NULL
                     UNION ALL
                     SELECT c.id, t.depth + 1 FROM process_instances c JOIN tree t ON c.parent_id = t.id)
                   UPDATE process_instances p SET call_depth = tree.depth FROM tree WHERE p.id = tree.id AND tree.depth > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE process_instances DROP COLUMN call_depth`);
  }
}
