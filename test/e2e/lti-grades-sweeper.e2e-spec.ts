// Nothing lost when Redis is down, for grade syncs: a sync stored with no job in BullMQ (as when
// Redis did not take the add) is queued by the worker's sweeper once its grace period is over, and
// its score reaches the platform once. Real service, PostgreSQL, Redis and sandbox; the simulated
// platform records every score. Turn the sweeper off (GradeSyncSweeper out of the worker) and the
// swept score never arrives: the test times out.
import type { GradeSyncView, Wire } from '../../libs/contracts/src';
import { call } from './support/client';
import { AGS } from '../support/lti-platform-services';
import { launchAs, startAdvantageFixture, submitGraded, until, type AdvantageFixture } from '../support/lti-advantage-fixture';

type Sync = Wire<GradeSyncView>;

describe('LTI grade passback: the sweeper queues syncs that have no job', () => {
  let fx: AdvantageFixture;

  beforeAll(async () => {
    fx = await startAdvantageFixture({ LTI_GRADE_SWEEP_INTERVAL_MS: '300', LTI_GRADE_SWEEP_GRACE_MS: '1000' });
  });
  afterAll(() => fx.close());

  const syncOf = async (userId: string): Promise<Sync | undefined> =>
    (await call<{ syncs: Sync[] }>(fx.tool.baseUrl, 'GET', `/lti/grade-syncs?userId=${userId}`, { caller: fx.org.admin })).body.syncs[0];

  it('publishes a pending sync stored while Redis could not take its job, once, after the grace period', async () => {
    const ags = { lineitems: fx.services.lineItemsUrl, scope: [AGS.lineItem, AGS.score] };
    const learner = await launchAs(fx, { sub: 'learner-s', role: 'learner', context: { id: 'course-s' }, resourceLinkId: 'rl-s', ags });
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
