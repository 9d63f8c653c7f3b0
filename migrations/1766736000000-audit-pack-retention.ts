import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit packs are kept AIMSFLOW_AUDIT_PACK_RETENTION_DAYS after they are finished: the audit-packs
 * worker then deletes the ZIP's chunks and marks the pack expired (the row stays, for the record).
 */
export class AuditPackRetention1766736000000 implements MigrationInterface {
  name = 'AuditPackRetention1766736000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_packs DROP CONSTRAINT audit_packs_status_check`);
    await q.query(`ALTER TABLE audit_packs ADD CONSTRAINT audit_packs_status_check CHECK (status IN ('pending', 'building', 'done', 'failed', 'expired'))`);
    await q.query(`ALTER TABLE audit_packs ADD COLUMN expired_at timestamptz`);
    await q.query(`CREATE INDEX audit_packs_finished_idx ON audit_packs (finished_at) WHERE status IN ('done', 'failed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_packs_finished_idx`);
    await q.query(`ALTER TABLE audit_packs DROP COLUMN expired_at`);
    await q.query(`UPDATE audit_packs SET status = 'failed', error = 'Expired' WHERE status = 'expired'`);
    await q.query(`ALTER TABLE audit_packs DROP CONSTRAINT audit_packs_status_check`);
    await q.query(`ALTER TABLE audit_packs ADD CONSTRAINT audit_packs_status_check CHECK (status IN ('pending', 'building', 'done', 'failed'))`);
  }
}
