// A fix-tests lab: the learner edits the tests and reads, without changing, the code they test.
import type { Browser, Page } from 'playwright-core';
import { RunningService, startService } from '../support/service';
import { closeAll } from '../support/close-all';
import { launchChromium, openPage } from './support/chromium';
import { buildWebBundle } from './support/web-bundle';

describe('a fix-tests lab in the browser', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    buildWebBundle();
    service = await startService({ worker: false });
    browser = await launchChromium();
    ({ page } = await openPage(browser));
  });

  afterAll(() => closeAll(browser, service));

  it('shows the tests to edit and the code under test read-only', async () => {
    await page.goto(service.baseUrl.replace(/\/api\/v1$/, '/labs/news-tests-never-ran'));
    const tabs = page.locator('.file-tab');
    await tabs.first().waitFor();
    const labels = await tabs.allTextContents();
    expect(labels.find((label) => label.startsWith('test_news.py'))).not.toContain('read-only');
    expect(labels.find((label) => label.startsWith('news.py'))).toContain('(read-only)');
    await page.locator('.file-tab[data-path="news.py"]').click();
    const code = page.locator('.cm-content', { hasText: 'async def' }).first();
    await code.waitFor();
    const before = await code.textContent();
    await code.click();
    await page.keyboard.type('TYPED_BY_LEARNER');
    expect(await code.textContent()).toBe(before);
  });
});
