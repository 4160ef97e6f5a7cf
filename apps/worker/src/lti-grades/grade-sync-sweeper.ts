// Nothing lost when Redis is down, for grade syncs. A sync is stored (PostgreSQL) before its job
// is added (Redis); with Redis away the add times out and the row stays `pending` with no job.
// Every LTI_GRADE_SWEEP_INTERVAL_MS the sweeper looks at the pending syncs last requested more
// than LTI_GRADE_SWEEP_GRACE_MS ago (the producer had its chance), a batch per sweep in request
// order, and queues each one Redis holds no job for (also one whose job Redis lost with its data).
// Every worker sweeps. That is safe: the job id is per sync, so a second add is a no-op in BullMQ,
// and the processor skips a sync that is no longer pending.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { LtiGradeSyncsRepository, PendingSyncCursor } from '@asynclab/database';
import { GradeSyncQueue } from '@asynclab/lti-advantage';
import { LostJobPass } from '../sweeping/lost-job-pass';

const SWEEP_BATCH = 200;

@Injectable()
export class GradeSyncSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GradeSyncSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;
  private readonly withoutJob: LostJobPass<PendingSyncCursor>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    syncs: LtiGradeSyncsRepository,
    queue: GradeSyncQueue,
  ) {
    this.withoutJob = new LostJobPass<PendingSyncCursor>(
      {
        batch: (before, after, limit) => syncs.pendingBefore(before, after, limit),
        has: (sync) => queue.has(sync.id),
        add: (sync) => queue.add(sync.id),
      },
      SWEEP_BATCH,
    );
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.ltiServices.gradeSweepIntervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** How many syncs it queued; a sweep stops at the first Redis failure (it is still away). */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let queued = 0;
    try {
      queued = await this.withoutJob.run(new Date(Date.now() - this.config.ltiServices.gradeSweepGraceMs));
    } catch (error) {
      this.logger.warn(`grade sync sweep failed: ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
    }
    if (queued > 0) this.logger.log(`grade sync sweeper queued ${String(queued)} pending sync(s) that had no job`);
    return queued;
  }
}
