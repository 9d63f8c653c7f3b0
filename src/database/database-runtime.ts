import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedDatabase } from './embedded-postgres.js';
import { ensureDatabase } from './migrate.js';

export const EMBEDDED_DATABASE_NAME = 'aimsflow';

export interface DatabaseRuntime {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in AIMSFLOW_DATA_DIR (started or joined). */
export async function openDatabase(config: AppConfig, log: (message: string) => void = () => undefined): Promise<DatabaseRuntime> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const cluster = await startEmbeddedDatabase({ dir: config.dataDir, port: config.embeddedPgPort, log });
  await ensureDatabase(cluster.url, EMBEDDED_DATABASE_NAME);
  return { url: cluster.urlFor(EMBEDDED_DATABASE_NAME), embedded: true, stop: cluster.stop };
}
