// The scheduled roster sync's processor over fakes of the repositories, the sync and the queue
// (the real thing runs in test/e2e/lti-roster-schedule.e2e-spec.ts): a tick queues every context
// in batches for its slot; a context's job syncs once per slot, records what changed, is retried
// on a failure and ends failed on its last attempt or when the service is gone.
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { LtiRosterRepository, LtiRosterSyncsRepository, RosterContext, RosterSyncOutcome } from '@asynclab/database';
import { PlatformServiceError, type RosterSyncCounts, type RosterSyncService } from '@asynclab/lti-advantage';
import type { RosterSyncQueue } from './roster-sync-queue';
import { RosterSyncAttemptFailed, ScheduledRosterSyncProcessor } from './scheduled-roster-sync.processor';

const CONTEXT = '3f1c2b7e-8a34-4a8e-9c51-0d2f6e1b9a77';
const SLOT = 1_700_000_000_000;
const counts: RosterSyncCounts = {
  pages: 1,
  members: 3,
  usersCreated: 0,
  learnersAdded: 1,
  learnersRemoved: 1,
  learnersKept: 1,
  instructors: 1,
  inactive: 0,
  complete: true,
};
const context = (membershipsUrl: string | null = 'https://lms.test/memberships'): RosterContext => ({
  id: CONTEXT,
  cohortId: 'k1',
  cohortName: 'Course',
  organizationId: 'org',
  membershipsUrl,
  platform: { id: 'p1', clientId: 'client', authTokenUrl: 'https://lms.test/token', authTokenAudience: null, allowPrivate: false },
});

/** The claim's contract over one table: one run per (context, slot), taken back only while it waits for a retry. */
class Runs {
  rows = new Map<string, { id: string; status: string; outcome?: RosterSyncOutcome; error?: string }>();
  claimSlot = (contextId: string, slotAt: Date) => {
    const key = `${contextId}/${String(slotAt.getTime())}`;
    const row = this.rows.get(key);
    if (row && row.status !== 'retrying') return Promise.resolve(null);
    const claimed = row ?? { id: `run-${String(this.rows.size + 1)}`, status: 'running' };
    claimed.status = 'running';
    this.rows.set(key, claimed);
    return Promise.resolve(claimed.id);
  };
  private byId = (id: string) => [...this.rows.values()].find((row) => row.id === id);
  succeeded = (id: string, outcome: RosterSyncOutcome) => {
    Object.assign(this.byId(id) ?? {}, { status: 'succeeded', outcome });
    return Promise.resolve();
  };
  failed = (id: string, error: string, final: boolean) => {
    Object.assign(this.byId(id) ?? {}, { status: final ? 'failed' : 'retrying', error });
    return Promise.resolve();
  };
}

function build(answers: (RosterSyncCounts | Error)[], contextIds: string[] = [], found: RosterContext | null = context()) {
  const runs = new Runs();
  const added: { ids: string[]; slotMs: number }[] = [];
  let syncs = 0;
  const roster = {
    findContextForSync: () => Promise.resolve(found),
    contextsWithRoster: (after: string | null, limit: number) => {
      const start = after === null ? 0 : contextIds.indexOf(after) + 1;
      return Promise.resolve(contextIds.slice(start, start + limit));
    },
  } as unknown as LtiRosterRepository;
  const rosterSync = {
    sync: () => {
      syncs += 1;
      const answer = answers.shift() ?? counts;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  } as unknown as RosterSyncService;
  const queue = {
    addSlot: (ids: string[], slotMs: number) => {
      if (ids.length > 0) added.push({ ids, slotMs });
      return Promise.resolve();
    },
  } as unknown as RosterSyncQueue;
  const processor = new ScheduledRosterSyncProcessor(roster, runs as unknown as LtiRosterSyncsRepository, rosterSync, queue);
  return { processor, runs, added, syncs: () => syncs };
}

const job = { version: 1 as const, contextId: CONTEXT, slotMs: SLOT };

describe('the scheduled roster sync', () => {
  // Its logs are the e2e tests' to read; here they would only bury the results.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']);
  });

  it("queues every context with the service for the tick's slot, in batches of 200", async () => {
    const ids = Array.from({ length: 450 }, (_, n) => `ctx-${String(n).padStart(3, '0')}`);
    const { processor, added } = build([], ids);
    expect(await processor.tick(SLOT)).toBe(450);
    expect(added.map((batch) => batch.ids.length)).toEqual([200, 200, 50]);
    expect(added.flatMap((batch) => batch.ids)).toEqual(ids);
    expect(added.every((batch) => batch.slotMs === SLOT)).toBe(true);
  });

  it('syncs a context once per slot and records what changed', async () => {
    const { processor, runs, syncs } = build([]);
    expect(await processor.syncContext(job, { made: 0, allowed: 4 })).toBe('synced');
    expect(await processor.syncContext(job, { made: 0, allowed: 4 })).toBe('slot-taken');
    expect(syncs()).toBe(1);
    expect([...runs.rows.values()]).toEqual([{ id: 'run-1', status: 'succeeded', outcome: counts }]);
    // The next slot is another run.
    expect(await processor.syncContext({ ...job, slotMs: SLOT + 60_000 }, { made: 0, allowed: 4 })).toBe('synced');
    expect(syncs()).toBe(2);
  });

  it('throws a failure to be retried (a refused token too), keeping the error, and succeeds on the retry', async () => {
    const { processor, runs, syncs } = build([new PlatformServiceError('token: the platform answered 400 (invalid_client)', 400)]);
    await expect(processor.syncContext(job, { made: 0, allowed: 4 })).rejects.toBeInstanceOf(RosterSyncAttemptFailed);
    expect([...runs.rows.values()][0]).toMatchObject({ status: 'retrying', error: expect.stringContaining('invalid_client') as unknown });
    expect(await processor.syncContext(job, { made: 1, allowed: 4 })).toBe('synced');
    expect(syncs()).toBe(2);
    expect([...runs.rows.values()][0].status).toBe('succeeded');
  });

  it('ends the run failed on its last attempt, and at once when the service is refused for good', async () => {
    const last = build([new PlatformServiceError('no answer within 10 ms', null)]);
    await expect(last.processor.syncContext(job, { made: 3, allowed: 4 })).rejects.toBeInstanceOf(UnrecoverableError);
    expect([...last.runs.rows.values()][0].status).toBe('failed');
    const refused = build([new PlatformServiceError('the address is private', null, undefined, true)]);
    await expect(refused.processor.syncContext(job, { made: 0, allowed: 4 })).rejects.toBeInstanceOf(UnrecoverableError);
    expect([...refused.runs.rows.values()][0].status).toBe('failed');
  });

  it('retries our own failures (the database) like a platform 5xx', async () => {
    const { processor, runs } = build([new Error('Connection terminated unexpectedly')]);
    await expect(processor.syncContext(job, { made: 0, allowed: 4 })).rejects.toBeInstanceOf(RosterSyncAttemptFailed);
    expect([...runs.rows.values()][0].status).toBe('retrying');
  });

  it('does nothing for a context gone or without the service since the tick', async () => {
    const gone = build([], [], null);
    expect(await gone.processor.syncContext(job, { made: 0, allowed: 4 })).toBe('no-service');
    const withoutService = build([], [], context(null));
    expect(await withoutService.processor.syncContext(job, { made: 0, allowed: 4 })).toBe('no-service');
    expect(gone.syncs() + withoutService.syncs()).toBe(0);
    expect(gone.runs.rows.size + withoutService.runs.rows.size).toBe(0);
  });
});
