// The per-engine sandbox cap against the real Redis: two drivers (two workers) sharing one
// engine's slots never run more sandboxes at once than the cap, and a slot its holder never gave
// back lapses at the run's deadline.
import Redis from 'ioredis';
import { CappedSandboxDriver, FakeSandboxDriver, SANDBOX_SLOTS_PREFIX, SandboxRequest, SandboxResult } from '@asynclab/sandbox';
import { TEST_REDIS_URL } from '../../../../test/e2e-env';

const result: SandboxResult = {
  status: 'no-report',
  exitCode: 0,
  output: { stdoutTail: '', stderrTail: '', truncated: false },
  timings: { containerStartMs: 0, runMs: 0 },
};
const request = (runId: string, timeLimitMs = 5_000): SandboxRequest => ({
  runId,
  files: {},
  config: { testPaths: [], learnerFiles: [], perTestTimeoutSec: 1, blockingThresholdMs: 100 },
  timeLimitMs,
});

describe('CappedSandboxDriver', () => {
  const redis = new Redis(TEST_REDIS_URL);
  const engine = `e2e-engine-${process.pid}`;
  afterAll(async () => {
    await redis.del(SANDBOX_SLOTS_PREFIX + engine);
    redis.disconnect();
  });

  it('runs at most the cap at once across drivers sharing an engine', async () => {
    let running = 0;
    let most = 0;
    const overlapping = () =>
      new FakeSandboxDriver(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 300)); // long enough for the runs to overlap
        running -= 1;
        return result;
      });
    const workerA = new CappedSandboxDriver(overlapping(), redis, engine, 2);
    const workerB = new CappedSandboxDriver(overlapping(), redis, engine, 2);
    await Promise.all([1, 2, 3].flatMap((i) => [workerA.run(request(`a${i}`)), workerB.run(request(`b${i}`))]));
    expect(most).toBe(2);
    expect(await workerA.inUse()).toBe(0);
  });

  it('frees a slot a dead worker held once its run is past its deadline', async () => {
    // A slot held by a worker that died mid-run, lapsing 100 ms from now.
    await redis.zadd(SANDBOX_SLOTS_PREFIX + engine, Date.now() + 100, 'dead-worker-run');
    const driver = new CappedSandboxDriver(new FakeSandboxDriver(() => result), redis, engine, 1);
    const started = Date.now();
    await driver.run(request('after-the-dead-one'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(80);
  });
});
