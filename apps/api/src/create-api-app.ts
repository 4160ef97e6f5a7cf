import { INestApplication, LogLevel, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import cookieParser from 'cookie-parser';
import { urlencoded } from 'express';
import { ApiModule } from './app.module';
import { serveOpenApi } from './openapi';
import { securityHeaders } from './web/security-headers';

/** The body limit sits above the 256 KB of files so the files rule can answer with its own message. */
const JSON_BODY_LIMIT = '1mb';
const KEEP_ALIVE_MS = 65_000;

/** The API as the mains serve it (`root`: ApiModule, or the server's root with the worker); e2e tests build the same app. */
export async function createApiApp(
  options: { quiet?: boolean; root?: Type; shutdownHooks?: boolean } = {},
): Promise<INestApplication<Server>> {
  const logger: LogLevel[] = options.quiet ? ['error'] : ['error', 'warn', 'log'];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest declares its options as a class yet takes a plain object
  const app = await NestFactory.create<NestExpressApplication>(options.root ?? ApiModule, { bodyParser: false, logger });
  // First, so every answer carries them: pages, files, API JSON and errors (a 413 included).
  app.use(securityHeaders());
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // Only the LTI endpoints take HTML form posts (a platform's login, its id_token, our picker).
  app.use('/api/v1/lti', urlencoded({ extended: false, limit: '256kb' }));
  app.use(cookieParser());
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
  serveOpenApi(app);
  // The mains install their own SIGTERM handling (drain, then exit 0); e2e tests keep Nest's.
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  // Node closes idle keep-alive sockets after 5 s; a client reusing one at that moment gets
  // ECONNRESET on a request that may not be safe to retry (a submit). Clients close theirs after
  // about 4 s, so the server keeping them longer means the client always closes first.
  const server = app.getHttpServer();
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return app;
}
