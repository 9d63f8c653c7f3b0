import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The input compiled for each management review (ISO/IEC 42001 9.3.2) and what the review decided (9.3.3). */
export class ManagementReviewInputs1766131380000 implements MigrationInterface {
  name = 'ManagementReviewInputs1766131380000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE management_review_inputs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        audit_id uuid,
        instance_id uuid,
        content jsonb NOT NULL,
        compiled_by text NOT NULL,
        compiled_at timestamptz NOT NULL,
        decisions text,
        improvement_actions jsonb NOT NULL DEFAULT '[]'::jsonb,
        decided_by text,
        decided_at timestamptz
      )`);
    await q.query(`CREATE INDEX management_review_inputs_compiled_idx ON management_review_inputs (compiled_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE management_review_inputs`);
  }
}
