import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Token subjects in their canonical form (trimmed, NFKC, lower case, single spaces): tokens for
 * `Mallory` and ` mallory` were two people to segregation of duties; now they are one. Subjects with
 * invisible or control characters keep them (they can no longer be created) and match nobody.
 */
export class CanonicalSubjects1765267200000 implements MigrationInterface {
  name = 'CanonicalSubjects1765267200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE api_tokens SET subject = lower(upper(normalize(regexp_replace(btrim(subject), '\\s+', ' ', 'g'), NFKC)))
                    WHERE subject !~ '[[:cntrl:]]' AND subject <> lower(upper(normalize(regexp_replace(btrim(subject), '\\s+', ' ', 'g'), NFKC)))`);
  }

  async down(): Promise<void> {
    // The former spellings are not kept: nothing to restore.
  }
}
