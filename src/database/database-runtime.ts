import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSecretKey, parseSecretKey } from '../common/secret-box.js';
import { type AppConfig, ConfigError } from '../config/app-config.js';
import { startEmbeddedDatabase } from './embedded-postgres.js';
import { ensureDatabase } from './migrate.js';

export const EMBEDDED_DATABASE_NAME = 'aimsflow';

export interface DatabaseRuntime {
  url: string;
  embedded: boolean;
  /** The embedded database's own AIMSFLOW_SECRET_KEY, kept beside its data (`secret-key`). */
  secretKey?: Buffer;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in AIMSFLOW_DATA_DIR (started or joined). */
export async function openDatabase(config: AppConfig, log: (message: string) => void = () => undefined): Promise<DatabaseRuntime> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const cluster = await startEmbeddedDatabase({ dir: config.dataDir, port: config.embeddedPgPort, log });
  await ensureDatabase(cluster.url, EMBEDDED_DATABASE_NAME);
  return { url: cluster.urlFor(EMBEDDED_DATABASE_NAME), embedded: true, secretKey: embeddedSecretKey(config.dataDir), stop: cluster.stop };
}

/** Created with the data folder, so webhook secrets are sealed without any set-up; back it up with the data. */
function embeddedSecretKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret-key');
  if (!existsSync(file)) writeFileSync(file, `${generateSecretKey()}\n`, { mode: 0o600 });
  const key = parseSecretKey(readFileSync(file, 'utf8'));
  if (!key) throw new ConfigError('AIMSFLOW_SECRET_KEY', `is not set, and ${file} does not hold a valid key (32 bytes, base64)`);
  return key;
}
