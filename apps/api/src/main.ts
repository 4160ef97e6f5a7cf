// The API (and, on a single machine, the worker in the same process): `npm start`.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadAppConfig } from '@asynclab/config';
import { WorkerModule } from '../../worker/src/worker.module';
import { assertWorkerCanStart } from '../../worker/src/preflight';
import { createApiApp } from './create-api-app';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  if (config.workerInProcess) await assertWorkerCanStart(config);
  const app = await createApiApp();
  if (config.workerInProcess) {
    const worker = await NestFactory.createApplicationContext(WorkerModule);
    worker.enableShutdownHooks();
  }
  await app.listen(config.port);
  new Logger('api').log(`asynclab serves http://localhost:${config.port}`);
}

bootstrap().catch((error: Error) => {
  new Logger('api').error(error.message);
  process.exit(1);
});
