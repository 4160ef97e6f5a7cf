// Checks the harness's JSON at runtime: it comes out of a container that ran untrusted code, so
// nothing in it is trusted until its shape is. Bounds follow report.schema.json: an oversized
// report or one with too many entries is refused; every text has NUL and unpaired surrogates
// replaced (PostgreSQL refuses both) and is cut to its limit. The worker ends a refused report
// as the run's `crashed` outcome, once, never as an infra retry.
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

/** Limits of report.schema.json and docs/harness-contract.md. */
export const REPORT_LIMITS = {
  bytes: 1024 * 1024,
  tests: 1000,
  diagnostics: 500,
  message: 2048,
  evidence: 4096,
  text: 8192,
  id: 512,
  ms: 24 * 3600 * 1000,
};

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A text safe to store: NUL and unpaired surrogates replaced by U+FFFD, cut to `limit`. */
export function cleanText(value: string, limit: number): string {
  const clean = value.replace(/\u0000/g, '\uFFFD').replace(UNPAIRED_SURROGATE, '\uFFFD');
  return clean.length <= limit ? clean : `${clean.slice(0, limit - 13)}…[truncated]`;
}

function boundedMs(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 0), REPORT_LIMITS.ms) : 0;
}

type Json = Record<string, unknown>;

export function parseRunReport(text: string): HarnessReport {
  if (Buffer.byteLength(text, 'utf8') > REPORT_LIMITS.bytes) {
    throw new MalformedReportError(`the report is over ${REPORT_LIMITS.bytes / 1024 / 1024} MiB`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new MalformedReportError(`report is not JSON: ${(error as Error).message}`);
  }
  const root = object(raw, 'report');
  if (root.version !== 1) throw new MalformedReportError(`unsupported report version ${String(root.version)}`);
  const tests = bounded(array(root.tests, 'tests'), REPORT_LIMITS.tests, 'tests').map((item, i) => parseTest(object(item, `tests[${i}]`), i));
  if (new Set(tests.map((t) => t.id)).size !== tests.length) throw new MalformedReportError('tests lists one test id twice');
  const diagnostics = bounded(array(root.diagnostics, 'diagnostics'), REPORT_LIMITS.diagnostics, 'diagnostics').flatMap((item, i) =>
    parseDiagnostic(object(item, `diagnostics[${i}]`), i),
  );
  const runOutcome = root.runOutcome == null ? null : parseRunOutcome(object(root.runOutcome, 'runOutcome'));
  const outcome = root.outcome;
  if (outcome !== 'pass' && outcome !== 'fail' && outcome !== 'error') {
    throw new MalformedReportError(`outcome must be pass, fail or error, not ${String(outcome)}`);
  }
  return {
    version: 1,
    harness: cleanText(string(root.harness, 'harness'), 32),
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
  const id = string(item.id, `tests[${index}].id`);
  if (id.length > REPORT_LIMITS.id) throw new MalformedReportError(`tests[${index}].id is longer than ${REPORT_LIMITS.id} characters`);
  return {
    id: cleanText(id, REPORT_LIMITS.id),
    outcome,
    durationMs: boundedMs(item.durationMs),
    message: typeof item.message === 'string' ? cleanText(item.message, REPORT_LIMITS.message) : null,
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
      message: cleanText(string(item.message, `diagnostics[${index}].message`), REPORT_LIMITS.message),
      location: {
        file: cleanText(string(location.file, 'location.file'), REPORT_LIMITS.id),
        line: Math.min(1_000_000, Math.max(1, Math.trunc(Number(location.line) || 1))),
      },
      test: typeof item.test === 'string' ? cleanText(item.test, REPORT_LIMITS.id) : null,
      evidence: typeof item.evidence === 'string' ? cleanText(item.evidence, REPORT_LIMITS.evidence) : '',
      explanation: typeof item.explanation === 'string' ? cleanText(item.explanation, REPORT_LIMITS.text) : '',
      hint: typeof item.hint === 'string' ? cleanText(item.hint, REPORT_LIMITS.text) : '',
      chapter: typeof item.chapter === 'number' && Number.isInteger(item.chapter) && item.chapter > 0 && item.chapter < 100 ? item.chapter : null,
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
  return { kind, message: typeof item.message === 'string' ? cleanText(item.message, REPORT_LIMITS.message) : '' };
}

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedReportError(`${what} must be an object`);
  return value as Json;
}

function bounded(items: unknown[], limit: number, what: string): unknown[] {
  if (items.length > limit) throw new MalformedReportError(`the report lists ${items.length} ${what}; at most ${limit} are allowed`);
  return items;
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
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, 8)
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => [cleanText(k, 32), cleanText(v as string, 64)]),
  ) as Record<string, string>;
}

function numberRecord(value: unknown): Record<string, number> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, 8)
      .filter(([, v]) => typeof v === 'number')
      .map(([k, v]) => [cleanText(k, 32), boundedMs(v)]),
  ) as Record<string, number>;
}
