// SIGTERM and SIGINT run the given shutdown once and exit 0 (Nest's own shutdown hooks re-raise
// the signal, so the process would end as killed, and a supervisor would count a clean stop as a
// crash). A second signal while draining forces the exit.
import { Logger } from '@nestjs/common';

export function exitGracefullyOn(shutdown: () => Promise<void>, logger = new Logger('shutdown')): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal}: shutting down gracefully`);
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
