// `npm start`: the API and, unless WORKER_IN_PROCESS=false, the worker in the same process.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { errorMessage, loadAppConfig } from '@asynclab/config';
import { createApiApp } from '../../api/src/create-api-app';
import { ApiModule } from '../../api/src/app.module';
import { assertWorkerCanStart } from '../../worker/src/preflight';
import { exitGracefullyOn } from '../../worker/src/shutdown/exit-gracefully';
import { WorkerShutdownService } from '../../worker/src/shutdown/worker-shutdown.service';
import { ServerModule } from './server.module';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  if (config.workerInProcess) await assertWorkerCanStart(config);
  const app = await createApiApp({ root: config.workerInProcess ? ServerModule : ApiModule, shutdownHooks: false });
  // SIGTERM: the worker finishes or hands back its runs, then the API ends every open event
  // stream and closes; the process exits 0.
  exitGracefullyOn(async () => {
    if (config.workerInProcess) await app.get(WorkerShutdownService).drain();
    await app.close();
  });
  await app.listen(config.port);
  new Logger('server').log(`asynclab serves http://localhost:${config.port}${config.workerInProcess ? ' (worker in process)' : ''}`);
}

bootstrap().catch((error: unknown) => {
  new Logger('server').error(errorMessage(error));
  process.exit(1);
});
