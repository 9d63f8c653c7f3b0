import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence for auditors: one row per item (its hash, type, links and who collected it), its links
 * to register rows, and its content as ~256 KiB bytea chunks written while the upload streams.
 * Content is immutable: chunks can be neither changed nor removed, and of an item only
 * `superseded_by` may be set, once.
 */
export class Evidence1766044800000 implements MigrationInterface {
  name = 'Evidence1766044800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence (
        id uuid PRIMARY KEY,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        chunk_bytes integer NOT NULL CHECK (chunk_bytes > 0),
        description text NOT NULL,
        collected_by text NOT NULL,
        uploaded_by text NOT NULL,
        valid_until timestamptz,
        supersedes uuid REFERENCES evidence (id),
        supersede_reason text,
        superseded_by uuid REFERENCES evidence (id),
        created_at timestamptz NOT NULL,
        CHECK ((supersedes IS NULL) = (supersede_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX evidence_created_idx ON evidence (created_at DESC, id)`);
    await q.query(`CREATE INDEX evidence_uploaded_by_idx ON evidence (uploaded_by, created_at DESC)`);
    await q.query(`CREATE INDEX evidence_valid_until_idx ON evidence (valid_until) WHERE valid_until IS NOT NULL`);
    await q.query(`
      CREATE TABLE evidence_links (
        evidence_id uuid NOT NULL REFERENCES evidence (id),
        kind text NOT NULL,
        target_id text NOT NULL,
        PRIMARY KEY (evidence_id, kind, target_id)
      )`);
    await q.query(`CREATE INDEX evidence_links_target_idx ON evidence_links (kind, target_id)`);
    // Chunks are written before their item's row (its hash is known only at the end): the key is checked at commit.
    await q.query(`
      CREATE TABLE evidence_chunks (
        evidence_id uuid NOT NULL REFERENCES evidence (id) DEFERRABLE INITIALLY DEFERRED,
        seq integer NOT NULL CHECK (seq >= 0),
        data bytea NOT NULL,
        PRIMARY KEY (evidence_id, seq)
      )`);
    // Uploads are mostly compressed already (PDF, images, office files): no compression attempt, and
    // a Range read takes its bytes out of a chunk without decompressing the whole of it.
    await q.query(`ALTER TABLE evidence_chunks ALTER COLUMN data SET STORAGE EXTERNAL`);
    await q.query(`
      CREATE FUNCTION evidence_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'evidence is immutable: % on % refused (a correction is a new item that supersedes it)', TG_OP, TG_TABLE_NAME;
      END $$`);
    // Of an item only superseded_by may be set, once.
    await q.query(`
      CREATE FUNCTION evidence_supersede_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL
           AND (to_jsonb(NEW) - 'superseded_by') = (to_jsonb(OLD) - 'superseded_by') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'evidence is immutable: % on evidence refused (only superseded_by is set, once)', TG_OP;
      END $$`);
    for (const table of ['evidence', 'evidence_links', 'evidence_chunks']) {
      const fn = table === 'evidence' ? 'evidence_supersede_only' : 'evidence_immutable';
      await q.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION evidence_immutable()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evidence_chunks`);
    await q.query(`DROP TABLE evidence_links`);
    await q.query(`DROP TABLE evidence`);
    await q.query(`DROP FUNCTION evidence_immutable()`);
    await q.query(`DROP FUNCTION evidence_supersede_only()`);
  }
}
