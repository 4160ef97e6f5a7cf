import { MAIN_RUN, type GradedRun } from '@asynclab/contracts';
import { parseLabManifest } from '@asynclab/lab-catalog';
import { decideVerdict } from './verdict';
import { variantCaught } from './run-rules';

const manifest = (kind: 'fix-code' | 'fix-tests') =>
  parseLabManifest(
    {
      id: 'lab',
      title: 't',
      chapter: 12,
      difficulty: 'beginner',
      kind,
      objectives: ['o'],
      editable: ['x.py'],
      codeUnderTest: ['news.py'],
      scoring: kind === 'fix-code' ? { hiddenTests: 70, noDiagnostics: 30 } : { correctPasses: 20, variantsCaught: 60, noDiagnostics: 20 },
    },
    'lab.yaml',
    'lab',
  );

const tests = (dir: string, passed: number, total: number): GradedRun['tests'] =>
  Array.from({ length: total }, (_, i) => ({
    id: `${dir}/test_x.py::t${i}`,
    outcome: i < passed ? 'passed' : 'failed',
    durationMs: 0,
    message: null,
  }));

const run = (
  variant: string,
  outcome: 'pass' | 'fail' | 'error',
  passed: number,
  total: number,
  diagnostics: string[] = [],
  visible = { passed: 0, total: 0 },
): GradedRun => {
  const runOutcome = outcome === 'error' ? { kind: 'timeout' as const, message: '' } : null;
  const all = total + visible.total;
  const counts = { total: all, passed: passed + visible.passed, failed: all - passed - visible.passed, error: 0, skipped: 0 };
  return {
    variant,
    outcome,
    runOutcome,
    caught: variant === MAIN_RUN ? null : variantCaught({ counts, runOutcome }),
    counts,
    tests: [...tests('tests', visible.passed, visible.total), ...tests('hidden', passed, total)],
    diagnostics: diagnostics.map((code) => ({ code, severity: 'error' }) as never),
    stdoutTail: '',
    stderrTail: '',
    outputTruncated: false,
    timings: {},
    harnessVersion: null,
  };
};

describe('decideVerdict', () => {
  it('scores a fix-code lab from its tests and its diagnostics', () => {
    expect(decideVerdict(manifest('fix-code'), [run('main', 'pass', 4, 4)])).toMatchObject({ outcome: 'pass', score: 100 });
    const partial = decideVerdict(manifest('fix-code'), [run('main', 'fail', 2, 4, ['never-awaited'])]);
    expect(partial).toMatchObject({ outcome: 'fail', score: 35 });
    expect(decideVerdict(manifest('fix-code'), [run('main', 'error', 0, 0)])).toMatchObject({
      outcome: 'error',
      runOutcome: 'timeout',
      score: 0,
    });
  });

  it('scores the hidden checks only, and grants no-diagnostics points only when they all passed', () => {
    // Visible tests report from the learner's process: all of them "passing" earns nothing by itself.
    const forged = decideVerdict(manifest('fix-code'), [run('main', 'fail', 1, 4, [], { passed: 6, total: 6 })]);
    expect(forged.score).toBe(Math.round(70 / 4));
    expect(forged.scoring?.parts).toEqual([
      expect.objectContaining({ name: 'hiddenTests', earned: 18 }),
      expect.objectContaining({ name: 'noDiagnostics', earned: 0 }),
    ]);
  });

  it('fails a fix-tests submission whose tests let a broken variant through', () => {
    const verdict = decideVerdict(manifest('fix-tests'), [
      run('main', 'pass', 3, 3),
      run('variant:a', 'fail', 2, 3),
      run('variant:b', 'pass', 3, 3),
    ]);
    expect(verdict.outcome).toBe('fail');
    expect(verdict.score).toBe(20 + 30 + 20);
  });

  it('passes a fix-tests submission that passes on the solution and catches every variant', () => {
    const verdict = decideVerdict(manifest('fix-tests'), [run('main', 'pass', 3, 3), run('variant:a', 'fail', 2, 3)]);
    expect(verdict).toMatchObject({ outcome: 'pass', score: 100 });
  });
});
