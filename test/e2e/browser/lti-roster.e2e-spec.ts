// The roster panel on the cohort dashboard in a real browser: an admin of an LMS-linked cohort
// sees the course it is linked to and the roster syncs (the one an instructor's launch started),
// "Sync roster now" reads the changed roster from the simulated platform and says what it did, and
// a platform that fails shows its error in the new row. A cohort no LMS course links shows no panel.
import { join } from 'node:path';
import { call } from '../support/client';
import { ROLE } from '../../support/lti-platform';
import type { RosterMember } from '../../support/lti-platform-services';
import { launchAs, NRPS_CLAIM, until } from '../../support/lti-advantage-fixture';
import { openPage } from './support/chromium';
import { lmsDashboard, signInAsAdmin } from './support/lms-dashboard';
import { SCREENSHOTS_DIR } from './support/web-bundle';

const learner = (id: string): RosterMember => ({ user_id: id, status: 'Active', roles: [ROLE.learner], name: `Learner ${id}` });

describe('the roster panel in the browser', () => {
  const lms = lmsDashboard();

  it("shows the linked course and its syncs, syncs on request, and shows a platform's error as text", async () => {
    const { fx, browser } = lms;
    fx.services.roster = [
      { user_id: 'teacher-b', status: 'Active', roles: [ROLE.instructor], name: 'Bo Teacher' },
      learner('b1'),
      learner('b2'),
    ];
    const nrps = { [NRPS_CLAIM]: { context_memberships_url: fx.services.membershipsUrl, service_versions: ['2.0'] } };
    await launchAs(fx, {
      sub: 'teacher-b',
      role: 'instructor',
      context: { id: 'course-b', title: 'Browser roster course' },
      extraClaims: nrps,
    });
    const [{ id: contextId, cohort_id: cohortId }] = await fx.tool.accounts.query<{ id: string; cohort_id: string }>(
      `SELECT id, cohort_id FROM lti_contexts WHERE platform_id = $1::uuid AND context_id = 'course-b'`,
      fx.platformId,
    );
    const runs = async () =>
      fx.tool.accounts.query<{ id: string; trigger: string; status: string }>(
        'SELECT id, trigger, status FROM lti_roster_syncs WHERE context_id = $1::uuid ORDER BY started_at DESC, id DESC',
        contextId,
      );
    const [launchRun] = await until('the launch to sync the roster', async () => {
      const stored = await runs();
      return stored.length === 1 && stored[0].status === 'succeeded' ? stored : undefined;
    });

    const { page, errors } = await openPage(browser);
    await signInAsAdmin(page, fx);
    await page.goto(`${fx.tool.origin}/cohorts/${cohortId}`);
    const panel = page.getByTestId('roster-panel');
    await panel.getByTestId('roster-course').waitFor();
    expect(await panel.getByTestId('roster-course').innerText()).toContain('Linked to the LMS course “Browser roster course” (course-b).');
    const row = (id: string) => panel.locator(`tbody tr[data-run="${id}"]`);
    expect((await row(launchRun.id).locator('th, td').allInnerTexts()).slice(1)).toEqual([
      "instructor's launch",
      'succeeded',
      '2',
      '0',
      '0',
      '',
    ]);

    // One learner leaves the course, one joins: the sync says so, and its run is the newest row.
    fx.services.roster = [fx.services.roster[0], learner('b2'), learner('b3')];
    await panel.getByTestId('roster-sync').click();
    await panel.getByTestId('roster-result').waitFor();
    expect(await panel.getByTestId('roster-result').innerText()).toBe(
      'Roster synced: 3 members read, 1 learners added, 1 removed, 1 kept.',
    );
    const [requestRun] = await runs();
    expect(requestRun).toMatchObject({ trigger: 'request', status: 'succeeded' });
    expect(await panel.locator('tbody tr[data-run]').first().getAttribute('data-run')).toBe(requestRun.id);
    expect((await row(requestRun.id).locator('th, td').allInnerTexts()).slice(1)).toEqual(['on request', 'succeeded', '1', '1', '1', '']);

    // The platform's roster endpoint breaks: the error is shown in the notice and in the new row.
    await fx.tool.accounts.query(
      'UPDATE lti_contexts SET memberships_url = $2 WHERE id = $1::uuid',
      contextId,
      fx.platform.url('/no-roster-here'),
    );
    await panel.getByTestId('roster-sync').click();
    await panel.locator('tbody tr[data-status="failed"]').waitFor();
    const error = await panel.locator('tbody tr[data-status="failed"]').getByTestId('roster-run-error').innerText();
    expect(error).toContain('answered 404');
    expect(await panel.getByTestId('roster-notice').innerText()).toContain('answered 404');
    await panel.screenshot({ path: join(SCREENSHOTS_DIR, 'cohort-roster.png') });
    expect(errors).toEqual([]);
  });

  it('shows no roster panel for a cohort no LMS course links', async () => {
    const { fx, browser } = lms;
    const created = await call<{ id: string }>(fx.tool.baseUrl, 'POST', '/cohorts', {
      caller: fx.org.admin,
      body: { name: 'Plain cohort' },
    });
    expect(created.status).toBe(201);
    const { page, errors } = await openPage(browser);
    await signInAsAdmin(page, fx);
    const answered = page.waitForResponse((r) => r.url().includes(`/lti/contexts?cohortId=${created.body.id}`));
    await page.goto(`${fx.tool.origin}/cohorts/${created.body.id}`);
    expect((await answered).status()).toBe(200);
    await page.getByRole('heading', { name: 'Plain cohort' }).waitFor();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100))); // the answer's handler has run
    expect(await page.getByTestId('roster-panel').innerText()).toBe('');
    expect(errors).toEqual([]);
  });
});
