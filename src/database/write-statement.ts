import type { EntityManager } from 'typeorm';
import { preparedQuery } from './prepared-query.js';

/** The rows a statement handed back, by the CTE names `WriteStatement.with` returned. */
export class WriteResult {
  constructor(private readonly rows: Array<Record<string, unknown>>) {}

  of<T = Record<string, unknown>>(cte: string): T[] {
    return this.rows.filter((row) => row.change === cte) as T[];
  }
}

/**
 * One SQL statement built from data-modifying CTEs, so everything a change writes (its rows, their
 * history, audit events and outbox events) costs a single round trip. PostgreSQL runs every
 * data-modifying CTE exactly once, read or not. Writers never assume a CTE's name: `with` returns
 * the name it gave (`name`, or `name_2`… when the same kind is added twice), and a writer that
 * refers to another CTE, or wants its rows back, uses that returned name.
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

  /** Adds a CTE; returns its unique name. */
  with(name: string, sql: string): string {
    let unique = name;
    for (let n = 2; this.names.has(unique); n++) unique = `${name}_${n}`;
    this.names.add(unique);
    this.ctes.push(`${unique} AS (${sql})`);
    return unique;
  }

  /** Hands the rows of a CTE (one with `RETURNING *`) back in `WriteResult.of(cte)`. */
  returning(cte: string): void {
    if (!this.names.has(cte)) throw new Error(`WriteStatement: no CTE named ${cte}`);
    this.returned.push(`SELECT '${cte}' AS change, ${cte}.* FROM ${cte}`);
  }

  async run(m: EntityManager): Promise<WriteResult> {
    if (!this.ctes.length) return new WriteResult([]);
    const result = this.returned.length ? this.returned.join(' UNION ALL ') : 'SELECT NULL AS change WHERE false';
    return new WriteResult(await preparedQuery(m, `WITH ${this.ctes.join(',\n')}\n${result}`, this.params));
  }
}
