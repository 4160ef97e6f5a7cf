// Webhooks against the real service (API, worker, PostgreSQL, Redis, Docker) and a receiver on
// 127.0.0.1 that verifies every request with the `standardwebhooks` package's own verifier. The
// organisations here allow private targets (the receiver is on loopback) except where the test
// is that a loopback URL is refused without that setting.
import { Webhook } from 'standardwebhooks';
import type { WebhookDeliveryView, WebhookEndpointCreated, WebhookEndpointView, Wire } from '../../libs/contracts/src';
import { Accounts } from './support/accounts';
import { call, Caller } from './support/client';
import { RunningService, startService } from './support/service';
import { startReceiver, verify } from './support/webhook-receiver';

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('webhooks: signed deliveries with retries, 410 and the private-address guard', () => {
  let service: RunningService;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const accounts = new Accounts();

  beforeAll(async () => {
    service = await startService({
      env: {
        WEBHOOK_BACKOFF_BASE_MS: '50',
        WEBHOOK_MAX_ATTEMPTS: '5',
        WEBHOOK_TIMEOUT_MS: '5000',
        WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES: '1',
      },
    });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await service.close();
    await new Promise((resolve) => receiver.server.close(resolve));
    await accounts.close();
  });

  /** An organisation with a key holding every scope, and a learner to submit for. */
  async function lms(allowPrivate: boolean): Promise<{ caller: Caller; learnerId: string; externalId: string }> {
    const org = await accounts.org();
    const caller: Caller = { apiKey: (await accounts.key(org.id, ['read', 'submit', 'manage'])).key };
    const externalId = `ext-${org.slug}`;
    const learnerId = (await accounts.user(org.id, 'learner', { externalId })).id;
    if (allowPrivate) {
      const set = await call(service.baseUrl, 'PATCH', '/webhooks/settings', { caller, body: { allowPrivateTargets: true } });
      expect(set.body).toEqual({ allowPrivateTargets: true });
    }
    return { caller, learnerId, externalId };
  }

  async function register(caller: Caller, path: string, events: string[]): Promise<Wire<WebhookEndpointCreated>> {
    const created = await call<Wire<WebhookEndpointCreated>>(service.baseUrl, 'POST', '/webhooks/endpoints', {
      caller,
      body: { url: receiver.url + path, events },
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function submitPassing(caller: Caller, learnerId: string): Promise<string> {
    const submitted = await call<{ id: string }>(service.baseUrl, 'POST', `/users/${learnerId}/submissions`, {
      caller,
      body: { labId: 'playground', files: { 'test_ok.py': 'def test_ok():\n    assert 1 + 1 == 2\n' } },
    });
    expect(submitted.status).toBe(202);
    return submitted.body.id;
  }

  const forSubmission = (path: string, submissionId: string) =>
    receiver.received.filter((r) => r.path === path && r.body.includes(submissionId));

  it('refuses a loopback URL unless the organisation allows private targets', async () => {
    const { caller } = await lms(false);
    const refused = await call(service.baseUrl, 'POST', '/webhooks/endpoints', {
      caller,
      body: { url: `${receiver.url}/ok`, events: ['submission.completed'] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'WEBHOOK_TARGET_REFUSED', field: 'url' });
    expect(refused.body.message).toContain('127.0.0.1');
    const metadata = await call(service.baseUrl, 'POST', '/webhooks/endpoints', {
      caller,
      body: { url: 'http://169.254.169.254/latest', events: ['submission.completed'] },
    });
    expect(metadata.body).toMatchObject({ code: 'WEBHOOK_TARGET_REFUSED' });
    const badEvent = await call(service.baseUrl, 'POST', '/webhooks/endpoints', {
      caller,
      body: { url: 'https://example.test/', events: ['nope'] },
    });
    expect(badEvent.status).toBe(400);

    await call(service.baseUrl, 'PATCH', '/webhooks/settings', { caller, body: { allowPrivateTargets: true } });
    const created = await register(caller, '/ok', ['submission.completed']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const listed = await call<{ endpoints: Wire<WebhookEndpointView>[] }>(service.baseUrl, 'GET', '/webhooks/endpoints', { caller });
    expect(listed.body.endpoints.map((e) => e.id)).toEqual([created.id]);
    expect(JSON.stringify(listed.body)).not.toContain(created.secret);

    const other = await lms(false);
    const foreign = await call(service.baseUrl, 'GET', `/webhooks/endpoints/${created.id}`, { caller: other.caller });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('WEBHOOK_ENDPOINT_NOT_FOUND');
    expect((await call(service.baseUrl, 'GET', `/webhooks/endpoints/${created.id}/deliveries`, { caller: other.caller })).status).toBe(404);
  });

  it('retries a receiver that fails twice, honouring Retry-After, and delivers once with one webhook-id', async () => {
    const { caller, learnerId } = await lms(true);
    const endpoint = await register(caller, '/flaky', ['submission.completed', 'lab.passed']);
    const submissionId = await submitPassing(caller, learnerId);

    const attempts = await until('three attempts of submission.completed', () => {
      const seen = forSubmission('/flaky', submissionId).filter((r) => verify(endpoint.secret, r).type === 'submission.completed');
      return seen.length >= 3 ? seen : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // nothing more may arrive
    const completed = forSubmission('/flaky', submissionId).filter((r) => verify(endpoint.secret, r).type === 'submission.completed');
    expect(completed).toHaveLength(3);
    expect(new Set(completed.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(900); // Retry-After: 1 over a 50 ms backoff
    expect(verify(endpoint.secret, completed[2]).data).toMatchObject({
      submissionId,
      labId: 'playground',
      outcome: 'pass',
      userId: learnerId,
    });
    expect(() =>
      new Webhook('whsec_' + Buffer.from('another secret of 32 bytes......').toString('base64')).verify(
        completed[2].body,
        completed[2].headers as Record<string, string>,
      ),
    ).toThrow();

    const passed = forSubmission('/flaky', submissionId).filter((r) => verify(endpoint.secret, r).type === 'lab.passed');
    expect(new Set(passed.map((r) => r.headers['webhook-id'])).size).toBe(1);

    const log = await until('the delivery log to show the success', async () => {
      const answer = await call<{ deliveries: Wire<WebhookDeliveryView>[] }>(
        service.baseUrl,
        'GET',
        `/webhooks/endpoints/${endpoint.id}/deliveries`,
        { caller },
      );
      const delivery = answer.body.deliveries.find((d) => d.event === 'submission.completed');
      return delivery?.status === 'succeeded' ? delivery : undefined;
    });
    expect(log.id).toBe(completed[0].headers['webhook-id']);
    expect(log.attempts.map((a) => [a.status, a.responseCode])).toEqual([
      ['failed', 503],
      ['failed', 500],
      ['succeeded', 200],
    ]);
    expect(log.attempts[0].responseBody).toBe('busy, come back in a second');
    expect(log.attempts[1].responseBody).toHaveLength(4096);

    // Rotation: the redelivery is signed with the new secret and, during the overlap, the old one.
    const rotated = await call<Wire<WebhookEndpointCreated>>(service.baseUrl, 'POST', `/webhooks/endpoints/${endpoint.id}/rotate-secret`, {
      caller,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    expect(rotated.body.previousSecretExpiresAt).not.toBeNull();
    const before = completed.length;
    const again = await call(service.baseUrl, 'POST', `/webhooks/endpoints/${endpoint.id}/deliveries/${log.id}/redeliver`, { caller });
    expect(again.status).toBe(202);
    const redelivered = await until('the redelivery', () => {
      const seen = forSubmission('/flaky', submissionId).filter((r) => r.headers['webhook-id'] === log.id);
      return seen.length > before ? seen[seen.length - 1] : undefined;
    });
    expect(verify(rotated.body.secret, redelivered).type).toBe('submission.completed');
    expect(verify(endpoint.secret, redelivered).type).toBe('submission.completed');
  });

  it('disables an endpoint that answers 410 Gone, after one attempt', async () => {
    const { caller, learnerId } = await lms(true);
    const endpoint = await register(caller, '/gone', ['submission.completed']);
    const submissionId = await submitPassing(caller, learnerId);
    const disabled = await until('the endpoint to be disabled', async () => {
      const answer = await call<Wire<WebhookEndpointView>>(service.baseUrl, 'GET', `/webhooks/endpoints/${endpoint.id}`, { caller });
      return answer.body.enabled ? undefined : answer.body;
    });
    expect(disabled.disabledReason).toContain('410');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sent = forSubmission('/gone', submissionId);
    expect(sent).toHaveLength(1);
    verify(endpoint.secret, sent[0]);
    const log = await call<{ deliveries: Wire<WebhookDeliveryView>[] }>(
      service.baseUrl,
      'GET',
      `/webhooks/endpoints/${endpoint.id}/deliveries`,
      { caller },
    );
    expect(log.body.deliveries[0]).toMatchObject({ status: 'failed', attempts: [{ status: 'failed', responseCode: 410 }] });
    const refused = await call(
      service.baseUrl,
      'POST',
      `/webhooks/endpoints/${endpoint.id}/deliveries/${log.body.deliveries[0].id}/redeliver`,
      { caller },
    );
    expect(refused.body).toMatchObject({ code: 'WEBHOOK_ENDPOINT_DISABLED' });
  });
  it('refuses a loopback target again at delivery once the setting is off, and disables the endpoint when its delivery keeps failing', async () => {
    const { caller, learnerId } = await lms(true);
    const endpoint = await register(caller, '/ok', ['submission.completed']);
    await call(service.baseUrl, 'PATCH', '/webhooks/settings', { caller, body: { allowPrivateTargets: false } });
    const submissionId = await submitPassing(caller, learnerId);
    const disabled = await until('the endpoint to be disabled', async () => {
      const answer = await call<Wire<WebhookEndpointView>>(service.baseUrl, 'GET', `/webhooks/endpoints/${endpoint.id}`, { caller });
      return answer.body.enabled ? undefined : answer.body;
    });
    expect(disabled.disabledReason).toBe('failed deliveries in a row: 1');
    expect(forSubmission('/ok', submissionId)).toHaveLength(0); // nothing reached the receiver
    const log = await call<{ deliveries: Wire<WebhookDeliveryView>[] }>(
      service.baseUrl,
      'GET',
      `/webhooks/endpoints/${endpoint.id}/deliveries`,
      { caller },
    );
    const [delivery] = log.body.deliveries;
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts).toHaveLength(5); // WEBHOOK_MAX_ATTEMPTS
    for (const attempt of delivery.attempts) {
      expect(attempt).toMatchObject({ status: 'failed', responseCode: null });
      expect(attempt.error).toContain('127.0.0.1');
    }
  });
  it('does not follow a redirect: a 302 is a failed attempt and the target is never asked', async () => {
    const { caller, learnerId } = await lms(true);
    const endpoint = await register(caller, '/redirect', ['submission.completed']);
    const submissionId = await submitPassing(caller, learnerId);
    await until('the endpoint to be disabled', async () => {
      const answer = await call<Wire<WebhookEndpointView>>(service.baseUrl, 'GET', `/webhooks/endpoints/${endpoint.id}`, { caller });
      return answer.body.enabled ? undefined : answer.body;
    });
    expect(forSubmission('/redirect', submissionId)).toHaveLength(5);
    expect(forSubmission('/ok', submissionId)).toHaveLength(0);
    const log = await call<{ deliveries: Wire<WebhookDeliveryView>[] }>(
      service.baseUrl,
      'GET',
      `/webhooks/endpoints/${endpoint.id}/deliveries`,
      { caller },
    );
    expect(log.body.deliveries[0].attempts.map((a) => a.responseCode)).toEqual([302, 302, 302, 302, 302]);
  });
  it('sends cohort.member_joined once when a learner is added to a cohort, and assignment.graded for their graded attempt', async () => {
    const { caller, learnerId, externalId } = await lms(true);
    const endpoint = await register(caller, '/ok', ['cohort.member_joined', 'assignment.graded']);
    const cohort = await call<{ id: string }>(service.baseUrl, 'POST', '/cohorts', { caller, body: { name: 'Webhook cohort' } });
    expect(cohort.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const added = await call(service.baseUrl, 'POST', `/cohorts/${cohort.body.id}/members`, { caller, body: { externalId } });
      expect(added.status).toBeLessThan(300);
    }
    const joined = await until('cohort.member_joined', () => {
      const seen = receiver.received.filter((r) => r.path === '/ok' && r.body.includes(cohort.body.id));
      return seen.length > 0 ? seen : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received.filter((r) => r.path === '/ok' && r.body.includes(cohort.body.id))).toHaveLength(1);
    expect(verify(endpoint.secret, joined[0])).toMatchObject({
      type: 'cohort.member_joined',
      data: { cohortId: cohort.body.id, cohortName: 'Webhook cohort', userId: learnerId, externalId },
    });
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const assigned = await call<{ assignments: { id: string }[] }>(service.baseUrl, 'POST', `/cohorts/${cohort.body.id}/assignments`, {
      caller,
      body: { labId: 'playground', opensAt: new Date(Date.now() - 60_000).toISOString(), dueAt },
    });
    expect(assigned.status).toBe(201);
    const submissionId = await submitPassing(caller, learnerId);
    const graded = await until('assignment.graded', () => forSubmission('/ok', submissionId)[0]);
    expect(verify(endpoint.secret, graded)).toMatchObject({
      type: 'assignment.graded',
      data: { cohortId: cohort.body.id, submissionId, userId: learnerId, dueAt, late: false, latePolicy: 'accept', outcome: 'pass' },
    });
  });
});
