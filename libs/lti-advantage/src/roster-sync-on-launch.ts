// An instructor's launch into a context that offers names and roles starts a roster sync in the
// background (the launch never waits on it), at most once per context in ROSTER_ON_LAUNCH_EVERY_S
// across all API processes (a Redis key with that lifetime), so a course page reloaded all day
// does not read its roster every time. POST /lti/contexts/:id/roster-sync syncs at any time, and
// the worker syncs every context on its schedule (LTI_ROSTER_SYNC_INTERVAL_MINUTES). Every run is
// recorded in lti_roster_syncs.
import { Injectable, Logger } from '@nestjs/common';
import { RedisConnections } from '@asynclab/config';
import { LtiRosterRepository } from '@asynclab/database';
import { RecordedRosterSync } from './recorded-roster-sync';

export const ROSTER_ON_LAUNCH_EVERY_S = 600;
const KEY_PREFIX = 'asynclab:lti:roster-on-launch:';

@Injectable()
export class RosterSyncOnLaunch {
  private readonly logger = new Logger(RosterSyncOnLaunch.name);

  constructor(
    private readonly redis: RedisConnections,
    private readonly roster: LtiRosterRepository,
    private readonly rosterSync: RecordedRosterSync,
  ) {}

  /** Starts the sync and returns at once; the promise is for tests and ends when the sync does. */
  instructorLaunched(organizationId: string, contextId: string): Promise<void> {
    const run = async () => {
      const due = await this.redis.commands.set(`${KEY_PREFIX}${contextId}`, '1', 'EX', ROSTER_ON_LAUNCH_EVERY_S, 'NX');
      if (due !== 'OK') return;
      const context = await this.roster.findContext(organizationId, contextId);
      if (!context?.membershipsUrl) return;
      const counts = await this.rosterSync.run(context, 'launch');
      this.logger.log(`roster of context ${contextId}: ${JSON.stringify(counts)}`);
    };
    return run().catch((error: unknown) => {
      this.logger.warn(`roster sync of context ${contextId} after a launch failed: ${(error as Error).message}`);
    });
  }
}
