import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Process definitions (immutable versions), instances with their persisted state and history,
 * durable jobs (timers, retried message deliveries and starts), incidents, message subscriptions
 * and de-duplicated messages, and the user tasks of the approver API.
 */
export class Processes1764576000000 implements MigrationInterface {
  name = 'Processes1764576000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE process_definitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        version integer NOT NULL,
        name text,
        documentation text,
        xml text NOT NULL,
        content_hash text NOT NULL,
        unique_per_subject boolean NOT NULL DEFAULT false,
        start_events jsonb NOT NULL DEFAULT '[]'::jsonb,
        source text NOT NULL CHECK (source IN ('file', 'api')),
        source_file text,
        deployed_by text NOT NULL,
        deployed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX process_definitions_version_idx ON process_definitions (key, version)`);
    await q.query(`CREATE UNIQUE INDEX process_definitions_content_idx ON process_definitions (key, content_hash)`);

    await q.query(`
      CREATE TABLE process_instances (
        id uuid PRIMARY KEY,
        definition_id uuid NOT NULL,
        definition_key text NOT NULL,
        definition_version integer NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'completed', 'cancelled', 'failed', 'terminated')),
        state jsonb,
        variables jsonb NOT NULL DEFAULT '{}'::jsonb,
        active_element_ids text[] NOT NULL DEFAULT '{}',
        waits jsonb NOT NULL DEFAULT '[]'::jsonb,
        completed_by jsonb NOT NULL DEFAULT '{}'::jsonb,
        initiator text,
        parent_id uuid,
        parent_wait_key text,
        root_id uuid NOT NULL,
        started_by text NOT NULL,
        started_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        ended_at timestamptz,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX process_instances_started_idx ON process_instances (started_at DESC, id)`);
    await q.query(`CREATE INDEX process_instances_definition_idx ON process_instances (definition_key, status)`);
    await q.query(`CREATE INDEX process_instances_subject_idx ON process_instances (subject_type, subject_id, definition_key)`);
    await q.query(`CREATE INDEX process_instances_parent_idx ON process_instances (parent_id) WHERE parent_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE process_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        instance_id uuid NOT NULL,
        event text NOT NULL,
        wait_key text,
        elements_left jsonb NOT NULL,
        elements_entered jsonb NOT NULL,
        decision_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        actor text NOT NULL,
        at timestamptz NOT NULL,
        details jsonb
      )`);
    await q.query(`CREATE INDEX process_history_instance_idx ON process_history (instance_id, id)`);

    await q.query(`
      CREATE TABLE process_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('timer', 'message', 'start-timer', 'start-message')),
        instance_id uuid,
        definition_id uuid,
        wait_key text,
        element_id text NOT NULL,
        due_at timestamptz NOT NULL,
        run_at timestamptz NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'cancelled', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        locked_by text,
        locked_until timestamptz,
        created_at timestamptz NOT NULL,
        done_at timestamptz,
        done_by text
      )`);
    await q.query(`CREATE INDEX process_jobs_due_idx ON process_jobs (run_at, id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX process_jobs_instance_idx ON process_jobs (instance_id, wait_key) WHERE instance_id IS NOT NULL`);
    await q.query(`CREATE INDEX process_jobs_definition_idx ON process_jobs (definition_id) WHERE definition_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE process_incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instance_id uuid NOT NULL,
        job_id uuid NOT NULL,
        element_id text NOT NULL,
        message text NOT NULL,
        attempts integer NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'resolved')),
        resolution text,
        created_at timestamptz NOT NULL,
        resolved_at timestamptz,
        resolved_by text
      )`);
    await q.query(`CREATE INDEX process_incidents_instance_idx ON process_incidents (instance_id, created_at)`);
    await q.query(`CREATE INDEX process_incidents_job_idx ON process_incidents (job_id) WHERE status = 'open'`);

    await q.query(`
      CREATE TABLE process_message_subscriptions (
        instance_id uuid NOT NULL,
        wait_key text NOT NULL,
        element_id text NOT NULL,
        name text NOT NULL,
        correlation_key text,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (instance_id, wait_key)
      )`);
    await q.query(`CREATE INDEX process_message_subscriptions_name_idx ON process_message_subscriptions (name, correlation_key)`);

    await q.query(`
      CREATE TABLE process_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id text,
        name text NOT NULL,
        correlation_key text,
        variables jsonb NOT NULL DEFAULT '{}'::jsonb,
        result jsonb,
        sent_by text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX process_messages_message_id_idx ON process_messages (message_id) WHERE message_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instance_id uuid NOT NULL,
        wait_key text NOT NULL,
        element_id text NOT NULL,
        name text NOT NULL,
        documentation text,
        definition_key text NOT NULL,
        definition_version integer NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        candidate_roles text[] NOT NULL,
        assignee text,
        status text NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
        due_at timestamptz,
        form jsonb NOT NULL DEFAULT '[]'::jsonb,
        separate_from text[] NOT NULL DEFAULT '{}',
        item jsonb,
        outcome text,
        variables jsonb,
        created_at timestamptz NOT NULL,
        claimed_at timestamptz,
        completed_at timestamptz,
        completed_by text,
        cancelled_at timestamptz,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX tasks_wait_idx ON tasks (instance_id, wait_key)`);
    await q.query(`CREATE INDEX tasks_assignee_idx ON tasks (assignee, status) WHERE assignee IS NOT NULL`);
    await q.query(`CREATE INDEX tasks_open_roles_idx ON tasks USING gin (candidate_roles) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_subject_idx ON tasks (subject_type, subject_id)`);
    await q.query(`CREATE INDEX tasks_created_idx ON tasks (created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'tasks',
      'process_messages',
      'process_message_subscriptions',
      'process_incidents',
      'process_jobs',
      'process_history',
      'process_instances',
      'process_definitions',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
