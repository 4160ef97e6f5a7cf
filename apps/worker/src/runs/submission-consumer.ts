// The BullMQ Worker that consumes the submissions queue, opened here rather than by
// @nestjs/bullmq's explorer: that one takes its connection from whichever queue of the same name
// it finds first, and in the single-process start that is the API's producer, whose fail-fast
// settings a consumer must not have.
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { RUN_SUBMISSION_QUEUE } from '@asynclab/jobs';
import { RunSubmissionProcessor } from './run-submission.processor';

/**
 * Stalled jobs (docs/operations.md). A worker renews its lock on each running job every
 * lockDuration / 2; a job whose worker died (SIGKILL, lost machine, lost network) keeps its lock
 * until it lapses, and the next stalled check of any live worker (every stalledInterval) moves it
 * back to waiting. 10 s instead of BullMQ's 30 s, so a learner waits at most ~15 s for the retry;
 * not lower, because a worker whose event loop or Redis link pauses longer than that would have
 * its healthy run taken away and run twice (harmless, one report, but wasted). A sandbox runs in
 * Docker, not on the worker's event loop, so the loop stays free to renew. maxStalledCount 2:
 * two deaths mid-run are infrastructure trouble, a third ends the job (marked infra-error, never
 * the learner's fault) rather than letting a run that kills its worker loop forever.
 */
export const LOCK_DURATION_MS = 10_000;
export const STALLED_INTERVAL_MS = 5_000;
export const MAX_STALLED_COUNT = 2;

@Injectable()
export class SubmissionConsumer implements OnApplicationShutdown {
  private readonly logger = new Logger(SubmissionConsumer.name);
  private worker?: Worker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnections,
    private readonly processor: RunSubmissionProcessor,
  ) {}

  /** Called by WorkerBootstrap once the sandbox image is there and orphans are reaped. */
  start(): void {
    const worker = new Worker(RUN_SUBMISSION_QUEUE, (job, token, signal) => this.processor.process(job, token, signal), {
      connection: this.redis.bullmq('consumer'),
      concurrency: this.config.worker.concurrency,
      lockDuration: LOCK_DURATION_MS,
      stalledInterval: STALLED_INTERVAL_MS,
      maxStalledCount: MAX_STALLED_COUNT,
    });
    worker.on('failed', (job, error) => void this.processor.onFailed(job, error));
    worker.on('error', (error) => {
      this.logger.warn(`consumer: ${error.message}`);
    });
    this.worker = worker;
  }

  get concurrency(): number {
    return this.worker?.concurrency ?? 0;
  }

  /**
   * Stops taking jobs and waits for the running ones; past `graceMs` their runs are aborted and
   * handed back (RunSubmissionProcessor). True when every run finished in time.
   */
  async drain(graceMs: number): Promise<boolean> {
    const worker = this.worker;
    if (!worker) return true;
    const closed = worker.close(); // marks the worker closing and waits for its running jobs
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      closed.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => {
          resolve(false);
        }, graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (!finished) {
      worker.cancelAllJobs('the worker is shutting down');
      await closed;
    }
    return finished;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
