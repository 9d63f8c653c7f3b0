import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../src/database/embedded-postgres.js';
import { ensureDatabase, runMigrations } from '../src/database/migrate.js';
import { freePort } from '../test/helpers/free-port.js';

/** A throw-away embedded PostgreSQL with the real migrations, or BENCH_DATABASE_URL's server. */
export async function benchDatabase(name: string): Promise<{ url: string; close(): Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    await ensureDatabase(given, name);
    const url = new URL(given);
    url.pathname = `/${name}`;
    await runMigrations(url.toString());
    return { url: url.toString(), close: async () => undefined };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `aimsflow-bench-${name}-`));
  chmodSync(dir, 0o755);
  const cluster = await startEmbeddedDatabase({ dir, port: await freePort(), ephemeral: true });
  await ensureDatabase(cluster.url, name);
  const url = cluster.urlFor(name);
  await runMigrations(url);
  return {
    url,
    close: async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
