import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ConfigService } from '@nestjs/config';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ROLE_DESCRIPTIONS } from './auth/roles.js';
import { requireKnownContentType } from './common/content-type.middleware.js';
import { BODY_LIMIT } from './common/limits.js';
import { rateLimiter } from './common/rate-limit.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';

export const API_PREFIX = 'api/v1';

const API_DESCRIPTION = `aimsflow runs an ISO/IEC 42001 AI Management System as executable processes and declarative rules.

Every endpoint except \`/health\` and the docs needs \`Authorization: Bearer <token>\`. Roles:
${Object.entries(ROLE_DESCRIPTIONS)
  .map(([role, meaning]) => `- \`${role}\`: ${meaning}`)
  .join('\n')}

Errors are \`application/problem+json\` (RFC 9457) with \`errors: [{ pointer, message }]\` naming each bad field.`;

/** The HTTP application with every convention applied; used by main.ts and by the tests alike. */
export async function createApp(overrides: Partial<AppConfig> = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(overrides), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(rateLimiter(app.get<ConfigService<AppConfig, true>>(ConfigService).get('rateLimitPerMinute', { infer: true })));
  app.use(helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'validator.swagger.io'] } } }));
  app.use(requireKnownContentType);
  app.useBodyParser('json', { limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  // BPMN definitions are deployed as XML; the handler gets the text, the BPMN parser reads it.
  app.useBodyParser('text', { limit: BODY_LIMIT, type: ['application/xml', 'text/xml', 'application/*+xml'] });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('aimsflow')
      .setDescription(API_DESCRIPTION)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A token from POST /api/v1/tokens, the CLI, or the bootstrap output' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  try {
    await app.init();
  } catch (error) {
    // A start that fails half-way (an invalid rule or process file) must not leave workers and connections behind.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
