import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { JsonLogger } from './common/logging/json-logger';
import { requestIdMiddleware } from './common/http/request-id.middleware';
import { configureHttp, configureWeb } from './web/web-setup';
import { httpLogging } from './common/logging/http-logging';
import type { StartupClock } from './common/startup/startup-clock';
import { noteActivity } from './common/memory/idle-release';
import { inputGuardMiddleware } from './common/input/input-guard.middleware';

/** Builds the configured app (used by main.ts and by the tests alike). */
export async function createApp(config: AppConfig, logger = new JsonLogger(config.logLevel), assetsDir?: string, clock?: StartupClock): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger.pino), { logger, bufferLogs: false });
  clock?.mark('nest');
  // a request means the app is not idle (memory is given back only when it is)
  app.use((_req: unknown, _res: unknown, next: () => void) => { noteActivity(); next(); });
  // first of all, so even a body the parser refuses is answered with a request id
  app.use(requestIdMiddleware);
  app.use(httpLogging(logger.pino));
  configureHttp(app, config);
  app.disable('x-powered-by');
  const trust = config.trustProxy ?? 'loopback';
  app.set('trust proxy', /^\d+$/.test(trust) ? Number(trust) : trust);
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '5mb' });
  // registered here rather than by Nest at init, so that forms pass the input guard too
  app.useBodyParser('urlencoded', { extended: false, limit: '100kb' });
  // after every body parser, before routing, guards and validation (src/common/input)
  app.use(inputGuardMiddleware);
  configureWeb(app, config, assetsDir);
  clock?.mark('assets');
  // built at the first request for /docs or /docs-json, not at every start (it costs about
  // 100 ms and half a megabyte that most processes never need)
  const document = () => SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('peercert API')
    .setDescription('Learning management for peer certification curricula: users, programs, cohorts, quizzes, hours, eligibility and certificates.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build());
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  app.enableShutdownHooks();
  return app;
}
