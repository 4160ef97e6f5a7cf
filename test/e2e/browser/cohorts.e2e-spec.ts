// Cohorts in a real browser: a learner joins by the invitation link (signing in on the way) and
// finds the cohort's assignments first on the catalog; the instructor's dashboard sorts and
// filters the matrix, opens a learner's attempts read-only with the diff between two of them,
// and draws the bug analytics with Chart.js. Screenshots for the README.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Accounts, PASSWORD } from '../support/accounts';
import { RunningService, startService } from '../support/service';
import { launchChromium, openPage } from './support/chromium';
import { SCREENSHOTS_DIR, buildWebBundle } from './support/web-bundle';
import { PrismaService } from '@asynclab/database';
import { loadAppConfig } from '@asynclab/config';
import { seedCohortActivity, SeededCohort } from '../../../scripts/seed/cohort-activity';

describe('cohorts in the browser', () => {
  let service: RunningService;
  let accounts: Accounts;
  let browser: Browser;
  let origin: string;
  let prisma: PrismaService;
  let seeded: SeededCohort;

  beforeAll(async () => {
    buildWebBundle();
    service = await startService({ worker: false });
    origin = service.baseUrl.replace(/\/api\/v1$/, '');
    accounts = new Accounts();
    prisma = new PrismaService(loadAppConfig());
    seeded = await seedCohortActivity(prisma, {
      organizationSlug: `cohort-${Date.now()}`,
      learners: 12,
      assignments: 4,
      submissions: 160,
      password: PASSWORD,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await prisma.$disconnect();
    await accounts.close();
    await service.close();
  });

  async function signInOn(page: Page, email: string): Promise<void> {
    await page.locator('input[name="organization"]').fill(seeded.organizationSlug);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('joins by the link, signing in on the way, and lists the assignments first on the catalog', async () => {
    const learner = await accounts.user(seeded.organizationId, 'learner');
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${origin}/join/${seeded.joinCode}`);
    await page.getByTestId('join-sign-in').click();
    await signInOn(page, learner.email);
    await page.getByTestId('joined').waitFor();
    expect(await page.locator('h1').innerText()).toMatch(/^You joined Asyncio workshop/);
    await page.getByRole('link', { name: 'See your assignments' }).click();
    const cards = page.locator('[data-testid="my-assignments"] .lab-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(4);
    // The assignments section comes before the chapters, each card with a due date and a status.
    const sections = await page.locator('main section h2').allInnerTexts();
    expect(sections[0]).toBe('Your assignments');
    expect(await cards.first().innerText()).toContain('Due ');
    const statuses = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
    expect(statuses.every((s) => ['not-started', 'overdue', 'upcoming'].includes(s ?? ''))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'cohort-assignments.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the instructor the matrix, sorted and filtered, and a learner’s attempts read-only', async () => {
    const { page, errors, context } = await openPage(browser, { width: 1400, height: 1000 });
    await page.goto(`${origin}/sign-in`);
    await signInOn(page, seeded.instructorEmail);
    await page.getByTestId('cohorts-link').click();
    await page.locator('[data-testid="cohort-list"] a').first().click();
    const rows = page.locator('[data-testid="matrix"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(13); // the 12 seeded learners and the one who joined by link

    // Sort by the first lab's best score, highest first.
    await page.locator('[data-testid="matrix"] thead th').nth(1).getByRole('button').click();
    const scores = await page
      .locator('[data-testid="matrix"] tbody tr td:nth-child(2) .cell-score')
      .allInnerTexts()
      .then((texts) => texts.map((t) => (t === '–' ? -1 : Number(t))));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await page.locator('[data-testid="matrix"] thead th').nth(1).getAttribute('aria-sort')).toBe('descending');

    await page.getByTestId('matrix-filter').selectOption('passed');
    const passedRows = await rows.count();
    const everyPassed = await rows.evaluateAll((trs) =>
      trs.every((tr) => Array.from(tr.querySelectorAll('.matrix-cell')).every((c) => c.getAttribute('data-state') === 'passed')),
    );
    expect(everyPassed).toBe(true);
    await page.getByTestId('matrix-filter').selectOption('all');
    expect(passedRows).toBeLessThan(13);
    // The stuck learners of the analytics are marked in their cells, and filter the matrix.
    const stuckLearners = await page.evaluate(async (id) => {
      const body = (await (await fetch(`/api/v1/cohorts/${id}/analytics`)).json()) as { stuck: Array<{ userId: string }> };
      return new Set(body.stuck.map((s) => s.userId)).size;
    }, seeded.cohortId);
    expect(stuckLearners).toBeGreaterThan(0);
    await page.getByTestId('matrix-filter').selectOption('stuck');
    expect(await rows.count()).toBe(stuckLearners);
    expect(await rows.evaluateAll((trs) => trs.every((tr) => tr.querySelector('.matrix-cell[data-stuck]') !== null))).toBe(true);
    await page.getByTestId('matrix-filter').selectOption('all');
    await page.getByTestId('matrix-search').fill('Ada');
    expect(await rows.count()).toBe(1);
    await page.getByTestId('matrix-search').fill('');

    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'cohort-dashboard.png') });

    // A cell with several attempts opens them; two of them compare as a diff.
    const busy = page
      .locator('.matrix-cell.cell-passed')
      .filter({ hasNotText: /\b1 att\./ })
      .first();
    await busy.click();
    const panel = page.getByTestId('attempts-panel');
    await panel.locator('.history-table tbody tr').first().waitFor();
    expect(await panel.locator('.history-table tbody tr').count()).toBeGreaterThanOrEqual(2);
    await panel.getByRole('button', { name: 'Show changes' }).click();
    await panel.locator('.history-diff').getByText('attempt #').first().waitFor();
    await panel.locator('.history-table tbody tr').first().getByRole('button').click();
    await page.getByTestId('attempt-readonly').waitFor();
    expect(await page.getByTestId('attempt-readonly').getByTestId('report').getAttribute('data-outcome')).toBe('pass');
    expect(await page.locator('textarea, .cm-editor').count()).toBe(0); // nothing to edit here
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws the bug analytics with a chart, the stuck learners and links to the chapters', async () => {
    const { page, errors, context } = await openPage(browser, { width: 1400, height: 1100 });
    await page.goto(`${origin}/sign-in`);
    await signInOn(page, seeded.instructorEmail);
    await page.getByTestId('account-link').waitFor();
    await page.goto(`${origin}/cohorts/${seeded.cohortId}`);
    const analytics = page.getByTestId('analytics');
    await analytics.locator('canvas').waitFor();
    // Chart.js drew something: the canvas has non-blank pixels.
    const painted = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#codes-chart');
      const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      return Array.from(data).some((value, i) => i % 4 === 3 && value > 0);
    });
    expect(painted).toBe(true);
    expect(await analytics.getByTestId('learner-codes').locator('tbody tr').count()).toBeGreaterThan(0);
    const link = analytics.locator('a.diagnostic-code').first();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/book#chapter-1[0-3]$/);
    await analytics.scrollIntoViewIfNeeded();
    await analytics.screenshot({ path: join(SCREENSHOTS_DIR, 'cohort-analytics.png') });
    await link.click();
    await page.waitForURL(`**${href}`);
    await expect(page.locator(`#${href.split('#')[1]} h2`).innerText()).resolves.toMatch(/^Chapter 1[0-3]/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers a regrade when a lab’s new version changed its hidden tests, and follows its progress', async () => {
    const [assignment] = await prisma.cohortAssignment.findMany({
      where: { cohortId: seeded.cohortId },
      orderBy: { dueAt: 'asc' },
      take: 1,
    });
    const lab = await prisma.lab.findUniqueOrThrow({ where: { id: assignment.labId } });
    const current = await prisma.labVersion.findUniqueOrThrow({ where: { id: lab.currentVersionId ?? '' } });
    const content = current.content as { hidden: Record<string, string> };
    const v2 = await prisma.labVersion.create({
      data: {
        labId: lab.id,
        contentHash: `browser-v2-${Date.now()}`,
        content: { ...content, hidden: { ...content.hidden, 'test_more.py': 'def test_more():\n    assert True\n' } },
      },
    });
    await prisma.lab.update({ where: { id: lab.id }, data: { currentVersionId: v2.id } });
    try {
      const { page, errors, context } = await openPage(browser);
      await page.goto(`${origin}/sign-in`);
      await signInOn(page, seeded.instructorEmail);
      await page.getByTestId('account-link').waitFor();
      await page.goto(`${origin}/cohorts/${seeded.cohortId}`);
      const offer = page.locator(`[data-testid="regrades"] li[data-lab="${lab.id}"]`);
      await offer.getByRole('button', { name: /^Regrade \d+ latest submissions$/ }).waitFor();
      expect(await offer.innerText()).toContain('changed its hidden tests');
      await offer.getByRole('button').click();
      // No worker runs in this test: the job is queued and its progress says so.
      await offer.locator('progress').waitFor();
      expect(await offer.innerText()).toMatch(/0 of \d+ regraded/);
      expect(await prisma.submission.count({ where: { regradeJob: { cohortId: seeded.cohortId }, labVersionId: v2.id } })).toBeGreaterThan(
        0,
      );
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await prisma.lab.update({ where: { id: lab.id }, data: { currentVersionId: current.id } });
    }
  });
});
