import type { EntityManager } from 'typeorm';
import { sql } from '../database/sql.js';

/**
 * The work-queue half of a table whose rows background workers take under a lease: claim with
 * `FOR UPDATE SKIP LOCKED` (replicas never take the same row), renew, settle, give back, retry with
 * backoff. The table stays its repository's: the repository builds one `LeasedQueue` with its table,
 * statuses and order, and is the only code that calls it. Every statement is one round trip; rows
 * are read through a CTE (TypeORM answers an UPDATE … RETURNING bare as [rows, count]). In the SQL
 * given to it, `q` is the table's alias.
 *
 * The table has `id`, `status`, `attempts` and `lease_until` columns.
 */
export interface LeasedQueueTable {
  table: string;
  /** Status of a row waiting to be taken. */
  pending: string;
  /** Status of a row a worker holds under its lease. */
  leased: string;
  /** Which rows go first, e.g. `q.created_at, q.id`. */
  order: string;
  /** For jobs taken one at a time (`claimNext`). */
  job?: {
    /** Why a job lost too often is failed: what was lost, and why (`its run was lost` … `the replica running it stopped`). */
    lost: { what: string; why: string };
    /** Columns a new attempt sets (SQL over `$1`, the start time), e.g. `{ evaluated: '0' }`. */
    restart: Record<string, string>;
    /** Columns the claim returns besides `id`, `attempt` and `status`. */
    columns: string[];
  };
}

/** A claim of a job taken one at a time; `attempt` identifies it in every later write. */
export interface LeasedClaim {
  id: string;
  attempt: number;
}

/** `col = $n` assignments for values, numbered from `first`. */
function assignments(values: Record<string, unknown>, first: number): { text: string; params: unknown[] } {
  const entries = Object.entries(values);
  return { text: entries.map(([column], i) => `, ${column} = $${first + i}`).join(''), params: entries.map(([, value]) => value) };
}

export class LeasedQueue {
  constructor(private readonly t: LeasedQueueTable) {}

  /**
   * Jobs taken one at a time (audit packs, rule simulations): the first row that is pending, or
   * leased under a lease that ran out in database time (its replica died), is leased for `leaseMs`
   * with its attempts counted; one already lost `maxAttempts` times is failed instead (`status`
   * failed, `error` saying what was lost how often and why, `finished_at`), keeping what it had.
   * Returns `id`, `attempt`, `status` and the table's `job.columns`.
   */
  async claimNext<R extends object>(m: EntityManager, at: { startedAt: Date; leaseMs: number; maxAttempts: number }): Promise<R | undefined> {
    const { table, pending, leased, order, job } = this.t;
    if (!job) throw new Error(`${table} is not a queue of jobs`);
    const given = 'q.attempts >= $3';
    const restart = Object.entries({ started_at: '$1::timestamptz', ...job.restart })
      .map(([column, value]) => `, ${column} = CASE WHEN ${given} THEN q.${column} ELSE ${value} END`)
      .join('');
    const [row] = await sql<R>(
      m,
      `WITH next AS (
         SELECT id FROM ${table} q
          WHERE status = '${pending}' OR (status = '${leased}' AND lease_until < clock_timestamp())
          ORDER BY ${order}
          LIMIT 1
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE ${table} q
            SET status = CASE WHEN ${given} THEN 'failed' ELSE '${leased}' END,
                error = CASE WHEN ${given} THEN 'Given up: ${job.lost.what} ' || q.attempts || ' times (${job.lost.why})' END,
                finished_at = CASE WHEN ${given} THEN $1::timestamptz END,
                attempts = CASE WHEN ${given} THEN q.attempts ELSE q.attempts + 1 END,
                lease_until = CASE WHEN ${given} THEN NULL ELSE clock_timestamp() + $2::int * interval '1 millisecond' END${restart}
           FROM next WHERE q.id = next.id
         RETURNING q.id, q.attempts, q.status${job.columns.map((c) => `, q.${c}`).join('')})
       SELECT id, attempts AS attempt, status${job.columns.map((c) => `, ${c}`).join('')} FROM claimed`,
      [at.startedAt, at.leaseMs, at.maxAttempts],
    );
    return row;
  }

  /** Progress of a claim, which renews its lease (database time); false when the claim is no longer this one. */
  async renew(m: EntityManager, claim: LeasedClaim, leaseMs: number, values: Record<string, unknown>): Promise<boolean> {
    const set = assignments(values, 4);
    const rows = await sql<{ id: string }>(
      m,
      `WITH renewed AS (
         UPDATE ${this.t.table} SET lease_until = clock_timestamp() + $3::int * interval '1 millisecond'${set.text}
          WHERE id = $1 AND attempts = $2 AND status = '${this.t.leased}' RETURNING id)
       SELECT id FROM renewed`,
      [claim.id, claim.attempt, leaseMs, ...set.params],
    );
    return rows.length > 0;
  }

  /** Ends a claim with `status` and these values; nothing when another claim has taken the row over. */
  finish(m: EntityManager, claim: LeasedClaim, status: string, values: Record<string, unknown>): Promise<void> {
    return this.end(m, claim, status, values);
  }

  /** Gives a claim back (the service is stopping): pending again for any replica, not counted as lost. */
  release(m: EntityManager, claim: LeasedClaim, values: Record<string, unknown> = {}): Promise<void> {
    return this.end(m, claim, this.t.pending, values, ', attempts = attempts - 1');
  }

  /**
   * Items sent to a peer (webhook and notification deliveries): up to `limit` rows due at `now`
   * (`next_attempt_at`), pending or leased under a lease that ran out, leased until `now + leaseMs`
   * (the service clock) with their attempts counted. `where` narrows the rows (over `q`, `$1` is
   * now); `returning` and `select` (over the CTE `claimed`) say what the caller gets.
   */
  claimDue<R extends object>(
    m: EntityManager,
    at: { now: Date; limit: number; leaseMs: number },
    items: { where?: string; returning: string; select: string },
  ): Promise<R[]> {
    const { table, pending, leased, order } = this.t;
    return sql<R>(
      m,
      `WITH due AS (
         SELECT q.id FROM ${table} q
          WHERE q.status IN ('${pending}', '${leased}') AND q.next_attempt_at <= $1
            AND (q.status = '${pending}' OR q.lease_until < $1)${items.where ? ` AND ${items.where}` : ''}
          ORDER BY ${order}
          LIMIT $2
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE ${table} q SET status = '${leased}', attempts = q.attempts + 1, lease_until = $1::timestamptz + ($3 || ' milliseconds')::interval
           FROM due WHERE q.id = due.id
         RETURNING ${items.returning})
       ${items.select}`,
      [at.now, at.limit, String(at.leaseMs)],
    );
  }

  /** An item delivered: `status` with these values, its lease ended. */
  async settle(m: EntityManager, id: string, status: string, values: Record<string, unknown>): Promise<void> {
    const set = assignments(values, 3);
    await sql(m, `WITH done AS (UPDATE ${this.t.table} SET status = $2, lease_until = NULL${set.text} WHERE id = $1 RETURNING id) SELECT id FROM done`, [
      id,
      status,
      ...set.params,
    ]);
  }

  /** A failed attempt at an item: due again at `nextAttemptAt` (the caller's backoff), or `failed` for good. */
  async retry(m: EntityManager, id: string, giveUp: boolean, nextAttemptAt: Date, values: Record<string, unknown>): Promise<void> {
    await this.settle(m, id, giveUp ? 'failed' : this.t.pending, { next_attempt_at: nextAttemptAt, ...values });
  }

  private async end(m: EntityManager, claim: LeasedClaim, status: string, values: Record<string, unknown>, extra = ''): Promise<void> {
    const set = assignments(values, 4);
    await sql(
      m,
      `WITH done AS (
         UPDATE ${this.t.table} SET status = $3, lease_until = NULL${extra}${set.text}
          WHERE id = $1 AND attempts = $2 AND status = '${this.t.leased}' RETURNING id)
       SELECT id FROM done`,
      [claim.id, claim.attempt, status, ...set.params],
    );
  }
}
