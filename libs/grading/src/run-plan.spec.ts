import { LabContent } from '@asynclab/lab-catalog';
import { parseLabManifest } from '@asynclab/lab-catalog';
import { planRuns } from './run-plan';

const lab = (kind: 'fix-code' | 'fix-tests' | 'playground', extra: Partial<LabContent> = {}): LabContent => ({
  manifest: parseLabManifest(
    {
      id: 'lab',
      title: 't',
      chapter: 12,
      difficulty: 'beginner',
      kind,
      objectives: ['o'],
      editable: kind === 'fix-tests' ? ['test_news.py'] : kind === 'fix-code' ? ['news.py'] : undefined,
      codeUnderTest: kind === 'fix-tests' ? ['news.py'] : undefined,
      timeLimitSec: 15,
      perTestTimeoutSec: 3,
      scoring:
        kind === 'fix-code'
          ? { hiddenTests: 70, noDiagnostics: 30 }
          : kind === 'fix-tests'
            ? { correctPasses: 20, variantsCaught: 60, noDiagnostics: 20 }
            : undefined,
    },
    'lab.yaml',
    'lab',
  ),
  readme: '',
  starter: {},
  tests: {},
  hidden: {},
  solution: {},
  variants: {},
  ...extra,
});

describe('planRuns', () => {
  it('runs a fix-code lab once: learner code, visible and hidden tests', () => {
    const [run, ...rest] = planRuns(
      lab('fix-code', {
        starter: { 'news.py': 'old' },
        tests: { 'test_visible.py': 'v' },
        hidden: { 'test_hidden.py': 'h', 'judge_hidden.py': 'j' },
      }),
      { 'news.py': 'new' },
    );
    expect(rest).toEqual([]);
    // The judge goes where only the supervisor reads it (pack-files makes it root-only).
    expect(run.files).toEqual({
      'news.py': 'new',
      'tests/test_visible.py': 'v',
      'hidden/test_hidden.py': 'h',
      '.asynclab/private/judge_hidden.py': 'j',
    });
    expect(run.config).toEqual({
      testPaths: ['tests', 'hidden'],
      learnerFiles: ['news.py'],
      perTestTimeoutSec: 3,
      blockingThresholdMs: 100,
      rewriteFiles: [],
    });
    expect(run.timeLimitMs).toBe(15_000);
  });

  it('runs a fix-tests lab against the solution and each broken variant, never the learner code', () => {
    const runs = planRuns(
      lab('fix-tests', {
        starter: { 'test_news.py': 'starter tests' },
        solution: { 'news.py': 'good', 'test_news.py': 'reference tests' },
        variants: { 'drops-await': { 'news.py': 'bad1' }, 'no-cap': { 'news.py': 'bad2' } },
      }),
      { 'test_news.py': 'learner tests' },
    );
    expect(runs.map((run) => [run.variant, run.files['news.py'], run.files['test_news.py']])).toEqual([
      ['main', 'good', 'learner tests'],
      ['variant:drops-await', 'bad1', 'learner tests'],
      ['variant:no-cap', 'bad2', 'learner tests'],
    ]);
    expect(runs[0].config.testPaths).toEqual(['test_news.py']);
    expect(runs.map((run) => run.config.rewriteFiles)).toEqual([['news.py'], ['news.py'], ['news.py']]);
  });

  it('runs the playground as sent, with pytest discovery', () => {
    const [run] = planRuns(lab('playground'), { 'app.py': 'a', 'test_app.py': 't' });
    expect(run.files).toEqual({ 'app.py': 'a', 'test_app.py': 't' });
    expect(run.config.testPaths).toEqual([]);
  });
});
