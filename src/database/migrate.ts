import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { fromProjectRoot } from '../common/paths.js';
import { dataSourceOptions } from './data-source-options.js';

/** Replicas starting together must not run the same migration twice. */
const MIGRATION_LOCK = 'aimsflow.migrations';

export async function runMigrations(url: string): Promise<string[]> {
  return withMigrationLock(url, async (dataSource) => (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name));
}

async function withMigrationLock<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource(dataSourceOptions(url, { poolSize: 2 })).initialize();
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext($1))`, [MIGRATION_LOCK]);
    return await work(dataSource);
  } finally {
    await lock.end();
    await dataSource.destroy();
  }
}

/** Creates the database if the server does not have it yet (first start on the embedded cluster). */
export async function ensureDatabase(maintenanceUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Columns TypeORM cannot describe (xid8), kept by hand-written migration SQL only. */
const HAND_WRITTEN_COLUMNS = ['"tx_id"'];
const notHandWritten = (q: { query: string }) => !HAND_WRITTEN_COLUMNS.some((column) => q.query.includes(column));

/** Writes a migration with the SQL that brings the schema in line with the entities. */
async function generateMigration(url: string, name: string): Promise<string | undefined> {
  return withMigrationLock(url, async (dataSource) => {
    const log = await dataSource.driver.createSchemaBuilder().log();
    const sql = { upQueries: log.upQueries.filter(notHandWritten), downQueries: log.downQueries.filter(notHandWritten) };
    if (sql.upQueries.length === 0) return undefined;
    const timestamp = Date.now();
    const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${timestamp}`;
    const esc = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`');
    const file = fromProjectRoot('migrations', `${timestamp}-${name.replace(/[^A-Za-z0-9-]/g, '-').toLowerCase()}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
        `export class ${className} implements MigrationInterface {\n  name = '${className}';\n\n` +
        `  async up(q: QueryRunner): Promise<void> {\n${sql.upQueries.map((u) => `    await q.query(\`${esc(u.query)}\`);`).join('\n')}\n  }\n\n` +
        `  async down(q: QueryRunner): Promise<void> {\n${sql.downQueries.map((d) => `    await q.query(\`${esc(d.query)}\`);`).join('\n')}\n  }\n}\n`,
    );
    return file;
  });
}

async function revertLastMigration(url: string): Promise<void> {
  await withMigrationLock(url, (dataSource) => dataSource.undoLastMigration({ transaction: 'each' }));
}

export async function migrationCli(command: string | undefined, args: string[], url: string): Promise<void> {
  switch (command) {
    case 'run': {
      const applied = await runMigrations(url);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
      return;
    }
    case 'revert':
      await revertLastMigration(url);
      console.log('reverted the last migration');
      return;
    case 'generate': {
      const name = args[0];
      if (!name) throw new Error('usage: npm run migration:generate -- <Name>');
      const file = await generateMigration(url, name);
      console.log(file ? `wrote ${path.relative(process.cwd(), file)}; add it to migrations/index.ts` : 'no changes: the entities match the schema');
      return;
    }
    default:
      throw new Error('usage: migrate.js run | revert | generate <Name>');
  }
}
