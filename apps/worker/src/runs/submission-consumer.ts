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
 * A job whose worker died (SIGKILL, lost machine) is handed to another worker once its lock
 * lapses: 10 s here instead of BullMQ's 30 s, so a learner waits less for the retry.
 */
export const LOCK_DURATION_MS = 10_000;
export const STALLED_INTERVAL_MS = 5_000;

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
    const worker = new Worker(RUN_SUBMISSION_QUEUE, (job) => this.processor.process(job), {
      connection: this.redis.bullmq('consumer'),
      concurrency: this.config.worker.concurrency,
      lockDuration: LOCK_DURATION_MS,
      stalledInterval: STALLED_INTERVAL_MS,
      maxStalledCount: 2,
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

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
