// The worker alone: `npm run start:worker` (the compose route runs it in its own container).
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { errorMessage, loadAppConfig } from '@asynclab/config';
import { assertWorkerCanStart } from './preflight';
import { WorkerModule } from './worker.module';
import { exitGracefullyOn } from './shutdown/exit-gracefully';
import { WorkerShutdownService } from './shutdown/worker-shutdown.service';

async function bootstrap(): Promise<void> {
  await assertWorkerCanStart(loadAppConfig());
  const app = await NestFactory.createApplicationContext(WorkerModule);
  exitGracefullyOn(async () => {
    await app.get(WorkerShutdownService).drain();
    await app.close();
  });
}

bootstrap().catch((error: unknown) => {
  new Logger('worker').error(errorMessage(error));
  process.exit(1);
});
