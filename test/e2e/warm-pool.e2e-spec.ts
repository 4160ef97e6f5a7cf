// The warm pool in the real service: the worker fills it at start, GET /api/v1/health shows it,
// a submission takes a warm sandbox and is answered, the pool refills, and shutting the worker
// down removes every waiting container. A waiting container ended from outside (what an engine
// restart does to all of them) empties the pool, and runs go on. A warm container of a dead owner
// is reaped.
import { dockerClient, SandboxReaper, SANDBOX_LABEL, WarmSandbox, warmRunLabel } from '@asynclab/sandbox';
import { loadAppConfig } from '@asynclab/config';
import { startService, RunningService } from './support/service';
import { call, get, reportOf, submitAndWait, type Caller } from './support/client';
import { Accounts } from './support/accounts';
import { PUBLIC_ORGANIZATION_ID } from '@asynclab/database';
import { correctNews } from '../../apps/worker/test/e2e/programs';
import type { HealthView } from '../../apps/api/src/health/health.controller';

const config = loadAppConfig();
const docker = dockerClient(config.sandbox);

/** Waits for the probe; on a timeout, says what was last seen (the pool's state) so a failure can be read. */
async function until(what: string, probe: () => Promise<boolean>, lastSeen: () => unknown = () => null, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(lastSeen())}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ownContainers = async () =>
  (await docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`] } })).filter(
    (c) => c.Labels['org.asynclab.run'] === warmRunLabel(),
  );

describe('the warm sandbox pool in the service', () => {
  let service: RunningService;
  // The pools are shown to operators only: an admin's key with the manage scope.
  let operator: Caller;
  const health = () => call<HealthView>(service.baseUrl, 'GET', '/health', { caller: operator });
  let lastPool: unknown = null;
  const pool = async () => {
    const found = (await health()).body.workers?.find((w) => w.pool)?.pool ?? null;
    lastPool = found;
    return found;
  };

  beforeAll(async () => {
    // The pool is on by default: only its size is set here.
    service = await startService({ env: { SANDBOX_POOL_SIZE: '2' } });
    const accounts = new Accounts();
    operator = { apiKey: (await accounts.key(PUBLIC_ORGANIZATION_ID, ['manage'])).key };
    await accounts.close();
  });
  afterAll(() => service.close());

  it('fills at start, serves a submission from a warm sandbox, refills, and shows it all in /health', async () => {
    await until(
      'the pool to be ready',
      async () => (await pool())?.ready === 2,
      () => lastPool,
    );
    const answer = await health();
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('ok');
    // A learner (here the default guest) sees that the service answers, not its hosts and pools.
    expect((await get<HealthView>(service.baseUrl, '/health')).body).toEqual({ status: 'ok' });
    expect(answer.body.workers?.find((w) => w.pool)).toMatchObject({ image: config.sandbox.image, runtime: 'runc', pool: { size: 2 } });

    // Counted from here: the worker may also have drained runs an earlier test file left queued.
    const takenBefore = (await pool())?.taken ?? 0;
    const result = await submitAndWait(service.baseUrl, 'playground', correctNews);
    expect(reportOf(result).outcome).toBe('pass');
    await until(
      'the pool to refill',
      async () => {
        const state = await pool();
        return !!state && state.taken > takenBefore && state.ready === 2;
      },
      () => lastPool,
    );
    expect(await pool()).toMatchObject({ missed: 0 });
  });

  it('empties when a waiting sandbox is killed from outside, serves the next run anyway and refills', async () => {
    await until(
      'the pool to be ready',
      async () => (await pool())?.ready === 2,
      () => lastPool,
    );
    const [victim] = await ownContainers();
    await docker.getContainer(victim.Id).kill();
    await until(
      'the pool to be emptied',
      async () => (await pool())?.flushed === 1,
      () => lastPool,
    );
    expect((await pool())?.lastError).toBe('a waiting sandbox ended on its own');
    const result = await submitAndWait(service.baseUrl, 'playground', correctNews);
    expect(reportOf(result).outcome).toBe('pass');
    expect(reportOf(result).runOutcome).toBeNull();
    await until(
      'the pool to refill',
      async () => (await pool())?.ready === 2,
      () => lastPool,
    );
    expect((await ownContainers()).map((c) => c.Id)).not.toContain(victim.Id);
  });

  it('removes every waiting sandbox when the worker shuts down', async () => {
    expect((await ownContainers()).length).toBeGreaterThanOrEqual(2);
    await service.worker?.close();
    expect(await ownContainers()).toEqual([]);
  });
});

describe('a warm sandbox whose worker died', () => {
  it('is removed by the reaper, like a run of a dead worker', async () => {
    const owner = { id: 'dead-worker', namespace: 'warm-pool-e2e' };
    const sandbox = await WarmSandbox.start(docker, { ...config.sandbox, image: config.sandbox.image }, owner, 60_000);
    await sandbox.ready;
    const removed = await new SandboxReaper(docker, owner.namespace, () => Promise.resolve(false)).reap();
    expect(removed).toContain(sandbox.container.id);
    expect(await ownContainers()).toEqual([]);
  });
});
