// The API (and, on a single machine, the worker in the same process): `npm start`.
import 'reflect-metadata';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadAppConfig } from '@asynclab/config';
import { WorkerModule } from '../../worker/src/worker.module';
import { assertWorkerCanStart } from '../../worker/src/preflight';
import { exitGracefullyOn } from '../../worker/src/shutdown/exit-gracefully';
import { WorkerShutdownService } from '../../worker/src/shutdown/worker-shutdown.service';
import { createApiApp } from './create-api-app';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  if (config.workerInProcess) await assertWorkerCanStart(config);
  const app = await createApiApp({ shutdownHooks: false });
  let worker: INestApplicationContext | null = null;
  if (config.workerInProcess) worker = await NestFactory.createApplicationContext(WorkerModule);
  // On SIGTERM: the worker finishes or hands back its runs, then the API ends every open event
  // stream (each browser reconnects elsewhere or later) and closes; the process exits 0.
  exitGracefullyOn(async () => {
    await worker?.get(WorkerShutdownService).drain();
    await app.close();
    await worker?.close();
  });
  await app.listen(config.port);
  new Logger('api').log(`asynclab serves http://localhost:${config.port}`);
}

bootstrap().catch((error: Error) => {
  new Logger('api').error(error.message);
  process.exit(1);
});
