import type { EntityManager } from 'typeorm';
import { isDatabaseUnavailable } from './database-errors.js';

let savepoints = 0;

/**
 * Runs `work` in a savepoint of the caller's transaction: when it fails, what it did is rolled
 * back alone and the error is returned instead of thrown, so the rest of the transaction goes on.
 * A deadlock, lock timeout or lost connection is thrown on: the whole transaction must run again.
 */
export async function inSavepoint(m: EntityManager, work: () => Promise<unknown>): Promise<unknown> {
  const name = `aimsflow_${++savepoints}`;
  await m.query(`SAVEPOINT ${name}`);
  try {
    await work();
    await m.query(`RELEASE SAVEPOINT ${name}`);
    return undefined;
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    await m.query(`ROLLBACK TO SAVEPOINT ${name}`);
    return error ?? new Error('unknown failure');
  }
}
