import { INestApplication, LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiModule } from './app.module';

/** The body limit sits above the 256 KB of files so the files rule can answer with its own message. */
const JSON_BODY_LIMIT = '1mb';

/** The API as main.ts serves it; e2e tests build the same app. */
export async function createApiApp(options: { quiet?: boolean } = {}): Promise<INestApplication> {
  const logger: LogLevel[] = options.quiet ? ['error'] : ['error', 'warn', 'log'];
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bodyParser: false, logger });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
  app.enableShutdownHooks();
  return app;
}
