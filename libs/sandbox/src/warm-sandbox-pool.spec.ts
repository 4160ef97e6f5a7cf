import { PooledSandbox, WarmSandboxPool } from './warm-sandbox-pool';

class FakeSandbox implements PooledSandbox {
  isReady = true;
  hasExited = false;
  destroyed = false;
  readonly exited: Promise<void>;
  /** Its container ends on its own (the engine restarted under it). */
  end: () => void = () => undefined;
  constructor(
    readonly id: number,
    readonly createdAt: number,
  ) {
    this.exited = new Promise<void>((resolve) => {
      this.end = () => {
        this.hasExited = true;
        resolve();
      };
    });
  }
  destroy(): Promise<void> {
    this.destroyed = true;
    return Promise.resolve();
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function poolOf(size: number, settings: { idleTimeoutMs?: number; recycleAgeMs?: number } = {}) {
  let clock = 0;
  const started: FakeSandbox[] = [];
  let failNext = false;
  const pool = new WarmSandboxPool(
    { size, idleTimeoutMs: settings.idleTimeoutMs ?? 60_000, recycleAgeMs: settings.recycleAgeMs ?? 30_000 },
    () => {
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('the engine said no'));
      }
      const sandbox = new FakeSandbox(started.length, clock);
      started.push(sandbox);
      return Promise.resolve(sandbox);
    },
    () => clock,
  );
  return {
    pool,
    started,
    advance: (ms: number) => (clock += ms),
    failNext: () => (failNext = true),
    tick: () => {
      (pool as unknown as { tick(): void }).tick();
    },
  };
}

describe('WarmSandboxPool', () => {
  it('fills to its size when warmed, hands each sandbox out once and refills behind it', async () => {
    const { pool, started } = poolOf(2);
    pool.warm();
    await flush();
    expect(pool.state()).toMatchObject({ waiting: 2, ready: 2 });
    const first = await pool.take();
    await flush();
    expect(started).toHaveLength(2); // the replacement waits for the run to end
    pool.replenish();
    await flush();
    expect(started).toHaveLength(2); // and, the pool being at half its size, for a moment without runs
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(started).toHaveLength(3);
    const second = await pool.take();
    pool.replenish();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(first).not.toBe(second);
    expect(started).toHaveLength(4);
    expect(pool.state()).toMatchObject({ waiting: 2, taken: 2, missed: 0 });
    const third = await pool.take();
    expect([first, second]).not.toContain(third);
    await pool.close();
  });

  it('lets a run that finds the pool empty wait for the sandbox being started, else start its own', async () => {
    const { pool, started } = poolOf(1);
    const sandbox = await pool.take(); // not warmed: the first take finds the pool empty
    expect(sandbox).toBe(started[0]);
    expect(pool.state()).toMatchObject({ waited: 1, missed: 0 });
    await pool.close();
    const failing = poolOf(1);
    failing.failNext(); // the start the run waits for fails: the run starts its own
    const own = await failing.pool.take();
    expect(own).toBe(failing.started[0]);
    expect(failing.pool.state()).toMatchObject({ waited: 0, missed: 1 });
    await failing.pool.close();
  });

  it('prefers a ready sandbox over one still importing', async () => {
    const { pool, started } = poolOf(2);
    pool.warm();
    await flush();
    started[0].isReady = false;
    expect(await pool.take()).toBe(started[1]);
    await pool.close();
  });

  it('recycles a sandbox that waited past the recycle age', async () => {
    const { pool, started, advance, tick } = poolOf(1, { recycleAgeMs: 1_000 });
    pool.warm();
    await flush();
    advance(1_500);
    tick();
    await flush();
    expect(started[0].destroyed).toBe(true);
    expect(pool.state()).toMatchObject({ waiting: 1, recycled: 1 });
    expect(await pool.take()).toBe(started[1]);
    await pool.close();
  });

  it('drops a waiting sandbox whose container ended on its own', async () => {
    const { pool, started } = poolOf(1);
    pool.warm();
    await flush();
    started[0].hasExited = true;
    const taken = await pool.take();
    expect(taken).not.toBe(started[0]);
    expect(started[0].destroyed).toBe(true);
    await pool.close();
  });

  it('empties when a waiting sandbox ends on its own (an engine restart), then refills with new ones', async () => {
    const { pool, started, advance, tick } = poolOf(3);
    pool.warm();
    await flush();
    started[1].end();
    await flush();
    expect(started.slice(0, 3).every((s) => s.destroyed)).toBe(true); // the live-looking ones too
    expect(pool.state()).toMatchObject({ waiting: 0, flushed: 1, lastError: 'a waiting sandbox ended on its own' });
    const own = await pool.take(); // before the pause is over, a run starts its own
    expect(started.indexOf(own)).toBe(3);
    expect(pool.state().missed).toBe(1);
    advance(3_000);
    tick();
    await flush();
    expect(pool.state().waiting).toBe(3);
    expect(started.slice(4).every((s) => !s.destroyed)).toBe(true);
    await pool.close();
  });

  it('starts one sandbox at a time beside runs while some still wait, three when none is left', async () => {
    const pending: (() => void)[] = [];
    let made = 0;
    const pool = new WarmSandboxPool({ size: 4, idleTimeoutMs: 60_000, recycleAgeMs: 30_000 }, () => {
      const sandbox = new FakeSandbox(made++, 0);
      return new Promise<FakeSandbox>((resolve) =>
        pending.push(() => {
          resolve(sandbox);
        }),
      );
    });
    pool.warm();
    expect(pool.state().starting).toBe(3); // no run yet: the first fill goes three at a time
    pending.splice(0).forEach((start) => {
      start();
    });
    await flush(); // the fourth starts as the first three arrive
    pending.splice(0).forEach((start) => {
      start();
    });
    await flush();
    expect(pool.state()).toMatchObject({ waiting: 4, starting: 0 });
    await pool.take();
    await pool.take();
    await pool.take(); // three runs going, one sandbox left: below half, the pool refills at once
    expect(pool.state()).toMatchObject({ waiting: 1, starting: 1 });
    await pool.take(); // none left
    expect(pool.state()).toMatchObject({ waiting: 0, starting: 3 });
    const closed = pool.close();
    pending.splice(0).forEach((start) => {
      start();
    });
    await closed;
  });

  it('empties after the idle timeout and fills again on the next run', async () => {
    const { pool, advance, tick } = poolOf(2, { idleTimeoutMs: 5_000 });
    pool.warm();
    await flush();
    advance(6_000);
    tick();
    expect(pool.state().waiting).toBe(0);
    await pool.take(); // an empty pool refills at once
    await flush();
    expect(pool.state().waiting).toBe(2);
    await pool.close();
  });

  it('says why it could not start a sandbox and tries again later', async () => {
    const { pool, failNext, advance, tick } = poolOf(1);
    failNext();
    pool.warm();
    await flush();
    expect(pool.state()).toMatchObject({ waiting: 0, lastError: 'the engine said no' });
    advance(3_000);
    tick();
    await flush();
    expect(pool.state()).toMatchObject({ waiting: 1, lastError: null });
    await pool.close();
  });

  it('tries again on its own timer after a failed start, without waiting for a run or the periodic tick', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    try {
      const { pool, failNext, advance } = poolOf(2, { recycleAgeMs: 300_000, idleTimeoutMs: 600_000 });
      failNext();
      pool.warm();
      await flush();
      expect(pool.state()).toMatchObject({ waiting: 1 }); // the other start failed
      advance(2_000);
      jest.advanceTimersByTime(2_000); // the periodic tick is 75 s away
      await flush();
      expect(pool.state()).toMatchObject({ waiting: 2, lastError: null });
      await pool.close();
    } finally {
      jest.useRealTimers();
    }
  });

  it('removes every waiting sandbox on close and starts no more', async () => {
    const { pool, started } = poolOf(3);
    pool.warm();
    await flush();
    await pool.close();
    expect(started.every((s) => s.destroyed)).toBe(true);
    pool.warm();
    await flush();
    expect(started).toHaveLength(3);
  });
});
