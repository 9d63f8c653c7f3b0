import type { MigrationInterface, QueryRunner } from 'typeorm';

/** AI objectives and KPIs (ISO/IEC 42001 clauses 6.2, 9.1) and their measurements, judged by the objective-breach rules. */
export class Objectives1766131350000 implements MigrationInterface {
  name = 'Objectives1766131350000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE objectives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        measure text NOT NULL,
        unit text NOT NULL,
        target double precision NOT NULL,
        direction text NOT NULL CHECK (direction IN ('at-least', 'at-most')),
        frequency text NOT NULL,
        owner text NOT NULL,
        system_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        control_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        status text NOT NULL,
        due_at timestamptz,
        reminded_at timestamptz,
        instance_id uuid,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX objectives_instance_idx ON objectives (instance_id)`);
    await q.query(`
      CREATE TABLE objective_measurements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        objective_id uuid NOT NULL REFERENCES objectives (id),
        value double precision NOT NULL,
        measured_at timestamptz NOT NULL,
        note text,
        breach boolean,
        severity text,
        nonconformity_id uuid,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX objective_measurements_series_idx ON objective_measurements (objective_id, measured_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE objective_measurements`);
    await q.query(`DROP TABLE objectives`);
  }
}
