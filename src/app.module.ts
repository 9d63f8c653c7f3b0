import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { newRequestId } from './common/request-id.middleware.js';
import { AiSystemsModule } from './ai-systems/ai-systems.module.js';
import { AuditTrailModule } from './audit-trail/audit-trail.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClockModule } from './clock/clock.module.js';
import { JsonShapeGuard } from './common/json-shape.guard.js';
import { ProblemFilter } from './common/problem.filter.js';
import { type AppConfig, loadConfig } from './config/app-config.js';
import { EngineSettings } from './config/engine-settings.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { DatabaseModule } from './database/database.module.js';
import { WorkersModule } from './workers/workers.module.js';
import { ControlsModule } from './controls/controls.module.js';
import { HealthModule } from './health/health.module.js';
import { ClockControlModule } from './processes/jobs/clock-control.module.js';
import { ProcessesModule } from './processes/processes.module.js';
import { RulesModule } from './rules/rules.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { FormsModule } from './forms/forms.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';
import { AuditsModule } from './audits/audits.module.js';
import { ImpactAssessmentsModule } from './impact-assessments/impact-assessments.module.js';
import { NonconformitiesModule } from './nonconformities/nonconformities.module.js';
import { RisksModule } from './risks/risks.module.js';
import { ModelChangesModule } from './model-changes/model-changes.module.js';
import { PeopleModule } from './people/people.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { AuditPacksModule } from './audit-packs/audit-packs.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { EvidenceModule } from './evidence/evidence.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { ObligationsModule } from './obligations/obligations.module.js';
import { PoliciesModule } from './policies/policies.module.js';
import { ObjectivesModule } from './objectives/objectives.module.js';
import { ManagementReviewModule } from './management-review/management-review.module.js';

@Module({})
export class AppModule {
  /**
   * @param overrides values that win over the environment (tests, and main.ts once it knows the
   * embedded database's URL). The environment itself is validated either way.
   */
  static forRoot(overrides: Partial<AppConfig> = {}): DynamicModule {
    // Which controllers exist is decided here, before the config service: the clock route only in manual mode.
    const clock = overrides.clock ?? loadConfig().clock;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: (env) => ({ ...loadConfig(env as Record<string, string | undefined>), ...overrides }),
        }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AppConfig, true>) => ({
            pinoHttp: {
              level: config.get('logLevel', { infer: true }),
              // assignRequestId ran first and echoed it.
              genReqId: (req: IncomingMessage & { id?: unknown }) => String(req.id ?? newRequestId(req)),
              redact: ['req.headers.authorization', 'req.headers.cookie'],
              autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
            },
          }),
        }),
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AppConfig, true>) => {
            const url = config.get('databaseUrl', { infer: true });
            if (!url) throw new Error('DATABASE_URL is not set and no embedded database was started');
            return dataSourceOptions(url, {
              preparedStatements: config.get('preparedStatements', { infer: true }),
              lockTimeoutMs: config.get('dbLockTimeoutMs', { infer: true }),
              statementTimeoutMs: config.get('dbStatementTimeoutMs', { infer: true }),
            });
          },
        }),
        ScheduleModule.forRoot(),
        DatabaseModule,
        WorkersModule,
        ClockModule,
        AuditTrailModule,
        WebhooksModule,
        IdempotencyModule,
        PeopleModule,
        NotificationsModule,
        AuthModule,
        HealthModule,
        RulesModule,
        AiSystemsModule,
        ControlsModule,
        FormsModule,
        ProcessesModule,
        TasksModule,
        ImpactAssessmentsModule,
        RisksModule,
        NonconformitiesModule,
        AuditsModule,
        IncidentsModule,
        ObligationsModule,
        PoliciesModule,
        ObjectivesModule,
        ManagementReviewModule,
        ModelChangesModule,
        EvidenceModule,
        DocumentsModule,
        AuditPacksModule,
        ClockControlModule.register(clock === 'manual'),
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }, { provide: APP_GUARD, useClass: JsonShapeGuard }, EngineSettings],
    };
  }
}
