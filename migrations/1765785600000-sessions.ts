import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Console sessions (a cookie whose secret is stored only as its SHA-256) and sign-ins in flight
 * through the organisation's OpenID provider (PKCE verifier, state and nonce kept server-side).
 */
export class Sessions1765785600000 implements MigrationInterface {
  name = 'Sessions1765785600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sessions (
      id text PRIMARY KEY,
      identity text NOT NULL,
      source text NOT NULL CHECK (source IN ('token', 'admin-token', 'oidc')),
      token_id uuid REFERENCES api_tokens (id) ON DELETE CASCADE,
      credential_hash text,
      id_token text,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      CHECK ((source = 'token') = (token_id IS NOT NULL)),
      CHECK ((source = 'admin-token') = (credential_hash IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX sessions_expires_idx ON sessions (expires_at)`);
    await q.query(`CREATE INDEX sessions_identity_idx ON sessions (identity)`);
    await q.query(`CREATE TABLE oidc_logins (
      state_hash text PRIMARY KEY,
      code_verifier text NOT NULL,
      nonce text NOT NULL,
      return_to text NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX oidc_logins_expires_idx ON oidc_logins (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oidc_logins`);
    await q.query(`DROP TABLE sessions`);
  }
}
