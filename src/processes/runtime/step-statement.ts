import type { EntityManager } from 'typeorm';

/**
 * One SQL statement built from data-modifying CTEs, so everything a step writes costs a single
 * round trip. PostgreSQL runs every data-modifying CTE exactly once, read or not; the final
 * query returns the rows of the CTEs registered with `returning` (same table, tagged by name).
 */
export class StepStatement {
  readonly params: unknown[] = [];
  private readonly ctes: string[] = [];
  private readonly returned: string[] = [];

  /** A placeholder for `value`. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  with(name: string, sql: string): void {
    this.ctes.push(`${name} AS (${sql})`);
  }

  /** Hands the rows of CTE `name` (a RETURNING *) back, with `change` set to the name. */
  returning(name: string): void {
    this.returned.push(`SELECT '${name}' AS change, ${name}.* FROM ${name}`);
  }

  async run(m: EntityManager): Promise<Array<Record<string, unknown>>> {
    if (!this.ctes.length) return [];
    const result = this.returned.length ? this.returned.join(' UNION ALL ') : 'SELECT NULL AS change WHERE false';
    return m.query(`WITH ${this.ctes.join(',\n')}\n${result}`, this.params);
  }
}
