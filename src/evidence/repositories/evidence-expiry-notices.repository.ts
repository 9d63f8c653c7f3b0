import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../database/sql.js';

/** What an expiry announcement says of an evidence item. */
export interface ExpiringEvidence {
  id: string;
  fileName: string;
  description: string;
  validUntil: Date;
  uploadedBy: string;
  collectedBy: string;
}

/** The only code that reads and writes `evidence_expiry_notices`. */
@Injectable()
export class EvidenceExpiryNoticesRepository {
  /**
   * Marks up to `limit` current (not superseded) items as announced `expired` (valid until `now`
   * or before) or `expiring` (valid until `horizon` or before), once each, and returns them. An
   * item found already expired is marked expiring too: it is never announced as expiring afterwards.
   */
  announce(m: EntityManager, which: 'expiring' | 'expired', now: Date, horizon: Date, limit: number): Promise<ExpiringEvidence[]> {
    const kinds = which === 'expired' ? ['expired', 'expiring'] : ['expiring'];
    return sql<ExpiringEvidence>(
      m,
      `WITH due AS (
         SELECT e.id, e.file_name AS "fileName", e.description, e.valid_until AS "validUntil", e.uploaded_by AS "uploadedBy",
                e.collected_by AS "collectedBy"
           FROM evidence e
          WHERE e.valid_until IS NOT NULL AND e.valid_until <= $2 AND e.superseded_by IS NULL
            AND NOT EXISTS (SELECT 1 FROM evidence_expiry_notices n WHERE n.evidence_id = e.id AND n.kind = $4)
          ORDER BY e.valid_until, e.id LIMIT $3),
       marked AS (
         INSERT INTO evidence_expiry_notices (evidence_id, kind, announced_at)
         SELECT due.id, k.kind, $1 FROM due CROSS JOIN unnest($5::text[]) AS k(kind)
         ON CONFLICT DO NOTHING
         RETURNING evidence_id, kind)
       SELECT due.* FROM due WHERE EXISTS (SELECT 1 FROM marked WHERE marked.evidence_id = due.id AND marked.kind = $4)`,
      [now, which === 'expired' ? now : horizon, limit, which, kinds],
    );
  }
}
