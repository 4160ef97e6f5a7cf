// Accounts in a real browser: sign-up (a guest's work stays), sign-in with a wrong then the right
// password, the account page's sessions and sign-out, and an admin creating an API key (shown
// once), using it from outside, and revoking it.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { call } from '../support/client';
import { Accounts, PASSWORD } from '../support/accounts';
import { RunningService, startService } from '../support/service';
import { launchChromium, openPage } from './support/chromium';
import { SCREENSHOTS_DIR, buildWebBundle } from './support/web-bundle';

describe('accounts in the browser', () => {
  let service: RunningService;
  let accounts: Accounts;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    buildWebBundle();
    service = await startService({ worker: false });
    origin = service.baseUrl.replace(/\/api\/v1$/, '');
    accounts = new Accounts();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await accounts.close();
    await service.close();
  });

  async function fill(page: Page, values: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(values)) await page.locator(`input[name="${name}"]`).fill(value);
  }

  it('signs up from a guest visit, keeping the guest’s attempts, into an HttpOnly session', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${origin}/`);
    await page.locator('.lab-card').first().waitFor();
    // The guest identity the page made on its first visit submits once, as the playground would.
    const submitted = await page.evaluate(async () => {
      const csrf = /asynclab_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const response = await fetch('/api/v1/submissions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ labId: 'playground', files: { 'test_ok.py': 'def test_ok():\n    assert True\n' } }),
      });
      return response.status;
    });
    expect(submitted).toBe(202);
    await page.getByRole('link', { name: 'Create account' }).click();
    const email = `browser-${Date.now()}@example.test`;
    await fill(page, { email, displayName: 'Grace', password: PASSWORD });
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('who').waitFor();
    expect(await page.getByTestId('who').innerText()).toContain(`${email} · learner in public`);
    expect(await page.getByTestId('account-link').innerText()).toBe(email);
    expect(await page.evaluate(() => document.cookie)).not.toContain('asynclab_session');
    const history = await page.evaluate(async () => {
      const body = (await (await fetch('/api/v1/submissions')).json()) as { submissions: unknown[] };
      return body.submissions.length;
    });
    expect(history).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('signs in after a wrong password, lists the sessions, and signs out', async () => {
    const org = await accounts.org();
    const user = await accounts.user(org.id, 'instructor');
    const { page, errors } = await openPage(browser);
    await page.goto(`${origin}/sign-in?organization=${org.slug}`);
    await fill(page, { email: user.email, password: 'not the password' });
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.getByTestId('api-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('INVALID_CREDENTIALS');
    await fill(page, { password: PASSWORD });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'sign-in.png') });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-link').waitFor();
    await page.getByTestId('account-link').click();
    await page.locator('[data-testid="sessions"] tbody tr').first().waitFor();
    expect(await page.locator('[data-testid="sessions"] tbody tr').innerText()).toContain('(this one)');
    await page.getByTestId('sign-out').click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets an admin create an API key shown once, use it, and revoke it', async () => {
    const org = await accounts.org();
    const admin = await accounts.user(org.id, 'admin');
    const { page, errors } = await openPage(browser, { width: 1280, height: 900 });
    await page.goto(`${origin}/sign-in?organization=${org.slug}`);
    await fill(page, { email: admin.email, password: PASSWORD });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByTestId('key-form').waitFor();
    await fill(page, { name: 'Moodle production' });
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByTestId('new-key');
    await shown.waitFor();
    const key = (await shown.locator('code').innerText()).trim();
    expect(key).toMatch(/^alk_[A-Za-z0-9]{12}_/);
    const prefix = key.split('_')[1];
    await page.locator(`[data-key="${prefix}"][data-state="active"]`).waitFor();
    expect(await page.locator(`[data-key="${prefix}"]`).innerText()).toContain('read, submit');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'admin-keys.png'), fullPage: true });

    // The key works from outside the browser, and the page never shows it again.
    expect((await call(service.baseUrl, 'GET', '/submissions', { caller: { apiKey: key } })).status).toBe(200);
    await page.reload();
    await page.locator(`[data-key="${prefix}"]`).waitFor();
    expect(await page.locator('main').innerText()).not.toContain(key);

    await page.locator(`[data-key="${prefix}"] [data-testid="revoke-key"]`).click();
    await page.locator(`[data-key="${prefix}"][data-state="revoked"]`).waitFor();
    expect((await call(service.baseUrl, 'GET', '/submissions', { caller: { apiKey: key } })).status).toBe(401);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
