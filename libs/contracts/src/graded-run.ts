// What grading hands to storage: each sandbox run judged, and the submission's verdict.
import type { Diagnostic, ReportOutcome, TestCounts, TestResult } from './harness-report.generated';
import type { RunOutcome, RunOutcomeKind } from './harness-report';
import type { Score } from './submission-report';

export interface GradedRun {
  /** MAIN_RUN or variantRunName(...) (run-names.ts); stored as runs.variant. */
  variant: string;
  outcome: ReportOutcome;
  runOutcome: RunOutcome | null;
  /** Variant runs: whether the learner's tests caught this broken variant; null for the main run. */
  caught: boolean | null;
  counts: TestCounts;
  tests: TestResult[];
  diagnostics: Diagnostic[];
  stdoutTail: string;
  stderrTail: string;
  outputTruncated: boolean;
  timings: Record<string, number>;
  harnessVersion: string | null;
}

export interface SubmissionVerdict {
  outcome: ReportOutcome;
  runOutcome: RunOutcomeKind | null;
  /** The score's total (0-100), null for the playground; its parts are in `scoring`. */
  score: number | null;
  scoring: Score | null;
}
