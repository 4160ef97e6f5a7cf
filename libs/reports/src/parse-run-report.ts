// Checks the harness's JSON against its schema (sandboxes/python/report.schema.json, the single
// source of the contract) with ajv: it comes out of a container that ran untrusted code, so
// nothing in it is trusted until its shape is.
import Ajv2020 from 'ajv/dist/2020';
import { DIAGNOSTIC_CODES, type HarnessReport, type TestCounts, type TestResult } from '@asynclab/contracts';
import schema from '../../../sandboxes/python/report.schema.json';

export class MalformedReportError extends Error {}

const validate = new Ajv2020({ allErrors: false, strict: true }).compile<HarnessReport>(schema);
const KNOWN_CODES: readonly string[] = DIAGNOSTIC_CODES;

export function parseRunReport(text: string): HarnessReport {
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
  // The counts are recounted from the tests, never taken from the report.
  return { ...raw, counts: countTests(raw.tests) };
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
