// The router in a real browser: a page still loading when the learner moves on must not paint over
// the page they moved to. The catalog's lab list is held back 2 s (a slow network, a loaded
// server); the learner opens the book meanwhile, and the book must still be on the screen after
// the catalog's answer has come.
import type { Browser } from 'playwright-core';
import { closeAll } from '../support/close-all';
import { RunningService, startService } from '../support/service';
import { launchChromium, openPage } from './support/chromium';
import { buildWebBundle } from './support/web-bundle';

describe('navigating in the browser', () => {
  let service: RunningService;
  let browser: Browser;

  beforeAll(async () => {
    buildWebBundle();
    service = await startService({ worker: false });
    browser = await launchChromium();
  });
  afterAll(() => closeAll(browser, service));

  it('keeps the newer page when an older one finishes loading after it', async () => {
    const { page, errors } = await openPage(browser);
    const origin = service.baseUrl.replace(/\/api\/v1$/, '');
    let held = 0;
    let labsAsked: () => void = () => undefined;
    const catalogLoading = new Promise<void>((resolve) => {
      labsAsked = resolve;
    });
    await page.route(
      (url) => url.pathname === '/api/v1/labs',
      async (route) => {
        held += 1;
        labsAsked();
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await route.continue();
      },
    );
    await page.goto(`${origin}/book`);
    await page.locator('main h1').first().waitFor();
    const bookHeading = await page.locator('main h1').first().innerText();
    await page.goto(`${origin}/`); // the catalog starts loading, held back
    await catalogLoading;
    await page.evaluate(() => {
      window.history.pushState({}, '', '/book');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.locator('main h1', { hasText: bookHeading }).waitFor();
    await page.waitForTimeout(3_000); // the catalog's labs have arrived by now
    expect(held).toBeGreaterThan(0);
    expect(await page.locator('main h1').first().innerText()).toBe(bookHeading);
    expect(await page.locator('main .lab-card').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
