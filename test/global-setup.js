// Runs in plain Node, outside Jest's module system, so it uses the compiled service from dist/
// (`npm test` builds first, see the "pretest" script).
import 'reflect-metadata';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import pg from 'pg';
import { startEmbeddedDatabase } from '../dist/src/database/embedded-postgres.js';
import { runMigrations } from '../dist/src/database/migrate.js';

const TEMPLATE_DATABASE = 'aimsflow_test_template';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL once for the whole run (embedded, unless TEST_DATABASE_URL is given) and
 * migrates a template database with the real migrations; each test file clones the template.
 */
export default async function globalSetup() {
  // Each database tier names this setup; the first one selected in a run does the work.
  if (globalThis.__AIMSFLOW_TEST_SETUP__) return;
  globalThis.__AIMSFLOW_TEST_SETUP__ = true;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // Under the system temp folder: the postgres user (when we run as root) can reach it.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aimsflow-test-'));
    chmodSync(dir, 0o755);
    const cluster = await startEmbeddedDatabase({ dir, port: await freePort(), ephemeral: true });
    globalThis.__AIMSFLOW_PG__ = cluster;
    serverUrl = cluster.url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await runMigrations(templateUrl.toString());
  process.env.AIMSFLOW_TEST_SERVER_URL = serverUrl;
}
