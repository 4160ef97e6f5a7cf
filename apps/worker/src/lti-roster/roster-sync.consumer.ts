// The BullMQ Worker of the scheduled roster syncs queue, on the consumer connection settings, and
// the schedule itself: at boot each worker upserts the one job scheduler (or removes it when
// LTI_ROSTER_SYNC_INTERVAL_MINUTES is 0). Unlike the sweepers (a timer in every worker, since
// their point is to recover what Redis lost, and each sweep is harmless to repeat), the schedule is
// BullMQ work: one tick per interval for the whole fleet, taken by one worker. Retries back off on
// the webhooks' schedule (x4 per retry, with jitter) from LTI_ROSTER_SYNC_BACKOFF_BASE_MS. A job
// that fails never stops the worker nor the other contexts' jobs.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { LTI_ROSTER_TICK_JOB, parseSyncLtiRosterJob, SYNC_LTI_ROSTER_QUEUE, tickSlotOf } from '@asynclab/jobs';
import { retryBackoff } from '@asynclab/webhooks';
import { RosterSyncQueue } from './roster-sync-queue';
import { ScheduledRosterSyncProcessor } from './scheduled-roster-sync.processor';

/** Rosters read at once per worker: each is mostly waiting on a platform, and platforms rate-limit. */
const ROSTER_SYNC_CONCURRENCY = 2;

@Injectable()
export class RosterSyncConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RosterSyncConsumer.name);
  private worker?: Worker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnections,
    private readonly queue: RosterSyncQueue,
    private readonly processor: ScheduledRosterSyncProcessor,
  ) {}

  onApplicationBootstrap(): void {
    const baseMs = this.config.ltiServices.rosterSyncBackoffBaseMs;
    this.worker = new Worker(SYNC_LTI_ROSTER_QUEUE, (job) => this.process(job), {
      connection: this.redis.bullmq('consumer'),
      concurrency: ROSTER_SYNC_CONCURRENCY,
      settings: { backoffStrategy: retryBackoff(baseMs) },
    });
    this.worker.on('error', (error) => {
      this.logger.warn(`roster sync consumer: ${error.message}`);
    });
    // Redis away at boot must not stop the worker: the schedule is put right at the next boot.
    void this.queue.schedule().catch((error: unknown) => {
      this.logger.warn(`roster schedule not set: ${(error as Error).message}`);
    });
  }

  private process(job: Job): Promise<unknown> {
    if (job.name === LTI_ROSTER_TICK_JOB) {
      // A tick's slot is its scheduled time; a tick not made by the scheduler (none should be) takes the time it runs.
      return this.processor.tick(tickSlotOf(job.id) ?? Date.now());
    }
    return this.processor.syncContext(parseSyncLtiRosterJob(job.data), { made: job.attemptsMade, allowed: job.opts.attempts ?? 1 });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
