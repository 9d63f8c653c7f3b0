import type { EntityManager } from 'typeorm';
import { sql } from './sql.js';

/**
 * Marks the register rows a cancelled process instance was working on (`instance_id`, a status in
 * `inProgress`) as `withdrawn`; returns each with the status it had. For the registers' repositories,
 * each calling it with its own table.
 */
export function withdrawRows(
  m: EntityManager,
  table: string,
  instanceId: string,
  inProgress: readonly string[],
  at: Date,
): Promise<Array<{ id: string; status: string }>> {
  return sql<{ id: string; status: string }>(
    m,
    `WITH old AS (SELECT id, status FROM ${table} WHERE instance_id = $1 AND status = ANY($2) ORDER BY id FOR UPDATE),
          withdrawn AS (UPDATE ${table} t SET status = 'withdrawn', updated_at = $3 FROM old WHERE t.id = old.id RETURNING t.id)
     SELECT old.id, old.status FROM old JOIN withdrawn USING (id) ORDER BY old.id`,
    [instanceId, inProgress, at],
  );
}
