import type { EntityManager } from 'typeorm';

/**
 * Rules decisions taken inside a process instance (their trigger is `process:<instanceId>/<elementId>`),
 * in the order of the steps that took them (decisions of the step still running come last): several
 * decisions share one timestamp when taken in one transaction or on a manual clock.
 */
export async function decisionsOfInstance(m: EntityManager, instanceId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await m.query(
    `SELECT d.id FROM decisions d
       LEFT JOIN LATERAL (SELECT min(h.id) AS pos FROM process_history h WHERE h.instance_id = $2 AND h.decision_ids ? d.id::text) step ON true
      WHERE d.trigger LIKE $1
      ORDER BY step.pos NULLS LAST, d.created_at, d.trigger, d.id`,
    [`process:${instanceId}/%`, instanceId],
  );
  return rows.map((row) => row.id);
}

/** Whether a process definition of this key has been deployed (a folder override may hold none). */
export async function processDeployed(m: EntityManager, key: string): Promise<boolean> {
  const rows = await m.query(`SELECT 1 FROM process_definitions WHERE key = $1 LIMIT 1`, [key]);
  return rows.length > 0;
}

/** A variable as a string, or undefined when absent. */
export function str(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

export function list<T = string>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : value === undefined || value === null ? [] : [value as T];
}
