// Runs one set of files under the harness somewhere isolated. The worker depends on this
// interface only; Docker is one implementation, a fake serves unit tests.
import type { HarnessReport } from '@asynclab/contracts';
import type { WarmPoolState } from './warm-sandbox-pool';

export const SANDBOX_DRIVER = Symbol('SANDBOX_DRIVER');

/** The contents of /work/.asynclab/run.json (docs/harness-contract.md). */
export interface HarnessRunConfig {
  testPaths: string[];
  learnerFiles: string[];
  perTestTimeoutSec: number;
  blockingThresholdMs: number;
  /** Files the supervisor re-prints as an equivalent program before the run (fix-tests code under test). */
  rewriteFiles?: string[];
}

export interface SandboxRequest {
  /** Names the container in labels and logs. */
  runId: string;
  /** Every file of the run, by relative path. */
  files: Record<string, string>;
  config: HarnessRunConfig;
  timeLimitMs: number;
  /** Aborted when the worker hands the run back (shutdown): the container is killed at once. */
  signal?: AbortSignal;
}

export type ResourceLimit = 'memory' | 'processes' | 'output';

export type SandboxResult =
  | { status: 'completed'; report: HarnessReport; output: SandboxOutput; timings: SandboxTimings }
  | { status: 'timeout'; output: SandboxOutput; timings: SandboxTimings }
  | { status: 'resource-limit'; limit: ResourceLimit; output: SandboxOutput; timings: SandboxTimings }
  /** No usable report: none came, or the one that came was refused (`reason` says why). The learner's run outcome, never retried. */
  | { status: 'no-report'; exitCode: number | null; reason?: string; output: SandboxOutput; timings: SandboxTimings }
  /** The files cannot be laid out on disk (a path that is both a file and a folder): nothing ran. */
  | { status: 'bad-layout'; reason: string; output: SandboxOutput; timings: SandboxTimings };

export interface SandboxOutput {
  stdoutTail: string;
  stderrTail: string;
  truncated: boolean;
}

export interface SandboxTimings {
  containerStartMs: number;
  runMs: number;
}

/** The service itself failed (daemon unreachable, image missing): retried, never the learner's fault. */
export class SandboxInfraError extends Error {}

/** The worker stopped the run itself (request.signal): the job goes back to the queue, uncounted. */
export class SandboxAbortedError extends SandboxInfraError {}

export interface SandboxDriver {
  /** Throws with a message saying how to fix it when the driver cannot run anything. */
  assertReady(): Promise<void>;
  run(request: SandboxRequest): Promise<SandboxResult>;
  /** Starts sandboxes ahead of the first run, where the driver keeps any. */
  warm(): void;
  /** The warm pool's state, null where there is none. */
  poolState(): WarmPoolState | null;
  /** Releases what the driver holds (containers still being removed); call before exiting. */
  close(): Promise<void>;
}
