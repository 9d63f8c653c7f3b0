import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit packs: a requested scope (period, optional systems), the progress of the background job
 * that builds its ZIP, and the finished ZIP as ~256 KiB bytea chunks (PostgreSQL stays the system
 * of record: backed up with everything else). A build taken over after its replica died starts over,
 * so its chunks are replaced; a finished pack never changes.
 */
export class AuditPacks1766304000000 implements MigrationInterface {
  name = 'AuditPacks1766304000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_packs (
        id uuid PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('pending', 'building', 'done', 'failed')),
        period_from timestamptz NOT NULL,
        period_to timestamptz NOT NULL,
        system_ids uuid[] NOT NULL DEFAULT '{}',
        requested_by text NOT NULL,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz,
        files_done integer NOT NULL DEFAULT 0,
        files_total integer,
        bytes_done bigint NOT NULL DEFAULT 0,
        size_bytes bigint,
        sha256 text,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        CHECK (period_from <= period_to)
      )`);
    await q.query(`CREATE INDEX audit_packs_created_idx ON audit_packs (created_at DESC, id)`);
    await q.query(`CREATE INDEX audit_packs_due_idx ON audit_packs (created_at) WHERE status IN ('pending', 'building')`);
    await q.query(`
      CREATE TABLE audit_pack_chunks (
        pack_id uuid NOT NULL REFERENCES audit_packs (id),
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (pack_id, seq)
      )`);
    await q.query(`ALTER TABLE audit_pack_chunks ALTER COLUMN data SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_pack_chunks`);
    await q.query(`DROP TABLE audit_packs`);
  }
}
