// The report the API serves, assembled from the stored rows of a completed submission.
import type { SubmissionWithRuns } from '@asynclab/database';
import { variantCaught } from '@asynclab/reports';
import type {
  Diagnostic,
  DiagnosticCode,
  PhaseTimings,
  ReportOutcome,
  RunOutcome,
  RunOutcomeKind,
  Score,
  SubmissionReport,
  TestCounts,
  TestOutcome,
} from '@asynclab/reports';

type StoredRun = SubmissionWithRuns['runs'][number];

export function assembleReport(submission: SubmissionWithRuns): SubmissionReport | null {
  if (submission.status === 'queued' || submission.status === 'running') return null;
  const main = submission.runs.find((run) => run.variant === 'main');
  const variants = submission.runs.filter((run) => run.variant !== 'main');
  return {
    outcome: (submission.outcome ?? 'error') as ReportOutcome,
    runOutcome: runOutcomeOf(submission, main),
    counts: (main?.counts as unknown as TestCounts) ?? { total: 0, passed: 0, failed: 0, error: 0, skipped: 0 },
    tests: (main?.tests ?? []).map((test) => ({
      id: test.nodeId,
      outcome: test.outcome as TestOutcome,
      durationMs: test.durationMs,
      message: test.message,
    })),
    diagnostics: (main?.diagnostics ?? []).map(toDiagnostic),
    variants: variants.map((run) => ({
      name: run.variant.replace(/^variant:/, ''),
      caught: variantCaught({
        counts: run.counts as unknown as TestCounts,
        runOutcome: run.runOutcome ? { kind: run.runOutcome } : null,
        tests: run.tests.map((test) => ({ id: test.nodeId, outcome: test.outcome })),
        diagnostics: run.diagnostics.map((d) => ({ code: d.code, test: d.testId ?? null })),
      }),
      outcome: run.outcome as ReportOutcome,
      counts: run.counts as unknown as TestCounts,
    })),
    score: (submission.scoring as unknown as Score | null) ?? null,
    output: {
      stdoutTail: main?.stdoutTail ?? '',
      stderrTail: main?.stderrTail ?? '',
      truncated: main?.outputTruncated ?? false,
    },
    timings: timingsOf(submission),
    harnessVersion: main?.harnessVersion ?? null,
  };
}

function runOutcomeOf(submission: SubmissionWithRuns, main: StoredRun | undefined): RunOutcome | null {
  if (submission.runOutcome === 'infra-error') {
    return { kind: 'infra-error', message: `the service could not run this submission (${submission.errorMessage ?? 'unknown error'}); it was retried and is not your code's fault` };
  }
  if (!main?.runOutcome) return null;
  return { kind: main.runOutcome as RunOutcomeKind, message: main.runMessage ?? '' };
}

function toDiagnostic(row: StoredRun['diagnostics'][number]): Diagnostic {
  return {
    code: row.code as DiagnosticCode,
    severity: row.severity as Diagnostic['severity'],
    message: row.message,
    location: { file: row.file, line: row.line },
    test: row.testId,
    evidence: row.evidence,
    explanation: row.explanation,
    hint: row.hint,
    chapter: row.chapter,
    source: row.source as Diagnostic['source'],
  };
}

/** Sums each phase over the submission's runs (a fix-tests lab runs several sandboxes). */
function timingsOf(submission: SubmissionWithRuns): PhaseTimings {
  const sum = (key: string): number | null => {
    const values = submission.runs.map((run) => (run.timings as Record<string, number>)[key]).filter((v) => typeof v === 'number');
    return values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) * 10) / 10;
  };
  const ms = (from: Date | null, to: Date | null) => (from && to ? to.getTime() - from.getTime() : null);
  return {
    queuedMs: ms(submission.createdAt, submission.startedAt),
    containerStartMs: sum('containerStartMs'),
    pytestMs: sum('runMs'),
    storeMs: (submission.runs[0]?.timings as Record<string, number> | undefined)?.storeMs ?? null,
    totalMs: ms(submission.createdAt, submission.finishedAt),
  };
}
