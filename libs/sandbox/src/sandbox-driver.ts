// Runs one set of files under the harness somewhere isolated. The worker depends on this
// interface only; Docker is one implementation, a fake serves unit tests.
import type { HarnessReport } from '@asynclab/contracts';

export const SANDBOX_DRIVER = Symbol('SANDBOX_DRIVER');

/** The contents of /work/.asynclab/run.json (docs/harness-contract.md). */
export interface HarnessRunConfig {
  testPaths: string[];
  learnerFiles: string[];
  perTestTimeoutSec: number;
  blockingThresholdMs: number;
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
  /** The harness ended without a report: the code under test ended the process, or the harness broke. */
  | { status: 'no-report'; exitCode: number | null; output: SandboxOutput; timings: SandboxTimings };

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
  /** Releases what the driver holds (containers still being removed); call before exiting. */
  close(): Promise<void>;
}
