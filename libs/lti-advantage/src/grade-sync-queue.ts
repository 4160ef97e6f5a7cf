// The producer side of the LTI grade syncs queue, for the worker (graded submissions) and the API
// (retries). Finished jobs are removed at once: the job id is per (assignment, learner), and the
// next grade change must be able to queue it again. The attempts log in PostgreSQL is the record.
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig, RedisConnections, withRedisTimeout } from '@asynclab/config';
import { SYNC_LTI_GRADE_JOB, SYNC_LTI_GRADE_QUEUE, syncLtiGradeJobId, type SyncLtiGradeJob } from '@asynclab/jobs';

/** The backoff type the consumer's strategy answers to. */
export const LTI_GRADE_BACKOFF = 'lti-grade';

@Injectable()
export class GradeSyncQueue implements OnModuleDestroy {
  private readonly logger = new Logger(GradeSyncQueue.name);
  private readonly queue: Queue;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    redis: RedisConnections,
  ) {
    this.queue = new Queue(SYNC_LTI_GRADE_QUEUE, { connection: redis.bullmq('producer') });
    this.queue.on('error', (error: Error) => {
      this.logger.debug(`grade sync queue: ${error.message}`);
    });
  }

  async add(syncId: string): Promise<void> {
    const payload: SyncLtiGradeJob = { version: 1, syncId };
    const added = this.queue.add(SYNC_LTI_GRADE_JOB, payload, {
      jobId: syncLtiGradeJobId(syncId),
      attempts: this.config.ltiServices.gradeMaxAttempts,
      backoff: { type: LTI_GRADE_BACKOFF },
      removeOnComplete: true,
      removeOnFail: true,
    });
    await withRedisTimeout(added, 'take the grade sync job');
  }

  /** Whether Redis holds the sync's job, in any state (waiting, delayed for a retry, running). */
  async has(syncId: string): Promise<boolean> {
    return (await withRedisTimeout(this.queue.getJob(syncLtiGradeJobId(syncId)), 'answer')) !== undefined;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}
