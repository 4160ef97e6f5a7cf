// The report as the REST API serves it: assembled from the stored runs, tests and diagnostics.
import { Diagnostic, ReportOutcome, RunOutcome, TestCounts, TestResult } from './run-report';

export interface VariantVerdict {
  name: string;
  /** True when the learner's tests failed on this broken variant, as they should. */
  caught: boolean;
  outcome: ReportOutcome;
  counts: TestCounts;
}

export interface ScorePart {
  name: string;
  weight: number;
  earned: number;
  detail: string;
}

export interface Score {
  total: number;
  parts: ScorePart[];
}

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
