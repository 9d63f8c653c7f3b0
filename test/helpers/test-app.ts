import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { SYSTEM_ACTOR } from '../../src/auth/roles.js';
import { TokensService } from '../../src/auth/tokens.service.js';
import { createApp } from '../../src/bootstrap.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { createTestDatabase, dropTestDatabase } from './test-database.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdefghijklmnop';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  db: pg.Pool;
  databaseUrl: string;
  /** A token for a new person with these roles (built-in or defined); returns the bearer secret. */
  tokenFor(subject: string, ...roles: string[]): Promise<string>;
  close(): Promise<void>;
}

/** The real application on its own fresh database, driven over real HTTP by supertest. */
export async function createTestApp(overrides: Partial<AppConfig> = {}, database?: { url: string; name: string }): Promise<TestApp> {
  const own = database ?? (await createTestDatabase());
  const app = await createApp({
    databaseUrl: own.url,
    logLevel: (process.env.TEST_LOG_LEVEL as AppConfig['logLevel']) ?? 'silent',
    adminToken: ADMIN_TOKEN,
    rateLimitPerMinute: 100_000,
    // Test receivers listen on loopback, which webhooks may not reach unless allowed.
    webhookAllowedHosts: ['127.0.0.1'],
    ...overrides,
  });
  await app.listen(0, '127.0.0.1');
  const db = new pg.Pool({ connectionString: own.url, max: 3 });
  // An idle connection cut when the database is dropped is expected, not a failure of the test file.
  db.on('error', () => undefined);
  const tokens = app.get(TokensService);
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    databaseUrl: own.url,
    tokenFor: async (subject, ...roles) => (await tokens.create({ subject, roles }, SYSTEM_ACTOR)).token,
    close: async () => {
      try {
        await app.close();
      } finally {
        await db.end();
        if (!database) await dropTestDatabase(own.name);
      }
    },
  };
}
