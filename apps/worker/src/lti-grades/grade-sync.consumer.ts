// The BullMQ Worker of the LTI grade syncs queue, on the consumer connection settings. Its
// backoff is the webhooks' retry schedule (x4 per retry, with jitter) from
// LTI_GRADE_BACKOFF_BASE_MS, stretched to the platform's Retry-After when that asks for longer.
// A grade requested in the moment after a job last looked at its sync but before BullMQ removed
// the job was not queued (the add met the finishing job's id): once the job is gone, a sync still
// pending is queued again (an add while a retry waits is ignored, so this never doubles a job).
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { LtiGradeSyncsRepository } from '@asynclab/database';
import { parseSyncLtiGradeJob, SYNC_LTI_GRADE_QUEUE } from '@asynclab/jobs';
import { GradeSyncQueue } from '@asynclab/lti-advantage';
import { retryBackoff } from '@asynclab/webhooks';
import { GradeSyncProcessor } from './grade-sync.processor';

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
    private readonly syncs: LtiGradeSyncsRepository,
    private readonly queue: GradeSyncQueue,
  ) {}

  onApplicationBootstrap(): void {
    const baseMs = this.config.ltiServices.gradeBackoffBaseMs;
    this.worker = new Worker(SYNC_LTI_GRADE_QUEUE, (job) => this.processor.process(job), {
      connection: this.redis.bullmq('consumer'),
      concurrency: GRADE_SYNC_CONCURRENCY,
      settings: { backoffStrategy: retryBackoff(baseMs) },
    });
    this.worker.on('error', (error) => {
      this.logger.warn(`grade sync consumer: ${error.message}`);
    });
    this.worker.on('completed', (job) => void this.requeueIfRequested(job.data));
    this.worker.on('failed', (job, error) => {
      if (!job) return;
      if (job.attemptsMade >= (job.opts.attempts ?? 1)) this.logger.warn(`grade sync ${String(job.id)} failed: ${error.message}`);
      void this.requeueIfRequested(job.data);
    });
  }

  private async requeueIfRequested(data: unknown): Promise<void> {
    try {
      const { syncId } = parseSyncLtiGradeJob(data);
      if (await this.syncs.isPending(syncId)) await this.queue.add(syncId);
    } catch (error) {
      this.logger.debug(`grade sync not re-queued: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
