// The cohort dashboard of an LMS-linked organisation in a real browser: a simulated platform and the
// service without a worker (what the page shows is what the API stored), Chromium, and signing in
// through the real sign-in page as the organisation's admin.
import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from '../../support/accounts';
import { startAdvantageFixture, type AdvantageFixture } from '../../../support/lti-advantage-fixture';
import { launchChromium } from './chromium';
import { buildWebBundle } from './web-bundle';

export interface LmsDashboard {
  fx: AdvantageFixture;
  browser: Browser;
}

/** Started before the file's tests and closed after them; read its fields inside a test. */
export function lmsDashboard(): LmsDashboard {
  const state: Partial<LmsDashboard> = {};
  beforeAll(async () => {
    buildWebBundle();
    state.fx = await startAdvantageFixture({}, false);
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.fx?.close();
  });
  return state as LmsDashboard;
}

export async function signInAsAdmin(page: Page, fx: AdvantageFixture): Promise<void> {
  const admin = await fx.tool.accounts.user(fx.org.id, 'admin');
  await page.goto(`${fx.tool.origin}/sign-in?organization=${fx.org.slug}`);
  await page.locator('input[name="email"]').fill(admin.email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('account-link').waitFor();
}
