import { MalformedReportError, parseRunReport } from './parse-run-report';

const report = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: 1,
    harness: '1.0.0',
    runtime: { python: '3.11.2', pytest: '7.2.1', pytestAsyncio: '0.20.3' },
    outcome: 'fail',
    runOutcome: null,
    counts: { total: 99, passed: 99, failed: 0, error: 0, skipped: 0 },
    tests: [
      { id: 't.py::a', outcome: 'passed', durationMs: 1.5, message: null },
      { id: 't.py::b', outcome: 'failed', durationMs: 2, message: 'AssertionError' },
    ],
    diagnostics: [
      {
        code: 'never-awaited',
        severity: 'error',
        message: 'm',
        location: { file: 'news.py', line: 7 },
        test: 't.py::a',
        evidence: 'e',
        explanation: 'x',
        hint: 'h',
        chapter: 11,
        source: 'runtime',
      },
      { code: 'from-the-future', severity: 'error', message: 'm', location: { file: 'a.py', line: 1 } },
    ],
    timings: { collectMs: 2, testsMs: 10, totalMs: 12 },
    ...overrides,
  });

describe('parseRunReport', () => {
  it('replaces NUL and unpaired surrogates in every text, which PostgreSQL would refuse', () => {
    const parsed = parseRunReport(
      report({ tests: [{ id: 't.py::a\u0000', outcome: 'failed', durationMs: 1, message: 'a\u0000b \udcff c \ud83d\ude00' }] }),
    );
    expect(parsed.tests[0]).toMatchObject({ id: 't.py::a\uFFFD', message: 'a\uFFFDb \uFFFD c \u{1F600}' });
  });

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
    [
      'more tests than the schema allows',
      report({ tests: Array.from({ length: 1001 }, (_, i) => ({ id: `t::${i}`, outcome: 'passed', durationMs: 1, message: null })) }),
    ],
    [
      'a test id listed twice',
      report({
        tests: [
          { id: 'a', outcome: 'passed', durationMs: 1, message: null },
          { id: 'a', outcome: 'failed', durationMs: 1, message: null },
        ],
      }),
    ],
    ['a message over its limit', report({ tests: [{ id: 'a', outcome: 'failed', durationMs: 1, message: 'x'.repeat(2049) }] })],
    ['a duration beyond a day', report({ tests: [{ id: 'a', outcome: 'passed', durationMs: 1e12, message: null }] })],
    ['a document over 1 MiB', `${report()}${' '.repeat(1024 * 1024)}`],
  ])('rejects %s', (_what, text) => {
    expect(() => parseRunReport(text)).toThrow(MalformedReportError);
  });
});
