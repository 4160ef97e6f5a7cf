// Grade passback (AGS 2.0) against the real service (API, worker, PostgreSQL, Redis, Docker
// sandbox) and a simulated platform on 127.0.0.1 whose token endpoint verifies our client
// assertions against our served JWKS. Learners arrive by real LTI launches (OIDC login, id_token);
// their submissions are graded in the sandbox; the platform records every request.
import type { GradeSyncView, Wire } from '../../libs/contracts/src';
import { signIn } from './support/accounts';
import { call } from './support/client';
import { decodeJwt } from 'jose';
import { readForm } from '../support/lti-platform';
import { deepLinkingClaims, launch, postForm } from '../support/lti-launch-flow';
import { AGS } from '../support/lti-platform-services';
import { LAB, launchAs, startAdvantageFixture, submitGraded, until, type AdvantageFixture } from '../support/lti-advantage-fixture';
import { ltiOrg } from '../support/lti-tool';

type Sync = Wire<GradeSyncView>;

describe('LTI grade passback (AGS 2.0)', () => {
  let fx: AdvantageFixture;
  const scopes = [AGS.lineItem, AGS.score];

  beforeAll(async () => {
    fx = await startAdvantageFixture({ LTI_GRADE_BACKOFF_BASE_MS: '100', LTI_GRADE_MAX_ATTEMPTS: '4', LTI_SERVICE_TIMEOUT_MS: '5000' });
  });
  afterAll(() => fx.close());

  async function syncOf(userId: string): Promise<Sync | undefined> {
    const answer = await call<{ syncs: Sync[] }>(fx.tool.baseUrl, 'GET', `/lti/grade-syncs?userId=${userId}`, { caller: fx.org.admin });
    expect(answer.status).toBe(200);
    return answer.body.syncs[0];
  }
  /** The sync once it settled after `since` (a request later than that one, no longer pending). */
  const settled = (userId: string, since = '') =>
    until(`the grade sync of ${userId} to settle`, async () => {
      const sync = await syncOf(userId);
      return sync && sync.status !== 'pending' && sync.requestedAt > since ? sync : undefined;
    });
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('posts a graded score once, with a token got by a verified client assertion; an unchanged grade posts nothing; a better one posts again', async () => {
    const ags = { lineitems: fx.services.lineItemsUrl, scope: scopes };
    const learner = await launchAs(fx, { sub: 'learner-a', role: 'learner', context: { id: 'course-a' }, resourceLinkId: 'rl-a', ags });

    const firstScore = await submitGraded(fx, learner, 'starter');
    expect(firstScore).toBeLessThan(100);
    const first = await settled(learner);
    expect(first).toMatchObject({ status: 'succeeded', scoreGiven: firstScore, publishedScore: firstScore, scoreMaximum: 100 });
    const posts = fx.services.scoresFor('learner-a');
    expect(posts).toHaveLength(1);
    expect(posts[0].contentType).toBe('application/vnd.ims.lis.v1.score+json');
    const { timestamp, ...score } = posts[0].body;
    expect(score).toEqual({
      userId: 'learner-a',
      scoreGiven: firstScore,
      scoreMaximum: 100,
      activityProgress: 'Submitted',
      gradingProgress: 'FullyGraded',
    });
    expect(timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // The token came from a client assertion the platform verified against our JWKS (iss = sub = client id, aud = token URL).
    expect(posts[0].token.assertion).toMatchObject({
      iss: fx.platform.clientId,
      sub: fx.platform.clientId,
      aud: fx.platform.url('/token'),
    });
    expect(posts[0].token.scopes.sort()).toEqual([...scopes].sort());
    expect(fx.services.refusedTokenRequests).toEqual([]);
    // No line item was given: ours was looked up by resource_id and created once.
    expect(fx.services.lineItemPosts).toHaveLength(1);
    const [item] = fx.services.lineItems;
    expect(item).toMatchObject({ resourceId: first.assignmentId, label: 'The headlines that were never saved', scoreMaximum: 100 });
    expect(posts[0].lineItemId).toBe(item.id);
    expect(first.lineItemUrl).toBe(item.id);

    // The same grade again: the sync runs and posts nothing.
    expect(await submitGraded(fx, learner, 'starter')).toBe(firstScore);
    const unchanged = await settled(learner, first.requestedAt);
    expect(unchanged).toMatchObject({ status: 'succeeded', publishedScore: firstScore });
    await pause(1000);
    expect(fx.services.scoresFor('learner-a')).toHaveLength(1);
    expect(unchanged.attempts).toHaveLength(1);

    // A better grade posts again, to the same line item, with the cached token.
    expect(await submitGraded(fx, learner, 'solution')).toBe(100);
    const better = await settled(learner, unchanged.requestedAt);
    expect(better).toMatchObject({ status: 'succeeded', publishedScore: 100 });
    const all = fx.services.scoresFor('learner-a');
    expect(all.map((p) => [p.body.scoreGiven, p.body.activityProgress, p.lineItemId])).toEqual([
      [firstScore, 'Submitted', item.id],
      [100, 'Completed', item.id],
    ]);
    expect(fx.services.lineItemPosts).toHaveLength(1);
    expect(fx.services.tokens.filter((t) => t.scopes.includes(AGS.score))).toHaveLength(1);
    expect(better.attempts.map((a) => [a.status, a.httpCode, a.scoreGiven])).toEqual([
      ['succeeded', 200, 100],
      ['succeeded', 200, firstScore],
    ]);
  });

  it("uses the platform's own line item, and after two failures gets one accepted score with three logged attempts", async () => {
    const item = fx.services.addLineItem('made-by-the-platform');
    const ags = { lineitems: fx.services.lineItemsUrl, lineitem: item.id, scope: scopes };
    const learner = await launchAs(fx, { sub: 'learner-b', role: 'learner', context: { id: 'course-b' }, resourceLinkId: 'rl-b', ags });
    const createdBefore = fx.services.lineItemPosts.length;
    fx.services.scoreFailures.push(500, 503);

    const score = await submitGraded(fx, learner, 'starter');
    const sync = await settled(learner);
    expect(sync).toMatchObject({ status: 'succeeded', publishedScore: score, lineItemUrl: item.id, lastError: null });
    const posts = fx.services.scoresFor('learner-b');
    expect(posts.map((p) => [p.status, p.lineItemId])).toEqual([
      [500, item.id],
      [503, item.id],
      [200, item.id],
    ]);
    expect(posts.filter((p) => p.status === 200)).toHaveLength(1);
    expect(sync.attempts.map((a) => [a.status, a.httpCode])).toEqual([
      ['succeeded', 200],
      ['failed', 503],
      ['failed', 500],
    ]);
    expect(sync.attempts[2].error).toContain('the gradebook is busy (500)');
    expect(sync.attempts.every((a) => a.durationMs >= 0 && a.scoreGiven === score)).toBe(true);
    expect(fx.services.lineItemPosts).toHaveLength(createdBefore);
  });

  it('ends a sync the platform refuses with a 4xx as failed with its error; the retry endpoint publishes it; other organisations see nothing', async () => {
    const item = fx.services.lineItems.find((i) => i.resourceId === 'made-by-the-platform');
    const ags = { lineitems: fx.services.lineItemsUrl, lineitem: item?.id, scope: scopes };
    const learner = await launchAs(fx, { sub: 'learner-c', role: 'learner', context: { id: 'course-b' }, resourceLinkId: 'rl-b', ags });
    fx.services.scoreFailures.push(422);

    await submitGraded(fx, learner, 'solution');
    const failed = await settled(learner);
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toContain('422');
    expect(failed.attempts.map((a) => [a.status, a.httpCode])).toEqual([['failed', 422]]);
    await pause(500);
    expect(fx.services.scoresFor('learner-c')).toHaveLength(1);

    const other = await ltiOrg(fx.tool);
    const theirs = await call<{ syncs: Sync[] }>(fx.tool.baseUrl, 'GET', '/lti/grade-syncs', { caller: other.admin });
    expect(theirs).toMatchObject({ status: 200, body: { syncs: [] } });
    const foreign = await call(fx.tool.baseUrl, 'POST', `/lti/grade-syncs/${failed.id}/retry`, { caller: other.admin });
    expect(foreign).toMatchObject({ status: 404, body: { code: 'LTI_GRADE_SYNC_NOT_FOUND' } });
    const learnerUser = await fx.tool.accounts.user(fx.org.id, 'learner');
    const asLearner = await signIn(fx.tool.baseUrl, fx.org.slug, learnerUser.email);
    expect((await call(fx.tool.baseUrl, 'GET', '/lti/grade-syncs', { caller: asLearner })).status).toBe(403);
    const badFilter = await call(fx.tool.baseUrl, 'GET', '/lti/grade-syncs?status=lost', { caller: fx.org.admin });
    expect(badFilter).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });

    const retried = await call<Sync>(fx.tool.baseUrl, 'POST', `/lti/grade-syncs/${failed.id}/retry`, { caller: fx.key });
    expect(retried).toMatchObject({ status: 202, body: { id: failed.id, status: 'pending' } });
    const done = await settled(learner, failed.requestedAt);
    expect(done).toMatchObject({ status: 'succeeded', publishedScore: 100, lastError: null });
    expect(fx.services.scoresFor('learner-c').map((p) => p.status)).toEqual([422, 200]);
  });

  it('never duplicates a line item, even when two syncs of the assignment run at once', async () => {
    // The first launches offer no line items service: the learners' syncs fail for good with that error.
    const noService = { scope: scopes };
    const d1 = await launchAs(fx, {
      sub: 'learner-d1',
      role: 'learner',
      context: { id: 'course-d' },
      resourceLinkId: 'rl-d',
      ags: noService,
    });
    const d2 = await launchAs(fx, {
      sub: 'learner-d2',
      role: 'learner',
      context: { id: 'course-d' },
      resourceLinkId: 'rl-d',
      ags: noService,
    });
    await Promise.all([submitGraded(fx, d1, 'starter'), submitGraded(fx, d2, 'solution')]);
    const [f1, f2] = await Promise.all([settled(d1), settled(d2)]);
    for (const sync of [f1, f2]) {
      expect(sync.status).toBe('failed');
      expect(sync.lastError).toContain('no line items service');
    }
    // An instructor's launch brings the AGS claim with the container; the platform creates slowly.
    const ags = { lineitems: fx.services.lineItemsUrl, scope: scopes };
    await launchAs(fx, { sub: 'teacher-d', role: 'instructor', context: { id: 'course-d' }, resourceLinkId: 'rl-d', ags });
    fx.services.lineItemDelayMs = 700;
    const posts = fx.services.lineItemPosts.length;

    const retries = await Promise.all(
      [f1, f2].map((s) => call(fx.tool.baseUrl, 'POST', `/lti/grade-syncs/${s.id}/retry`, { caller: fx.org.admin })),
    );
    expect(retries.map((r) => r.status)).toEqual([202, 202]);
    const [s1, s2] = await Promise.all([settled(d1, f1.requestedAt), settled(d2, f2.requestedAt)]);
    fx.services.lineItemDelayMs = 0;
    expect([s1.status, s2.status]).toEqual(['succeeded', 'succeeded']);
    expect(fx.services.lineItemPosts).toHaveLength(posts + 1);
    const ours = fx.services.lineItems.filter((i) => i.resourceId === f1.assignmentId);
    expect(ours).toHaveLength(1);
    expect([s1.lineItemUrl, s2.lineItemUrl]).toEqual([ours[0].id, ours[0].id]);
    expect(
      fx.services
        .scoresFor('learner-d1')
        .concat(fx.services.scoresFor('learner-d2'))
        .map((p) => p.lineItemId),
    ).toEqual([ours[0].id, ours[0].id]);
    const rows = await fx.tool.accounts.query<{ n: number }>(
      'SELECT COUNT(*)::int AS n FROM lti_line_items WHERE assignment_id = $1::uuid',
      f1.assignmentId,
    );
    expect(rows[0].n).toBe(1);
  });

  it("grades a deep-linked lab into the line item the platform made from our content item's lineItem, found by resource_id", async () => {
    const course = { id: 'course-e', title: 'Deep-linked course' };
    const claims = deepLinkingClaims(fx.platform, {
      sub: 'teacher-e',
      role: 'instructor',
      targetLinkUri: `${fx.tool.origin}/api/v1/lti/launch`,
      context: course,
    });
    const picker = await launch(fx.tool.origin, fx.platform, claims);
    const token = /name="token" value="([^"]+)"/.exec(picker.text)?.[1] ?? '';
    const dueDate = new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10);
    const answer = await postForm(`${fx.tool.origin}/api/v1/lti/deep-link`, { token, labIds: [LAB], dueDate });
    const page = await answer.text();
    expect({ status: answer.status, page: page.slice(0, 200) }).toMatchObject({ status: 200 });
    const jwt = readForm(page).fields.JWT;
    const [item] = decodeJwt(jwt)['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as {
      title: string;
      custom: Record<string, string>;
      lineItem: { resourceId: string; label?: string };
    }[];
    // The platform makes the gradebook column from the content item, as an LMS does; no launch carried its URL yet.
    const column = fx.services.addLineItem(item.lineItem.resourceId, item.title);
    const created = fx.services.lineItemPosts.length;

    const ags = { lineitems: fx.services.lineItemsUrl, scope: scopes };
    const learner = await launchAs(fx, {
      sub: 'learner-e',
      role: 'learner',
      context: course,
      resourceLinkId: 'rl-e',
      custom: item.custom,
      ags,
    });
    await submitGraded(fx, learner, 'solution');
    const sync = await settled(learner);
    expect(sync).toMatchObject({
      status: 'succeeded',
      assignmentId: item.custom.assignment_id,
      lineItemUrl: column.id,
      publishedScore: 100,
    });
    expect(fx.services.scoresFor('learner-e').map((p) => p.lineItemId)).toEqual([column.id]);
    expect(fx.services.lineItemPosts).toHaveLength(created);
    const lookups = fx.platform.received.filter((r) => r.method === 'GET' && r.url.pathname === '/lineitems');
    expect(lookups.at(-1)?.url.searchParams.get('resource_id')).toBe(item.custom.assignment_id);
    const [row] = await fx.tool.accounts.query<{ source: string }>(
      'SELECT source FROM lti_line_items WHERE assignment_id = $1::uuid',
      sync.assignmentId,
    );
    expect(row.source).toBe('found');
  });
});
