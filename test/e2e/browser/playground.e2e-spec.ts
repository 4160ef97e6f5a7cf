// The playground in a real browser: the learner's own files (added, renamed, removed in the
// page), a deadlock whose stuck-task stacks show in the evidence, and a submission too large for
// the API, whose own message the page shows.
import type { Browser, Page } from 'playwright-core';
import { RunningService, startService } from '../support/service';
import { closeAll } from '../support/close-all';
import { launchChromium, openPage } from './support/chromium';
import { openTab, pasteText, replaceText } from './support/editor';
import { buildWebBundle } from './support/web-bundle';
import { lockReentryDeadlock } from '../../../apps/worker/test/e2e/programs';

const REPORT_TIMEOUT = 90_000;

/** Lock re-entry: the inner `async with lock` at news.py:8 waits for a lock its own caller holds. */
const DEADLOCK = lockReentryDeadlock['news.py'];
const DEADLOCK_TEST = lockReentryDeadlock['test_news.py'];

async function fileForm(page: Page, button: string, name: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  const input = page.locator('.file-form input');
  await input.fill(name);
  await input.press('Enter');
}

describe('the playground in the browser', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    buildWebBundle();
    service = await startService();
    browser = await launchChromium();
    ({ page, errors } = await openPage(browser));
    await page.goto(service.baseUrl.replace(/\/api\/v1$/, '/playground'));
    await page.locator('.file-tab').first().waitFor();
  });

  afterAll(() => closeAll(browser, service));

  const tabs = () => page.locator('.file-tab').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-path')));

  it('lets the learner rename, add and remove files', async () => {
    expect(await tabs()).toEqual(['app.py', 'test_app.py']);
    await openTab(page, 'app.py');
    await fileForm(page, 'Rename file', 'news.py');
    await replaceText(page, DEADLOCK);

    await fileForm(page, 'New file', 'bad name.py');
    expect(await page.locator('.file-form .field-error').innerText()).toContain('letters, digits');
    await page.locator('.file-form input').fill('test_news.py');
    await page.locator('.file-form input').press('Enter');
    await replaceText(page, DEADLOCK_TEST);

    page.once('dialog', (dialog) => void dialog.accept());
    await openTab(page, 'test_app.py');
    await page.getByRole('button', { name: 'Remove file' }).click();
    await page.waitForFunction(() => !document.querySelector('.file-tab[data-path="test_app.py"]'));
    expect(await tabs()).toEqual(['news.py', 'test_news.py']);
  });

  it("shows a deadlock inline and its stuck task's stack in the evidence", async () => {
    await page.getByTestId('submit').click();
    await page.locator('[data-testid="report"]').waitFor({ timeout: REPORT_TIMEOUT });
    expect(await page.getByTestId('report').getAttribute('data-outcome')).toBe('fail');
    expect(await page.locator('.score-table').count()).toBe(0); // the playground has no score

    const deadlock = page.locator('.diagnostic[data-code="deadlock"]');
    expect(await deadlock.getAttribute('data-location')).toBe('news.py:8');
    const evidence = deadlock.locator('details.evidence');
    expect(await evidence.locator('pre').isVisible()).toBe(false); // folded until asked for
    await evidence.locator('summary', { hasText: 'stuck tasks' }).click();
    const stacks = await evidence.locator('pre').innerText();
    expect(stacks).toContain('test_update');
    expect(stacks).toMatch(/File "news.py", line 5, in update/);
    expect(stacks).toMatch(/File "news.py", line 8, in refresh/);

    await openTab(page, 'news.py');
    const marked = page.locator('.editor-panel .cm-line.cm-asynclab-line-error');
    expect(await marked.innerText()).toContain('async with lock:');
    expect(await marked.getAttribute('data-diagnostic-codes')).toBe('deadlock');
  });

  it("shows the API's own message when the files are too large", async () => {
    await fileForm(page, 'New file', 'notes.txt');
    await page.locator('.editor-panel .cm-content').click();
    await pasteText(page, '# padding\n'.repeat(27_000)); // 270 KB, over the 256 KB limit
    await page.getByTestId('submit').click();
    const error = page.getByTestId('api-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('FILES_TOO_LARGE');
    expect(await error.innerText()).toContain('at most 256 KB are allowed');
    expect(await error.innerText()).toContain('HTTP 413');
    expect(await page.getByTestId('submit').getAttribute('aria-disabled')).toBeNull(); // ready to try again
    expect(errors).toEqual([]);
  });
});
