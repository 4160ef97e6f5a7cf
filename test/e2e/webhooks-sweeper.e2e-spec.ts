// Nothing lost when Redis is down: a delivery row stored while BullMQ could not take its job is
// queued by the worker's sweeper once Redis answers again, and reaches the receiver once, with
// its webhook-id. The outage is real: the test runs the service on its own Redis (another port,
// its own folder: the shared one is never touched), kills it, and starts it again.
import { join } from 'node:path';
import type { WebhookDeliveryPage, Wire } from '../../libs/contracts/src';
import { OwnRedis } from '../faults/own-services';
import { Accounts } from './support/accounts';
import { call, type Caller } from './support/client';
import { RunningService, startService } from './support/service';
import { startReceiver, verify, type Receiver } from './support/webhook-receiver';
import { insertDeliveries, registerEndpoint, until, webhookOrg } from './support/webhook-fixtures';

const SWEEP_ENV = { WEBHOOK_SWEEP_INTERVAL_MS: '300', WEBHOOK_SWEEP_GRACE_MS: '1000', WEBHOOK_BACKOFF_BASE_MS: '50' };
const log = (baseUrl: string, caller: Caller, endpointId: string) =>
  call<Wire<WebhookDeliveryPage>>(baseUrl, 'GET', `/webhooks/endpoints/${endpointId}/deliveries`, { caller });

describe('webhooks: the sweeper queues what was stored while Redis was down', () => {
  let receiver: Receiver;
  const accounts = new Accounts();

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver.server.close(resolve));
    await accounts.close();
  });

  it('sends a pending delivery that never had a job, once the grace period is over', async () => {
    const service = await startService({ env: SWEEP_ENV });
    try {
      const { caller } = await webhookOrg(accounts, service.baseUrl);
      const endpoint = await registerEndpoint(service.baseUrl, caller, `${receiver.url}/ok`, ['submission.completed']);
      const [id] = await insertDeliveries(accounts, endpoint.id, [{ status: 'pending', queuedAt: null }]);
      const sent = await until('the swept delivery', () => receiver.received.find((r) => r.headers['webhook-id'] === id), 30_000);
      expect(verify(endpoint.secret, sent).data).toEqual({ marker: id });
      const delivered = await until('the log to show it succeeded', async () => {
        const [row] = (await log(service.baseUrl, caller, endpoint.id)).body.deliveries;
        return row.status === 'succeeded' ? row : undefined;
      });
      expect(delivered.queuedAt).not.toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 1000)); // the sweeper keeps running: nothing more
      expect(receiver.received.filter((r) => r.headers['webhook-id'] === id)).toHaveLength(1);
    } finally {
      await service.close();
    }
  });

  it('queues again a pending delivery whose job Redis lost (its row says it was queued)', async () => {
    const service = await startService({ env: SWEEP_ENV });
    try {
      const { caller } = await webhookOrg(accounts, service.baseUrl);
      const endpoint = await registerEndpoint(service.baseUrl, caller, `${receiver.url}/ok`, ['submission.completed']);
      const queuedAt = new Date(Date.now() - 60_000);
      const [lost, done] = await insertDeliveries(accounts, endpoint.id, [
        { status: 'pending', queuedAt, createdAt: queuedAt },
        { status: 'succeeded', queuedAt, createdAt: queuedAt },
      ]);
      const sent = await until('the lost delivery', () => receiver.received.find((r) => r.headers['webhook-id'] === lost), 30_000);
      expect(verify(endpoint.secret, sent).data).toEqual({ marker: lost });
      await until('the log to show it succeeded', async () => {
        const row = (await log(service.baseUrl, caller, endpoint.id)).body.deliveries.find((d) => d.id === lost);
        return row?.status === 'succeeded' ? row : undefined;
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(receiver.received.filter((r) => r.headers['webhook-id'] === lost)).toHaveLength(1);
      expect(receiver.received.filter((r) => r.headers['webhook-id'] === done)).toHaveLength(0);
    } finally {
      await service.close();
    }
  });

  describe('with a real outage of the service’s own Redis', () => {
    const redis = new OwnRedis(56_422, join('/tmp', `asynclab-webhooks-sweeper-redis-${String(process.pid)}`));
    let service: RunningService;

    beforeAll(async () => {
      redis.stop();
      redis.wipeFolder();
      redis.start();
      service = await startService({ env: { ...SWEEP_ENV, REDIS_URL: redis.url } });
    });
    afterAll(async () => {
      redis.start(); // up again, so the service closes cleanly
      await service.close();
      redis.stop();
      redis.wipeFolder();
    });

    it('stores the delivery of an event emitted while Redis is dead, and delivers it once Redis is back', async () => {
      const org = await webhookOrg(accounts, service.baseUrl);
      const endpoint = await registerEndpoint(service.baseUrl, org.caller, `${receiver.url}/ok`, ['cohort.member_joined']);
      const externalId = `ext-${org.slug}`;
      await accounts.user(org.id, 'learner', { externalId });
      const cohort = await call<{ id: string }>(service.baseUrl, 'POST', '/cohorts', {
        caller: org.caller,
        body: { name: 'Outage cohort' },
      });
      expect(cohort.status).toBe(201);

      redis.kill();
      const added = await call(service.baseUrl, 'POST', `/cohorts/${cohort.body.id}/members`, { caller: org.caller, body: { externalId } });
      expect(added.status).toBeLessThan(300); // the enrolment stands with Redis away
      const stored = await until('the delivery row', async () => (await log(service.baseUrl, org.caller, endpoint.id)).body.deliveries[0]);
      expect(stored).toMatchObject({ status: 'pending', queuedAt: null, event: 'cohort.member_joined' });
      await new Promise((resolve) => setTimeout(resolve, 2000)); // sweeps run and fail against the dead Redis
      expect(receiver.received.filter((r) => r.headers['webhook-id'] === stored.id)).toHaveLength(0);

      redis.start();
      const sent = await until(
        'the delivery after Redis is back',
        () => receiver.received.find((r) => r.headers['webhook-id'] === stored.id),
        60_000,
      );
      expect(verify(endpoint.secret, sent)).toMatchObject({ type: 'cohort.member_joined', data: { cohortId: cohort.body.id, externalId } });
      const delivered = await until('the log to show it succeeded', async () => {
        const [row] = (await log(service.baseUrl, org.caller, endpoint.id)).body.deliveries;
        return row.status === 'succeeded' ? row : undefined;
      });
      expect(delivered.queuedAt).not.toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(receiver.received.filter((r) => r.headers['webhook-id'] === stored.id)).toHaveLength(1);
    });
  });
});
