// Checks the harness's JSON at runtime: it comes out of a container that ran untrusted code, so
// nothing in it is trusted until its shape is. A malformed report is the harness's fault, never
// the learner's, and is raised as an error the worker turns into an infra failure.
import {
  DIAGNOSTIC_CODES,
  Diagnostic,
  DiagnosticCode,
  HarnessReport,
  RunOutcome,
  TEST_OUTCOMES,
  TestOutcome,
  TestResult,
  countTests,
} from './run-report';

export class MalformedReportError extends Error {}

type Json = Record<string, unknown>;

export function parseRunReport(text: string): HarnessReport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new MalformedReportError(`report is not JSON: ${(error as Error).message}`);
  }
  const root = object(raw, 'report');
  if (root.version !== 1) throw new MalformedReportError(`unsupported report version ${String(root.version)}`);
  const tests = array(root.tests, 'tests').map((item, i) => parseTest(object(item, `tests[${i}]`), i));
  const diagnostics = array(root.diagnostics, 'diagnostics').flatMap((item, i) =>
    parseDiagnostic(object(item, `diagnostics[${i}]`), i),
  );
  const runOutcome = root.runOutcome == null ? null : parseRunOutcome(object(root.runOutcome, 'runOutcome'));
  const outcome = root.outcome;
  if (outcome !== 'pass' && outcome !== 'fail' && outcome !== 'error') {
    throw new MalformedReportError(`outcome must be pass, fail or error, not ${String(outcome)}`);
  }
  return {
    version: 1,
    harness: string(root.harness, 'harness'),
    runtime: stringRecord(root.runtime),
    outcome,
    runOutcome,
    counts: countTests(tests),
    tests,
    diagnostics,
    timings: numberRecord(root.timings),
  };
}

function parseTest(item: Json, index: number): TestResult {
  const outcome = item.outcome as TestOutcome;
  if (!TEST_OUTCOMES.includes(outcome)) throw new MalformedReportError(`tests[${index}].outcome is ${String(outcome)}`);
  return {
    id: string(item.id, `tests[${index}].id`),
    outcome,
    durationMs: typeof item.durationMs === 'number' ? item.durationMs : 0,
    message: typeof item.message === 'string' ? item.message : null,
  };
}

/** A diagnostic with a code this service does not know yet is dropped, not fatal: newer harness. */
function parseDiagnostic(item: Json, index: number): Diagnostic[] {
  const code = item.code as DiagnosticCode;
  if (!DIAGNOSTIC_CODES.includes(code)) return [];
  const location = object(item.location, `diagnostics[${index}].location`);
  const severity = item.severity === 'warning' ? 'warning' : 'error';
  const source = item.source === 'static' || item.source === 'both' ? item.source : 'runtime';
  return [
    {
      code,
      severity,
      message: string(item.message, `diagnostics[${index}].message`),
      location: { file: string(location.file, 'location.file'), line: Math.max(1, Math.trunc(Number(location.line) || 1)) },
      test: typeof item.test === 'string' ? item.test : null,
      evidence: typeof item.evidence === 'string' ? item.evidence : '',
      explanation: typeof item.explanation === 'string' ? item.explanation : '',
      hint: typeof item.hint === 'string' ? item.hint : '',
      chapter: typeof item.chapter === 'number' ? item.chapter : null,
      source,
    },
  ];
}

function parseRunOutcome(item: Json): RunOutcome {
  const kind = item.kind;
  // crashed: the supervisor saw the learner's process end before it sent its report.
  if (kind !== 'syntax-error' && kind !== 'import-error' && kind !== 'crashed') {
    throw new MalformedReportError(`runOutcome.kind from the harness must be syntax-error, import-error or crashed, not ${String(kind)}`);
  }
  return { kind, message: typeof item.message === 'string' ? item.message : '' };
}

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedReportError(`${what} must be an object`);
  return value as Json;
}

function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new MalformedReportError(`${what} must be an array`);
  return value;
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new MalformedReportError(`${what} must be a string`);
  return value;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

function numberRecord(value: unknown): Record<string, number> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
}
