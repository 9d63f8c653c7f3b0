import pg from 'pg';

export default async function globalTeardown() {
  // Named by each database tier, like the setup: the first call tears down.
  if (!globalThis.__AIMSFLOW_TEST_SETUP__) return;
  globalThis.__AIMSFLOW_TEST_SETUP__ = false;
  if (globalThis.__AIMSFLOW_PG__) {
    await globalThis.__AIMSFLOW_PG__.stop();
    return;
  }
  // An external server (TEST_DATABASE_URL): drop what this run created.
  const admin = new pg.Client({ connectionString: process.env.AIMSFLOW_TEST_SERVER_URL });
  await admin.connect();
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'aimsflow_test_%'`);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
  await admin.end();
}
