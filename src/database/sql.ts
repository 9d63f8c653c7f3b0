import type { EntityManager } from 'typeorm';

/**
 * Runs hand-written SQL and types its rows: repositories declare the shape of each query's rows
 * instead of taking `any` from `EntityManager.query`.
 */
export async function sql<T extends object>(m: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  return (await m.query(text, params)) as T[];
}

/** The first row of `sql`, or undefined. */
export async function sqlOne<T extends object>(m: EntityManager, text: string, params: unknown[] = []): Promise<T | undefined> {
  return (await sql<T>(m, text, params))[0];
}
