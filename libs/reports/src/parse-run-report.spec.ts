import { MalformedReportError, parseRunReport } from './parse-run-report';
import { deriveOutcome, variantCaught } from './run-report';

const report = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: 1,
    harness: '1.0.0',
    runtime: { python: '3.11.2' },
    outcome: 'fail',
    runOutcome: null,
    counts: { total: 99 },
    tests: [
      { id: 't.py::a', outcome: 'passed', durationMs: 1.5, message: null },
      { id: 't.py::b', outcome: 'failed', durationMs: 2, message: 'AssertionError' },
    ],
    diagnostics: [
      { code: 'never-awaited', severity: 'error', message: 'm', location: { file: 'news.py', line: 7 }, test: 't.py::a', evidence: 'e', explanation: 'x', hint: 'h', chapter: 11, source: 'runtime' },
      { code: 'from-the-future', severity: 'error', message: 'm', location: { file: 'a.py', line: 1 } },
    ],
    timings: { totalMs: 12 },
    ...overrides,
  });

describe('parseRunReport', () => {
  it('reads a report and recounts the tests instead of trusting the counts', () => {
    const parsed = parseRunReport(report());
    expect(parsed.counts).toEqual({ total: 2, passed: 1, failed: 1, error: 0, skipped: 0 });
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'never-awaited', location: { file: 'news.py', line: 7 }, chapter: 11 });
  });

  it.each([
    ['not JSON', '{'],
    ['another version', report({ version: 2 })],
    ['tests that are not a list', report({ tests: {} })],
    ['an unknown test outcome', report({ tests: [{ id: 'a', outcome: 'maybe' }] })],
    ['a run outcome the harness may not decide', report({ runOutcome: { kind: 'infra-error', message: '' } })],
  ])('rejects %s', (_what, text) => {
    expect(() => parseRunReport(text)).toThrow(MalformedReportError);
  });
});

describe('deriveOutcome', () => {
  const passed = { id: 'a', outcome: 'passed' as const, durationMs: 1, message: null };
  const warning = { code: 'blocking-call' as const, severity: 'warning' as const } as never;
  const error = { code: 'silent-pass' as const, severity: 'error' as const } as never;

  it('passes only with at least one test, all passed, and no error diagnostic', () => {
    expect(deriveOutcome([passed], [], null)).toBe('pass');
    expect(deriveOutcome([passed], [warning], null)).toBe('pass');
    expect(deriveOutcome([passed], [error], null)).toBe('fail');
    expect(deriveOutcome([], [], null)).toBe('fail');
    expect(deriveOutcome([{ ...passed, outcome: 'skipped' }], [], null)).toBe('fail');
    expect(deriveOutcome([passed], [], { kind: 'syntax-error', message: '' })).toBe('error');
  });
});

describe('variantCaught', () => {
  const counts = (failed: number, error = 0) => ({ total: 3, passed: 3 - failed - error, failed, error, skipped: 0 });
  it('counts a failing or erroring test, or an abnormal run, never diagnostics alone', () => {
    expect(variantCaught({ counts: counts(1), runOutcome: null })).toBe(true);
    expect(variantCaught({ counts: counts(0, 1), runOutcome: null })).toBe(true);
    // A run that hung or crashed catches nothing, nor does a test the harness stopped at its limit.
    expect(variantCaught({ counts: counts(0), runOutcome: { kind: 'timeout', message: '' } })).toBe(false);
    expect(variantCaught({ counts: counts(1), runOutcome: { kind: 'crashed', message: '' } })).toBe(false);
    const stopped = { counts: counts(1), runOutcome: null, tests: [{ id: 't::a', outcome: 'failed' }] };
    expect(variantCaught({ ...stopped, diagnostics: [{ code: 'timeout', test: 't::a' }] })).toBe(false);
    expect(variantCaught({ ...stopped, diagnostics: [{ code: 'never-awaited', test: 't::a' }] })).toBe(true);
    expect(variantCaught({ counts: { total: 2, passed: 0, failed: 0, error: 0, skipped: 2 }, runOutcome: null })).toBe(false);
    expect(variantCaught({ counts: counts(0), runOutcome: null })).toBe(false);
  });
});
