// Runs the harness in a fresh, locked-down container per run (dockerode). Files go in through
// the archive API into an anonymous /work volume, never a bind mount of a host path, so the
// worker also works from inside a container that only has the Docker socket.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Docker from 'dockerode';
import type DockerModem from 'docker-modem';
import { MalformedReportError, parseRunReport } from '@asynclab/reports';
import {
  ResourceLimit,
  SandboxAbortedError,
  SandboxDriver,
  SandboxInfraError,
  SandboxOutput,
  SandboxRequest,
  SandboxResult,
} from './sandbox-driver';
import { OutputTail, splitReport, tail } from './output-tail';
import { packFiles } from './pack-files';
import { SANDBOX_LABEL, SandboxOwner, sandboxLabels } from './sandbox-labels';

export interface DockerSandboxLimits {
  memoryMb: number;
  pids: number;
  cpus: number;
  tmpfsMb: number;
  /** Everything the run may print, both streams together; over it the run is killed. */
  outputCapBytes: number;
}

const SANDBOX_USER = '10001:10001';
/** Room for the report (the harness keeps it under 1 MiB) after what the learner printed. */
const STDOUT_KEEP_BYTES = 2 * 1024 * 1024;
const STDERR_KEEP_BYTES = 64 * 1024;
/** What a report shows of each stream. */
const TAIL_CHARS = 16 * 1024;
const STREAM_DRAIN_MS = 2_000;
const SIGKILL_EXIT_CODE = 137;

export class DockerSandboxDriver implements SandboxDriver {
  private readonly pendingRemovals = new Set<Promise<unknown>>();

  constructor(
    private readonly docker: Docker,
    private readonly image: string,
    private readonly limits: DockerSandboxLimits,
    /** Names this worker on its containers, so a reaper can tell orphans from live runs; null for runners without a heartbeat. */
    private readonly owner: SandboxOwner | null,
  ) {}

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
  }

  /** Waits for the removal of every finished container. */
  async close(): Promise<void> {
    await Promise.all([...this.pendingRemovals]);
  }

  async run(request: SandboxRequest): Promise<SandboxResult> {
    const nonce = randomBytes(16).toString('hex');
    const archive = await packFiles({ ...request.files, '.asynclab/run.json': JSON.stringify(request.config) });
    const createdAt = performance.now();
    const container = await this.createContainer(request, nonce);
    try {
      await container.putArchive(archive, { path: '/work' }).catch(infra('copying the files into the sandbox'));
      return await this.execute(container, request, nonce, createdAt);
    } finally {
      // v: true removes the anonymous /work volume with the container, or volumes pile up. Not
      // awaited: the run is over, the learner need not wait for the cleanup; should it fail, the
      // reaper removes the container once its deadline has passed.
      const removal = container.remove({ force: true, v: true }).catch(() => undefined);
      this.pendingRemovals.add(removal);
      void removal.finally(() => this.pendingRemovals.delete(removal));
    }
  }

  private async createContainer(request: SandboxRequest, nonce: string): Promise<Docker.Container> {
    const { memoryMb, pids, cpus, tmpfsMb } = this.limits;
    return this.docker
      .createContainer({
        Image: this.image,
        Cmd: ['python3', '-m', 'asynclab_harness'],
        User: SANDBOX_USER,
        WorkingDir: '/work',
        Env: [`ASYNCLAB_REPORT_NONCE=${nonce}`],
        Labels: sandboxLabels(this.owner, request.runId, Date.now() + request.timeLimitMs),
        NetworkDisabled: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
        Volumes: { '/work': {} },
        HostConfig: {
          NetworkMode: 'none',
          ReadonlyRootfs: true,
          CapDrop: ['ALL'],
          SecurityOpt: ['no-new-privileges'],
          Memory: memoryMb * 1024 * 1024,
          MemorySwap: memoryMb * 1024 * 1024, // equal to Memory: no swap
          PidsLimit: pids,
          NanoCpus: Math.round(cpus * 1e9),
          Tmpfs: { '/tmp': `rw,nosuid,nodev,noexec,size=${tmpfsMb}m` },
          Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 1024 }],
        },
      })
      .catch(infra('creating the sandbox container'));
  }

  private async execute(container: Docker.Container, request: SandboxRequest, nonce: string, createdAt: number): Promise<SandboxResult> {
    let outputExceeded = false;
    let kill: () => void = () => undefined;
    const checkCap = () => {
      if (!outputExceeded && stdout.totalBytes + stderr.totalBytes > this.limits.outputCapBytes) {
        outputExceeded = true;
        kill();
      }
    };
    const stdout = new OutputTail(STDOUT_KEEP_BYTES, checkCap);
    const stderr = new OutputTail(STDERR_KEEP_BYTES, checkCap);
    const stream = await container.attach({ stream: true, stdout: true, stderr: true }).catch(infra('attaching to the sandbox'));
    const streamEnded = new Promise<void>((resolve) =>
      stream
        .on('end', resolve)
        .on('close', resolve)
        .on('error', () => {
          resolve();
        }),
    );
    // dockerode types the container's modem as any; it is docker-modem's.
    (container.modem as DockerModem).demuxStream(stream, stdout, stderr);

    await container.start().catch(infra('starting the sandbox'));
    const startedAt = performance.now();
    // Set by the timer's callback, which TypeScript's flow analysis cannot see.
    let timedOut = false as boolean;
    const killed = new Promise<void>((resolve) => {
      kill = () => {
        container.kill().catch(() => undefined);
        resolve();
      };
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
      await Promise.race([container.wait(), killed.then(() => container.wait())]);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', abort);
    }
    if (request.signal?.aborted) throw new SandboxAbortedError('the worker handed the run back to the queue');
    await Promise.race([streamEnded, delay(STREAM_DRAIN_MS)]);
    const finishedAt = performance.now();
    const state = (await container.inspect().catch(infra('inspecting the sandbox'))).State;

    const timings = { containerStartMs: round(startedAt - createdAt), runMs: round(finishedAt - startedAt) };
    const { printed, reportJson } = splitReport(stdout.text(), nonce);
    const output = this.output(printed, stdout, stderr);
    const limit = resourceLimit(state.OOMKilled, outputExceeded, `${printed}\n${stderr.text()}`);
    if (limit) return { status: 'resource-limit', limit, output, timings };
    if (timedOut) return { status: 'timeout', output, timings };
    // The harness is PID 1 of the container: the kernel ignores SIGKILL sent to it from inside, so
    // a kill we did not make came from outside (an operator, a reaper): retry, never the learner's.
    if (state.ExitCode === SIGKILL_EXIT_CODE && reportJson === null) {
      throw new SandboxInfraError('the sandbox container was killed from outside the run');
    }
    if (reportJson === null) return { status: 'no-report', exitCode: exitCodeOf(state), output, timings };
    try {
      return { status: 'completed', report: parseRunReport(reportJson), output, timings };
    } catch (error) {
      if (error instanceof MalformedReportError) throw new SandboxInfraError(`the harness wrote a malformed report: ${error.message}`);
      throw error;
    }
  }

  private output(printed: string, stdout: OutputTail, stderr: OutputTail): SandboxOutput {
    const out = tail(printed, TAIL_CHARS);
    const err = tail(stderr.text(), TAIL_CHARS);
    return { stdoutTail: out.text, stderrTail: err.text, truncated: out.cut || err.cut || stdout.dropped || stderr.dropped };
  }
}

export { SANDBOX_LABEL };

/** Docker's inspect answer says ExitCode is a number; it comes from outside, so it is checked. */
function exitCodeOf(state: { ExitCode: unknown }): number | null {
  return typeof state.ExitCode === 'number' ? state.ExitCode : null;
}

function resourceLimit(oomKilled: boolean, outputExceeded: boolean, output: string): ResourceLimit | null {
  if (oomKilled) return 'memory';
  if (outputExceeded) return 'output';
  // The pids cgroup makes fork() and thread starts fail with EAGAIN inside the sandbox; pytest
  // prints that in its own output when a test hits it.
  if (/can't start new thread|BlockingIOError: \[Errno 11\] Resource temporarily unavailable/.test(output)) return 'processes';
  return null;
}

function infra(doing: string) {
  return (error: Error): never => {
    throw new SandboxInfraError(`${doing} failed: ${error.message}`);
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
