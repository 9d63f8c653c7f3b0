import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * External jobs: service tasks whose job type names no built-in handler wait for a worker, which
 * activates them (a lock until `deadline`, `activations` counting hand-outs) and completes, fails or
 * reports a BPMN error. An incident may now belong to an external job instead of a scheduler job, or
 * to neither: a service task held by a BPMN error of its handler that nothing catches.
 */
export class ExternalJobs1766217600000 implements MigrationInterface {
  name = 'ExternalJobs1766217600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE process_external_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instance_id uuid NOT NULL,
        definition_key text NOT NULL,
        definition_version integer NOT NULL,
        wait_key text NOT NULL,
        element_id text NOT NULL,
        element_name text NOT NULL,
        type text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        variables jsonb NOT NULL DEFAULT '{}'::jsonb,
        retries integer NOT NULL CHECK (retries >= 0),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'failed', 'cancelled')),
        activations integer NOT NULL DEFAULT 0,
        worker text,
        deadline timestamptz,
        run_at timestamptz NOT NULL,
        error_message text,
        created_at timestamptz NOT NULL,
        done_at timestamptz,
        UNIQUE (instance_id, wait_key)
      )`);
    await q.query(`CREATE INDEX process_external_jobs_activatable_idx ON process_external_jobs (type, run_at, id) WHERE status = 'open'`);
    await q.query(`ALTER TABLE process_incidents ALTER COLUMN job_id DROP NOT NULL`);
    await q.query(`ALTER TABLE process_incidents ADD COLUMN external_job_id uuid`);
    await q.query(`ALTER TABLE process_incidents ADD CONSTRAINT process_incidents_job_check CHECK (num_nonnulls(job_id, external_job_id) <= 1)`);
    await q.query(`CREATE INDEX process_incidents_external_job_idx ON process_incidents (external_job_id) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM process_incidents WHERE job_id IS NULL`);
    await q.query(`ALTER TABLE process_incidents DROP CONSTRAINT process_incidents_job_check`);
    await q.query(`ALTER TABLE process_incidents DROP COLUMN external_job_id`);
    await q.query(`ALTER TABLE process_incidents ALTER COLUMN job_id SET NOT NULL`);
    await q.query(`DROP TABLE process_external_jobs`);
  }
}
