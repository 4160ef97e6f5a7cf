// The report as the REST API serves it (docs/report-schema.md): assembled from the stored runs.
import type { Diagnostic, ReportOutcome, TestCounts, TestResult } from './harness-report.generated';
import type { RunOutcome } from './harness-report';

export type VariantVerdict = {
  name: string;
  /** True when the learner's tests failed on this broken variant, as they should. */
  caught: boolean;
  outcome: ReportOutcome;
  counts: TestCounts;
};

// Type aliases, not interfaces: a score is stored as JSON, and only aliases fit a JSON column's type.
export type ScorePart = {
  name: string;
  weight: number;
  earned: number;
  detail: string;
};

export type Score = {
  total: number;
  parts: ScorePart[];
};

export interface PhaseTimings {
  queuedMs: number | null;
  containerStartMs: number | null;
  pytestMs: number | null;
  storeMs: number | null;
  totalMs: number | null;
}

export interface SubmissionReport {
  outcome: ReportOutcome;
  runOutcome: RunOutcome | null;
  counts: TestCounts;
  tests: TestResult[];
  diagnostics: Diagnostic[];
  variants: VariantVerdict[];
  score: Score | null;
  output: { stdoutTail: string; stderrTail: string; truncated: boolean };
  timings: PhaseTimings;
  harnessVersion: string | null;
}
