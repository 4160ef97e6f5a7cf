// A learner in a real browser: the catalog, a fix-code lab, the starter's diagnostics inline in
// the editor, the fix typed into the editor, the live status, the passing report and the history.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RunningService, startService } from '../support/service';
import { closeAll } from '../support/close-all';
import { launchChromium, openPage } from './support/chromium';
import { currentLine, goToLine, openTab } from './support/editor';
import { SCREENSHOTS_DIR, buildWebBundle } from './support/web-bundle';

const LAB = 'news-never-awaited';
const REPORT_TIMEOUT = 90_000;

/** Records every value the status panel's data-status takes, from now on. */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { statuses: string[] };
    w.statuses = [];
    const panel = document.querySelector('[data-testid="status"]');
    if (!panel) throw new Error('the page has no status panel');
    new MutationObserver(() => w.statuses.push(panel.getAttribute('data-status') ?? '')).observe(panel, {
      attributes: true,
      attributeFilter: ['data-status'],
    });
  });
}

const statuses = (page: Page) => page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);

describe('a learner fixes a never-awaited coroutine in the browser', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let origin: string;

  beforeAll(async () => {
    buildWebBundle();
    service = await startService();
    origin = service.baseUrl.replace(/\/api\/v1$/, '');
    browser = await launchChromium();
    ({ page, errors } = await openPage(browser));
  });

  afterAll(() => closeAll(browser, service));

  it("lists the labs by chapter with difficulty, objectives and the learner's progress", async () => {
    await page.goto(`${origin}/`);
    const card = page.locator(`.lab-card[data-lab="${LAB}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-progress')).toBe('not-started');
    expect(await card.locator('.badge').allInnerTexts()).toEqual(expect.arrayContaining(['beginner', 'Not started']));
    expect(await card.locator('.objectives li').count()).toBeGreaterThan(0);
    expect(await page.locator('section.chapter h2').first().innerText()).toMatch(/^Chapter \d+/);
    expect(await page.locator('a[href="/playground"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'catalog.png'), fullPage: true });
  });

  it("shows the starter's never-awaited coroutine inline in the editor, on its line", async () => {
    await page.locator(`.lab-card[data-lab="${LAB}"] h3 a`).click();
    await page.locator('h1', { hasText: 'The headlines that were never saved' }).waitFor();
    expect(await page.locator('.instructions h3', { hasText: 'Your task' }).count()).toBe(1);
    // The visible tests are there, read-only, under tests/.
    expect(await page.locator('.file-tab[data-path^="tests/"]').allInnerTexts()).toEqual([expect.stringContaining('(read-only)')]);

    await recordStatuses(page);
    await page.getByTestId('submit').click();
    await page.locator('[data-testid="report"]').waitFor({ timeout: REPORT_TIMEOUT });
    expect(await page.getByTestId('report').getAttribute('data-outcome')).toBe('fail');
    expect(await statuses(page)).toEqual(expect.arrayContaining(['sending', 'queued', 'completed']));

    // One bug, however many tests ran into it: one item in the list.
    const diagnostic = page.locator('.diagnostic[data-code="never-awaited"]');
    expect(await diagnostic.count()).toBe(1);
    expect(await diagnostic.getAttribute('data-location')).toBe('news.py:43');
    const listed = await diagnostic.innerText();
    expect(listed).toContain('never awaited');
    expect(listed).toMatch(/Hint/);
    expect(listed).toContain('Chapter 11');

    // Inline: "Go to" opens the file at the line, which is tinted, underlined, has a gutter
    // marker and a hover tooltip with the message.
    await diagnostic.getByRole('button', { name: 'Go to news.py, line 43' }).click();
    expect(await page.locator('.file-tab[data-path="news.py"]').getAttribute('aria-selected')).toBe('true');
    expect(await currentLine(page)).toContain('cache.store(headlines)');
    const marked = page.locator('.editor-panel .cm-line.cm-asynclab-line-error');
    expect(await marked.count()).toBe(1);
    expect(await marked.innerText()).toContain('cache.store(headlines)');
    expect(await marked.getAttribute('data-diagnostic-codes')).toBe('never-awaited');
    expect(await page.locator('.editor-panel .cm-lint-marker-error').count()).toBe(1);
    expect(await page.locator('.file-tab[data-path="news.py"] .file-tab-badge').innerText()).toContain('1 problem');
    await page.locator('.editor-panel .cm-lintRange-error').first().hover();
    const tooltip = page.locator('.cm-tooltip .cm-diagnostic').first();
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain('never awaited');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'lab-inline-diagnostics.png'), fullPage: false });
    await page.mouse.move(0, 0);
  });

  it('keeps the draft through a reload', async () => {
    await openTab(page, 'news.py');
    await goToLine(page, 43);
    await page.keyboard.type('await ');
    expect((await currentLine(page)).trim()).toBe('await cache.store(headlines)');
    await page.waitForTimeout(600); // the draft is saved 400 ms after the last change
    await page.reload();
    await page.locator('.file-tab[data-path="news.py"]').waitFor();
    await goToLine(page, 43);
    expect((await currentLine(page)).trim()).toBe('await cache.store(headlines)');
  });

  it('submits the fix with Ctrl+Enter, follows the live status and turns the verdict to pass', async () => {
    // The report of the earlier attempt was made from other files: shown, but not inline.
    await page.getByTestId('report').waitFor();
    expect(await page.locator('.editor-panel .cm-asynclab-line-error').count()).toBe(0);

    await recordStatuses(page);
    await page.locator('.editor-panel .cm-content').click();
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid="report"][data-outcome="pass"]').waitFor({ timeout: REPORT_TIMEOUT });
    const seen = await statuses(page);
    expect(seen[0]).toBe('sending');
    expect(seen).toEqual(expect.arrayContaining(['queued', 'running']));
    expect(seen.indexOf('running')).toBeGreaterThan(seen.indexOf('queued'));
    expect(seen[seen.length - 1]).toBe('completed');

    expect(await page.getByTestId('verdict').innerText()).toContain('Passed');
    expect(await page.getByTestId('status-text').innerText()).toContain('Passed');
    expect(await page.locator('.diagnostic').count()).toBe(0);
    expect(await page.getByTestId('no-diagnostics').count()).toBe(1);
    expect(await page.locator('.editor-panel .cm-asynclab-line-error').count()).toBe(0);
    expect(await page.locator('.editor-panel .cm-lint-marker-error').count()).toBe(0);
    expect(await page.locator('.score-table').innerText()).toMatch(/100|\d+ \/ \d+/);
    await page.getByTestId('report').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'passing-report.png'), fullPage: false });
  });

  it('lists both attempts and shows the fix as a diff between them', async () => {
    const rows = page.locator('.history-table tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('.history-table tbody tr').length === 2);
    expect(await rows.nth(0).getAttribute('data-outcome')).toBe('pass');
    expect(await rows.nth(1).getAttribute('data-outcome')).toBe('fail');
    await page.getByRole('button', { name: 'Show changes' }).click();
    const diff = page.getByTestId('diff');
    await diff.waitFor();
    expect(await diff.locator('.diff-removed').allInnerTexts()).toEqual([expect.stringContaining('cache.store(headlines)')]);
    expect(await diff.locator('.diff-added').allInnerTexts()).toEqual([expect.stringContaining('await cache.store(headlines)')]);
  });

  it('goes back to the starter files on request, for good', async () => {
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Reset to starter' }).click();
    await page.locator('.file-tab[data-path="news.py"]').waitFor();
    await goToLine(page, 43);
    expect((await currentLine(page)).trim()).toBe('cache.store(headlines)');
    await page.reload();
    await page.locator('.file-tab[data-path="news.py"]').waitFor();
    await goToLine(page, 43);
    expect((await currentLine(page)).trim()).toBe('cache.store(headlines)');
  });

  it('shows the lab as passed in the catalog', async () => {
    await page.locator('.breadcrumb a', { hasText: 'All labs' }).click();
    await page.locator(`.lab-card[data-lab="${LAB}"][data-progress="passed"]`).waitFor();
    expect(errors).toEqual([]);
  });
});
