// Runs the harness in a locked-down container per run (dockerode): a warm one from the pool
// (warm-sandbox-pool.ts), or, with the pool off, one started for the run. Files go in on the
// container's stdin, never a bind mount of a host path, so the worker also works from inside a
// container that only has the Docker socket. Each container serves one run and is removed.
import { performance } from 'node:perf_hooks';
import Docker from 'dockerode';
import type { HarnessReport } from '@asynclab/contracts';
import { MalformedReportError, cleanText, parseRunReport } from '@asynclab/reports';
import {
  ResourceLimit,
  SandboxAbortedError,
  SandboxDriver,
  SandboxInfraError,
  SandboxOutput,
  SandboxRequest,
  SandboxResult,
} from './sandbox-driver';
import { OutputTail, splitReport, tail, withoutEndLine } from './output-tail';
import { FileLayoutError, PRIVATE_DIR, packFiles } from './pack-files';
import { SANDBOX_LABEL, SandboxOwner } from './sandbox-labels';
import { SandboxProfile, WarmSandbox, delay, infra } from './warm-sandbox';
import { WarmPoolSettings, WarmPoolState, WarmSandboxPool } from './warm-sandbox-pool';

export interface DockerSandboxLimits extends Omit<SandboxProfile, 'image'> {
  /** Everything the run may print, both streams together; over it the run is killed. */
  outputCapBytes: number;
  pool: WarmPoolSettings;
}

/** What a report shows of each stream. */
const TAIL_CHARS = 16 * 1024;
/** How long a sandbox may take to get its child's imports done (a loaded machine is slow). */
const READY_WAIT_MS = 60_000;
/** How long after a report that was not clean the container may take to exit. */
const EXIT_WAIT_MS = 5_000;
/** How long a killed container may take to end (a timeout, the output cap, a hand-back). */
const KILL_WAIT_MS = 10_000;
/** Past the learner's time limit: the kill, the container's end and the engine's inspect. */
const RUN_MARGIN_MS = KILL_WAIT_MS + EXIT_WAIT_MS + 15_000;
const SIGKILL_EXIT_CODE = 137;
const SUPERVISOR_FAILED_EXIT_CODE = 70;

/**
 * When the engine restarts under a container that is starting, the start can stay unsettled: a
 * start is given up after this long (an infra error; the pool counts it as a failed start)...
 */
const SANDBOX_START_LIMIT_MS = 60_000;
/** ...and a run waits at most this long for a sandbox, so its job never holds its lock forever. */
const SANDBOX_WAIT_LIMIT_MS = 150_000;

export class DockerSandboxDriver implements SandboxDriver {
  private readonly pendingRemovals = new Set<Promise<unknown>>();
  private readonly pool: WarmSandboxPool<WarmSandbox> | null;
  private readonly profile: SandboxProfile;

  constructor(
    private readonly docker: Docker,
    private readonly image: string,
    private readonly limits: DockerSandboxLimits,
    /** Names this worker on its containers, so a reaper can tell orphans from live runs; null for runners without a heartbeat. */
    private readonly owner: SandboxOwner | null,
  ) {
    const { runtime, memoryMb, pids, cpus, tmpfsMb } = limits;
    this.profile = { image, runtime, memoryMb, pids, cpus, tmpfsMb };
    this.pool = limits.pool.size > 0 ? new WarmSandboxPool(limits.pool, () => this.startSandbox()) : null;
  }

  /** Fills the pool ahead of the first run (the worker calls it once it is ready). */
  warm(): void {
    this.pool?.warm();
  }

  /** The pool's state, null with the pool off. */
  poolState(): WarmPoolState | null {
    return this.pool?.state() ?? null;
  }

  /** A fresh sandbox, bounded in time: the pool's starts and a run's own start alike. */
  private startSandbox(): Promise<WarmSandbox> {
    return settleWithin(
      WarmSandbox.start(this.docker, this.profile, this.owner, this.limits.pool.recycleAgeMs),
      SANDBOX_START_LIMIT_MS,
      'no sandbox could be started',
    );
  }

  async assertReady(): Promise<void> {
    try {
      await this.docker.ping();
    } catch (error) {
      throw new SandboxInfraError(`the Docker engine is unreachable: ${(error as Error).message}`);
    }
    try {
      await this.docker.getImage(this.image).inspect();
    } catch {
      throw new SandboxInfraError(`the sandbox image ${this.image} is missing: build it with \`npm run sandbox:build\``);
    }
    const info = (await this.docker.info().catch(() => ({}))) as { Runtimes?: Record<string, unknown> };
    if (info.Runtimes && !(this.limits.runtime in info.Runtimes)) {
      throw new SandboxInfraError(
        `the Docker engine has no ${this.limits.runtime} runtime: run scripts/provision.sh with SANDBOX_RUNTIME=${this.limits.runtime}`,
      );
    }
  }

  /** Drains the pool and waits for the removal of every finished container. */
  async close(): Promise<void> {
    await this.pool?.close();
    await Promise.all([...this.pendingRemovals]);
  }

  async run(request: SandboxRequest): Promise<SandboxResult> {
    let archive: Buffer;
    try {
      archive = await packFiles({ ...request.files, '.asynclab/run.json': JSON.stringify(request.config) }, PRIVATE_DIR);
    } catch (error) {
      if (!(error instanceof FileLayoutError)) throw error;
      const output = { stdoutTail: '', stderrTail: '', truncated: false };
      return { status: 'bad-layout', reason: error.message, output, timings: { containerStartMs: 0, runMs: 0 } };
    }
    const askedAt = performance.now();
    let sandbox: WarmSandbox;
    try {
      sandbox = await this.sandboxWithin(SANDBOX_WAIT_LIMIT_MS);
    } catch (error) {
      this.pool?.replenish(); // the take is over too
      throw error;
    }
    try {
      return await this.execute(sandbox, archive, request, askedAt);
    } finally {
      // Not awaited: the run is over, the learner need not wait for the cleanup; should it fail,
      // the reaper removes the container once its deadline has passed.
      const removal = sandbox.destroy();
      this.pendingRemovals.add(removal);
      void removal.finally(() => this.pendingRemovals.delete(removal));
      this.pool?.replenish();
    }
  }

  /** A sandbox from the pool (or a fresh one), never waited on longer than `limitMs`. */
  private sandboxWithin(limitMs: number): Promise<WarmSandbox> {
    return settleWithin(this.pool ? this.pool.take() : this.startSandbox(), limitMs, 'no sandbox was ready');
  }

  private async execute(sandbox: WarmSandbox, archive: Buffer, request: SandboxRequest, askedAt: number): Promise<SandboxResult> {
    const gotReady = await Promise.race([
      sandbox.ready.then(() => true),
      sandbox.exited.then(() => false),
      delay(READY_WAIT_MS).then(() => false),
    ]);
    if (!gotReady) {
      sandbox.kill();
      throw new SandboxInfraError(`the sandbox did not get ready: ${tail(sandbox.stderr.text(), 500).text || 'no output'}`);
    }
    // Every wait of the run is bounded on its own; this bounds them together, whatever the engine
    // does, so that a run never holds its job's lock forever.
    const limitMs = request.timeLimitMs + RUN_MARGIN_MS;
    let timer: NodeJS.Timeout | undefined;
    const overdue = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        sandbox.kill();
        reject(new SandboxInfraError(`the sandbox did not end within ${limitMs / 1000} s of the run's start`));
      }, limitMs);
    });
    try {
      return await Promise.race([this.runIn(sandbox, archive, request, askedAt), overdue]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The run itself, in a ready sandbox: its clock starts here, when the learner's code is about to. */
  private async runIn(sandbox: WarmSandbox, archive: Buffer, request: SandboxRequest, askedAt: number): Promise<SandboxResult> {
    const startedAt = performance.now();
    const { stdout, stderr } = sandbox;
    // Set by callbacks, which TypeScript's flow analysis cannot see.
    let outputExceeded = false as boolean;
    let timedOut = false as boolean;
    let kill: () => void = () => undefined;
    const killed = new Promise<void>((resolve) => {
      kill = () => {
        sandbox.kill();
        resolve();
      };
    });
    sandbox.watchOutput(() => {
      if (!outputExceeded && stdout.totalBytes + stderr.totalBytes > this.limits.outputCapBytes) {
        outputExceeded = true;
        kill();
      }
    });
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, request.timeLimitMs);
    const abort = () => {
      kill();
    };
    if (request.signal?.aborted) kill();
    request.signal?.addEventListener('abort', abort);
    try {
      // A sandbox whose engine went away may never take the files: its end settles the wait instead.
      await Promise.race([sandbox.send(archive), sandbox.exited]);
      // The end line means the supervisor is done: no need to wait for the container's exit.
      await Promise.race([sandbox.reported, sandbox.exited, killed.then(() => Promise.race([sandbox.exited, delay(KILL_WAIT_MS)]))]);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', abort);
    }
    if (request.signal?.aborted) throw new SandboxAbortedError('the worker handed the run back to the queue');
    if (!sandbox.hasReported && !sandbox.hasExited) throw new SandboxInfraError('the sandbox did not stop when it was killed');
    const finishedAt = performance.now();
    const timings = { containerStartMs: round(startedAt - askedAt), runMs: round(finishedAt - startedAt) };
    const { printed, reportJson } = splitReport(stdout.text(), sandbox.nonce);
    const parsed = reportJson === null ? null : parseReport(reportJson);
    // A run that ended in a clean report needs nothing of the engine's view. Anything else is
    // judged with the container's end state: the engine marks an OOM kill as the container exits
    // (the supervisor exits right after its end line).
    const clean = parsed?.report?.runOutcome === null && !outputExceeded && !timedOut;
    if (!clean) await Promise.race([sandbox.exited, delay(EXIT_WAIT_MS)]);
    const state = clean ? null : (await sandbox.container.inspect().catch(infra('inspecting the sandbox'))).State;
    const exitCode = state ? exitCodeOf(state) : 0;

    const stderrText = withoutEndLine(stderr.text(), sandbox.nonce);
    const output = this.output(printed, stdout, stderrText, stderr);
    const limit = resourceLimit(state?.OOMKilled ?? false, outputExceeded, `${printed}\n${stderrText}`);
    if (limit) return { status: 'resource-limit', limit, output, timings };
    if (timedOut) return { status: 'timeout', output, timings };
    // The supervisor is PID 1 of the container and learner code runs as another user, which can
    // neither signal it nor be the container's exit. A container that ended without the
    // supervisor's end line, and not by our kill or the memory limit, was ended from outside (an
    // operator, a reaper, an engine restart), or the supervisor itself failed (its exit code 70):
    // that alone is retried; never the learner's outcome.
    const endedFromOutside = !sandbox.hasReported || exitCode === SIGKILL_EXIT_CODE;
    if (parsed === null && (endedFromOutside || exitCode === SUPERVISOR_FAILED_EXIT_CODE)) {
      throw new SandboxInfraError(
        `the sandbox ended before its supervisor finished (exit code ${exitCode ?? 'unknown'}): ${tail(stderr.text(), 500).text || 'no output'}`,
      );
    }
    if (parsed === null) return { status: 'no-report', exitCode, output, timings };
    if (parsed.report) return { status: 'completed', report: parsed.report, output, timings };
    // Refused once, as the run's outcome: a retry would only refuse it again.
    return { status: 'no-report', exitCode, reason: `the report was refused: ${parsed.refused}`, output, timings };
  }

  private output(printed: string, stdout: OutputTail, stderrText: string, stderr: OutputTail): SandboxOutput {
    const out = tail(printed, TAIL_CHARS);
    const err = tail(stderrText, TAIL_CHARS);
    // What the learner printed is stored as text: NUL and unpaired surrogates would be refused.
    return {
      stdoutTail: cleanText(out.text),
      stderrTail: cleanText(err.text),
      truncated: out.cut || err.cut || stdout.dropped || stderr.dropped,
    };
  }
}

export { SANDBOX_LABEL };

/** Docker's inspect answer says ExitCode is a number; it comes from outside, so it is checked. */
function exitCodeOf(state: { ExitCode: unknown }): number | null {
  return typeof state.ExitCode === 'number' ? state.ExitCode : null;
}

function parseReport(json: string): { report: HarnessReport; refused?: undefined } | { report?: undefined; refused: string } {
  try {
    return { report: parseRunReport(json) };
  } catch (error) {
    if (error instanceof MalformedReportError) return { refused: error.message };
    throw error;
  }
}

function resourceLimit(oomKilled: boolean, outputExceeded: boolean, output: string): ResourceLimit | null {
  if (oomKilled) return 'memory';
  if (outputExceeded) return 'output';
  // The pids cgroup makes fork() and thread starts fail with EAGAIN inside the sandbox; pytest
  // prints that in its own output when a test hits it.
  if (/can't start new thread|BlockingIOError: \[Errno 11\] Resource temporarily unavailable/.test(output)) return 'processes';
  return null;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** `pending`, or a SandboxInfraError after `limitMs`; a sandbox that arrives later is destroyed. */
function settleWithin(pending: Promise<WarmSandbox>, limitMs: number, what: string): Promise<WarmSandbox> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new SandboxInfraError(`${what} within ${limitMs / 1000} s`));
      pending.then(
        (sandbox) => void sandbox.destroy(),
        () => undefined,
      );
    }, limitMs);
  });
  return Promise.race([pending, late]).finally(() => {
    clearTimeout(timer);
  });
}
