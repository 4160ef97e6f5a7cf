// Sandboxes started before the submission arrives, for one image and limits profile. Each is
// taken out of the pool for exactly one run and never comes back: nothing of one learner's run
// can be seen by the next. The pool refills in the background, recycles sandboxes that waited
// too long, stops refilling after a while without runs, and drains on close.
import { performance } from 'node:perf_hooks';
import { errorMessage } from '@asynclab/config';

/** What the pool needs of a sandbox (a WarmSandbox; a fake in the unit tests). */
export interface PooledSandbox {
  readonly createdAt: number;
  readonly isReady: boolean;
  readonly hasExited: boolean;
  /** Settles when its container ended or the connection to it did. */
  readonly exited: Promise<unknown>;
  destroy(): Promise<void>;
}

export interface WarmPoolSettings {
  /** Sandboxes kept waiting; 0 turns the pool off (every run starts its own). */
  size: number;
  /** With no run for this long the pool empties, until the next run. */
  idleTimeoutMs: number;
  /** A sandbox that has waited this long is removed and replaced. */
  recycleAgeMs: number;
}

export interface WarmPoolState {
  size: number;
  waiting: number;
  ready: number;
  starting: number;
  /** Runs that found a ready (or importing) sandbox waiting. */
  taken: number;
  /** Runs that waited for one being started. */
  waited: number;
  /** Runs that had to start their own. */
  missed: number;
  recycled: number;
  /** Times the pool was emptied because a waiting sandbox ended on its own (an engine restart). */
  flushed: number;
  lastError: string | null;
}

/**
 * At most this many containers are being created at once: creation competes with runs for CPU.
 * While runs are going and sandboxes still wait, one at a time: a container starts on one core
 * (its CPU limit) and leaves the other to the run, instead of three starts crowding it.
 */
const MAX_STARTING = 3;
const MAX_STARTING_BESIDE_RUNS = 1;
const RETRY_AFTER_ERROR_MS = 2_000;
/** With no run taken for this long, the pool refills (replenish). */
const IDLE_REFILL_MS = 250;

export class WarmSandboxPool<S extends PooledSandbox> {
  private readonly waiting: S[] = [];
  private starting = 0;
  /** Runs between their take() and their replenish(). */
  private running = 0;
  private closed = false;
  private lastRunAt = performance.now();
  private idle = true;
  private retryAt = 0;
  private readonly removals = new Set<Promise<void>>();
  private readonly timer: NodeJS.Timeout;
  private readonly counts = { taken: 0, waited: 0, missed: 0, recycled: 0, flushed: 0 };
  /** Runs waiting for a sandbox still starting. */
  private readonly takers: ((sandbox: S | null) => void)[] = [];
  private lastError: string | null = null;
  private idleRefill?: NodeJS.Timeout;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly settings: WarmPoolSettings,
    private readonly startSandbox: () => Promise<S>,
    now: () => number = () => performance.now(),
  ) {
    this.now = now;
    this.timer = setInterval(
      () => {
        this.tick();
      },
      Math.max(250, Math.min(settings.recycleAgeMs, settings.idleTimeoutMs) / 4),
    );
    this.timer.unref();
  }

  private readonly now: () => number;

  /** Starts filling the pool (the worker calls it at start; the first run does too). */
  warm(): void {
    this.idle = false;
    this.lastRunAt = this.now();
    this.refill();
  }

  /** A sandbox for one run: a ready one if any, else one still importing, else a new one. Call replenish() after the run, or after a take that failed. */
  async take(): Promise<S> {
    this.running += 1;
    clearTimeout(this.idleRefill);
    this.warm();
    this.dropDead();
    const index = this.waiting.findIndex((s) => s.isReady);
    const sandbox = index >= 0 ? this.waiting.splice(index, 1)[0] : this.waiting.shift();
    // The replacement starts after the run (replenish), not beside it: on a small machine a
    // container's start-up would take CPU from the run. Only a pool below half its size refills at once.
    if (this.waiting.length < Math.ceil(this.settings.size / 2)) this.refill();
    if (sandbox) {
      this.counts.taken += 1;
      return sandbox;
    }
    // One is on its way that no other run has claimed: sooner than starting another.
    if (this.starting > this.takers.length) {
      const arrived = await new Promise<S | null>((resolve) => this.takers.push(resolve));
      if (arrived) {
        this.counts.waited += 1;
        return arrived;
      }
    }
    this.counts.missed += 1;
    return this.startSandbox();
  }

  /**
   * After a run: brings the pool back to its size in the background. Below half its size at once;
   * otherwise once no run has been taken for a moment, so that on a small machine the starts
   * happen between runs rather than beside them.
   */
  replenish(): void {
    this.running = Math.max(0, this.running - 1);
    clearTimeout(this.idleRefill);
    if (this.waiting.length + this.starting < Math.ceil(this.settings.size / 2)) {
      this.refill();
      return;
    }
    this.idleRefill = setTimeout(() => {
      this.refill();
    }, IDLE_REFILL_MS);
    this.idleRefill.unref();
  }

  state(): WarmPoolState {
    const ready = this.waiting.filter((s) => s.isReady).length;
    return {
      size: this.settings.size,
      waiting: this.waiting.length,
      ready,
      starting: this.starting,
      ...this.counts,
      lastError: this.lastError,
    };
  }

  /** Stops refilling and removes every waiting sandbox. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    clearTimeout(this.idleRefill);
    clearTimeout(this.retry);
    for (const sandbox of this.waiting.splice(0)) this.remove(sandbox);
    while (this.starting > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all([...this.removals]);
  }

  private tick(): void {
    if (this.closed) return;
    const now = this.now();
    if (!this.idle && now - this.lastRunAt > this.settings.idleTimeoutMs) this.idle = true;
    for (const sandbox of [...this.waiting]) {
      if (this.idle || now - sandbox.createdAt > this.settings.recycleAgeMs) {
        this.waiting.splice(this.waiting.indexOf(sandbox), 1);
        this.counts.recycled += 1;
        this.remove(sandbox);
      }
    }
    this.dropDead();
    this.refill();
  }

  /** A waiting container that ended on its own (killed from outside, a crash) is of no use. */
  private dropDead(): void {
    for (const sandbox of this.waiting.filter((s) => s.hasExited)) {
      this.waiting.splice(this.waiting.indexOf(sandbox), 1);
      this.remove(sandbox);
    }
  }

  private addWaiting(sandbox: S): void {
    this.waiting.push(sandbox);
    void sandbox.exited.then(() => {
      if (this.waiting.includes(sandbox)) this.flush('a waiting sandbox ended on its own');
    });
  }

  /**
   * Nothing but the engine or an operator ends a waiting container (no learner code is in it): when
   * one does, the engine may have restarted, and every sandbox started before is suspect. All are
   * removed; the pool refills after the usual pause, and runs until then start their own.
   */
  private flush(why: string): void {
    for (const sandbox of this.waiting.splice(0)) this.remove(sandbox);
    this.counts.flushed += 1;
    this.retryLater(why);
  }

  /**
   * Pauses the refills after a failure, then tries again on a timer of its own: the periodic tick
   * comes only every recycle age / 4 (75 s by default), and a pool left short that long after one
   * failed start makes every run in between start its own sandbox.
   */
  private retryLater(why: string): void {
    this.lastError = why;
    this.retryAt = this.now() + RETRY_AFTER_ERROR_MS;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retryAt = 0; // a timer may fire a millisecond before the clock says so
      this.refill();
    }, RETRY_AFTER_ERROR_MS);
    this.retry.unref();
  }

  private refill(): void {
    if (this.closed || this.idle || this.now() < this.retryAt) return;
    const limit = this.running > 0 && this.waiting.length > 0 ? MAX_STARTING_BESIDE_RUNS : MAX_STARTING;
    while (this.waiting.length + this.starting < this.settings.size && this.starting < limit) {
      this.starting += 1;
      this.startSandbox().then(
        (sandbox) => {
          this.starting -= 1;
          this.lastError = null;
          const taker = this.takers.shift();
          if (taker) taker(sandbox);
          else if (this.closed || this.idle) this.remove(sandbox);
          else this.addWaiting(sandbox);
          this.refill();
        },
        (error: unknown) => {
          this.takers.shift()?.(null); // that run starts its own
          this.starting -= 1;
          this.retryLater(errorMessage(error));
        },
      );
    }
  }

  private remove(sandbox: S): void {
    const removal = sandbox.destroy();
    this.removals.add(removal);
    void removal.finally(() => this.removals.delete(removal));
  }
}
