import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LeasedQueue } from '../../common/leased-queue.js';
import { sql, sqlOne } from '../../database/sql.js';

export const RULE_SIMULATION_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;
export type RuleSimulationStatus = (typeof RULE_SIMULATION_STATUSES)[number];

/** A simulation as lists show it: everything but the result. */
export interface RuleSimulationSummaryRow {
  id: string;
  rule_set_key: string;
  candidate_version: number;
  status: RuleSimulationStatus;
  evaluated: number;
  total: number | null;
  error: string | null;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface RuleSimulationRow<R = unknown> extends RuleSimulationSummaryRow {
  /** Set once completed. */
  result: R | null;
}

/** A simulation claimed by a worker; `attempt` identifies the claim in every later write. */
export interface ClaimedRuleSimulation {
  id: string;
  rule_set_key: string;
  candidate_version: number;
  attempt: number;
  /** `failed` when its earlier runs were lost too often: the claim gave it up instead of running it. */
  status: 'running' | 'failed';
}

export interface NewRuleSimulation {
  ruleSetKey: string;
  candidateVersion: number;
  createdBy: string;
  createdAt: Date;
}

export interface RuleSimulationFilter {
  ruleSetKey?: string;
  status?: RuleSimulationStatus;
  limit: number;
  offset: number;
}

const SUMMARY_COLUMNS = `id, rule_set_key, candidate_version, status, evaluated, total, error, created_by, created_at, started_at, finished_at`;

const QUEUE = new LeasedQueue({
  table: 'rule_simulations',
  pending: 'pending',
  leased: 'running',
  order: 'q.created_at, q.id',
  job: {
    lost: { what: 'its run was lost', why: 'the replica running it stopped' },
    restart: { evaluated: '0', total: 'NULL' },
    columns: ['rule_set_key', 'candidate_version'],
  },
});

/**
 * The only code that reads and writes `rule_simulations`. A worker claims a simulation with a lease
 * in real (database) time, not the service clock: a manual clock must not keep a dead replica's
 * claim alive. Every write of a claimed simulation names the claim (`attempt`) and changes nothing
 * once another claim has taken it over.
 */
@Injectable()
export class RuleSimulationsRepository {
  /** A pending simulation. */
  async insert<R>(m: EntityManager, simulation: NewRuleSimulation): Promise<RuleSimulationRow<R>> {
    const row = await sqlOne<RuleSimulationRow<R>>(
      m,
      `INSERT INTO rule_simulations (rule_set_key, candidate_version, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING ${SUMMARY_COLUMNS}, result`,
      [simulation.ruleSetKey, simulation.candidateVersion, simulation.createdBy, simulation.createdAt],
    );
    return row!;
  }

  find<R>(m: EntityManager, id: string): Promise<RuleSimulationRow<R> | undefined> {
    return sqlOne<RuleSimulationRow<R>>(m, `SELECT ${SUMMARY_COLUMNS}, result FROM rule_simulations WHERE id = $1`, [id]);
  }

  /** Newest first. */
  async list(m: EntityManager, filter: RuleSimulationFilter): Promise<[RuleSimulationSummaryRow[], number]> {
    const where = `WHERE ($1::text IS NULL OR rule_set_key = $1) AND ($2::text IS NULL OR status = $2)`;
    const params = [filter.ruleSetKey ?? null, filter.status ?? null];
    const rows = await sql<RuleSimulationSummaryRow>(
      m,
      `SELECT ${SUMMARY_COLUMNS} FROM rule_simulations ${where} ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [...params, filter.limit, filter.offset],
    );
    const count = await sqlOne<{ n: number }>(m, `SELECT count(*)::int AS n FROM rule_simulations ${where}`, params);
    return [rows, count!.n];
  }

  /**
   * Claims the oldest simulation that is pending, or running under a lease that has run out (its
   * replica died), in one statement (SKIP LOCKED: replicas never claim the same one). One whose
   * claims were lost `maxAttempts` times is marked failed instead of being run again.
   */
  claim(m: EntityManager, startedAt: Date, leaseMs: number, maxAttempts: number): Promise<ClaimedRuleSimulation | undefined> {
    return QUEUE.claimNext<ClaimedRuleSimulation>(m, { startedAt, leaseMs, maxAttempts });
  }

  /** Progress of a claimed simulation, which also renews its lease; false when the claim is no longer this one. */
  progress(m: EntityManager, claim: ClaimedRuleSimulation, evaluated: number, total: number, leaseMs: number): Promise<boolean> {
    return QUEUE.renew(m, claim, leaseMs, { evaluated, total });
  }

  complete(m: EntityManager, claim: ClaimedRuleSimulation, evaluated: number, total: number, result: object, at: Date): Promise<void> {
    return QUEUE.finish(m, claim, 'completed', { evaluated, total, result: JSON.stringify(result), finished_at: at });
  }

  fail(m: EntityManager, claim: ClaimedRuleSimulation, evaluated: number, total: number | null, error: string, at: Date): Promise<void> {
    return QUEUE.finish(m, claim, 'failed', { evaluated, total, error, finished_at: at });
  }

  /**
   * Gives a claimed simulation back (the service is stopping): pending again, claimable at once by
   * any replica; a claim given back is not counted as lost.
   */
  release(m: EntityManager, claim: ClaimedRuleSimulation): Promise<void> {
    return QUEUE.release(m, claim, { started_at: null, evaluated: 0, total: null });
  }
}
