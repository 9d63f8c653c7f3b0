import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ten roles that ship with aimsflow (src/auth/roles.ts), copied here so the migration never changes with the code. */
const BUILT_IN_ROLES: Array<[key: string, name: string, description: string]> = [
  ['admin', 'Administrator', 'manages tokens and everything else'],
  ['governance', 'Governance', 'edits, simulates and activates rule sets and process definitions'],
  ['ai-owner', 'AI owner', 'registers and maintains AI systems, drafts assessments'],
  ['risk-officer', 'Risk officer', 'assesses and owns AI risks'],
  ['compliance-officer', 'Compliance officer', 'reviews assessments and corrective actions'],
  ['dpo', 'Data protection officer', 'data protection officer: FRIA and personal-data questions'],
  ['top-management', 'Top management', 'accepts high residual risk, management review, certification sign-off'],
  ['auditor', 'Internal auditor', 'internal auditor: reads everything, raises findings'],
  ['external-auditor', 'External auditor', 'certification body auditor acting on audit stages'],
  ['integration', 'Integration', 'machine client: model-version and attribute events'],
];

/**
 * Roles as data (the built-in ones seeded, organisations add their own for tasks) and the people
 * directory: who signed in or was registered, with the roles their identity provider gave them and
 * those an administrator assigned, and their notification choices.
 */
export class PeopleAndRoles1765699200000 implements MigrationInterface {
  name = 'PeopleAndRoles1765699200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE roles (
        key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        built_in boolean NOT NULL DEFAULT false,
        notification_defaults jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [key, name, description] of BUILT_IN_ROLES) {
      await q.query(`INSERT INTO roles (key, name, description, built_in) VALUES ($1, $2, $3, true)`, [key, name, description]);
    }
    await q.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        identity text NOT NULL UNIQUE,
        display_name text NOT NULL,
        email text,
        active boolean NOT NULL DEFAULT true,
        source text NOT NULL CHECK (source IN ('oidc', 'admin', 'token')),
        idp_roles text[] NOT NULL DEFAULT '{}',
        assigned_roles text[] NOT NULL DEFAULT '{}',
        notification_preferences jsonb NOT NULL DEFAULT '{}',
        chat_target jsonb,
        last_seen_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Who holds a role (task candidates, role-in-use checks).
    await q.query(`CREATE INDEX people_idp_roles_idx ON people USING gin (idp_roles)`);
    await q.query(`CREATE INDEX people_assigned_roles_idx ON people USING gin (assigned_roles)`);
    await q.query(`CREATE INDEX people_display_name_idx ON people (lower(display_name), id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE people`);
    await q.query(`DROP TABLE roles`);
  }
}
