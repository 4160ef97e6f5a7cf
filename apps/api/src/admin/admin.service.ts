// The queue and the fleet at a glance: what waits (and in which order), what runs where, and
// when each worker last said it was alive. Served under /api/v1/admin for the status page.
import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { ErrorCode } from '@asynclab/contracts';
import { RUN_SUBMISSION_QUEUE, WorkerRecord } from '@asynclab/jobs';
import { AdminException } from './admin.exception';
import { liveWorkers } from './worker-list';

const SHOWN_WAITING = 50;

export interface QueueStatus {
  counts: Record<'waiting' | 'active' | 'delayed' | 'failed' | 'completed', number>;
  /** The next jobs to run, first first. */
  waiting: Array<{ position: number; submissionId: string; queuedAt: string }>;
  workers: Array<WorkerRecord & { runningCount: number; secondsSinceHeartbeat: number }>;
  sandboxCapPerDockerHost: number | null;
  at: string;
}

@Injectable()
export class AdminService {
  constructor(
    @InjectQueue(RUN_SUBMISSION_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connections: RedisConnections,
  ) {}

  async status(now = Date.now()): Promise<QueueStatus> {
    try {
      const [counts, waiting, workers] = await Promise.all([
        this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
        this.queue.getWaiting(0, SHOWN_WAITING - 1),
        liveWorkers(this.connections.commands),
      ]);
      return {
        counts: counts as QueueStatus['counts'],
        waiting: waiting.map((job, index) => ({
          position: index + 1,
          submissionId: (job.data as { submissionId: string }).submissionId,
          queuedAt: new Date(job.timestamp).toISOString(),
        })),
        workers: workers.map((worker) => ({
          ...worker,
          runningCount: worker.runningJobs.length,
          secondsSinceHeartbeat: Math.max(0, Math.round((now - Date.parse(worker.lastHeartbeat)) / 100) / 10),
        })),
        sandboxCapPerDockerHost: this.config.sandbox.maxPerDockerHost || null,
        at: new Date(now).toISOString(),
      };
    } catch (error) {
      throw new AdminException(
        ErrorCode.QueueUnavailable,
        `the queue cannot be read now (${(error as Error).message}); submissions are safe in PostgreSQL`,
      );
    }
  }
}
