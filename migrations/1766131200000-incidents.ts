import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The AI incident register (ISO/IEC 42001 clause 10.2, Annex A.8; EU AI Act Art. 73): what happened,
 * when the organisation became aware of it, its classification and reporting deadline from the
 * incident-reporting rules, the submission to the market surveillance authority, the root cause and
 * the nonconformity its corrective action raised.
 */
export class Incidents1766131200000 implements MigrationInterface {
  name = 'Incidents1766131200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id uuid NOT NULL REFERENCES ai_systems (id),
        title text NOT NULL,
        description text NOT NULL,
        occurred_at timestamptz NOT NULL,
        aware_at timestamptz NOT NULL,
        effects jsonb NOT NULL DEFAULT '[]'::jsonb,
        widespread boolean NOT NULL DEFAULT false,
        status text NOT NULL,
        triage_notes text,
        containment text,
        serious boolean,
        deadline text,
        deadline_at timestamptz,
        basis jsonb NOT NULL DEFAULT '[]'::jsonb,
        report text,
        report_complete boolean,
        authority text,
        submission_reference text,
        submitted_at timestamptz,
        completion_reference text,
        completed_at timestamptz,
        reminded_at timestamptz,
        escalated_at timestamptz,
        root_cause text,
        cause_category text,
        corrective_action text,
        nonconformity_id uuid,
        instance_id uuid,
        reported_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        closed_at timestamptz
      )`);
    await q.query(`CREATE INDEX incidents_system_idx ON incidents (system_id, created_at DESC)`);
    await q.query(`CREATE INDEX incidents_status_idx ON incidents (status, created_at DESC)`);
    await q.query(`CREATE INDEX incidents_instance_idx ON incidents (instance_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE incidents`);
  }
}
