// GENERATED from sandboxes/python/report.schema.json by scripts/generate-report-types.js.
// Do not edit: change the schema and run `npm run generate:report-types`.

export type ReportOutcome = 'pass' | 'fail' | 'error';
export type TestOutcome = 'passed' | 'failed' | 'error' | 'skipped';
export type DiagnosticCode =
  | 'never-awaited'
  | 'silent-pass'
  | 'asyncmock-not-awaited'
  | 'sync-mock-awaited'
  | 'deadlock'
  | 'blocking-call'
  | 'task-exception-unretrieved'
  | 'task-destroyed-pending'
  | 'cancellation-swallowed'
  | 'wrong-loop'
  | 'unclosed-resource'
  | 'timeout';

/**
 * What the sandbox prints after the sentinel line (docs/harness-contract.md). Diagnostic codes are those of shared/spec/diagnostics.md. Every list, string and number is bounded: the report comes out of a container that ran untrusted code (docs/trust-model.md).
 */
export interface HarnessReport {
  version: 1;
  harness: string;
  runtime: HarnessRuntime;
  outcome: ReportOutcome;
  runOutcome: null | HarnessRunOutcome;
  counts: TestCounts;
  /**
   * @maxItems 1000
   */
  tests: TestResult[];
  /**
   * @maxItems 500
   */
  diagnostics: Diagnostic[];
  timings: HarnessTimings;
}
export interface HarnessRuntime {
  python: string;
  pytest: string | null;
  pytestAsyncio: string | null;
}
export interface HarnessRunOutcome {
  kind: 'syntax-error' | 'import-error' | 'crashed';
  message: string;
}
export interface TestCounts {
  total: number;
  passed: number;
  failed: number;
  error: number;
  skipped: number;
}
export interface TestResult {
  /**
   * pytest node id
   */
  id: string;
  outcome: TestOutcome;
  durationMs: number;
  message: string | null;
}
export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  message: string;
  location: DiagnosticLocation;
  /**
   * pytest node id, null when not attributable
   */
  test: string | null;
  evidence: string;
  explanation: string;
  hint: string;
  /**
   * book chapter; null for timeout, which has none
   */
  chapter: number | null;
  source: 'runtime' | 'static' | 'both';
}
export interface DiagnosticLocation {
  /**
   * path relative to the submission
   */
  file: string;
  line: number;
}
export interface HarnessTimings {
  collectMs: number;
  testsMs: number;
  totalMs: number;
}
