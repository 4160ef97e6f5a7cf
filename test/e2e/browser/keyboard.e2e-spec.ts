// The same learner without a mouse: skip link, catalog, file tabs with the arrow keys, typing in
// the editor, leaving it with Esc then Tab, submitting with Enter; and every control has a name.
import type { Browser, Page } from 'playwright-core';
import { RunningService, startService } from '../support/service';
import { closeAll } from '../support/close-all';
import { launchChromium, openPage } from './support/chromium';
import { currentLine } from './support/editor';
import { buildWebBundle } from './support/web-bundle';

/** Presses Tab until the focused element matches, at most `limit` times. */
async function tabTo(page: Page, matches: (el: Element) => boolean, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error('Tab never reached the element');
}

const focused = (page: Page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName.toLowerCase(),
    text: (document.activeElement?.textContent ?? '').trim(),
    className: document.activeElement?.className ?? '',
  }));

describe('the lab page with the keyboard alone', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    buildWebBundle();
    service = await startService();
    browser = await launchChromium();
    ({ page } = await openPage(browser));
    await page.goto(service.baseUrl.replace(/\/api\/v1$/, '/'));
    await page.locator('.lab-card').first().waitFor();
  });

  afterAll(() => closeAll(browser, service));

  it('starts with a skip link and reaches a lab from the catalog', async () => {
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to content' });
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.textContent === 'The headlines that were never saved');
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'The headlines that were never saved' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main'); // focus moved to the new page
  });

  it('moves between file tabs with the arrow keys, edits, leaves the editor and submits', async () => {
    await tabTo(page, (el) => el.getAttribute('role') === 'tab');
    expect(await focused(page)).toMatchObject({ text: 'news.py' });
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).text).toContain('tests/test_refresh.py');
    expect(await page.locator('.file-tab[aria-selected="true"]').getAttribute('data-path')).toBe('tests/test_refresh.py');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('.file-tab[aria-selected="true"]').getAttribute('data-path')).toBe('news.py');

    await page.keyboard.press('Tab'); // into the editor
    expect((await focused(page)).className).toContain('cm-content');
    await page.keyboard.press('Control+Alt+g');
    await page.keyboard.type('43');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await page.keyboard.type('await ');
    expect((await currentLine(page)).trim()).toBe('await cache.store(headlines)');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab'); // Esc then Tab leaves the editor instead of indenting
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Submit (Ctrl+Enter)' });
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Submit (Ctrl+Enter)' }); // busy, yet the focus stays
    await page.locator('[data-testid="report"][data-outcome="pass"]').waitFor({ timeout: 90_000 });
  });

  it('gives every control a name a screen reader can read', async () => {
    await page.locator('.history-table tbody tr').first().waitFor();
    const unnamed = await page.evaluate(() => {
      const nameOf = (el: Element) =>
        el.getAttribute('aria-label') ||
        (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) ||
        (el.tagName === 'BUTTON' || el.tagName === 'A' ? el.textContent : '') ||
        (el.closest('label')?.textContent ?? '');
      return Array.from(document.querySelectorAll('button, a[href], input, select, textarea, [role="tab"], .cm-content'))
        .filter((el) => !nameOf(el).trim())
        .map((el) => el.outerHTML.slice(0, 120));
    });
    expect(unnamed).toEqual([]);
    expect(await page.locator('[role="status"][aria-live="polite"]').count()).toBeGreaterThan(0);
  });
});
