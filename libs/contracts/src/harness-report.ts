// The harness's report (docs/harness-contract.md): its types are generated from
// sandboxes/python/report.schema.json; this file adds the names and runtime lists the rest of the
// code needs. The diagnostic codes are the public contract of shared/spec/diagnostics.md.
import type { DiagnosticCode, TestOutcome } from './harness-report.generated';

export type {
  Diagnostic,
  DiagnosticCode,
  DiagnosticLocation,
  HarnessReport,
  HarnessRunOutcome,
  HarnessRuntime,
  HarnessTimings,
  ReportOutcome,
  TestCounts,
  TestOutcome,
  TestResult,
} from './harness-report.generated';

/** In the contract's order; a test checks this list against the schema's enum. */
export const DIAGNOSTIC_CODES = [
  'never-awaited',
  'silent-pass',
  'asyncmock-not-awaited',
  'sync-mock-awaited',
  'deadlock',
  'blocking-call',
  'task-exception-unretrieved',
  'task-destroyed-pending',
  'cancellation-swallowed',
  'wrong-loop',
  'unclosed-resource',
  'timeout',
] as const satisfies readonly DiagnosticCode[];

export const TEST_OUTCOMES = ['passed', 'failed', 'error', 'skipped'] as const satisfies readonly TestOutcome[];

/**
 * Run-level states that are not learner bugs. The harness may report the first two; the worker
 * decides the others from what it observed of the sandbox.
 */
export const RUN_OUTCOME_KINDS = ['syntax-error', 'import-error', 'timeout', 'resource-limit', 'crashed', 'infra-error'] as const;
export type RunOutcomeKind = (typeof RUN_OUTCOME_KINDS)[number];

export interface RunOutcome {
  kind: RunOutcomeKind;
  message: string;
}
