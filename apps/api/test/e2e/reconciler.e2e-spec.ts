// The reconciler against the real PostgreSQL and Redis: a job wiped from Redis after its
// submission was queued comes back under the same job id and completes with one report; the
// admin endpoint lists the worker that ran it, named by host and pid.
import { hostname } from 'node:os';
import Redis from 'ioredis';
import { Client } from 'pg';
import { runSubmissionJobId } from '@asynclab/jobs';
import { startService, RunningService } from '../../../../test/e2e/support/service';
import { call, post, waitForVerdict } from '../../../../test/e2e/support/client';
import { Accounts } from '../../../../test/e2e/support/accounts';
import { PUBLIC_ORGANIZATION_ID } from '@asynclab/database';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../../../../test/e2e-env';
import { ReconcilerService } from '../../src/submissions/reconciler.service';
import type { QueueStatus } from '../../src/admin/admin.service';
import { correctNews } from '../../../worker/test/e2e/programs';

describe('the reconciler', () => {
  let service: RunningService;
  const redis = new Redis(TEST_REDIS_URL);

  beforeAll(async () => {
    // Earlier test files of the run leave submissions queued for good (their services ran without a
    // worker); they would be re-queued too and spoil the count, so they end here first.
    const db = new Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    await db.query(
      `UPDATE submissions SET status = 'error', error_message = 'left queued by an earlier test file' WHERE status IN ('queued', 'running')`,
    );
    await db.end();
    // The API's own timer stays out of the way: the test runs each pass itself.
    service = await startService({ worker: false, env: { RECONCILER_INTERVAL_MS: '3600000', RECONCILER_GRACE_MS: '0' } });
  });
  afterAll(async () => {
    await service.close();
    redis.disconnect();
  });

  it('re-queues a submission whose job Redis lost, under the same job id, and it completes once', async () => {
    const created = await post<{ id: string }>(service.baseUrl, '/submissions', { labId: 'playground', files: correctNews });
    expect(created.status).toBe(202);
    const id = created.body.id;
    const jobKey = `bull:submissions:${runSubmissionJobId(id)}`;
    expect(await redis.exists(jobKey)).toBe(1);
    await redis.flushdb(); // this test's own Redis db: the queue's data is gone, PostgreSQL still says queued

    const reconciler = service.api.get(ReconcilerService);
    const result = await reconciler.reconcile(Date.now() + 1_000);
    expect(result).toMatchObject({ requeued: 1, skipped: null });
    expect(await redis.exists(jobKey)).toBe(1);
    expect((await reconciler.reconcile(Date.now() + 1_000)).requeued).toBe(0); // the job is there now

    const worker = await startService({ env: { RECONCILER_INTERVAL_MS: '3600000' } });
    try {
      // The queue view is for admins: an operator's key with the manage scope.
      const accounts = new Accounts();
      const operator = { apiKey: (await accounts.key(PUBLIC_ORGANIZATION_ID, ['manage'])).key };
      await accounts.close();
      const status = await until(async () => {
        const { body } = await call<QueueStatus>(service.baseUrl, 'GET', '/admin/queue', { caller: operator });
        return body.workers.length > 0 ? body : undefined;
      });
      expect(status.workers[0]).toMatchObject({ host: hostname(), pid: process.pid, concurrency: 2, draining: false });
      expect(status.workers[0].secondsSinceHeartbeat).toBeLessThan(10);
      const verdict = (await waitForVerdict(service.baseUrl, id, 90_000)) as { status: string; report: { outcome: string } };
      expect(verdict.status).toBe('completed');
      expect(verdict.report.outcome).toBe('pass');
    } finally {
      await worker.close();
    }
    const db = new Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM runs WHERE submission_id = $1', [id]);
    await db.end();
    expect(rows[0].n).toBe(1);
  });

  it('takes one pass at a time across API processes (the Redis lock)', async () => {
    await redis.set('asynclab:reconciler-lock', 'another-api-process', 'PX', 5_000);
    try {
      expect((await service.api.get(ReconcilerService).reconcile()).skipped).toBe('locked');
    } finally {
      await redis.del('asynclab:reconciler-lock');
    }
  });
});

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
