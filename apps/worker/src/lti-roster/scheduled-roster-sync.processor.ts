// The scheduled roster sync's two kinds of job:
// - a tick (one per interval, made by BullMQ's job scheduler): adds one job per context with a
//   names and roles service, for the tick's slot, walking the contexts in batches;
// - a context's job: claims (context, slot) in PostgreSQL, syncs the roster (RosterSyncService, as
//   a launch or a request does) and records what changed, or the error.
// A failure is retried on the backoff (roster-sync.consumer.ts): no answer, 5xx, and here 4xx too
// (a token refused while the platform's copy of our JWKS is stale, a platform mid-maintenance):
// reading a roster again changes nothing until it succeeds, unlike posting a score. Only a
// context without the service, or a URL the address guard refuses, ends the run at once; the last
// attempt ends it `failed`. The next slot tries again either way.
import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { LtiRosterRepository, LtiRosterSyncsRepository } from '@asynclab/database';
import type { SyncLtiRosterJob } from '@asynclab/jobs';
import { countsOutcome, PlatformServiceError, RosterSyncService } from '@asynclab/lti-advantage';
import { RosterSyncQueue } from './roster-sync-queue';

const TICK_BATCH = 200;

export type ContextRunOutcome = 'synced' | 'slot-taken' | 'no-service';

/** A failed attempt that BullMQ is to try again (the consumer's backoff strategy decides when). */
export class RosterSyncAttemptFailed extends Error {}

@Injectable()
export class ScheduledRosterSyncProcessor {
  private readonly logger = new Logger(ScheduledRosterSyncProcessor.name);

  constructor(
    private readonly roster: LtiRosterRepository,
    private readonly runs: LtiRosterSyncsRepository,
    private readonly rosterSync: RosterSyncService,
    private readonly queue: RosterSyncQueue,
  ) {}

  /** Queues the slot's job of every context with a names and roles service; how many contexts. */
  async tick(slotMs: number): Promise<number> {
    let after: string | null = null;
    let queued = 0;
    for (;;) {
      const ids = await this.roster.contextsWithRoster(after, TICK_BATCH);
      await this.queue.addSlot(ids, slotMs);
      queued += ids.length;
      if (ids.length < TICK_BATCH) break;
      after = ids[ids.length - 1];
    }
    this.logger.log(`roster schedule: slot ${new Date(slotMs).toISOString()}, ${String(queued)} context(s) queued`);
    return queued;
  }

  /** One attempt at a context's sync for a slot; throws to be retried, or unrecoverably when done. */
  async syncContext(job: SyncLtiRosterJob, attempt: { made: number; allowed: number }): Promise<ContextRunOutcome> {
    const context = await this.roster.findContextForSync(job.contextId);
    // Gone, or its launches no longer carry the service, since the tick: nothing to sync, nothing to record.
    if (!context?.membershipsUrl) return 'no-service';
    const runId = await this.runs.claimSlot(context.id, new Date(job.slotMs));
    if (!runId) return 'slot-taken';
    const number = attempt.made + 1;
    try {
      const counts = await this.rosterSync.sync(context);
      await this.runs.succeeded(runId, countsOutcome(counts));
      this.logger.log(`roster of context ${context.id} synced on schedule: ${JSON.stringify(counts)}`);
      return 'synced';
    } catch (error) {
      const message = (error as Error).message;
      const permanent = error instanceof PlatformServiceError && error.permanent;
      const final = permanent || number >= attempt.allowed;
      await this.runs.failed(runId, message, final);
      const where = `roster sync of context ${context.id} (platform ${context.platform.id}), attempt ${String(number)}/${String(attempt.allowed)}`;
      if (final) {
        this.logger.warn(`${where} failed, the next slot tries again: ${message}`);
        throw new UnrecoverableError(message);
      }
      this.logger.warn(`${where} failed, retrying: ${message}`);
      throw new RosterSyncAttemptFailed(message);
    }
  }
}
