// The BullMQ Worker of the LTI grade syncs queue, on the consumer connection settings. Its
// backoff is the webhooks' retry schedule (x4 per retry, with jitter) from
// LTI_GRADE_BACKOFF_BASE_MS, stretched to the platform's Retry-After when that asks for longer.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { SYNC_LTI_GRADE_QUEUE } from '@asynclab/jobs';
import { parseRetryAfter, retryDelayMs } from '@asynclab/webhooks';
import { GradeSyncAttemptFailed, GradeSyncProcessor } from './grade-sync.processor';

/** Syncs in flight per worker: each is mostly waiting on a platform. */
const GRADE_SYNC_CONCURRENCY = 5;

@Injectable()
export class GradeSyncConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GradeSyncConsumer.name);
  private worker?: Worker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnections,
    private readonly processor: GradeSyncProcessor,
  ) {}

  onApplicationBootstrap(): void {
    const baseMs = this.config.ltiServices.gradeBackoffBaseMs;
    this.worker = new Worker(SYNC_LTI_GRADE_QUEUE, (job) => this.processor.process(job), {
      connection: this.redis.bullmq('consumer'),
      concurrency: GRADE_SYNC_CONCURRENCY,
      settings: {
        backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) => {
          const scheduled = retryDelayMs(attemptsMade, baseMs);
          const asked = error instanceof GradeSyncAttemptFailed ? parseRetryAfter(error.retryAfter) : null;
          return asked === null ? scheduled : Math.max(scheduled, asked);
        },
      },
    });
    this.worker.on('error', (error) => {
      this.logger.warn(`grade sync consumer: ${error.message}`);
    });
    this.worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) this.logger.warn(`grade sync ${String(job.id)} failed: ${error.message}`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
