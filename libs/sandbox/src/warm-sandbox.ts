// One started, locked-down sandbox container whose supervisor has its uid-10001 child up with
// pytest and the harness imported, waiting for the run's files on stdin
// (sandboxes/python/asynclab_supervisor/unpack.py). Used for exactly one run, then removed.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Duplex, Writable } from 'node:stream';
import Docker from 'dockerode';
import type DockerModem from 'docker-modem';
import { SandboxInfraError } from './sandbox-driver';
import { END_LINE, OutputTail } from './output-tail';
import { SandboxOwner, sandboxLabels } from './sandbox-labels';

export interface SandboxProfile {
  image: string;
  /** The OCI runtime: runc (Docker's default) or runsc (gVisor). */
  runtime: string;
  memoryMb: number;
  pids: number;
  cpus: number;
  tmpfsMb: number;
}

/**
 * The container's first process is the trusted supervisor (docs/trust-model.md): root with only
 * CAP_SETUID/CAP_SETGID, which it needs to start the learner's process as uid 10001. `-I` keeps
 * /work and the environment off its sys.path; its own files in the image are root-only.
 */
const SUPERVISOR_USER = '0:0';
export const SUPERVISOR_COMMAND = [
  'python3',
  '-I',
  '-B',
  '-c',
  "import sys; sys.path[:0] = ['/opt/asynclab/trusted', '/opt/asynclab']; from asynclab_supervisor.__main__ import main; main()",
];
export const READY_LINE = (nonce: string) => `@@ASYNCLAB-READY ${nonce}@@\n`;
/** Room for the report (the harness keeps it under 1 MiB) after what the learner printed. */
const STDOUT_KEEP_BYTES = 2 * 1024 * 1024;
const STDERR_KEEP_BYTES = 64 * 1024;
/** How long past the longest wait a waiting container may live before a reaper may remove it. */
const DEADLINE_SLACK_MS = 15 * 60_000;
const STREAM_DRAIN_MS = 2_000;
/** After the attach stream ended, how long the engine's wait answer may take before the engine is taken to be gone. */
const ENGINE_LOST_GRACE_MS = 2_000;
/** The run's files: submissions are under 256 KB, labs' own files a little more. */
const WORK_MB = 16;

/** A warm container does not know its run yet: it is named after the process that started it. */
export const warmRunLabel = () => `warm/${process.pid}`;

export class WarmSandbox {
  readonly stdout = new OutputTail(STDOUT_KEEP_BYTES, () => {
    this.onOutput();
  });
  readonly stderr = new OutputTail(STDERR_KEEP_BYTES, () => {
    this.onOutput();
  });
  /** Resolves when the supervisor's child has done its imports. */
  readonly ready: Promise<void>;
  /** Resolves when the supervisor has printed the report and its end line on both streams: the run is over. */
  readonly reported: Promise<void>;
  private markReported: () => void = () => undefined;
  /** Settles (never rejects) with the container's exit code once it has ended and its output drained. */
  exited: Promise<number | null> = Promise.resolve(null);
  isReady = false;
  /** The supervisor printed its end line on both streams: it finished its part of the run. */
  hasReported = false;
  /** Its container ended, or the connection to it did (the engine went away): it can take no run. */
  hasExited = false;
  readonly createdAt = performance.now();
  private markReady: () => void = () => undefined;
  private stdin: Duplex | null = null;
  private onOutput: () => void = () => undefined;

  private constructor(
    readonly container: Docker.Container,
    readonly nonce: string,
  ) {
    this.ready = new Promise<void>((resolve) => (this.markReady = resolve)).then(() => {
      this.isReady = true;
    });
    this.reported = new Promise<void>((resolve) => (this.markReported = resolve));
  }

  /** Creates, attaches and starts the container; `ready` tells when it can take a run. */
  static async start(docker: Docker, profile: SandboxProfile, owner: SandboxOwner | null, maxWaitMs: number): Promise<WarmSandbox> {
    const nonce = randomBytes(16).toString('hex');
    const container = await docker
      .createContainer({
        Image: profile.image,
        Cmd: SUPERVISOR_COMMAND,
        User: SUPERVISOR_USER,
        WorkingDir: '/work',
        Env: [`ASYNCLAB_REPORT_NONCE=${nonce}`, 'ASYNCLAB_FILES=stdin'],
        Labels: sandboxLabels(owner, warmRunLabel(), Date.now() + maxWaitMs + DEADLINE_SLACK_MS),
        NetworkDisabled: true,
        AttachStdin: true,
        OpenStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
        HostConfig: {
          Runtime: profile.runtime,
          NetworkMode: 'none',
          ReadonlyRootfs: true,
          CapDrop: ['ALL'],
          CapAdd: ['SETUID', 'SETGID'],
          SecurityOpt: ['no-new-privileges'],
          Memory: profile.memoryMb * 1024 * 1024,
          MemorySwap: profile.memoryMb * 1024 * 1024, // equal to Memory: no swap
          PidsLimit: profile.pids,
          NanoCpus: Math.round(profile.cpus * 1e9),
          // No lower CPU weight while it starts and waits: raising it for the run took a `runc
          // update` per run (about 25 ms of CPU, on the run's critical path). The pool defers its
          // starts to moments without runs instead (warm-sandbox-pool.ts, replenish).
          // /work is a tmpfs too (root's, 0755: read-only to uid 10001), filled by the supervisor
          // from stdin: no volume to create and remove per run.
          Tmpfs: { '/tmp': `rw,nosuid,nodev,noexec,size=${profile.tmpfsMb}m`, '/work': `rw,nosuid,nodev,noexec,mode=755,size=${WORK_MB}m` },
          // The output is read from the attached streams; the engine need not also log it.
          LogConfig: { Type: 'none', Config: {} },
          Ulimits: [
            { Name: 'nofile', Soft: 1024, Hard: 1024 },
            // gVisor keeps its tasks out of the pids cgroup and counts RLIMIT_NPROC per sandbox
            // instead. Under runc that limit would count uid 10001 across every container.
            ...(profile.runtime === 'runsc' ? [{ Name: 'nproc', Soft: profile.pids, Hard: profile.pids }] : []),
          ],
        },
      })
      .catch(infra('creating the sandbox container'));
    const sandbox = new WarmSandbox(container, nonce);
    try {
      await sandbox.attachAndStart();
    } catch (error) {
      void sandbox.destroy();
      throw error;
    }
    return sandbox;
  }

  private async attachAndStart(): Promise<void> {
    const stream = (await this.container
      .attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })
      .catch(infra('attaching to the sandbox'))) as unknown as Duplex;
    this.stdin = stream;
    const ended = new Promise<void>((resolve) =>
      stream
        .on('end', resolve)
        .on('close', resolve)
        .on('error', () => {
          resolve();
        }),
    );
    let endsSeen = 0;
    const onEnd = () => {
      endsSeen += 1;
      if (endsSeen === 2) {
        this.hasReported = true;
        this.markReported();
      }
    };
    const stdout = new SupervisorLines(this.stdout, END_LINE(this.nonce), onEnd, READY_LINE(this.nonce), () => {
      this.markReady();
    });
    // dockerode types the container's modem as any; it is docker-modem's.
    (this.container.modem as DockerModem).demuxStream(stream, stdout, new SupervisorLines(this.stderr, END_LINE(this.nonce), onEnd));
    void ended.then(() => {
      this.hasExited = true; // no run can be handed to it any more
    });
    await this.container.start().catch(infra('starting the sandbox'));
    const waited = this.container.wait().then(
      (data: { StatusCode?: number }) => data.StatusCode ?? null,
      () => null,
    );
    // The engine answers a wait with its headers at once and the body when the container ends;
    // should the engine die in between (a restart), docker-modem never settles the wait. The
    // attach stream is a connection to the same engine, and it ends when the container's output
    // does or when the engine goes away: either way the container is over for this worker.
    this.exited = Promise.race([
      waited.then(async (code) => {
        await Promise.race([ended, delay(STREAM_DRAIN_MS)]);
        return code;
      }),
      ended.then(() => Promise.race([waited, delay(ENGINE_LOST_GRACE_MS).then(() => null)])),
    ]).then((code) => {
      this.hasExited = true;
      return code;
    });
  }

  /** Called with every byte count of output, for the output cap. */
  watchOutput(onOutput: () => void): void {
    this.onOutput = onOutput;
  }

  /** Hands the run its files (the supervisor then lets the child go). */
  async send(archive: Buffer): Promise<void> {
    const frame = Buffer.concat([Buffer.from(`${archive.length}\n`), archive]);
    const stdin = this.stdin;
    if (!stdin) throw new SandboxInfraError('the sandbox was never attached');
    await new Promise<void>((resolve, reject) => {
      stdin.write(frame, (error) => {
        if (error) reject(error);
        else resolve();
      });
    }).catch(infra('sending the files to the sandbox'));
  }

  kill(): void {
    this.container.kill().catch(() => undefined);
  }

  /** Removes the container; resolves when done (or it failed: the reaper retries). */
  destroy(): Promise<void> {
    this.stdin?.destroy();
    return this.container.remove({ force: true, v: true }).then(
      () => undefined,
      () => undefined,
    );
  }
}

/**
 * Passes a stream on to `next`, taking the supervisor's ready line off its front (stdout) and
 * telling when the supervisor's end line has come (both streams). Only the supervisor writes
 * before the ready line and after the end line: no learner process exists then.
 */
class SupervisorLines extends Writable {
  private head = Buffer.alloc(0);
  private seenFront: boolean;
  private recent = '';

  constructor(
    private readonly next: Writable,
    private readonly endLine: string,
    private readonly onEnd: () => void,
    private readonly readyLine: string | null = null,
    private readonly onReady: () => void = () => undefined,
  ) {
    super();
    this.seenFront = readyLine === null;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (!this.seenFront) {
      this.head = Buffer.concat([this.head, chunk]);
      const expected = Buffer.from(this.readyLine ?? '');
      if (this.head.length < expected.length && expected.subarray(0, this.head.length).equals(this.head)) {
        done();
        return;
      }
      this.seenFront = true;
      if (this.head.subarray(0, expected.length).equals(expected)) {
        this.onReady();
        chunk = this.head.subarray(expected.length);
      } else {
        chunk = this.head; // not the supervisor's line: kept as output, and never ready
      }
    }
    this.recent = (this.recent + chunk.toString('latin1')).slice(-this.endLine.length);
    if (this.recent === this.endLine) this.onEnd();
    this.next.write(chunk, done);
  }
}

export function infra(doing: string) {
  return (error: Error): never => {
    throw new SandboxInfraError(`${doing} failed: ${error.message}`);
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
