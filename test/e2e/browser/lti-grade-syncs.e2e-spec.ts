// The grade sync log on the cohort dashboard in a real browser: an instructor of an LMS-linked
// cohort sees each learner's sync with its status, grade, accepted score, attempts and the
// platform's last error (shown as text, never markup), and the Retry button asks for the sync
// again (the row turns pending, and PostgreSQL says so). A cohort with more syncs than a page shows
// 50, "Show more" loads the rest (each once), and "Failed only" narrows to the failed ones. The
// learner arrives by a real LTI launch.
import { launchAs } from '../../support/lti-advantage-fixture';
import { openPage } from './support/chromium';
import { lmsDashboard, signInAsAdmin } from './support/lms-dashboard';

const HOSTILE_ERROR = 'scores: the platform answered 422 (<img src=x onerror="window.__pwned=1">)';

describe('the grade sync log in the browser', () => {
  const lms = lmsDashboard();

  it('lists the syncs with status, scores, attempts and the last error, and retries a failed one', async () => {
    const { fx, browser } = lms;
    const learner = await launchAs(fx, {
      sub: 'learner-w',
      role: 'learner',
      context: { id: 'course-w' },
      resourceLinkId: 'rl-w',
      name: 'Wanda Web',
    });
    const [{ id: contextId, cohort_id: cohortId }] = await fx.tool.accounts.query<{ id: string; cohort_id: string }>(
      `SELECT id, cohort_id FROM lti_contexts WHERE platform_id = $1::uuid AND context_id = 'course-w'`,
      fx.platformId,
    );
    const [sync] = await fx.tool.accounts.query<{ id: string }>(
      `INSERT INTO lti_grade_syncs (id, organization_id, context_id, assignment_id, user_id, status, score_given, score_maximum, last_error)
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, a.id, $3::uuid, 'failed', 80, 100, $5 FROM cohort_assignments a WHERE a.cohort_id = $4::uuid
       RETURNING id`,
      fx.org.id,
      contextId,
      learner,
      cohortId,
      HOSTILE_ERROR,
    );
    await fx.tool.accounts.query(
      `INSERT INTO lti_grade_sync_attempts (id, sync_id, status, http_code, duration_ms, error, score_given, score_maximum)
       VALUES (gen_random_uuid(), $1::uuid, 'failed', 422, 12, $2, 80, 100)`,
      sync.id,
      HOSTILE_ERROR,
    );
    const { page, errors } = await openPage(browser);
    await signInAsAdmin(page, fx);
    await page.goto(`${fx.tool.origin}/cohorts/${cohortId}`);

    const row = page.locator(`[data-testid="grade-syncs"] tr[data-sync="${sync.id}"]`);
    await row.waitFor();
    const cells = await row.locator('th, td').allInnerTexts();
    expect(cells.slice(0, 7)).toEqual(['Wanda Web', 'The headlines that were never saved', 'failed', '80', '–', '1', HOSTILE_ERROR]);
    expect(await row.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await row.getByTestId('grade-sync-retry').click();
    await page.locator(`[data-testid="grade-syncs"] tr[data-sync="${sync.id}"][data-status="pending"]`).waitFor();
    expect(await page.locator(`tr[data-sync="${sync.id}"] [data-testid="grade-sync-retry"]`).isDisabled()).toBe(true);
    const [stored] = await fx.tool.accounts.query<{ status: string; force: boolean }>(
      'SELECT status, force FROM lti_grade_syncs WHERE id = $1::uuid',
      sync.id,
    );
    expect(stored).toEqual({ status: 'pending', force: true });
    expect(errors).toEqual([]);
  });

  it('shows 50 syncs, loads the rest with "Show more" (each once), and narrows to the failed ones', async () => {
    const { fx, browser } = lms;
    await launchAs(fx, { sub: 'learner-m', role: 'learner', context: { id: 'course-m' }, resourceLinkId: 'rl-m', name: 'Mo Many' });
    const [{ id: contextId, cohort_id: cohortId }] = await fx.tool.accounts.query<{ id: string; cohort_id: string }>(
      `SELECT id, cohort_id FROM lti_contexts WHERE platform_id = $1::uuid AND context_id = 'course-m'`,
      fx.platformId,
    );
    // 60 learners' syncs, every tenth failed, three at a time sharing updated_at.
    await fx.tool.accounts.query(
      `WITH learners AS (
         INSERT INTO users (id, organization_id, role, display_name, updated_at)
         SELECT gen_random_uuid(), $1::uuid, 'learner', 'Many ' || g, now() FROM generate_series(1, 60) g RETURNING id),
       numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM learners)
       INSERT INTO lti_grade_syncs (id, organization_id, context_id, assignment_id, user_id, status, updated_at)
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, a.id, numbered.id, CASE WHEN n % 10 = 0 THEN 'failed' ELSE 'succeeded' END,
              now() - (n / 3) * interval '1 second'
       FROM numbered CROSS JOIN cohort_assignments a WHERE a.cohort_id = $3::uuid`,
      fx.org.id,
      contextId,
      cohortId,
    );
    const stored = async (status?: string) =>
      (
        await fx.tool.accounts.query<{ id: string }>(
          `SELECT id FROM lti_grade_syncs WHERE context_id = $1::uuid AND ($2::text IS NULL OR status = $2) ORDER BY updated_at DESC, id DESC`,
          contextId,
          status ?? null,
        )
      ).map((r) => r.id);
    const { page, errors } = await openPage(browser);
    await signInAsAdmin(page, fx);
    await page.goto(`${fx.tool.origin}/cohorts/${cohortId}`);

    const panel = page.getByTestId('grade-syncs');
    const rows = panel.locator('tbody tr[data-sync]');
    const shown = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-sync') ?? ''));
    const more = panel.getByTestId('grade-sync-more');
    await more.waitFor();
    const all = await stored();
    expect(await shown()).toEqual(all.slice(0, 50));
    await more.click();
    await panel.locator('tbody tr[data-sync]').nth(59).waitFor();
    expect(await shown()).toEqual(all);
    expect(await more.count()).toBe(0);

    await panel.getByTestId('grade-sync-failed-only').check();
    await panel.locator('tbody tr[data-sync]:not([data-status="failed"])').first().waitFor({ state: 'detached' });
    await panel.locator('tbody tr[data-status="failed"]').nth(5).waitFor();
    expect(await shown()).toEqual(await stored('failed'));
    expect(await more.count()).toBe(0);

    await panel.getByTestId('grade-sync-failed-only').uncheck();
    await more.waitFor();
    expect(await shown()).toEqual(all.slice(0, 50));
    expect(errors).toEqual([]);
  });
});
