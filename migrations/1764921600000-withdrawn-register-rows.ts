import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An impact assessment whose process was cancelled (its system retired mid-onboarding) is `withdrawn`. */
export class WithdrawnRegisterRows1764921600000 implements MigrationInterface {
  name = 'WithdrawnRegisterRows1764921600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE impact_assessments DROP CONSTRAINT impact_assessments_status_check`);
    await q.query(
      `ALTER TABLE impact_assessments ADD CONSTRAINT impact_assessments_status_check
         CHECK (status IN ('draft', 'in-review', 'approved', 'rejected', 'superseded', 'review-required', 'withdrawn'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE impact_assessments SET status = 'rejected' WHERE status = 'withdrawn'`);
    await q.query(`ALTER TABLE impact_assessments DROP CONSTRAINT impact_assessments_status_check`);
    await q.query(
      `ALTER TABLE impact_assessments ADD CONSTRAINT impact_assessments_status_check
         CHECK (status IN ('draft', 'in-review', 'approved', 'rejected', 'superseded', 'review-required'))`,
    );
  }
}
