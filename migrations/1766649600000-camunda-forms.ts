import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Camunda forms (form-js JSON), versioned per form id and immutable once stored; a task keeps the
 * form it was created with (the version current then), so a later version never changes an open task.
 */
export class CamundaForms1766649600000 implements MigrationInterface {
  name = 'CamundaForms1766649600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE forms (
        form_id text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        name text,
        schema jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (form_id, version)
      )`);
    await q.query(`ALTER TABLE tasks ADD COLUMN camunda_form jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks DROP COLUMN camunda_form`);
    await q.query(`DROP TABLE forms`);
  }
}
