// A cap on sandboxes running at once on one Docker engine, across every worker that uses it:
// each worker's concurrency bounds its own runs, this bounds the host's. The slots are a sorted
// set in the shared Redis (member: the run, score: when the slot lapses), so a worker that dies
// holding a slot loses it at the run's deadline instead of shrinking the host's capacity forever.
import type Redis from 'ioredis';
import type { WarmPoolState } from './warm-sandbox-pool';
import { SandboxDriver, SandboxInfraError, SandboxRequest, SandboxResult } from './sandbox-driver';

/** Drops lapsed slots, then takes one if fewer than the cap are held. Atomic in Redis. */
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 1 end
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return 1
end
return 0`;

/** Past the run's own limit: container start, report, removal. */
const SLOT_MARGIN_MS = 60_000;
const POLL_MS = 250;

export const SANDBOX_SLOTS_PREFIX = 'asynclab:sandbox-slots:';

export class CappedSandboxDriver implements SandboxDriver {
  private readonly key: string;

  constructor(
    private readonly inner: SandboxDriver,
    private readonly redis: Pick<Redis, 'eval' | 'zrem' | 'zcard'>,
    engineId: string,
    private readonly cap: number,
  ) {
    this.key = SANDBOX_SLOTS_PREFIX + engineId;
  }

  assertReady(): Promise<void> {
    return this.inner.assertReady();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** Warm sandboxes wait outside the cap: a slot is held only while a run uses one. */
  warm(): void {
    this.inner.warm();
  }

  poolState(): WarmPoolState | null {
    return this.inner.poolState();
  }

  /** Sandboxes holding a slot on this engine now (the admin page shows it). */
  async inUse(): Promise<number> {
    return this.redis.zcard(this.key);
  }

  async run(request: SandboxRequest): Promise<SandboxResult> {
    await this.acquire(request);
    try {
      return await this.inner.run(request);
    } finally {
      await this.redis.zrem(this.key, request.runId).catch(() => undefined); // else it lapses at the deadline
    }
  }

  private async acquire(request: SandboxRequest): Promise<void> {
    for (;;) {
      if (request.signal?.aborted) throw new SandboxInfraError('the run was handed back before a sandbox slot was free');
      const now = Date.now();
      const lapse = now + request.timeLimitMs + SLOT_MARGIN_MS;
      let taken: unknown;
      try {
        taken = await this.redis.eval(ACQUIRE, 1, this.key, now, this.cap, request.runId, lapse, request.timeLimitMs + 2 * SLOT_MARGIN_MS);
      } catch (error) {
        throw new SandboxInfraError(`taking a sandbox slot failed: ${(error as Error).message}`);
      }
      if (taken === 1) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
