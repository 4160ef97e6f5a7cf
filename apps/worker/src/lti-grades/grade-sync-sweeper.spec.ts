// The grade sync sweeper over fakes of the repository and the queue (the real thing is in
// test/e2e/lti-grades-sweeper.e2e-spec.ts): what it queues, the grace period it asks for, and that
// a Redis failure ends the sweep without throwing.
import type { AppConfig } from '@asynclab/config';
import type { LtiGradeSyncsRepository, PendingSyncCursor } from '@asynclab/database';
import type { GradeSyncQueue } from '@asynclab/lti-advantage';
import { GradeSyncSweeper } from './grade-sync-sweeper';

const config = { ltiServices: { gradeSweepIntervalMs: 1000, gradeSweepGraceMs: 30_000 } } as AppConfig;
const sync = (n: number): PendingSyncCursor => ({ id: `sync-${String(n)}`, requestedAt: new Date(1_000_000 + n) });

function sweeperWith(pending: PendingSyncCursor[], inRedis: Set<string>, redisDownAfter = Infinity) {
  const added: string[] = [];
  const asked: Date[] = [];
  const syncs = {
    pendingBefore: (before: Date) => {
      asked.push(before);
      return Promise.resolve(pending);
    },
  } as unknown as LtiGradeSyncsRepository;
  const queue = {
    has: (id: string) => Promise.resolve(inRedis.has(id)),
    add: (id: string) => {
      if (added.length >= redisDownAfter) return Promise.reject(new Error('Redis did not take the grade sync job within 2000 ms'));
      added.push(id);
      return Promise.resolve();
    },
  } as unknown as GradeSyncQueue;
  return { sweeper: new GradeSyncSweeper(config, syncs, queue), added, asked };
}

describe('the grade sync sweeper', () => {
  it('queues the pending syncs older than the grace period that have no job, and leaves those that have one', async () => {
    const { sweeper, added, asked } = sweeperWith([sync(1), sync(2), sync(3)], new Set(['sync-2']));
    const started = Date.now();
    expect(await sweeper.sweep()).toBe(2);
    const finished = Date.now();
    expect(added).toEqual(['sync-1', 'sync-3']);
    // The cutoff is the grace period (30 s) before the sweep's own clock reading, taken in between.
    expect(asked[0].getTime()).toBeGreaterThanOrEqual(started - 30_000);
    expect(asked[0].getTime()).toBeLessThanOrEqual(finished - 30_000);
  });

  it('ends the sweep at the first Redis failure without throwing, and sweeps again next time', async () => {
    const { sweeper, added } = sweeperWith([sync(1), sync(2), sync(3)], new Set(), 1);
    expect(await sweeper.sweep()).toBe(0);
    expect(added).toEqual(['sync-1']);
    expect(await sweeper.sweep()).toBe(0);
  });
});
