// The two rules every verdict rests on, decided here and nowhere else: did a run pass, and did
// the learner's tests catch a broken variant. The harness reports facts; these judge them.
import type { Diagnostic, RunOutcome, TestCounts, TestResult, ReportOutcome } from '@asynclab/contracts';

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
