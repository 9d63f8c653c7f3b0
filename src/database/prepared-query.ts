import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

/** Statement texts seen in this process, by name; beyond the cap, texts run unnamed (planned each time). */
const names = new Map<string, string>();
const MAX_NAMED = 200;

/**
 * Runs a hot statement of a transaction as a named prepared statement on its connection, so
 * PostgreSQL plans it once per connection instead of on every call (planning was as costly as
 * executing for the step statement). Outside a transaction, or with AIMSFLOW_PREPARED_STATEMENTS=false
 * (a pooler that cannot keep them, such as PgBouncer before 1.21 in transaction mode), it is a plain query.
 */
export async function preparedQuery(m: EntityManager, text: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
  const runner = m.queryRunner;
  if ((m.connection.options as { extra?: { aimsflowPreparedStatements?: boolean } }).extra?.aimsflowPreparedStatements === false) return m.query(text, params);
  let name = names.get(text);
  if (!name && names.size < MAX_NAMED) {
    name = `aimsflow_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  if (!runner || runner.isReleased || !name) return m.query(text, params);
  const client = (await runner.connect()) as PoolClient;
  const result = await client.query({ name, text, values: params });
  return result.rows;
}
