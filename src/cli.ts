import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createApp } from './bootstrap.js';
import { ROLES, SYSTEM_ACTOR } from './auth/roles.js';
import { AuthError, AuthErrorCode } from './auth/auth.errors.js';
import { TokensService } from './auth/tokens.service.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { openDatabase } from './database/database-runtime.js';
import { migrationCli, runMigrations } from './database/migrate.js';

const USAGE = `usage: npm run cli -- <command>
  token:create --subject <id> --roles <role,role> [--description <text>] [--expires-at <ISO 8601 date-time>]
      roles: ${ROLES.join(', ')}, or any role defined with POST /api/v1/roles
  migration:run | migration:revert | migration:generate <Name>
Uses DATABASE_URL, or the embedded database in AIMSFLOW_DATA_DIR (joining the running service's).`;

async function tokenCreate(args: string[], url: string, secretKey: Buffer | undefined): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { subject: { type: 'string' }, roles: { type: 'string' }, description: { type: 'string' }, 'expires-at': { type: 'string' } },
  });
  const roles = (values.roles ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (!values.subject || roles.length === 0) throw new Error(USAGE);
  await runMigrations(url);
  // The real service graph, so the token is created (and audited) exactly as the API does it.
  const app = await createApp({ databaseUrl: url, secretKey, logLevel: 'warn', auditSealIntervalMs: 3_600_000, bootstrapToken: false });
  try {
    const created = await app
      .get(TokensService)
      .create({ subject: values.subject, roles, description: values.description, expiresAt: values['expires-at'] }, { ...SYSTEM_ACTOR, subject: 'cli' }, 'cli')
      .catch((error: unknown) => {
        // The API names the field as /roles; here it is the option.
        throw error instanceof AuthError && error.code === AuthErrorCode.UnknownRole ? new Error(`--roles: ${error.message}`) : error;
      });
    process.stdout.write(`${created.token}\n`);
    const expiry = created.expiresAt ? `, expires ${created.expiresAt.toISOString()}` : '';
    process.stderr.write(`token ${created.id} for ${created.subject} (${created.roles.join(', ')}${expiry}); shown once, only its hash is stored\n`);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    if (command === 'token:create') await tokenCreate(args, database.url, config.secretKey ?? database.secretKey);
    else if (command.startsWith('migration:')) await migrationCli(command.slice('migration:'.length), args, database.url);
    else throw new Error(`unknown command "${command}"\n${USAGE}`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError || !(error instanceof Error) ? String(error instanceof Error ? error.message : error) : error.message}\n`,
  );
  process.exit(1);
});
