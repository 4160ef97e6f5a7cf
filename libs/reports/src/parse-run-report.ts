// Checks the harness's JSON against its schema (sandboxes/python/report.schema.json, the single
// source of the contract) with ajv: it comes out of a container that ran untrusted code, so
// nothing in it is trusted until its shape is. The schema bounds every list, string and number;
// here the whole document is refused over 1 MiB, a test id listed twice is refused, and NUL and
// unpaired surrogates (JSON carries them, PostgreSQL refuses them) are replaced in every text.
// The worker ends a refused report as the run's `crashed` outcome, once, never an infra retry.
import Ajv2020 from 'ajv/dist/2020';
import { DIAGNOSTIC_CODES, type HarnessReport, type TestCounts, type TestResult } from '@asynclab/contracts';
import schema from '../../../sandboxes/python/report.schema.json';

export class MalformedReportError extends Error {}

export const REPORT_MAX_BYTES = 1024 * 1024;

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe to store: NUL and unpaired surrogates replaced by U+FFFD, cut to `limit` characters. */
export function cleanText(value: string, limit = Number.MAX_SAFE_INTEGER): string {
  const clean = value.split('\u0000').join('\uFFFD').replace(UNPAIRED_SURROGATE, '\uFFFD');
  return clean.length <= limit ? clean : `${clean.slice(0, limit - 13)}…[truncated]`;
}

const validate = new Ajv2020({ allErrors: false, strict: true }).compile<HarnessReport>(schema);
const KNOWN_CODES: readonly string[] = DIAGNOSTIC_CODES;

export function parseRunReport(text: string): HarnessReport {
  if (Buffer.byteLength(text, 'utf8') > REPORT_MAX_BYTES) {
    throw new MalformedReportError(`the report is over ${REPORT_MAX_BYTES / 1024 / 1024} MiB`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new MalformedReportError(`report is not JSON: ${(error as Error).message}`);
  }
  dropUnknownDiagnostics(raw);
  if (!validate(raw)) {
    const first = validate.errors?.at(0);
    throw new MalformedReportError(
      `report does not match its schema: ${first ? `${first.instancePath || '/'} ${first.message ?? ''}` : 'invalid'}`,
    );
  }
  if (new Set(raw.tests.map((test) => test.id)).size !== raw.tests.length)
    throw new MalformedReportError('the report lists a test id twice');
  const report = cleanStrings(raw);
  // The counts are recounted from the tests, never taken from the report.
  return { ...report, counts: countTests(report.tests) };
}

/** Every string of a (schema-checked, so shallow and bounded) document, cleaned. */
function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanStrings(item)])) as T;
  }
  return value;
}

/** A diagnostic with a code this service does not know yet is dropped, not fatal: a newer harness. */
function dropUnknownDiagnostics(raw: unknown): void {
  if (typeof raw !== 'object' || raw === null) return;
  const report = raw as { diagnostics?: unknown };
  if (!Array.isArray(report.diagnostics)) return;
  report.diagnostics = report.diagnostics.filter(
    (item: unknown) => typeof item !== 'object' || item === null || KNOWN_CODES.includes(String((item as { code?: unknown }).code)),
  );
}

export function countTests(tests: TestResult[]): TestCounts {
  const counts: TestCounts = { total: tests.length, passed: 0, failed: 0, error: 0, skipped: 0 };
  for (const test of tests) counts[test.outcome] += 1;
  return counts;
}
