// The one place that maps a report between its stored form (runs, tests and diagnostics rows) and
// the form grading produces and the API serves, in both directions. The JSON columns are read
// back through small checked readers, never cast: a row the code does not expect fails loudly.
import {
  DIAGNOSTIC_CODES,
  MAIN_RUN,
  RUN_OUTCOME_KINDS,
  TEST_OUTCOMES,
  variantOfRun,
  type Diagnostic,
  type GradedRun,
  type PhaseTimings,
  type ReportOutcome,
  type RunOutcome,
  type Score,
  type SubmissionReport,
  type TestCounts,
} from '@asynclab/contracts';
import { Prisma } from '../../../generated/prisma/client';

const withRuns = {
  runs: {
    orderBy: { createdAt: 'asc' },
    include: { tests: { orderBy: { position: 'asc' } }, diagnostics: { orderBy: { position: 'asc' } } },
  },
} satisfies Prisma.SubmissionInclude;

export const SUBMISSION_WITH_RUNS = withRuns;
export type SubmissionWithRuns = Prisma.SubmissionGetPayload<{ include: typeof withRuns }>;
type StoredRun = SubmissionWithRuns['runs'][number];

/** Graded run -> the rows that store it. */
export function runRows(submissionId: string, run: GradedRun): Prisma.RunUncheckedCreateInput {
  return {
    submissionId,
    variant: run.variant,
    outcome: run.outcome,
    runOutcome: run.runOutcome?.kind ?? null,
    runMessage: run.runOutcome?.message ?? null,
    caught: run.caught,
    counts: { ...run.counts },
    stdoutTail: run.stdoutTail,
    stderrTail: run.stderrTail,
    outputTruncated: run.outputTruncated,
    timings: run.timings,
    harnessVersion: run.harnessVersion,
    tests: {
      create: run.tests.map((test, position) => ({
        position,
        nodeId: test.id,
        outcome: test.outcome,
        durationMs: test.durationMs,
        message: test.message,
      })),
    },
    diagnostics: {
      create: run.diagnostics.map((d, position) => ({
        position,
        code: d.code,
        severity: d.severity,
        message: d.message,
        file: d.location.file,
        line: d.location.line,
        testId: d.test,
        evidence: d.evidence,
        explanation: d.explanation,
        hint: d.hint,
        chapter: d.chapter,
        source: d.source,
      })),
    },
  };
}

/** A score -> its JSON column. */
export function scoreColumn(score: Score | null): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return score ? { total: score.total, parts: score.parts.map((part) => ({ ...part })) } : Prisma.DbNull;
}

/** Stored rows -> the report the API serves; null while the submission has no verdict yet. */
export function reportFromRows(submission: SubmissionWithRuns): SubmissionReport | null {
  if (submission.status === 'queued' || submission.status === 'running') return null;
  const main = submission.runs.find((run) => run.variant === MAIN_RUN);
  const variants = submission.runs.filter((run) => run.variant !== MAIN_RUN);
  return {
    outcome: reportOutcome(submission.outcome ?? 'error'),
    runOutcome: runOutcomeOf(submission, main),
    counts: main ? readCounts(main.counts) : readCounts({}),
    tests: (main?.tests ?? []).map((test) => ({
      id: test.nodeId,
      outcome: oneOf(TEST_OUTCOMES, test.outcome, 'test outcome'),
      durationMs: test.durationMs,
      message: test.message,
    })),
    diagnostics: (main?.diagnostics ?? []).map(toDiagnostic),
    variants: variants.map((run) => ({
      name: variantOfRun(run.variant) ?? run.variant,
      caught: run.caught === true,
      outcome: reportOutcome(run.outcome),
      counts: readCounts(run.counts),
    })),
    score: readScore(submission.scoring),
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
    return {
      kind: 'infra-error',
      message: `the service could not run this submission (${submission.errorMessage ?? 'unknown error'}); it was retried and is not your code's fault`,
    };
  }
  if (!main?.runOutcome) return null;
  return { kind: oneOf(RUN_OUTCOME_KINDS, main.runOutcome, 'run outcome'), message: main.runMessage ?? '' };
}

function toDiagnostic(row: StoredRun['diagnostics'][number]): Diagnostic {
  return {
    code: oneOf(DIAGNOSTIC_CODES, row.code, 'diagnostic code'),
    severity: oneOf(['error', 'warning'] as const, row.severity, 'severity'),
    message: row.message,
    location: { file: row.file, line: row.line },
    test: row.testId,
    evidence: row.evidence,
    explanation: row.explanation,
    hint: row.hint,
    chapter: row.chapter,
    source: oneOf(['runtime', 'static', 'both'] as const, row.source, 'diagnostic source'),
  };
}

/** Sums each phase over the submission's runs (a fix-tests lab runs several sandboxes). */
function timingsOf(submission: SubmissionWithRuns): PhaseTimings {
  const sum = (key: string): number | null => {
    const values = submission.runs.map((run) => numberAt(run.timings, key)).filter((v): v is number => v !== null);
    return values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) * 10) / 10;
  };
  const ms = (from: Date | null, to: Date | null) => (from && to ? to.getTime() - from.getTime() : null);
  return {
    queuedMs: ms(submission.createdAt, submission.startedAt),
    containerStartMs: sum('containerStartMs'),
    pytestMs: sum('runMs'),
    storeMs: submission.runs[0] ? numberAt(submission.runs[0].timings, 'storeMs') : null,
    totalMs: ms(submission.createdAt, submission.finishedAt),
  };
}

export function reportOutcome(value: string): ReportOutcome {
  return oneOf(['pass', 'fail', 'error'] as const, value, 'outcome');
}

function readCounts(value: Prisma.JsonValue): TestCounts {
  const count = (key: keyof TestCounts) => numberAt(value, key) ?? 0;
  return { total: count('total'), passed: count('passed'), failed: count('failed'), error: count('error'), skipped: count('skipped') };
}

function readScore(value: Prisma.JsonValue | null): Score | null {
  if (!isObject(value) || !Array.isArray(value.parts)) return null;
  const parts = value.parts.filter(isObject).map((part) => ({
    name: textOf(part.name),
    weight: numberAt(part, 'weight') ?? 0,
    earned: numberAt(part, 'earned') ?? 0,
    detail: textOf(part.detail ?? ''),
  }));
  return { total: numberAt(value, 'total') ?? 0, parts };
}

/** A stored JSON value as text: a string as it is, anything else as its JSON (never "[object Object]"). */
function textOf(value: Prisma.JsonValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function numberAt(value: Prisma.JsonValue, key: string): number | null {
  const found = isObject(value) ? value[key] : undefined;
  return typeof found === 'number' ? found : null;
}

function isObject(value: Prisma.JsonValue | undefined): value is Prisma.JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`stored ${what} "${value}" is not one the contract knows`);
}

/** A submission's files column -> its files; anything but strings by path is a corrupt row. */
export function filesFromColumn(value: Prisma.JsonValue): Record<string, string> {
  if (!isObject(value)) throw new Error('stored files are not an object');
  const files: Record<string, string> = {};
  for (const [path, content] of Object.entries(value)) {
    if (typeof content !== 'string') throw new Error(`stored file ${path} is not text`);
    files[path] = content;
  }
  return files;
}
