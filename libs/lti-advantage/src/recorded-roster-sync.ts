// A roster sync started by a launch or a request, recorded in lti_roster_syncs like the worker's
// scheduled ones (apps/worker/src/lti-roster), so "last synced" is true whoever started it. The
// error is stored and thrown again: the caller answers it (502, 409) or logs it.
import { Injectable } from '@nestjs/common';
import { LtiRosterSyncsRepository, type RosterContext } from '@asynclab/database';
import { RosterSyncService, type RosterSyncCounts } from './roster-sync.service';

@Injectable()
export class RecordedRosterSync {
  constructor(
    private readonly rosterSync: RosterSyncService,
    private readonly runs: LtiRosterSyncsRepository,
  ) {}

  async run(context: RosterContext, trigger: 'launch' | 'request'): Promise<RosterSyncCounts> {
    const runId = await this.runs.start(context.id, trigger);
    let counts: RosterSyncCounts;
    try {
      counts = await this.rosterSync.sync(context);
    } catch (error) {
      await this.runs.failed(runId, (error as Error).message, true);
      throw error;
    }
    await this.runs.succeeded(runId, countsOutcome(counts));
    return counts;
  }
}

/** What a run stores of the counts (all of them). */
export function countsOutcome(counts: RosterSyncCounts): RosterSyncCounts {
  const { pages, members, usersCreated, learnersAdded, learnersRemoved, learnersKept, instructors, inactive, complete } = counts;
  return { pages, members, usersCreated, learnersAdded, learnersRemoved, learnersKept, instructors, inactive, complete };
}
