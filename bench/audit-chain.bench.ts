import { createHash } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AuditTrailService } from '../src/audit-trail/audit-trail.service.js';
import { AuditEventsRepository } from '../src/audit-trail/repositories/audit-events.repository.js';
import type { AppConfig } from '../src/config/app-config.js';
import { Database } from '../src/database/database.js';
import { WorkerHost } from '../src/workers/worker-host.js';
import { SystemClock } from '../src/clock/clock.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { benchDatabase, log } from './bench-database.js';

const CLIENTS = 32;
const DURATION_MS = 10_000;

type Write = (client: pg.PoolClient, i: number) => Promise<void>;

/** The register's write: the change and its audit event, in one transaction (as the service does). */
const insertChange = (client: pg.PoolClient, i: number) =>
  client.query(`INSERT INTO ai_systems (name, intended_purpose, roles, created_by, version) VALUES ($1, 'bench', '{deployer}', 'bench', 1)`, [`system ${i}`]);

const auditRow = (i: number) => ['bench', 'ai-system.registered', 'ai-system', String(i), JSON.stringify({ name: `system ${i}` })];

/** Today's design: insert the event, the background sealer chains it later. */
const asyncChain: Write = async (client, i) => {
  await insertChange(client, i);
  await client.query(`INSERT INTO audit_events (occurred_at, actor, action, subject_type, subject_id, after) VALUES (now(), $1, $2, $3, $4, $5)`, auditRow(i));
};

/** The alternative: every writer takes the chain lock, reads the last hash and chains in-line. */
const lockedChain: Write = async (client, i) => {
  await insertChange(client, i);
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('bench.audit-chain'))`);
  const { rows } = await client.query(`SELECT seq, hash FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`);
  const seq = BigInt(rows[0]?.seq ?? 0) + 1n;
  const row = auditRow(i);
  const hash = createHash('sha256')
    .update((rows[0]?.hash ?? '') + JSON.stringify(row))
    .digest('hex');
  await client.query(
    `INSERT INTO audit_events (occurred_at, actor, action, subject_type, subject_id, after, seq, prev_hash, hash, sealed_at)
     VALUES (now(), $1, $2, $3, $4, $5, $6, $7, $8, now())`,
    [...row, seq.toString(), rows[0]?.hash ?? null, hash],
  );
};

/** Runs the service's own sealer every 500 ms while `work` runs, as the service does. */
async function withSealer<T>(url: string, work: () => Promise<T>): Promise<T> {
  const dataSource = await new DataSource(dataSourceOptions(url, { poolSize: 2 })).initialize();
  // The service's own classes, wired by hand: the sealer needs nothing else of the application.
  const config = new ConfigService<AppConfig, true>({ dbRetryAttempts: 4 });
  const audit = new AuditTrailService(
    new Database(dataSource, config),
    new AuditEventsRepository(),
    new SystemClock(),
    new WorkerHost(config, new SchedulerRegistry()),
  );
  let stop = false;
  const sealing = (async () => {
    while (!stop) {
      await audit.sealPending();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await audit.sealPending();
  })();
  const result = await work().finally(() => (stop = true));
  await sealing;
  const verified = await audit.verify();
  await dataSource.destroy();
  if (!verified.valid || verified.pending) throw new Error(`the chain did not verify after the run: ${JSON.stringify(verified)}`);
  return result;
}

async function measure(pool: pg.Pool, write: Write): Promise<number> {
  let done = 0;
  const end = performance.now() + DURATION_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < end) {
          await client.query('BEGIN');
          await write(client, done);
          await client.query('COMMIT');
          done++;
        }
      } finally {
        client.release();
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/**
 * Issue 2: what a single chain lock held until commit costs in write throughput, against inserting
 * in the transaction and sealing in the background (with the sealer running, and verified after).
 */
export async function auditChainBench(): Promise<Record<string, number>> {
  const db = await benchDatabase('bench_audit');
  const pool = new pg.Pool({ connectionString: db.url, max: CLIENTS });
  pool.on('error', () => undefined); // connections cut when the throw-away cluster stops
  try {
    await measure(pool, asyncChain); // warm-up
    const asyncTps = await withSealer(db.url, () => measure(pool, asyncChain));
    const lockedTps = await measure(pool, lockedChain);
    log(`audit chain, ${CLIENTS} writers: sealed in background ${asyncTps.toFixed(0)} tx/s; chain lock until commit ${lockedTps.toFixed(0)} tx/s`);
    return { asyncChainTps: Math.round(asyncTps), lockedChainTps: Math.round(lockedTps), lockedToAsyncRatio: Number((lockedTps / asyncTps).toFixed(2)) };
  } finally {
    await pool.end();
    await db.close();
  }
}
