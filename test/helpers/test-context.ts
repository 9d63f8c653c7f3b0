import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { createTestDatabase, dropTestDatabase } from './test-database.js';

export interface TestContext {
  app: INestApplicationContext;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * The service's module graph without HTTP, on its own fresh database: the service tier calls
 * services and repositories directly. Background workers do not run on their own (tests drive them).
 */
export async function createTestContext(overrides: Partial<AppConfig> = {}, database?: { url: string; name: string }): Promise<TestContext> {
  const own = database ?? (await createTestDatabase());
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({
      databaseUrl: own.url,
      logLevel: (process.env.TEST_LOG_LEVEL as AppConfig['logLevel']) ?? 'silent',
      auditSealIntervalMs: 3_600_000,
      timerPollIntervalMs: 0,
      webhookPollIntervalMs: 0,
      modelEventPollIntervalMs: 0,
      idempotencySweepIntervalMs: 0,
      simulationPollIntervalMs: 0,
      auditPackPollIntervalMs: 0,
      sessionSweepIntervalMs: 0,
      ...overrides,
    }),
    { logger: false },
  );
  await app.init();
  return {
    app,
    databaseUrl: own.url,
    close: async () => {
      await app.close();
      if (!database) await dropTestDatabase(own.name);
    },
  };
}
