/**
 * Another module's row locked in the same statement as a process instance (the task a completion
 * closes, ADR 0003): `target` selects the instance id as `id` from `$1`, `join` joins the row (alias
 * `alias`) using `$1`, `columns` selects its columns. The row's owning repository writes the pieces;
 * the instances repository runs the statement.
 */
export interface LockedAlongside {
  target: string;
  join: string;
  alias: string;
  columns: string;
}
