// The delivery log (paging, filters), redelivering many (bounded, idempotent, one webhook-id per
// delivery) and the organisation told when an endpoint is disabled (a notification for its admins
// and the webhook.endpoint_disabled event to its other endpoints), against the real API, worker,
// PostgreSQL and Redis, with the loopback receiver verifying every signature.
import type {
  OrganizationNotificationView,
  WebhookDeliveryPage,
  WebhookEndpointView,
  WebhookRedeliveryResult,
  Wire,
} from '../../libs/contracts/src';
import { Accounts, signIn } from './support/accounts';
import { call, type ApiErrorBody, type Caller } from './support/client';
import { RunningService, startService } from './support/service';
import { startReceiver, verify, type Receiver } from './support/webhook-receiver';
import { insertDeliveries, registerEndpoint, until, webhookOrg } from './support/webhook-fixtures';

type Page = Wire<WebhookDeliveryPage>;
type Notifications = { notifications: Wire<OrganizationNotificationView>[]; unread: number };

describe('webhooks: the delivery log, redelivering many, and telling the organisation', () => {
  let service: RunningService;
  let receiver: Receiver;
  const accounts = new Accounts();

  beforeAll(async () => {
    service = await startService({
      // A short sweep: on a loaded machine a queue add can outlast its 2 s bound; the sweeper then queues it.
      env: {
        WEBHOOK_BACKOFF_BASE_MS: '50',
        WEBHOOK_MAX_ATTEMPTS: '2',
        WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES: '3',
        WEBHOOK_SWEEP_INTERVAL_MS: '500',
        WEBHOOK_SWEEP_GRACE_MS: '1000',
      },
    });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await service.close();
    await new Promise((resolve) => receiver.server.close(resolve));
    await accounts.close();
  });

  const get = <T = ApiErrorBody>(caller: Caller, path: string) => call<T>(service.baseUrl, 'GET', path, { caller });
  const post = <T = ApiErrorBody>(caller: Caller, path: string, body?: unknown) => call<T>(service.baseUrl, 'POST', path, { caller, body });

  it('pages the log newest first and filters it by status, event and time', async () => {
    const { caller } = await webhookOrg(accounts, service.baseUrl);
    const endpoint = await registerEndpoint(service.baseUrl, caller, `${receiver.url}/ok`, ['submission.completed', 'lab.passed']);
    const t0 = Date.now() - 3_600_000;
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    const ids = await insertDeliveries(accounts, endpoint.id, [
      { status: 'succeeded', createdAt: at(1) },
      { status: 'failed', createdAt: at(2), attemptCodes: [500, 503] },
      { status: 'failed', createdAt: at(3), event: 'lab.passed', attemptCodes: [500] },
      { status: 'succeeded', createdAt: at(4), event: 'lab.passed' },
      { status: 'failed', createdAt: at(5), attemptCodes: [502] },
    ]);
    const base = `/webhooks/endpoints/${endpoint.id}/deliveries`;
    const first = await get<Page>(caller, `${base}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.deliveries.map((d) => d.id)).toEqual([ids[4], ids[3]]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await get<Page>(caller, `${base}?limit=2&cursor=${first.body.nextCursor ?? ''}`);
    expect(second.body.deliveries.map((d) => d.id)).toEqual([ids[2], ids[1]]);
    const third = await get<Page>(caller, `${base}?limit=2&cursor=${second.body.nextCursor ?? ''}`);
    expect(third.body.deliveries.map((d) => d.id)).toEqual([ids[0]]);
    expect(third.body.nextCursor).toBeNull();

    const failed = await get<Page>(caller, `${base}?status=failed`);
    expect(failed.body.deliveries.map((d) => d.id)).toEqual([ids[4], ids[2], ids[1]]);
    expect(failed.body.deliveries[2].attempts.map((a) => a.responseCode)).toEqual([500, 503]);
    const passedFailed = await get<Page>(caller, `${base}?status=failed&event=lab.passed`);
    expect(passedFailed.body.deliveries.map((d) => d.id)).toEqual([ids[2]]);
    const window = await get<Page>(caller, `${base}?since=${at(2).toISOString()}&until=${at(4).toISOString()}`);
    expect(window.body.deliveries.map((d) => d.id)).toEqual([ids[2], ids[1]]);

    expect((await get(caller, `${base}?status=lost`)).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await get(caller, `${base}?cursor=bm90LWEtY3Vyc29y`)).body).toMatchObject({ code: 'INVALID_CURSOR', field: 'cursor' });
    const other = await webhookOrg(accounts, service.baseUrl);
    expect((await get(other.caller, base)).status).toBe(404);
  });

  it('redelivers the failed deliveries once each, with their own webhook-id, however often asked', async () => {
    const { caller } = await webhookOrg(accounts, service.baseUrl);
    const endpoint = await registerEndpoint(service.baseUrl, caller, `${receiver.url}/ok`, ['submission.completed']);
    const failedIds = await insertDeliveries(accounts, endpoint.id, [
      { status: 'failed', attemptCodes: [500] },
      { status: 'failed', attemptCodes: [500] },
      { status: 'failed', attemptCodes: [500] },
    ]);
    const [succeededId] = await insertDeliveries(accounts, endpoint.id, [{ status: 'succeeded' }]);
    const path = `/webhooks/endpoints/${endpoint.id}/redeliver`;

    const refused = await post(caller, path, { deliveryIds: [failedIds[0]], status: 'failed' });
    expect(refused.body).toMatchObject({ code: 'WEBHOOK_REDELIVERY_FILTER_INVALID', field: 'deliveryIds' });
    const unknown = await post(caller, path, { deliveryIds: [failedIds[0], 'msg_notoneofthisendpoints'] });
    expect(unknown.body).toMatchObject({ code: 'WEBHOOK_DELIVERY_NOT_FOUND' });
    expect((await post(caller, path, { deliveryIds: ['not-an-id'] })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const tooMany = Array.from({ length: 101 }, (_, i) => `msg_${String(i).padStart(12, '0')}`);
    expect((await post(caller, path, { deliveryIds: tooMany })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const backwards = await post(caller, path, { since: new Date().toISOString(), until: new Date(Date.now() - 1000).toISOString() });
    expect(backwards.body).toMatchObject({ code: 'WEBHOOK_REDELIVERY_FILTER_INVALID', field: 'since' });
    const foreign = await webhookOrg(accounts, service.baseUrl);
    expect((await post(foreign.caller, path, {})).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received.filter((r) => failedIds.includes(String(r.headers['webhook-id'])))).toHaveLength(0);

    // Two calls at once and one after: each failed delivery is queued exactly once.
    const [a, b] = await Promise.all([post<WebhookRedeliveryResult>(caller, path, {}), post<WebhookRedeliveryResult>(caller, path, {})]);
    expect(a.status).toBe(202);
    expect([...a.body.redelivered, ...b.body.redelivered].sort()).toEqual([...failedIds].sort());
    expect(a.body.more).toBe(false);
    const again = await post<WebhookRedeliveryResult>(caller, path, { deliveryIds: failedIds });
    const settled = [...again.body.redelivered, ...again.body.alreadyPending];
    expect(settled.sort()).toEqual([...failedIds].sort());

    const log = await until('the redeliveries to succeed', async () => {
      const page = await get<Page>(caller, `/webhooks/endpoints/${endpoint.id}/deliveries?status=succeeded`);
      return page.body.deliveries.length === 4 ? page.body.deliveries : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // nothing more may arrive
    for (const id of failedIds) {
      const sent = receiver.received.filter((r) => r.headers['webhook-id'] === id);
      expect(sent.length).toBe(1 + (again.body.redelivered.includes(id) ? 1 : 0));
      expect(verify(endpoint.secret, sent[0]).data).toEqual({ marker: id });
    }
    expect(receiver.received.filter((r) => r.headers['webhook-id'] === succeededId)).toHaveLength(0);
    expect(log.find((d) => d.id === failedIds[0])?.redelivery).toBeGreaterThanOrEqual(1);
  });

  it('bounds one call to 100 deliveries and says there are more', async () => {
    const { caller } = await webhookOrg(accounts, service.baseUrl);
    const endpoint = await registerEndpoint(service.baseUrl, caller, `${receiver.url}/ok`, ['submission.completed']);
    const old = new Date(Date.now() - 86_400_000);
    const ids = await insertDeliveries(
      accounts,
      endpoint.id,
      Array.from({ length: 103 }, (_, i) => ({ status: 'failed' as const, createdAt: new Date(old.getTime() + i * 1000) })),
    );
    const path = `/webhooks/endpoints/${endpoint.id}/redeliver`;
    const first = await post<WebhookRedeliveryResult>(caller, path, { status: 'failed', until: new Date().toISOString() });
    expect(first.body.redelivered).toEqual(ids.slice(0, 100));
    expect(first.body.more).toBe(true);
    const second = await post<WebhookRedeliveryResult>(caller, path, { status: 'failed' });
    expect(second.body.redelivered).toEqual(ids.slice(100));
    expect(second.body.more).toBe(false);
  });

  it('tells the admins when an endpoint is disabled, and sends webhook.endpoint_disabled to the other endpoints', async () => {
    const org = await webhookOrg(accounts, service.baseUrl);
    const { caller } = org;
    const gone = await registerEndpoint(service.baseUrl, caller, `${receiver.url}/gone`, ['cohort.member_joined']);
    const watcher = await registerEndpoint(service.baseUrl, caller, `${receiver.url}/ok`, ['webhook.endpoint_disabled']);
    await accounts.user(org.id, 'learner', { externalId: `ext-${org.slug}` });
    const cohort = await post<{ id: string }>(caller, '/cohorts', { name: 'Told cohort' });
    expect((await post(caller, `/cohorts/${cohort.body.id}/members`, { externalId: `ext-${org.slug}` })).status).toBeLessThan(300);

    const told = await until('the notification', async () => {
      const answer = await get<Notifications>(caller, '/notifications?unread=true');
      return answer.body.notifications.length > 0 ? answer.body : undefined;
    });
    expect(told.unread).toBe(1);
    expect(told.notifications).toHaveLength(1);
    expect(told.notifications[0]).toMatchObject({ kind: 'webhook.endpoint_disabled', endpointId: gone.id, readAt: null });
    expect(told.notifications[0].message).toContain('410');
    expect(told.notifications[0].message).toContain(`${receiver.url}/gone`);
    const endpoint = await get<Wire<WebhookEndpointView>>(caller, `/webhooks/endpoints/${gone.id}`);
    expect(endpoint.body.enabled).toBe(false);

    const event = await until('the webhook.endpoint_disabled event', () =>
      receiver.received.find((r) => r.path === '/ok' && r.body.includes(gone.id) && r.body.includes('webhook.endpoint_disabled')),
    );
    expect(verify(watcher.secret, event)).toMatchObject({
      type: 'webhook.endpoint_disabled',
      data: { endpointId: gone.id, url: `${receiver.url}/gone`, reason: 'the receiver answered 410 Gone' },
    });

    // Another organisation neither sees it nor marks it; a key without manage is refused.
    const other = await webhookOrg(accounts, service.baseUrl);
    expect((await get<Notifications>(other.caller, '/notifications')).body).toEqual({ notifications: [], unread: 0 });
    const foreignRead = await post(other.caller, `/notifications/${told.notifications[0].id}/read`);
    expect(foreignRead.status).toBe(404);
    expect(foreignRead.body.code).toBe('NOTIFICATION_NOT_FOUND');
    const instructor = await accounts.user(org.id, 'instructor');
    const instructorSession = await signIn(service.baseUrl, org.slug, instructor.email);
    expect((await get(instructorSession, '/notifications')).body).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect((await get(instructorSession, `/webhooks/endpoints/${gone.id}/deliveries`)).body).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    const readOnly: Caller = { apiKey: (await accounts.key(org.id, ['read'])).key };
    expect((await get(readOnly, '/notifications')).body).toMatchObject({ code: 'KEY_SCOPE_MISSING' });

    const read = await post<Wire<OrganizationNotificationView>>(caller, `/notifications/${told.notifications[0].id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const after = await get<Notifications>(caller, '/notifications');
    expect(after.body.unread).toBe(0);
    expect(after.body.notifications).toHaveLength(1);
    expect((await get<Notifications>(caller, '/notifications?unread=true')).body.notifications).toEqual([]);
    expect((await post<{ marked: number }>(caller, '/notifications/read-all')).body).toEqual({ marked: 0 });
  });
});
