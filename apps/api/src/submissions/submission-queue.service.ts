// Puts committed submissions on the queue. Redis being down never loses a submission: the row is
// already in PostgreSQL with enqueued_at null, and the sweeper retries until BullMQ accepts it.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { SubmissionsRepository } from '@asynclab/database';
import { warnIfRedisUnsafe, RUN_SUBMISSION_JOB, RUN_SUBMISSION_QUEUE, RunSubmissionJobV1, runSubmissionJobId } from '@asynclab/jobs';

/** How long a submit waits for Redis before it answers 202 anyway and leaves the job to the sweeper. */

const ENQUEUE_TIMEOUT_MS = 1_500;
const SWEEP_BATCH = 100;

@Injectable()
export class SubmissionQueueService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SubmissionQueueService.name);
  private sweepTimer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(RUN_SUBMISSION_QUEUE) private readonly queue: Queue,
    private readonly submissions: SubmissionsRepository,
    private readonly connections: RedisConnections,
  ) {}

  onApplicationBootstrap(): void {
    this.sweepTimer = setInterval(() => void this.sweep(), this.config.sweeper.intervalMs);
    // Not awaited: a Redis that is down at boot must not stop the API (submissions wait in PostgreSQL).
    void warnIfRedisUnsafe(this.connections.commands, (warning) => {
      this.logger.warn(warning);
    });
  }

  onModuleDestroy(): void {
    clearInterval(this.sweepTimer);
  }

  /** True when BullMQ accepted the job now; false leaves it to the sweeper. */
  async tryEnqueue(submissionId: string, labId: string): Promise<boolean> {
    const payload: RunSubmissionJobV1 = { version: 1, submissionId, labId };
    try {
      await withTimeout(
        this.queue.add(RUN_SUBMISSION_JOB, payload, {
          jobId: runSubmissionJobId(submissionId),
          attempts: this.config.worker.infraAttempts,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        }),
        ENQUEUE_TIMEOUT_MS,
      );
      await this.submissions.markEnqueued(submissionId);
      return true;
    } catch (error) {
      this.logger.warn(`submission ${submissionId} not queued yet (${(error as Error).message}); the sweeper will retry`);
      return false;
    }
  }

  /** Queues what was committed but never queued. The job id makes a repeat harmless. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let queued = 0;
    try {
      const before = new Date(Date.now() - this.config.sweeper.graceMs);
      for (const submission of await this.submissions.findNeverEnqueued(before, SWEEP_BATCH)) {
        if (!(await this.tryEnqueue(submission.id, submission.labId))) break; // Redis still down
        queued += 1;
      }
      if (queued > 0) this.logger.log(`sweeper queued ${queued} submission(s) that had missed the queue`);
    } catch (error) {
      this.logger.warn(`sweep failed: ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
    }
    return queued;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`Redis did not answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}
