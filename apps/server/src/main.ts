// `npm start`: the API and, unless WORKER_IN_PROCESS=false, the worker in the same process.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { errorMessage, loadAppConfig } from '@asynclab/config';
import { createApiApp } from '../../api/src/create-api-app';
import { ApiModule } from '../../api/src/app.module';
import { assertWorkerCanStart } from '../../worker/src/preflight';
import { ServerModule } from './server.module';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  if (config.workerInProcess) await assertWorkerCanStart(config);
  const app = await createApiApp({ root: config.workerInProcess ? ServerModule : ApiModule });
  await app.listen(config.port);
  new Logger('server').log(`asynclab serves http://localhost:${config.port}${config.workerInProcess ? ' (worker in process)' : ''}`);
}

bootstrap().catch((error: unknown) => {
  new Logger('server').error(errorMessage(error));
  process.exit(1);
});
