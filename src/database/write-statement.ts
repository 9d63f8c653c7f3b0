import type { EntityManager } from 'typeorm';
import { preparedQuery } from './prepared-query.js';

/**
 * One SQL statement built from data-modifying CTEs, so everything a change writes (its rows, their
 * history, audit events and outbox events) costs a single round trip. PostgreSQL runs every
 * data-modifying CTE exactly once, read or not; the final query returns the rows of the CTEs
 * registered with `returning` (same table, tagged by name).
 */
export class WriteStatement {
  readonly params: unknown[] = [];
  private readonly ctes: string[] = [];
  private readonly names = new Set<string>();
  private readonly returned: string[] = [];

  /** A placeholder for `value`. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds a CTE; returns its name (`name`, or `name_2`… when a writer adds the same kind twice). */
  with(name: string, sql: string): string {
    let unique = name;
    for (let n = 2; this.names.has(unique); n++) unique = `${name}_${n}`;
    this.names.add(unique);
    this.ctes.push(`${unique} AS (${sql})`);
    return unique;
  }

  /** Hands the rows of CTE `name` (a RETURNING *) back, with `change` set to the name. */
  returning(name: string): void {
    this.returned.push(`SELECT '${name}' AS change, ${name}.* FROM ${name}`);
  }

  async run(m: EntityManager): Promise<Array<Record<string, unknown>>> {
    if (!this.ctes.length) return [];
    const result = this.returned.length ? this.returned.join(' UNION ALL ') : 'SELECT NULL AS change WHERE false';
    return preparedQuery(m, `WITH ${this.ctes.join(',\n')}\n${result}`, this.params);
  }
}
