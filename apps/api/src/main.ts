// The API alone: `npm run start:api` (the compose route runs workers in their own containers).
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { errorMessage, loadAppConfig } from '@asynclab/config';
import { exitGracefullyOn } from '../../worker/src/shutdown/exit-gracefully';
import { createApiApp } from './create-api-app';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApiApp({ shutdownHooks: false });
  // SIGTERM: every open event stream ends (browsers reconnect), the server closes, exit 0.
  exitGracefullyOn(() => app.close());
  await app.listen(config.port);
  new Logger('api').log(`asynclab API serves http://localhost:${config.port}`);
}

bootstrap().catch((error: unknown) => {
  new Logger('api').error(errorMessage(error));
  process.exit(1);
});
