// Names and roles (NRPS 2.0) against the real service and a simulated platform whose roster is
// paged two members at a time with Link rel="next": an instructor's launch syncs the cohort in the
// background; POST /lti/contexts/:id/roster-sync syncs again after the roster changed.
import type { LtiContextPage, LtiContextView, RosterSyncResult, Wire } from '../../libs/contracts/src';
import { call } from './support/client';
import { ROLE } from '../support/lti-platform';
import { NRPS, type RosterMember } from '../support/lti-platform-services';
import { launchAs, NRPS_CLAIM, startAdvantageFixture, until, type AdvantageFixture } from '../support/lti-advantage-fixture';
import { ltiOrg } from '../support/lti-tool';

describe('LTI roster sync (NRPS 2.0)', () => {
  let fx: AdvantageFixture;

  beforeAll(async () => {
    fx = await startAdvantageFixture({}, false);
  });
  afterAll(() => fx.close());

  const learner = (id: string, status: RosterMember['status'] = 'Active'): RosterMember => ({
    user_id: id,
    status,
    roles: [ROLE.learner],
    name: `Learner ${id}`,
    email: `${id}@lms.test`,
  });
  const members = async (cohortId: string) =>
    (
      await fx.tool.accounts.query<{ user_id: string; subject: string | null }>(
        `SELECT m.user_id, l.subject FROM cohort_members m LEFT JOIN lti_user_links l ON l.user_id = m.user_id
         WHERE m.cohort_id = $1::uuid ORDER BY l.subject NULLS LAST`,
        cohortId,
      )
    ).map((row) => row.subject ?? row.user_id);

  it("syncs the roster on an instructor's launch and on request: members added, marked inactive and gone removed, every page read", async () => {
    fx.services.roster = [
      { user_id: 'teacher-r', status: 'Active', roles: [ROLE.instructor], name: 'Tess Teacher', email: 'tess@lms.test' },
      learner('r1'),
      learner('r2'),
      learner('r3'),
      learner('r4', 'Inactive'),
      learner('r5', 'Deleted'),
    ];
    // The organisation's LMS listens for cohort.member_joined (the platform's host stands in for its receiver).
    fx.platform.route('POST', '/hooks', () => ({ status: 204 }));
    const hook = await call(fx.tool.baseUrl, 'POST', '/webhooks/endpoints', {
      caller: fx.org.admin,
      body: { url: fx.platform.url('/hooks'), events: ['cohort.member_joined'] },
    });
    expect(hook.status).toBe(201);
    const joined = async (cohortId: string) =>
      (
        await fx.tool.accounts.query<{ user_id: string }>(
          `SELECT payload->>'userId' AS user_id FROM webhook_deliveries WHERE event = 'cohort.member_joined' AND payload->>'cohortId' = $1`,
          cohortId,
        )
      ).length;
    const nrps = { [NRPS_CLAIM]: { context_memberships_url: fx.services.membershipsUrl, service_versions: ['2.0'] } };
    await launchAs(fx, { sub: 'teacher-r', role: 'instructor', context: { id: 'course-r', title: 'Roster course' }, extraClaims: nrps });
    const [context] = await fx.tool.accounts.query<{ id: string; cohort_id: string }>(
      `SELECT id, cohort_id FROM lti_contexts WHERE platform_id = $1::uuid AND context_id = 'course-r'`,
      fx.platformId,
    );

    // The launch's background sync: the three active learners join; inactive and deleted ones are not created.
    await until('the roster to arrive', async () => ((await members(context.cohort_id)).length === 3 ? true : undefined));
    expect(await members(context.cohort_id)).toEqual(['r1', 'r2', 'r3']);
    // One cohort.member_joined per learner added (emitted just after the members are stored).
    await until('three member_joined deliveries', async () => ((await joined(context.cohort_id)) === 3 ? true : undefined));
    expect(fx.services.rosterRequests.map((url) => url.searchParams.get('page'))).toEqual([null, '2', '3']);
    expect(fx.services.tokens.filter((t) => t.scopes.includes(NRPS))).toHaveLength(1);
    const users = await fx.tool.accounts.query<{ subject: string; role: string; display_name: string; email: string }>(
      `SELECT l.subject, u.role, u.display_name, u.email FROM lti_user_links l JOIN users u ON u.id = l.user_id
       WHERE l.platform_id = $1::uuid ORDER BY l.subject`,
      fx.platformId,
    );
    expect(users.map((u) => [u.subject, u.role, u.display_name])).toEqual([
      ['r1', 'learner', 'Learner r1'],
      ['r2', 'learner', 'Learner r2'],
      ['r3', 'learner', 'Learner r3'],
      ['teacher-r', 'instructor', 'Tess Teacher'],
    ]);
    expect(users[0].email).toBe('r1@lms.test');

    // A learner who joined by the cohort's code is not the roster's to remove.
    const local = await fx.tool.accounts.user(fx.org.id, 'learner');
    await fx.tool.accounts.query(
      'INSERT INTO cohort_members (cohort_id, user_id) VALUES ($1::uuid, $2::uuid)',
      context.cohort_id,
      local.id,
    );

    // The roster changes: r1 now teaches (a TA), r2 is inactive, r3 left, r6 arrived.
    fx.services.roster = [
      fx.services.roster[0],
      { ...learner('r1'), roles: [ROLE.instructor] },
      learner('r2', 'Inactive'),
      learner('r4', 'Inactive'),
      learner('r5', 'Deleted'),
      learner('r6'),
    ];
    const before = fx.services.rosterRequests.length;
    const synced = await call<RosterSyncResult>(fx.tool.baseUrl, 'POST', `/lti/contexts/${context.id}/roster-sync`, {
      caller: fx.org.admin,
    });
    expect(synced.status).toBe(200);
    expect(synced.body).toEqual({
      contextId: context.id,
      cohortId: context.cohort_id,
      pages: 3,
      members: 6,
      usersCreated: 1,
      learnersAdded: 1,
      learnersRemoved: 2,
      learnersKept: 0,
      instructors: 2,
      inactive: 3,
      complete: true,
    });
    expect(fx.services.rosterRequests).toHaveLength(before + 3);
    expect(await members(context.cohort_id)).toEqual(['r1', 'r6', local.id]);
    const [r1] = await fx.tool.accounts.query<{ role: string }>(
      `SELECT u.role FROM users u JOIN lti_user_links l ON l.user_id = u.id WHERE l.platform_id = $1::uuid AND l.subject = 'r1'`,
      fx.platformId,
    );
    expect(r1.role).toBe('instructor');
    expect(await joined(context.cohort_id)).toBe(4);

    // The same roster again changes nothing.
    const again = await call<RosterSyncResult>(fx.tool.baseUrl, 'POST', `/lti/contexts/${context.id}/roster-sync`, { caller: fx.key });
    expect(again.body).toMatchObject({ usersCreated: 0, learnersAdded: 0, learnersRemoved: 0, learnersKept: 1 });

    // Every run is recorded, the launch's too; the schedule is off in the tests.
    const seen = await call<Wire<LtiContextView>>(fx.tool.baseUrl, 'GET', `/lti/contexts/${context.id}`, { caller: fx.key });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ namesAndRoles: true, rosterSyncIntervalMinutes: null, title: 'Roster course' });
    expect(seen.body.rosterSyncs.map((run) => [run.trigger, run.status, run.learnersAdded, run.learnersRemoved])).toEqual([
      ['request', 'succeeded', 0, 0],
      ['request', 'succeeded', 1, 2],
      ['launch', 'succeeded', 3, 0],
    ]);
    expect(seen.body.lastRosterSync).toMatchObject({ trigger: 'request', learnersKept: 1, slotAt: null });

    // The cohort's context is found from the cohort (the dashboard asks so), the same view as by id.
    const byCohort = await call<Wire<LtiContextPage>>(fx.tool.baseUrl, 'GET', `/lti/contexts?cohortId=${context.cohort_id}`, {
      caller: fx.org.admin,
    });
    expect(byCohort).toMatchObject({ status: 200, body: { nextCursor: null } });
    expect(byCohort.body.contexts).toEqual([seen.body]);
  });

  it("lists the organisation's contexts newest first a page at a time, and answers 404 for another organisation's cohort", async () => {
    const other = await ltiOrg(fx.tool);
    for (const id of ['course-l1', 'course-l2', 'course-l3'])
      await launchAs(fx, { sub: `teacher-${id}`, role: 'instructor', context: { id } });
    const stored = (
      await fx.tool.accounts.query<{ id: string }>(
        `SELECT c.id FROM lti_contexts c JOIN lti_platforms p ON p.id = c.platform_id WHERE p.organization_id = $1::uuid
         ORDER BY c.created_at DESC, c.id DESC`,
        fx.org.id,
      )
    ).map((row) => row.id);
    expect(stored.length).toBeGreaterThanOrEqual(3);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=2&cursor=${cursor}` : 'limit=2';
      const page = await call<Wire<LtiContextPage>>(fx.tool.baseUrl, 'GET', `/lti/contexts?${query}`, { caller: fx.key });
      expect(page.status).toBe(200);
      expect(page.body.contexts.length).toBeLessThanOrEqual(2);
      walked.push(...page.body.contexts.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(stored);

    const [cohort] = await fx.tool.accounts.query<{ cohort_id: string }>(
      `SELECT cohort_id FROM lti_contexts WHERE platform_id = $1::uuid AND context_id = 'course-l1'`,
      fx.platformId,
    );
    const foreign = await call(fx.tool.baseUrl, 'GET', `/lti/contexts?cohortId=${cohort.cohort_id}`, { caller: other.admin });
    expect(foreign).toMatchObject({ status: 404, body: { code: 'COHORT_NOT_FOUND', field: 'cohortId' } });
    expect((await call<Wire<LtiContextPage>>(fx.tool.baseUrl, 'GET', '/lti/contexts', { caller: other.admin })).body).toEqual({
      contexts: [],
      nextCursor: null,
    });
    const bad = await call(fx.tool.baseUrl, 'GET', '/lti/contexts?cohortId=not-a-uuid', { caller: fx.org.admin });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', message: 'cohortId must be a UUID' } });
  });

  it('answers 404 for another organisation, 403 without the manage scope, 409 for a context without the service, 502 when the platform fails', async () => {
    await launchAs(fx, { sub: 'teacher-q', role: 'instructor', context: { id: 'course-q' } });
    const [context] = await fx.tool.accounts.query<{ id: string }>(
      `SELECT id FROM lti_contexts WHERE platform_id = $1::uuid AND context_id = 'course-q'`,
      fx.platformId,
    );
    const none = await call(fx.tool.baseUrl, 'POST', `/lti/contexts/${context.id}/roster-sync`, { caller: fx.org.admin });
    expect(none).toMatchObject({ status: 409, body: { code: 'LTI_SERVICE_NOT_OFFERED' } });
    expect(none.body.message).toContain('names and roles');

    // A platform whose roster endpoint fails answers 502 with what it said.
    await fx.tool.accounts.query(
      'UPDATE lti_contexts SET memberships_url = $2 WHERE id = $1::uuid',
      context.id,
      fx.platform.url('/no-roster-here'),
    );
    const broken = await call(fx.tool.baseUrl, 'POST', `/lti/contexts/${context.id}/roster-sync`, { caller: fx.org.admin });
    expect(broken).toMatchObject({ status: 502, body: { code: 'LTI_PLATFORM_FAILED' } });
    expect(broken.body.message).toContain('answered 404');
    const failed = await call<Wire<LtiContextView>>(fx.tool.baseUrl, 'GET', `/lti/contexts/${context.id}`, { caller: fx.org.admin });
    expect(failed.body).toMatchObject({ namesAndRoles: true, lastRosterSync: { trigger: 'request', status: 'failed', members: null } });
    expect(failed.body.lastRosterSync?.error).toContain('answered 404');

    const other = await ltiOrg(fx.tool);
    const foreign = await call(fx.tool.baseUrl, 'POST', `/lti/contexts/${context.id}/roster-sync`, { caller: other.admin });
    expect(foreign).toMatchObject({ status: 404, body: { code: 'LTI_CONTEXT_NOT_FOUND' } });
    const foreignRead = await call(fx.tool.baseUrl, 'GET', `/lti/contexts/${context.id}`, { caller: other.admin });
    expect(foreignRead).toMatchObject({ status: 404, body: { code: 'LTI_CONTEXT_NOT_FOUND' } });
    const readOnly = { apiKey: (await fx.tool.accounts.key(fx.org.id, ['read'])).key };
    expect((await call(fx.tool.baseUrl, 'POST', `/lti/contexts/${context.id}/roster-sync`, { caller: readOnly })).status).toBe(403);
  });

  it('stops paging at the bound and then removes nobody for being absent', async () => {
    const bounded = await startAdvantageFixture({ LTI_ROSTER_MAX_PAGES: '2' }, false);
    try {
      bounded.services.roster = [learner('p1'), learner('p2'), learner('p3'), learner('p4'), learner('p5')];
      await launchAs(bounded, { sub: 'teacher-p', role: 'instructor', context: { id: 'course-p' } });
      const [context] = await bounded.tool.accounts.query<{ id: string }>(
        `UPDATE lti_contexts SET memberships_url = $2 WHERE platform_id = $1::uuid AND context_id = 'course-p' RETURNING id`,
        bounded.platformId,
        bounded.services.membershipsUrl,
      );
      const synced = await call<RosterSyncResult>(bounded.tool.baseUrl, 'POST', `/lti/contexts/${context.id}/roster-sync`, {
        caller: bounded.org.admin,
      });
      expect(synced.body).toMatchObject({ pages: 2, members: 4, learnersAdded: 4, complete: false });
    } finally {
      await bounded.close();
    }
  });
});
