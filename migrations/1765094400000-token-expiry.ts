import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tokens may carry an expiry; without one they last until revoked. */
export class TokenExpiry1765094400000 implements MigrationInterface {
  name = 'TokenExpiry1765094400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_tokens DROP COLUMN expires_at`);
  }
}
