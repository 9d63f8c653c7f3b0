import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored responses for Idempotency-Key replays lose the secrets they held in clear (token secrets
 * `afw_…`, webhook signing secrets `whsec_…`); a replay now says the secret was shown once.
 */
export class IdempotencyWithoutSecrets1765353600000 implements MigrationInterface {
  name = 'IdempotencyWithoutSecrets1765353600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE idempotency_keys SET response_body = (response_body - 'token') || '{"secretShownOnce": true}'
                    WHERE jsonb_typeof(response_body) = 'object' AND response_body->>'token' LIKE 'afw\\_%'`);
    await q.query(`UPDATE idempotency_keys SET response_body = (response_body - 'secret') || '{"secretShownOnce": true}'
                    WHERE jsonb_typeof(response_body) = 'object' AND response_body->>'secret' LIKE 'whsec\\_%'`);
  }

  async down(): Promise<void> {
    // The secrets are gone by design.
  }
}
