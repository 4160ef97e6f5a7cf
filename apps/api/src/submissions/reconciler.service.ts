// PostgreSQL is the truth, Redis only delivers. Now and then (one API process at a time, under a
// Redis lock) this pass takes the submissions PostgreSQL still waits for and checks that BullMQ
// still holds a job that will finish them; where it does not, it queues them again under the
// same job id. That covers a Redis restarted without persistence, a FLUSHALL, the last second of
// writes an append-only file can lose, and a job that ended in BullMQ while PostgreSQL was down
// (its failure could not be recorded). An active job whose worker died is not ours: BullMQ's
// stalled-job check moves it back once its lock lapses (see SubmissionConsumer).
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { SubmissionsRepository } from '@asynclab/database';
import { RUN_SUBMISSION_QUEUE, runSubmissionJobId } from '@asynclab/jobs';
import { liveWorkers } from '../admin/worker-list';
import { SubmissionQueueService } from './submission-queue.service';
import { decideRepair, JobInRedis, Repair } from './reconcile-decision';

const LOCK_KEY = 'asynclab:reconciler-lock';
const RELEASE_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const BATCH = 500;

export interface ReconcileResult {
  checked: number;
  requeued: number;
  retried: number;
  skipped: 'locked' | 'redis-down' | null;
}

@Injectable()
export class ReconcilerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReconcilerService.name);
  private readonly token = randomBytes(8).toString('hex');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(RUN_SUBMISSION_QUEUE) private readonly queue: Queue,
    private readonly submissions: SubmissionsRepository,
    private readonly enqueuer: SubmissionQueueService,
    private readonly connections: RedisConnections,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.reconcile(), this.config.reconciler.intervalMs);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async reconcile(now = Date.now()): Promise<ReconcileResult> {
    const result: ReconcileResult = { checked: 0, requeued: 0, retried: 0, skipped: null };
    if (this.running) return { ...result, skipped: 'locked' };
    this.running = true;
    try {
      const redis = this.connections.commands;
      const lockMs = Math.max(30_000, this.config.reconciler.intervalMs * 3);
      const locked = await redis.set(LOCK_KEY, this.token, 'PX', lockMs, 'NX').catch(() => undefined);
      if (locked === undefined) return { ...result, skipped: 'redis-down' };
      if (locked !== 'OK') return { ...result, skipped: 'locked' };
      try {
        await this.pass(now, result);
      } finally {
        await redis.eval(RELEASE_LOCK, 1, LOCK_KEY, this.token).catch(() => undefined);
      }
      if (result.requeued + result.retried > 0) {
        this.logger.warn(
          `reconciler: ${result.requeued} submission(s) re-queued, ${result.retried} retried, of ${result.checked} in flight`,
        );
      }
    } catch (error) {
      this.logger.warn(`reconcile pass failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
    return result;
  }

  private async pass(now: number, result: ReconcileResult): Promise<void> {
    const before = new Date(now - this.config.reconciler.graceMs);
    const candidates = await this.submissions.findAwaitingDelivery(before, BATCH);
    result.checked = candidates.length;
    if (candidates.length === 0) return;
    const redis = this.connections.commands;
    const running = new Set((await liveWorkers(redis)).flatMap((worker) => worker.runningJobs));
    const pipeline = redis.pipeline();
    for (const { id } of candidates)
      pipeline.hmget(this.queue.toKey(runSubmissionJobId(id)), 'timestamp', 'finishedOn', 'failedReason', 'returnvalue');
    const replies = (await pipeline.exec()) ?? [];
    for (const [index, submission] of candidates.entries()) {
      const jobId = runSubmissionJobId(submission.id);
      const [error, fields] = replies[index] ?? [null, null];
      if (error) throw error;
      const job = jobInRedis(fields as Array<string | null>, running.has(jobId));
      const repair = decideRepair(job, now, this.config.reconciler.graceMs);
      if (repair !== 'none') await this.apply(repair, submission, jobId, result);
    }
  }

  private async apply(repair: Repair, submission: { id: string; labId: string }, jobId: string, result: ReconcileResult): Promise<void> {
    if (repair === 'retry-failed') {
      const job = await Job.fromId(this.queue, jobId);
      await job?.retry('failed', { resetAttemptsMade: true });
      result.retried += 1;
      return;
    }
    if (repair === 'replace-finished') await this.queue.remove(jobId).catch(() => undefined);
    if (await this.enqueuer.tryEnqueue(submission.id, submission.labId)) result.requeued += 1;
  }
}

function jobInRedis(fields: Array<string | null>, runningOnLiveWorker: boolean): JobInRedis {
  const [timestamp, finishedOn, failedReason] = fields;
  if (!timestamp) return { kind: 'missing', runningOnLiveWorker };
  if (finishedOn) return { kind: failedReason ? 'failed' : 'completed', finishedOn: Number(finishedOn) };
  return { kind: 'pending' };
}
