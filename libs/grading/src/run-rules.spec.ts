import { deriveOutcome, variantCaught } from './run-rules';

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
  it('counts a test that failed or errored by itself, never an abnormal run or diagnostics alone', () => {
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
