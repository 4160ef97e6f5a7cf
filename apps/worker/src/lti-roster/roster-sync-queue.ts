// The scheduled roster syncs queue, as the worker adds to it: the job scheduler (one across every
// worker: the same id, upserted by each at boot, removed when the interval is 0) and the jobs of a
// tick, one per (context, slot). A context's job stays in Redis for one interval after it ends, so
// a second add in the same slot (a tick run again) is a no-op; PostgreSQL's claim of the slot
// (LtiRosterSyncsRepository.claimSlot) is the backstop when Redis forgot it.
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig, RedisConnections, withRedisTimeout } from '@asynclab/config';
import {
  LTI_ROSTER_SCHEDULER_ID,
  LTI_ROSTER_TICK_JOB,
  SYNC_LTI_ROSTER_JOB,
  SYNC_LTI_ROSTER_QUEUE,
  syncLtiRosterJobId,
  type SyncLtiRosterJob,
} from '@asynclab/jobs';

/** The backoff type the consumer's strategy answers to. */
export const LTI_ROSTER_BACKOFF = 'lti-roster';

@Injectable()
export class RosterSyncQueue implements OnModuleDestroy {
  private readonly logger = new Logger(RosterSyncQueue.name);
  readonly queue: Queue;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    redis: RedisConnections,
  ) {
    this.queue = new Queue(SYNC_LTI_ROSTER_QUEUE, { connection: redis.bullmq('producer') });
    this.queue.on('error', (error: Error) => {
      this.logger.debug(`roster sync queue: ${error.message}`);
    });
  }

  /** Puts the schedule in line with this worker's configuration: one tick per interval, or none. */
  async schedule(): Promise<void> {
    const every = this.config.ltiServices.rosterSyncIntervalMs;
    if (every === 0) {
      await withRedisTimeout(this.queue.removeJobScheduler(LTI_ROSTER_SCHEDULER_ID), 'remove the roster schedule');
      return;
    }
    // Same id and interval from every worker: BullMQ keeps one scheduler and its next tick.
    const upserted = this.queue.upsertJobScheduler(
      LTI_ROSTER_SCHEDULER_ID,
      { every },
      {
        name: LTI_ROSTER_TICK_JOB,
        data: {},
        opts: { attempts: 3, backoff: { type: 'fixed', delay: 5_000 }, removeOnComplete: true, removeOnFail: { count: 20 } },
      },
    );
    await withRedisTimeout(upserted, 'take the roster schedule');
  }

  /** Adds the jobs of a slot for these contexts (ids already held are ignored by BullMQ). */
  async addSlot(contextIds: string[], slotMs: number): Promise<void> {
    if (contextIds.length === 0) return;
    const { rosterSyncIntervalMs, rosterSyncMaxAttempts } = this.config.ltiServices;
    // Held for an interval after it ends (at least an hour with the schedule off and a tick added by hand).
    const keepFor = { age: Math.ceil((rosterSyncIntervalMs || 3_600_000) / 1000) };
    const jobs = contextIds.map((contextId) => {
      const data: SyncLtiRosterJob = { version: 1, contextId, slotMs };
      return {
        name: SYNC_LTI_ROSTER_JOB,
        data,
        opts: {
          jobId: syncLtiRosterJobId(contextId, slotMs),
          attempts: rosterSyncMaxAttempts,
          backoff: { type: LTI_ROSTER_BACKOFF },
          removeOnComplete: keepFor,
          removeOnFail: keepFor,
        },
      };
    });
    await withRedisTimeout(this.queue.addBulk(jobs), 'take the roster sync jobs', 10_000);
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}
