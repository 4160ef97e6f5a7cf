// The JSON document the in-sandbox harness prints (docs/harness-contract.md, version 1), and the
// codes of shared/spec/diagnostics.md. The codes are a public contract: never rename or reuse one.

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
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export const TEST_OUTCOMES = ['passed', 'failed', 'error', 'skipped'] as const;
export type TestOutcome = (typeof TEST_OUTCOMES)[number];

export type ReportOutcome = 'pass' | 'fail' | 'error';

/** Run-level states that are not learner bugs; all but the first two are decided by the worker. */
export type RunOutcomeKind = 'syntax-error' | 'import-error' | 'timeout' | 'resource-limit' | 'crashed' | 'infra-error';

export interface RunOutcome {
  kind: RunOutcomeKind;
  message: string;
}

export interface TestResult {
  id: string;
  outcome: TestOutcome;
  durationMs: number;
  message: string | null;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  message: string;
  location: { file: string; line: number };
  test: string | null;
  evidence: string;
  explanation: string;
  hint: string;
  chapter: number | null;
  source: 'runtime' | 'static' | 'both';
}

export interface TestCounts {
  total: number;
  passed: number;
  failed: number;
  error: number;
  skipped: number;
}

export interface HarnessReport {
  version: 1;
  harness: string;
  runtime: Record<string, string>;
  outcome: ReportOutcome;
  runOutcome: RunOutcome | null;
  counts: TestCounts;
  tests: TestResult[];
  diagnostics: Diagnostic[];
  timings: Record<string, number>;
}

export function countTests(tests: TestResult[]): TestCounts {
  const counts: TestCounts = { total: tests.length, passed: 0, failed: 0, error: 0, skipped: 0 };
  for (const test of tests) counts[test.outcome] += 1;
  return counts;
}

/** The rule of the contract: pass needs at least one test, all passed, and no error diagnostic. */
export function deriveOutcome(tests: TestResult[], diagnostics: Diagnostic[], runOutcome: RunOutcome | null): ReportOutcome {
  if (runOutcome) return 'error';
  const allPassed = tests.length > 0 && tests.every((test) => test.outcome === 'passed');
  const clean = diagnostics.every((diagnostic) => diagnostic.severity !== 'error');
  return allPassed && clean ? 'pass' : 'fail';
}

/**
 * Whether the learner's tests caught a broken variant: a test failed or errored by itself. A run
 * that crashed, hung or hit a limit catches nothing (a test that ends the process or sleeps forever
 * would "catch" every variant), nor does a test the harness stopped at its time limit (`timeout`
 * diagnostic on it). Diagnostics alone do not count: tests that are never collected carry a
 * silent-pass diagnostic on every variant, and catch nothing.
 */
export function variantCaught(run: {
  counts: TestCounts;
  runOutcome: RunOutcome | { kind: string } | null;
  tests?: { id: string; outcome: string }[];
  diagnostics?: { code: string; test: string | null }[];
}): boolean {
  if (run.runOutcome !== null) return false;
  if (!run.tests || !run.diagnostics) return run.counts.failed + run.counts.error > 0;
  const stopped = new Set(run.diagnostics.filter((d) => d.code === 'timeout' && d.test).map((d) => d.test));
  return run.tests.some((test) => (test.outcome === 'failed' || test.outcome === 'error') && !stopped.has(test.id));
}
