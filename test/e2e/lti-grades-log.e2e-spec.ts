// The grade sync log a page at a time, against the real API and PostgreSQL: 250 syncs of one
// cohort, ten at a time sharing an updated_at, walked page by page with none skipped or repeated;
// the filters (status, cohort, assignment, learner, time window); a sync changed mid-walk never
// listed twice; the 400s naming the parameter; another organisation's filters answer 404.
import type { GradeSyncPage, Wire } from '../../libs/contracts/src';
import { call, type ApiErrorBody, type Caller } from './support/client';
import { launchAs, startAdvantageFixture, type AdvantageFixture } from '../support/lti-advantage-fixture';
import { ltiOrg } from '../support/lti-tool';

type Page = Wire<GradeSyncPage>;

const SYNCS = 250;
const BASE_TIME = '2026-11-30T12:00:00.000Z';

describe('the LTI grade sync log, paged and filtered', () => {
  let fx: AdvantageFixture;
  const get = <T = ApiErrorBody>(path: string, caller: Caller = fx.org.admin) => call<T>(fx.tool.baseUrl, 'GET', path, { caller });

  beforeAll(async () => {
    fx = await startAdvantageFixture({}, false); // no worker: the rows stay as stored
  });
  afterAll(() => fx.close());

  /** A launch into the course makes its cohort, context and assignment; their ids. */
  async function course(id: string, sub: string): Promise<{ cohortId: string; contextId: string; assignmentId: string; learner: string }> {
    const learner = await launchAs(fx, { sub, role: 'learner', context: { id }, resourceLinkId: `rl-${id}` });
    const [row] = await fx.tool.accounts.query<{ cohortId: string; contextId: string; assignmentId: string }>(
      `SELECT c.cohort_id AS "cohortId", c.id AS "contextId", a.id AS "assignmentId"
       FROM lti_contexts c JOIN cohort_assignments a ON a.cohort_id = c.cohort_id
       WHERE c.platform_id = $1::uuid AND c.context_id = $2`,
      fx.platformId,
      id,
    );
    return { ...row, learner };
  }

  /** `count` learners' syncs of the assignment: every fifth failed, ten at a time sharing updated_at. */
  async function storeSyncs(where: { contextId: string; assignmentId: string }, count: number): Promise<void> {
    await fx.tool.accounts.query(
      `WITH learners AS (
         INSERT INTO users (id, organization_id, role, display_name, updated_at)
         SELECT gen_random_uuid(), $1::uuid, 'learner', 'Paged ' || g, now() FROM generate_series(1, $4::int) g
         RETURNING id),
       numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM learners)
       INSERT INTO lti_grade_syncs (id, organization_id, context_id, assignment_id, user_id, status, updated_at)
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, id, CASE WHEN n % 5 = 0 THEN 'failed' ELSE 'succeeded' END,
              $5::timestamp + (n / 10) * interval '1 second'
       FROM numbered`,
      fx.org.id,
      where.contextId,
      where.assignmentId,
      count,
      BASE_TIME,
    );
  }

  /** Every page from the first, following nextCursor; the ids in the order answered. */
  async function walk(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: { status: number; body: Page } = await get<Page>(
        `/lti/grade-syncs?${query}&limit=${String(limit)}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.syncs.length).toBeLessThanOrEqual(limit);
      ids.push(...answer.body.syncs.map((s) => s.id));
      cursor = answer.body.nextCursor;
      pages += 1;
      if (pages > 100) throw new Error('the walk does not end');
    } while (cursor);
    return { ids, pages };
  }

  /** What PostgreSQL holds, in the log's order (updated_at, then id, newest first). */
  const stored = (where: string, ...values: unknown[]) =>
    fx.tool.accounts
      .query<{ id: string }>(`SELECT id FROM lti_grade_syncs WHERE ${where} ORDER BY updated_at DESC, id DESC`, ...values)
      .then((rows) => rows.map((r) => r.id));

  it('walks 250 syncs sharing timestamps page by page, none skipped or repeated, and filters them', async () => {
    const a = await course('course-paged', 'paged-a');
    const b = await course('course-other', 'paged-b');
    await storeSyncs(a, SYNCS);
    await storeSyncs(b, 3);

    const all = await stored('context_id = $1::uuid', a.contextId);
    expect(all).toHaveLength(SYNCS);
    // 37 a page: page ends fall inside groups of ten sharing a timestamp.
    const walked = await walk(`cohortId=${a.cohortId}`, 37);
    expect(walked.pages).toBe(7);
    expect(new Set(walked.ids).size).toBe(SYNCS);
    expect(walked.ids).toEqual(all);

    const first = await get<Page>(`/lti/grade-syncs?cohortId=${a.cohortId}`);
    expect(first.body.syncs).toHaveLength(50); // the default limit
    expect(first.body.nextCursor).not.toBeNull();
    const widest = await get<Page>(`/lti/grade-syncs?cohortId=${a.cohortId}&limit=200`);
    expect(widest.body.syncs).toHaveLength(200);

    const failed = await walk(`cohortId=${a.cohortId}&status=failed`, 20);
    expect(failed.ids).toEqual(await stored(`context_id = $1::uuid AND status = 'failed'`, a.contextId));
    expect(failed.ids).toHaveLength(SYNCS / 5);

    const orgWide = await walk('status=succeeded', 100);
    expect(orgWide.ids).toEqual(await stored(`organization_id = $1::uuid AND status = 'succeeded'`, fx.org.id));
    expect(orgWide.ids).toEqual(expect.arrayContaining(await stored(`context_id = $1::uuid AND status = 'succeeded'`, b.contextId)));

    const [someone] = await fx.tool.accounts.query<{ userId: string; id: string }>(
      `SELECT user_id AS "userId", id FROM lti_grade_syncs WHERE context_id = $1::uuid ORDER BY id LIMIT 1`,
      a.contextId,
    );
    const theirs = await get<Page>(`/lti/grade-syncs?userId=${someone.userId}`);
    expect(theirs.body).toMatchObject({ syncs: [{ id: someone.id, userId: someone.userId }], nextCursor: null });
    const ofAssignment = await walk(`assignmentId=${b.assignmentId}`, 2);
    expect(ofAssignment.ids).toEqual(await stored('assignment_id = $1::uuid', b.assignmentId));
    expect(ofAssignment.ids).toHaveLength(3);
    const mismatched = await get(`/lti/grade-syncs?cohortId=${a.cohortId}&assignmentId=${b.assignmentId}`);
    expect(mismatched).toMatchObject({ status: 404, body: { code: 'ASSIGNMENT_NOT_FOUND', field: 'assignmentId' } });

    // The window [since, until) on updated_at: seconds 3 to 7 hold groups 3..6 (40 syncs).
    const at = (seconds: number) => new Date(Date.parse(BASE_TIME) + seconds * 1000).toISOString();
    const window = await walk(`cohortId=${a.cohortId}&since=${at(3)}&until=${at(7)}`, 15);
    expect(window.ids).toEqual(
      await stored('context_id = $1::uuid AND updated_at >= $2::timestamp AND updated_at < $3::timestamp', a.contextId, at(3), at(7)),
    );
    expect(window.ids).toHaveLength(40);
    const instant = await get<Page>(`/lti/grade-syncs?cohortId=${a.cohortId}&since=${at(3)}&until=${at(3)}`);
    expect(instant.body).toEqual({ syncs: [], nextCursor: null });
  });

  it('never lists a sync twice when it changes during a walk; a walk from the start time catches it', async () => {
    const c = await course('course-moving', 'moving-c');
    await storeSyncs(c, 30);
    const startedAt = new Date().toISOString();
    const first = await get<Page>(`/lti/grade-syncs?cohortId=${c.cohortId}&limit=10`);
    const seen = first.body.syncs.map((s) => s.id);
    const unseen = (await stored('context_id = $1::uuid AND NOT (id = ANY($2::uuid[]))', c.contextId, seen)).at(-1);
    // An instructor's retry of one already shown and of one not reached yet: both move to the head.
    await fx.tool.accounts.query(
      `UPDATE lti_grade_syncs SET status = 'pending', updated_at = clock_timestamp() WHERE id = ANY($1::uuid[])`,
      [seen[3], unseen],
    );
    let cursor = first.body.nextCursor;
    const rest: string[] = [];
    while (cursor) {
      const page: { body: Page } = await get<Page>(`/lti/grade-syncs?cohortId=${c.cohortId}&limit=10&cursor=${cursor}`);
      rest.push(...page.body.syncs.map((s) => s.id));
      cursor = page.body.nextCursor;
    }
    const listed = [...seen, ...rest];
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).not.toContain(unseen);
    expect(listed).toHaveLength(29);
    const changed = await get<Page>(`/lti/grade-syncs?cohortId=${c.cohortId}&since=${startedAt}`);
    expect(changed.body.syncs.map((s) => s.id).sort()).toEqual([seen[3], unseen].sort());
  });

  it('answers 400 naming the parameter for a bad status, cursor, limit or window', async () => {
    const cases: [string, string, string][] = [
      ['status=lost', 'VALIDATION_FAILED', 'status must be one of pending, succeeded, failed, skipped'],
      ['cursor=bm90LWEtY3Vyc29y', 'INVALID_CURSOR', 'cursor'],
      ['limit=0', 'VALIDATION_FAILED', 'limit'],
      ['limit=201', 'VALIDATION_FAILED', 'limit'],
      ['limit=ten', 'VALIDATION_FAILED', 'limit'],
      ['since=yesterday', 'VALIDATION_FAILED', 'since must be an ISO 8601 date-time'],
      ['since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z', 'VALIDATION_FAILED', 'since must not be after until'],
      ['cohortId=not-a-uuid', 'VALIDATION_FAILED', 'cohortId'],
    ];
    for (const [query, code, named] of cases) {
      const answer = await get(`/lti/grade-syncs?${query}`);
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({ query, status: 400, code });
      expect(answer.body.message).toContain(named);
    }
    expect((await get('/lti/grade-syncs?cursor=bm90LWEtY3Vyc29y')).body.field).toBe('cursor');
    expect((await get('/lti/grade-syncs?since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z')).body.field).toBe('since');
  });

  it("answers 404 for another organisation's cohort, assignment or learner, and lists none of its syncs", async () => {
    const d = await course('course-private', 'private-d');
    await storeSyncs(d, 2);
    const other = await ltiOrg(fx.tool);
    const foreign = async (query: string) => (await get(`/lti/grade-syncs?${query}`, other.admin)).body;
    expect(await foreign(`cohortId=${d.cohortId}`)).toMatchObject({ statusCode: 404, code: 'COHORT_NOT_FOUND', field: 'cohortId' });
    expect(await foreign(`assignmentId=${d.assignmentId}`)).toMatchObject({ statusCode: 404, code: 'ASSIGNMENT_NOT_FOUND' });
    expect(await foreign(`userId=${d.learner}`)).toMatchObject({ statusCode: 404, code: 'USER_NOT_FOUND', field: 'userId' });
    const theirs = await get<Page>('/lti/grade-syncs?status=succeeded', other.admin);
    expect(theirs).toMatchObject({ status: 200, body: { syncs: [], nextCursor: null } });
    // A cohort of one's own that no LMS course links is an empty log, not a 404.
    const [plain] = await fx.tool.accounts.query<{ id: string }>(
      `INSERT INTO cohorts (id, organization_id, name, join_code) VALUES (gen_random_uuid(), $1::uuid, 'plain', $2) RETURNING id`,
      other.id,
      `plain-${Date.now()}`,
    );
    expect((await get<Page>(`/lti/grade-syncs?cohortId=${plain.id}`, other.admin)).body).toEqual({ syncs: [], nextCursor: null });
  });
});
