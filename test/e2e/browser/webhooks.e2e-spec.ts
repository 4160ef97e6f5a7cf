// The webhook pages in a real browser: the admin page's banner says an endpoint was disabled
// (it answered 410); the endpoints page shows each endpoint's state; the delivery log shows a
// failed delivery with its attempts, and its Redeliver button sends it again (the same
// webhook-id) once the receiver is fixed, until the log shows it delivered; the bulk button sends
// every failed one.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { WebhookDeliveryPage, Wire } from '../../../libs/contracts/src';
import { Accounts, PASSWORD } from '../support/accounts';
import { call } from '../support/client';
import { RunningService, startService } from '../support/service';
import { startReceiver, verify, type Receiver } from '../support/webhook-receiver';
import { registerEndpoint, until, webhookOrg } from '../support/webhook-fixtures';
import { launchChromium, openPage } from './support/chromium';
import { SCREENSHOTS_DIR, buildWebBundle } from './support/web-bundle';

describe('the webhook delivery log in the browser', () => {
  let service: RunningService;
  let receiver: Receiver;
  let browser: Browser;
  let origin: string;
  const accounts = new Accounts();

  beforeAll(async () => {
    buildWebBundle();
    // A short sweep: on a loaded machine a queue add can outlast its 2 s bound, and the sweeper is
    // what then queues the delivery.
    service = await startService({
      env: { WEBHOOK_BACKOFF_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_SWEEP_INTERVAL_MS: '500', WEBHOOK_SWEEP_GRACE_MS: '1000' },
    });
    origin = service.baseUrl.replace(/\/api\/v1$/, '');
    receiver = await startReceiver();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await service.close();
    await new Promise((resolve) => receiver.server.close(resolve));
    await accounts.close();
  });

  it('shows a failed delivery with its attempts and redelivers it, and tells the admin of a disabled endpoint', async () => {
    const org = await webhookOrg(accounts, service.baseUrl);
    const admin = await accounts.user(org.id, 'admin');
    receiver.answers.set('/switch', 500);
    const flaky = await registerEndpoint(service.baseUrl, org.caller, `${receiver.url}/switch`, ['cohort.member_joined']);
    const gone = await registerEndpoint(service.baseUrl, org.caller, `${receiver.url}/gone`, ['cohort.member_joined']);
    await accounts.user(org.id, 'learner', { externalId: `ext-${org.slug}` });
    const cohort = await call<{ id: string }>(service.baseUrl, 'POST', '/cohorts', {
      caller: org.caller,
      body: { name: 'Browser cohort' },
    });
    await call(service.baseUrl, 'POST', `/cohorts/${cohort.body.id}/members`, {
      caller: org.caller,
      body: { externalId: `ext-${org.slug}` },
    });
    const failed = await until('the delivery to fail', async () => {
      const log = await call<Wire<WebhookDeliveryPage>>(service.baseUrl, 'GET', `/webhooks/endpoints/${flaky.id}/deliveries`, {
        caller: org.caller,
      });
      return log.body.deliveries[0]?.status === 'failed' ? log.body.deliveries[0] : undefined;
    });

    await until('the 410 endpoint to be disabled', async () => {
      const answer = await call<{ enabled: boolean }>(service.baseUrl, 'GET', `/webhooks/endpoints/${gone.id}`, { caller: org.caller });
      return answer.body.enabled ? undefined : true;
    });

    const { page, errors } = await openPage(browser, { width: 1280, height: 900 });
    await page.goto(`${origin}/sign-in?organization=${org.slug}`);
    await page.locator('input[name="email"]').fill(admin.email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('account-link').waitFor();
    // A fresh load, not the nav link: the catalog that sign-in opens may still be rendering, and a
    // slow older page can paint over a newer one in the router (web/src/main.ts).
    await page.goto(`${origin}/admin`);
    const notice = page.locator('[data-testid="notifications"] [data-kind="webhook.endpoint_disabled"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`${receiver.url}/gone`);
    expect(await notice.innerText()).toContain('410');

    await page.getByRole('link', { name: 'Webhook endpoints and their delivery log' }).click();
    await page.locator(`[data-endpoint="${gone.id}"][data-state="disabled"]`).waitFor();
    expect(await page.locator(`[data-endpoint="${gone.id}"]`).innerText()).toContain('the receiver answered 410 Gone');
    await page.locator(`[data-endpoint="${flaky.id}"][data-state="enabled"]`).getByRole('link', { name: 'Delivery log' }).click();

    const delivery = page.locator(`[data-delivery="${failed.id}"]`);
    await page.locator(`[data-delivery="${failed.id}"][data-status="failed"]`).waitFor();
    expect(await delivery.locator('tbody tr').count()).toBe(2);
    expect(await delivery.locator('tbody tr').first().innerText()).toContain('500');
    expect(await delivery.locator('.attempt-body').first().innerText()).toBe('down (500)');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'webhook-delivery-log.png'), fullPage: true });

    receiver.answers.set('/switch', 204); // the receiver is fixed
    await delivery.getByTestId('redeliver').click();
    await page.locator(`[data-delivery="${failed.id}"][data-status="succeeded"]`).waitFor({ timeout: 30_000 });
    expect(await delivery.locator('tbody tr').count()).toBe(3);
    const sent = receiver.received.filter((r) => r.headers['webhook-id'] === failed.id);
    expect(sent).toHaveLength(3);
    expect(verify(flaky.secret, sent[2]).type).toBe('cohort.member_joined');

    // The receiver goes down again for the next learner's delivery; the bulk button sends every failed one.
    receiver.answers.set('/switch', 500);
    await accounts.user(org.id, 'learner', { externalId: `ext2-${org.slug}` });
    await call(service.baseUrl, 'POST', `/cohorts/${cohort.body.id}/members`, {
      caller: org.caller,
      body: { externalId: `ext2-${org.slug}` },
    });
    const second = await until('the second delivery to fail', async () => {
      const log = await call<Wire<WebhookDeliveryPage>>(
        service.baseUrl,
        'GET',
        `/webhooks/endpoints/${flaky.id}/deliveries?status=failed`,
        {
          caller: org.caller,
        },
      );
      return log.body.deliveries[0];
    });
    await page.reload();
    await page.locator(`[data-delivery="${second.id}"][data-status="failed"]`).waitFor();
    receiver.answers.set('/switch', 204);
    await page.getByTestId('redeliver-failed').click();
    await page.getByText('1 delivery(ies) queued again.').waitFor();
    await page.locator(`[data-delivery="${second.id}"][data-status="succeeded"]`).waitFor({ timeout: 30_000 });
    expect(receiver.received.filter((r) => r.headers['webhook-id'] === failed.id)).toHaveLength(3); // the first is not sent again

    // The disabled endpoint's log has no redeliver button until it is enabled again.
    await page.goto(`${origin}/admin/webhooks/${gone.id}`);
    await page.locator('[data-testid="endpoint-state"] [data-state="disabled"]').waitFor();
    await page.locator('[data-delivery][data-status="failed"]').waitFor();
    expect(await page.getByTestId('redeliver').count()).toBe(0);

    await page.goto(`${origin}/admin`);
    await notice.getByTestId('mark-read').click();
    await notice.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
