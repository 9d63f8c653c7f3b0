import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The registers the lifecycles feed: impact assessments, risks, nonconformities, audits. */
export class Registers1764835200000 implements MigrationInterface {
  name = 'Registers1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE impact_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id uuid NOT NULL REFERENCES ai_systems (id),
        version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'in-review', 'approved', 'rejected', 'superseded', 'review-required')),
        trigger text NOT NULL,
        reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
        individuals jsonb,
        groups jsonb,
        society jsonb,
        organisation jsonb,
        fria jsonb,
        impact_level text,
        decision_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        approvers jsonb NOT NULL DEFAULT '[]'::jsonb,
        instance_id uuid,
        superseded_by uuid,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        approved_at timestamptz,
        UNIQUE (system_id, version)
      )`);
    await q.query(`CREATE INDEX impact_assessments_status_idx ON impact_assessments (status, system_id)`);

    await q.query(`
      CREATE TABLE risks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id uuid NOT NULL REFERENCES ai_systems (id),
        title text NOT NULL,
        description text,
        likelihood integer NOT NULL,
        severity integer NOT NULL,
        rating text NOT NULL,
        requires_top_management boolean NOT NULL DEFAULT false,
        status text NOT NULL,
        treatment text,
        controls jsonb NOT NULL DEFAULT '[]'::jsonb,
        plan text,
        owner text,
        residual_likelihood integer,
        residual_severity integer,
        residual_rating text,
        decision_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        instance_id uuid,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        closed_at timestamptz
      )`);
    await q.query(`CREATE INDEX risks_system_idx ON risks (system_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE nonconformities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        description text NOT NULL,
        source text NOT NULL CHECK (source IN ('internal-audit', 'certification-audit', 'incident', 'monitoring', 'complaint')),
        severity text NOT NULL CHECK (severity IN ('major', 'minor', 'observation')),
        system_id uuid REFERENCES ai_systems (id),
        audit_id uuid,
        clause_refs jsonb NOT NULL DEFAULT '[]'::jsonb,
        control_refs jsonb NOT NULL DEFAULT '[]'::jsonb,
        status text NOT NULL,
        containment text,
        root_cause text,
        plan text,
        reopened integer NOT NULL DEFAULT 0,
        instance_id uuid,
        raised_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        closed_at timestamptz
      )`);
    await q.query(`CREATE INDEX nonconformities_audit_idx ON nonconformities (audit_id, severity, status)`);

    await q.query(`
      CREATE TABLE audits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN ('internal', 'certification')),
        title text NOT NULL,
        stage text NOT NULL,
        status text NOT NULL,
        cycle integer NOT NULL DEFAULT 1,
        scope text,
        audited_area text,
        area_owner text,
        findings jsonb NOT NULL DEFAULT '[]'::jsonb,
        certified_at timestamptz,
        surveillance1_due timestamptz,
        surveillance2_due timestamptz,
        recertification_due timestamptz,
        previous_audit_id uuid,
        instance_id uuid,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audits`);
    await q.query(`DROP TABLE nonconformities`);
    await q.query(`DROP TABLE risks`);
    await q.query(`DROP TABLE impact_assessments`);
  }
}
