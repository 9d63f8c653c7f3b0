import { BadRequestException, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ConfigService } from '@nestjs/config';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { Authenticator } from './auth/authenticator.js';
import { ROLE_DESCRIPTIONS } from './auth/roles.js';
import { requireKnownContentType } from './common/content-type.middleware.js';
import { BODY_LIMIT, BODY_LIMIT_BYTES } from './common/limits.js';
import { rateLimiter } from './common/rate-limit.js';
import { notFoundOutsideRoutes, rawProblemBody, strayErrorAsProblem } from './common/raw-problem.js';
import { assignRequestId, newRequestId } from './common/request-id.middleware.js';
import { createValidationPipe } from './common/validation.js';
import { serveConsole } from './console/serve-console.js';
import { type AppConfig, loadConfig } from './config/app-config.js';

export const API_PREFIX = 'api/v1';

const API_DESCRIPTION = `aimsflow runs an ISO/IEC 42001 AI Management System as executable processes and declarative rules.

Every endpoint except \`/health\`, the docs and sign-in needs \`Authorization: Bearer <token>\` (an API token, or an access token of the organisation's OpenID provider) or the console's session cookie \`aimsflow_session\` (writes with the cookie need \`X-CSRF-Token\`). Roles:
${Object.entries(ROLE_DESCRIPTIONS)
  .map(([role, meaning]) => `- \`${role}\`: ${meaning}`)
  .join('\n')}

Errors are \`application/problem+json\` (RFC 9457) with \`errors: [{ pointer, message }]\` naming each bad field.`;

/** Express's body parsers: JSON, and BPMN XML as text (the handler gets the text, the BPMN parser reads it). */
function parseBodiesOnExpress(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('text', { limit: BODY_LIMIT, type: ['application/xml', 'text/xml', 'application/*+xml'] });
}

/**
 * The same on Fastify (the body limit is the adapter's), read as body-parser reads JSON: an empty
 * body is `{}` (Fastify's own parser refuses it), only an object or array is accepted, malformed JSON is a 400.
 */
function parseBodiesOnFastify(app: NestFastifyApplication): void {
  const json = (_req: unknown, body: Buffer, done: (error: Error | null, parsed?: unknown) => void) => {
    const text = body.toString('utf8');
    if (!text.trim()) return done(null, {});
    if (!/^\s*[[{]/.test(text)) return done(new BadRequestException('The JSON body must be an object or an array'));
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(new BadRequestException((error as Error).message));
    }
  };
  app.useBodyParser('application/json', {}, json);
  app.useBodyParser(/^application\/[\w.+-]+\+json\b/i, {}, json);
  app.useBodyParser(/^(application|text)\/([\w.+-]+\+)?xml\b/i, {}, (_req, body, done) => done(null, body.toString('utf8')));
  // Evidence uploads are streamed by their route (busboy on the raw request, with its own limit): Fastify must leave the body unread.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('multipart/form-data', (_req: unknown, _payload: unknown, done: (error: Error | null, body?: unknown) => void) => done(null));
}

/**
 * Fastify makes the request id itself (the logger's middleware then takes it as it is), so it
 * also echoes it here; on Express the logger does both.
 */
function fastifyAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: newRequestId,
    // A URL Fastify cannot decode never reaches a route, the hooks or Nest's filter: answer it as a problem here.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      reply
        .code(status)
        .header('X-Request-Id', request.id)
        .header('Content-Type', 'application/problem+json; charset=utf-8')
        .send(rawProblemBody({ url: request.url, id: request.id }, status, 'bad-request', error.message));
    },
  });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
  return adapter;
}

/** The HTTP application with every convention applied, on Express or Fastify; used by main.ts and by the tests alike. */
export async function createApp(overrides: Partial<AppConfig> = {}): Promise<INestApplication> {
  const module = AppModule.forRoot(overrides);
  const options = { bufferLogs: true, bodyParser: false };
  const fastify = (overrides.httpAdapter ?? loadConfig().httpAdapter) === 'fastify';
  const app = fastify
    ? await NestFactory.create<NestFastifyApplication>(module, fastifyAdapter(), options)
    : await NestFactory.create<NestExpressApplication>(module, options);
  app.useLogger(app.get(Logger));
  // Plain Node middleware, the same on both adapters (Fastify runs them through @fastify/middie), in
  // this order so that every answer, a 429 included, has its request id and the security headers.
  if (!fastify) (app as NestExpressApplication).disable('x-powered-by');
  app.use(assignRequestId);
  app.use(helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'validator.swagger.io'] } } }));
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  // Before the rate limiter: the console's static files are not API calls.
  app.use(serveConsole(config.get('consoleDir', { infer: true })));
  const authenticator = app.get(Authenticator);
  app.use(rateLimiter(config.get('rateLimitPerMinute', { infer: true }), (headers) => authenticator.principalOf(headers)));
  app.use(requireKnownContentType);
  if (fastify) parseBodiesOnFastify(app as NestFastifyApplication);
  else parseBodiesOnExpress(app as NestExpressApplication);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('aimsflow')
      .setDescription(API_DESCRIPTION)
      .setVersion('1')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        description: "A token from POST /api/v1/tokens, the CLI or the bootstrap output, or an access token of the organisation's OpenID provider",
      })
      .addCookieAuth('aimsflow_session', {
        type: 'apiKey',
        in: 'cookie',
        description: 'The console session (GET /api/v1/auth/login or POST /api/v1/auth/token-session)',
      })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  try {
    await app.init();
    if (!fastify) {
      // After Nest's routes: whatever they did not answer. (Fastify's not-found handler is Nest's own, through the problem filter.)
      (app as NestExpressApplication).use(notFoundOutsideRoutes);
      (app as NestExpressApplication).use(strayErrorAsProblem);
    }
  } catch (error) {
    // A start that fails half-way (an invalid rule or process file) must not leave workers and connections behind.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
