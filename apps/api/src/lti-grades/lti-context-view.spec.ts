import type { ContextSummary, RosterSyncRunRow } from '@asynclab/database';
import { contextView, RECENT_RUNS } from './lti-context-view';

const context: ContextSummary = {
  id: 'c1',
  platformId: 'p1',
  contextId: 'course-1',
  cohortId: 'k1',
  title: 'Course',
  membershipsUrl: 'https://lms.test/memberships',
  createdAt: new Date('2026-12-01T00:00:00Z'),
};

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 12, minute));
const counts = {
  pages: 1,
  members: 3,
  usersCreated: 0,
  learnersAdded: 0,
  learnersRemoved: 0,
  learnersKept: 3,
  instructors: 0,
  inactive: 0,
  complete: true,
};
const run = (id: string, status: string, startedMinute: number, finishedMinute: number | null): RosterSyncRunRow => ({
  id,
  contextId: 'c1',
  trigger: 'schedule',
  slotAt: null,
  status,
  attempts: 1,
  error: status === 'failed' || status === 'retrying' ? 'the platform answered 500' : null,
  startedAt: at(startedMinute),
  finishedAt: finishedMinute === null ? null : at(finishedMinute),
  ...counts,
});

describe('contextView', () => {
  it('says whether names and roles are offered, the schedule in minutes (null when off), and hides the service URL', () => {
    const view = contextView(context, [], 6 * 60 * 60_000);
    expect(view).toMatchObject({ namesAndRoles: true, rosterSyncIntervalMinutes: 360, lastRosterSync: null, rosterSyncs: [] });
    expect(view).not.toHaveProperty('membershipsUrl');
    expect(contextView({ ...context, membershipsUrl: null }, [], 0)).toMatchObject({
      namesAndRoles: false,
      rosterSyncIntervalMinutes: null,
    });
  });

  it('shows the latest runs, newest first, and as the last sync the run that finished last, not the newest started', () => {
    // Newest first by start: one under way, one retrying, then a scheduled run that finished after a later one.
    const runs = [
      run('r5', 'running', 50, null),
      run('r4', 'retrying', 40, null),
      run('r3', 'succeeded', 30, 31),
      run('r2', 'failed', 20, 45),
      ...Array.from({ length: 12 }, (_, i) => run(`old${i}`, 'succeeded', 10 - i / 2, 10)),
    ];
    const view = contextView(context, runs, 0);
    expect(view.rosterSyncs.map((r) => r.id)).toEqual(runs.slice(0, RECENT_RUNS).map((r) => r.id));
    expect(view.lastRosterSync).toMatchObject({ id: 'r2', status: 'failed', error: 'the platform answered 500' });
    expect(contextView(context, runs.slice(0, 2), 0).lastRosterSync).toBeNull();
  });
});
