// How a course context is shown to its instructors: the stored context, the roster schedule and its
// kept runs (newest first) become the API's view. Pure, so the list and the single context agree.
import type { LtiContextView, RosterSyncRunView } from '@asynclab/contracts';
import type { ContextSummary, RosterSyncRunRow } from '@asynclab/database';

/** Runs shown with a context: the latest ones, including one under way. */
export const RECENT_RUNS = 10;

const FINISHED = new Set(['succeeded', 'failed']);

export function contextView(context: ContextSummary, runsNewestFirst: RosterSyncRunRow[], rosterSyncIntervalMs: number): LtiContextView {
  const { membershipsUrl, ...rest } = context;
  return {
    ...rest,
    namesAndRoles: membershipsUrl !== null,
    rosterSyncIntervalMinutes: rosterSyncIntervalMs === 0 ? null : rosterSyncIntervalMs / 60_000,
    lastRosterSync: lastFinished(runsNewestFirst),
    rosterSyncs: runsNewestFirst.slice(0, RECENT_RUNS).map(runView),
  };
}

/** The run that finished last (a scheduled run retried for hours can finish after a newer one started). */
function lastFinished(runs: RosterSyncRunRow[]): RosterSyncRunView | null {
  let last: RosterSyncRunRow | null = null;
  for (const run of runs) {
    if (!FINISHED.has(run.status) || !run.finishedAt) continue;
    const later = !last?.finishedAt || run.finishedAt > last.finishedAt || (+run.finishedAt === +last.finishedAt && run.id > last.id);
    if (later) last = run;
  }
  return last ? runView(last) : null;
}

function runView(row: RosterSyncRunRow): RosterSyncRunView {
  return {
    id: row.id,
    trigger: row.trigger as RosterSyncRunView['trigger'],
    slotAt: row.slotAt,
    status: row.status as RosterSyncRunView['status'],
    attempts: row.attempts,
    pages: row.pages,
    members: row.members,
    usersCreated: row.usersCreated,
    learnersAdded: row.learnersAdded,
    learnersRemoved: row.learnersRemoved,
    learnersKept: row.learnersKept,
    instructors: row.instructors,
    inactive: row.inactive,
    complete: row.complete,
    error: row.error,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
