// Nothing lost when Redis is down, for grade syncs: a sync stored with no job in BullMQ (as when
// Redis did not take the add) is queued by the worker's sweeper once its grace period is over, and
// its score reaches the platform once. Real service, PostgreSQL, Redis and sandbox; the simulated
// platform records every score. Turn the sweeper off (GradeSyncSweeper out of the worker) and the
// swept score never arrives: the test times out. The outage is real in the second part: the service
// runs on its own Redis (another port, its own folder: the shared one is never touched), killed
// while an instructor retries a sync, and started again.
import { join } from 'node:path';
import type { GradeSyncView, Wire } from '../../libs/contracts/src';
import { OwnRedis } from '../faults/own-services';
import { call } from './support/client';
import { AGS } from '../support/lti-platform-services';
import { launchAs, startAdvantageFixture, submitGraded, until, type AdvantageFixture } from '../support/lti-advantage-fixture';

type Sync = Wire<GradeSyncView>;

const SWEEP_ENV = { LTI_GRADE_SWEEP_INTERVAL_MS: '300', LTI_GRADE_SWEEP_GRACE_MS: '1000' };
const syncIn = async (fx: AdvantageFixture, userId: string): Promise<Sync | undefined> =>
  (await call<{ syncs: Sync[] }>(fx.tool.baseUrl, 'GET', `/lti/grade-syncs?userId=${userId}`, { caller: fx.org.admin })).body.syncs[0];
const ags = (fx: AdvantageFixture) => ({ lineitems: fx.services.lineItemsUrl, scope: [AGS.lineItem, AGS.score] });

describe('LTI grade passback: the sweeper queues syncs that have no job', () => {
  let fx: AdvantageFixture;

  beforeAll(async () => {
    fx = await startAdvantageFixture(SWEEP_ENV);
  });
  afterAll(() => fx.close());

  const syncOf = (userId: string) => syncIn(fx, userId);

  it('publishes a pending sync stored while Redis could not take its job, once, after the grace period', async () => {
    const learner = await launchAs(fx, {
      sub: 'learner-s',
      role: 'learner',
      context: { id: 'course-s' },
      resourceLinkId: 'rl-s',
      ags: ags(fx),
    });
    const score = await submitGraded(fx, learner, 'starter');
    const first = await until('the first sync', async () => {
      const sync = await syncOf(learner);
      return sync?.status === 'succeeded' ? sync : undefined;
    });
    expect(fx.services.scoresFor('learner-s')).toHaveLength(1);

    // A retry asked for while Redis was away: the row says pending (forced), BullMQ holds no job.
    const [{ n }] = await fx.tool.accounts.query<{ n: number }>(
      `WITH u AS (UPDATE lti_grade_syncs SET status = 'pending', force = true, requested_at = clock_timestamp(), updated_at = clock_timestamp()
                  WHERE id = $1::uuid RETURNING 1) SELECT COUNT(*)::int AS n FROM u`,
      first.id,
    );
    expect(n).toBe(1);
    const storedAt = Date.now();

    const swept = await until(
      'the sweeper to publish the sync',
      async () => {
        const sync = await syncOf(learner);
        return sync?.status === 'succeeded' && sync.requestedAt > first.requestedAt ? sync : undefined;
      },
      30_000,
    );
    // Not before the grace period: the producer had its chance first.
    expect(Date.now() - storedAt).toBeGreaterThanOrEqual(1000);
    expect(swept).toMatchObject({ publishedScore: score, lastError: null });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the sweeper keeps running: nothing more
    expect(fx.services.scoresFor('learner-s').map((p) => p.body.scoreGiven)).toEqual([score, score]);
    expect((await syncOf(learner))?.attempts).toHaveLength(2);
  });
});

// Its own describe: the first service sweeps the same database, and would publish this one's rows.
describe('LTI grade passback: a real outage of the service’s own Redis', () => {
  const redis = new OwnRedis(56_431, join('/tmp', `asynclab-grade-sweeper-redis-${String(process.pid)}`));
  let own: AdvantageFixture;

  beforeAll(async () => {
    redis.stop();
    redis.wipeFolder();
    redis.start();
    own = await startAdvantageFixture({ ...SWEEP_ENV, REDIS_URL: redis.url });
  });
  afterAll(async () => {
    redis.start(); // up again, so the service closes cleanly
    await own.close();
    redis.stop();
    redis.wipeFolder();
  });

  it('stores a retry asked for while Redis is dead (202, pending) and publishes it once Redis is back', async () => {
    const learner = await launchAs(own, {
      sub: 'learner-o',
      role: 'learner',
      context: { id: 'course-o' },
      resourceLinkId: 'rl-o',
      ags: ags(own),
    });
    const score = await submitGraded(own, learner, 'starter');
    const first = await until('the first sync', async () => {
      const sync = await syncIn(own, learner);
      return sync?.status === 'succeeded' ? sync : undefined;
    });

    // Until BullMQ removed the finished job, a retry would be taken by its run (no Redis needed).
    await until('the first job to leave Redis', () => (redis.cli('--scan', '--pattern', `*ltig-${first.id}*`) === '' ? true : undefined));
    redis.kill();
    const retried = await call<Sync>(own.tool.baseUrl, 'POST', `/lti/grade-syncs/${first.id}/retry`, { caller: own.org.admin });
    expect(retried).toMatchObject({ status: 202, body: { id: first.id, status: 'pending' } });
    await new Promise((resolve) => setTimeout(resolve, 2000)); // sweeps run and fail against the dead Redis
    expect(own.services.scoresFor('learner-o')).toHaveLength(1);

    redis.start();
    await until(
      'the retried score after Redis is back',
      () => (own.services.scoresFor('learner-o').length === 2 ? true : undefined),
      60_000,
    );
    const done = await until('the sync to settle', async () => {
      const sync = await syncIn(own, learner);
      return sync?.status === 'succeeded' && sync.requestedAt > first.requestedAt ? sync : undefined;
    });
    expect(done).toMatchObject({ publishedScore: score, lastError: null });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(own.services.scoresFor('learner-o').map((p) => p.body.scoreGiven)).toEqual([score, score]);
  });
});
