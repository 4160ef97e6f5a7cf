// A regrade publishes a changed grade: after an instructor regrades an assignment of an LTI-linked
// cohort (the lab's hidden tests changed), the learner's new grade reaches the platform's AGS
// scores endpoint once; a regrade that changes nothing posts nothing. Real service, worker,
// PostgreSQL, Redis and Docker sandbox; the simulated platform records every score.
import type { GradeSyncView, RegradeView, Wire } from '../../libs/contracts/src';
import { call } from './support/client';
import { AGS } from '../support/lti-platform-services';
import { LAB, launchAs, startAdvantageFixture, submitGraded, until, type AdvantageFixture } from '../support/lti-advantage-fixture';

type Sync = Wire<GradeSyncView>;

describe('LTI grade passback after a regrade', () => {
  let fx: AdvantageFixture;
  let original: string;

  beforeAll(async () => {
    fx = await startAdvantageFixture({ LTI_GRADE_BACKOFF_BASE_MS: '100' });
    [{ current_version_id: original }] = await fx.tool.accounts.query<{ current_version_id: string }>(
      'SELECT current_version_id FROM labs WHERE id = $1',
      LAB,
    );
  });
  afterAll(async () => {
    await fx.tool.accounts.query('UPDATE labs SET current_version_id = $1 WHERE id = $2', original, LAB);
    await fx.close();
  });

  const syncOf = async (userId: string): Promise<Sync | undefined> =>
    (await call<{ syncs: Sync[] }>(fx.tool.baseUrl, 'GET', `/lti/grade-syncs?userId=${userId}`, { caller: fx.org.admin })).body.syncs[0];
  const settled = (userId: string, since = '') =>
    until(`the grade sync of ${userId} to settle`, async () => {
      const sync = await syncOf(userId);
      return sync && sync.status !== 'pending' && sync.requestedAt > since ? sync : undefined;
    });

  /** A new current version of the lab: its content, with `extraHidden` added to the hidden tests. */
  async function newLabVersion(tag: string, extraHidden: Record<string, string> = {}): Promise<void> {
    const [lab] = await fx.tool.accounts.query<{ content: { hidden: Record<string, string> } }>(
      'SELECT v.content FROM lab_versions v WHERE v.id::text = $1',
      original,
    );
    const content = { ...lab.content, hidden: { ...lab.content.hidden, ...extraHidden } };
    const [version] = await fx.tool.accounts.query<{ id: string }>(
      'INSERT INTO lab_versions (id, lab_id, content_hash, content) VALUES (gen_random_uuid(), $1, $2, $3::jsonb) RETURNING id::text AS id',
      LAB,
      `e2e-regrade-${tag}`,
      JSON.stringify(content),
    );
    await fx.tool.accounts.query('UPDATE labs SET current_version_id = $1 WHERE id = $2', version.id, LAB);
  }

  async function regrade(cohortId: string, assignmentId: string): Promise<void> {
    const started = await call<RegradeView>(fx.tool.baseUrl, 'POST', `/cohorts/${cohortId}/assignments/${assignmentId}/regrades`, {
      caller: fx.org.admin,
    });
    expect(started.status).toBe(202);
    await until(
      'the regrade to finish',
      async () => {
        const progress = await call<RegradeView>(fx.tool.baseUrl, 'GET', `/cohorts/${cohortId}/regrades/${started.body.id}`, {
          caller: fx.org.admin,
        });
        return progress.body.finished ? progress.body : undefined;
      },
      180_000,
    );
  }

  it('posts the regraded score once when the grade changed, and nothing when it did not', async () => {
    const ags = { lineitems: fx.services.lineItemsUrl, scope: [AGS.lineItem, AGS.score] };
    const learner = await launchAs(fx, { sub: 'learner-g', role: 'learner', context: { id: 'course-g' }, resourceLinkId: 'rl-g', ags });
    expect(await submitGraded(fx, learner, 'solution')).toBe(100);
    const first = await settled(learner);
    expect(first).toMatchObject({ status: 'succeeded', publishedScore: 100 });
    const [{ cohort_id: cohortId }] = await fx.tool.accounts.query<{ cohort_id: string }>(
      `SELECT cohort_id FROM lti_contexts WHERE platform_id = $1::uuid AND context_id = 'course-g'`,
      fx.platformId,
    );

    // The same tests under a new version: the regrade re-runs the submission, the grade stays, nothing is posted.
    await newLabVersion('same');
    await regrade(cohortId, first.assignmentId);
    const unchanged = await settled(learner, first.requestedAt);
    expect(unchanged).toMatchObject({ status: 'succeeded', publishedScore: 100 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(fx.services.scoresFor('learner-g')).toHaveLength(1);

    // Hidden tests that demand more: the regraded score is lower, and it reaches the platform once.
    await newLabVersion('stricter', { 'test_regrade_rule.py': 'def test_regrade_rule():\n    assert False, "stricter"\n' });
    await regrade(cohortId, first.assignmentId);
    const changed = await settled(learner, unchanged.requestedAt);
    expect(changed.status).toBe('succeeded');
    expect(changed.publishedScore).toBeLessThan(100);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const posts = fx.services.scoresFor('learner-g');
    expect(posts.map((p) => [p.body.scoreGiven, p.body.activityProgress])).toEqual([
      [100, 'Completed'],
      [changed.publishedScore, 'Submitted'],
    ]);
    expect(posts.every((p) => p.lineItemId === first.lineItemUrl)).toBe(true);
  });
});
