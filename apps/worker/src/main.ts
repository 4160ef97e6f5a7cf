// The worker alone: `npm run start:worker` (the compose route runs it in its own container).
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { errorMessage, loadAppConfig } from '@asynclab/config';
import { assertWorkerCanStart } from './preflight';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  await assertWorkerCanStart(loadAppConfig());
  const app = await NestFactory.createApplicationContext(WorkerModule);
  app.enableShutdownHooks();
}

bootstrap().catch((error: unknown) => {
  new Logger('worker').error(errorMessage(error));
  process.exit(1);
});
