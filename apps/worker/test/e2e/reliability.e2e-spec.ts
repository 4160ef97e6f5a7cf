// Nothing is lost: a submit while Redis is down is queued later by the sweeper; a worker killed
// mid-job leaves no container behind and the retry makes exactly one report; infra failures end
// as infra-error after retries, never as the learner's fault.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { Client, QueryResultRow } from 'pg';
import { startService, RunningService } from '../../../../test/e2e/support/service';
import { get, post, reportOf, SubmissionAccepted, SubmissionBody, waitForVerdict } from '../../../../test/e2e/support/client';
import { defined } from '../../../../test/e2e/support/defined';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../../../../test/e2e-env';
import { OWNER_LABEL, SANDBOX_LABEL } from '@asynclab/sandbox';
import { loadAppConfig } from '@asynclab/config';
import { correctNews, slowTest } from './programs';

const ROOT = join(__dirname, '../../../..');
const docker = new Docker();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function query<Row extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const db = new Client({ connectionString: TEST_DATABASE_URL });
  await db.connect();
  try {
    return (await db.query<Row>(sql, params)).rows;
  } finally {
    await db.end();
  }
}

describe('when Redis is unreachable at submit time', () => {
  const port = 6391;
  const redisUrl = `redis://127.0.0.1:${port}`;
  const startRedis = () =>
    execFileSync('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--daemonize', 'yes', '--save', '', '--appendonly', 'no']);
  const stopRedis = () => execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);
  let service: RunningService;

  beforeAll(async () => {
    startRedis();
    await sleep(300);
    service = await startService({ env: { REDIS_URL: redisUrl } });
  });
  afterAll(async () => {
    await service.close();
    try {
      stopRedis();
    } catch {
      // already down
    }
  });

  it('still answers 202, keeps the submission, and the sweeper queues it once Redis is back', async () => {
    stopRedis();
    const created = await post<SubmissionAccepted>(service.baseUrl, '/submissions', { labId: 'playground', files: correctNews });
    expect(created.status).toBe(202);
    const [row] = await query<{ status: string; enqueued_at: Date | null }>('SELECT status, enqueued_at FROM submissions WHERE id = $1', [
      created.body.id,
    ]);
    expect(row).toEqual({ status: 'queued', enqueued_at: null });

    startRedis();
    const result = await waitForVerdict(service.baseUrl, created.body.id, 90_000);
    expect(result.status).toBe('completed');
    expect(reportOf(result).outcome).toBe('pass');
    const runs = await query<{ n: number }>('SELECT count(*)::int AS n FROM runs WHERE submission_id = $1', [created.body.id]);
    expect(runs[0].n).toBe(1);
  });
});

describe('when a worker is killed in the middle of a job', () => {
  let api: RunningService;
  const workers: ChildProcess[] = [];
  const startWorker = () => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL, WORKER_CONCURRENCY: '1' },
        stdio: 'ignore',
      },
    );
    workers.push(child);
    return child;
  };
  // A warm sandbox is labelled before its run is known: a worker's containers carry its owner id,
  // `<host>-<pid>-<random>` (SandboxOwnerService).
  const sandboxesOf = async (worker: ChildProcess) =>
    (await docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`] } })).filter((c) =>
      (c.Labels[OWNER_LABEL] ?? '').startsWith(`${hostname()}-${String(worker.pid)}-`),
    );
  const statusOf = async (id: string) => (await get<SubmissionBody>(api.baseUrl, `/submissions/${id}`)).body.status;

  beforeAll(async () => {
    api = await startService({ worker: false });
  });
  afterAll(async () => {
    // SIGTERM: a live worker drains its warm pool on the way out.
    for (const child of workers) child.kill('SIGTERM');
    await until(
      'the workers to drain their pools',
      async () => (await Promise.all(workers.map(sandboxesOf))).every((c) => c.length === 0),
      30_000,
    );
    await api.close();
  });

  it('leaves no container behind and makes exactly one report', async () => {
    const first = startWorker();
    const created = await post<SubmissionAccepted>(api.baseUrl, '/submissions', { labId: 'playground', files: slowTest(6) });
    expect(created.status).toBe(202);
    const id = created.body.id;
    await until('the first run to start', async () => (await statusOf(id)) === 'running' && (await sandboxesOf(first)).length > 0, 60_000);
    first.kill('SIGKILL');

    startWorker();
    // The orphan goes once the dead worker's heartbeat lapses; the job comes back when its lock does.
    const result = await waitForVerdict(api.baseUrl, id, 120_000);
    expect(result.status).toBe('completed');
    expect(reportOf(result).outcome).toBe('pass');
    // Its run's container and its warm pool's: the reaper removes every container of a dead owner.
    await until('every sandbox of the killed worker to be removed', async () => (await sandboxesOf(first)).length === 0, 30_000);
    const [runs] = await query<{ n: number }>('SELECT count(*)::int AS n FROM runs WHERE submission_id = $1', [id]);
    expect(runs.n).toBe(1);
    const [submission] = await query<{ attempts: number }>('SELECT attempts FROM submissions WHERE id = $1', [id]);
    expect(submission.attempts).toBeGreaterThanOrEqual(2);
  });
});

describe('when the sandbox cannot run at all', () => {
  it('refuses to start a worker whose sandbox image is missing, saying how to build it', async () => {
    await expect(startService({ env: { SANDBOX_IMAGE: 'asynclab-sandbox:does-not-exist' } })).rejects.toThrow(/npm run sandbox:build/);
  });

  it('retries an infra failure and ends it as infra-error, not as the learner failing', async () => {
    const current = loadAppConfig().sandbox.image;
    const image = (await docker.listImages()).find((i) => (i.RepoTags ?? []).includes(current));
    expect(image).toBeDefined();
    const tag = 'asynclab-sandbox:e2e-vanishing';
    await docker.getImage(defined(image, 'a built sandbox image').Id).tag({ repo: 'asynclab-sandbox', tag: 'e2e-vanishing' });
    // No warm pool: its containers, made before the image vanished, would serve the run.
    const service = await startService({ env: { SANDBOX_IMAGE: tag, WORKER_INFRA_ATTEMPTS: '3', SANDBOX_POOL: 'false' } });
    try {
      await docker.getImage(tag).remove();
      const created = await post<SubmissionAccepted>(service.baseUrl, '/submissions', { labId: 'playground', files: correctNews });
      const result = await waitForVerdict(service.baseUrl, created.body.id, 60_000);
      expect(result.status).toBe('error');
      const report = reportOf(result);
      expect(report.outcome).toBe('error');
      const runOutcome = defined(report.runOutcome, 'a run outcome');
      expect(runOutcome.kind).toBe('infra-error');
      expect(runOutcome.message).toContain('not your code');
      const [row] = await query<{ attempts: number }>('SELECT attempts FROM submissions WHERE id = $1', [created.body.id]);
      expect(row.attempts).toBe(3);
      const { body } = await get<SubmissionBody>(service.baseUrl, `/submissions/${created.body.id}`);
      expect(reportOf(body).tests).toEqual([]);
    } finally {
      await service.close();
    }
  });
});
