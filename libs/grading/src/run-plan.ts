// Turns a submission into the sandbox runs that grade it (docs/lab-format.md):
// fix-code: one run of the learner's code under the visible and hidden tests;
// fix-tests: the learner's tests against the reference code, then against each broken variant;
// playground: the learner's files as they are, with pytest's own discovery.
import { MAIN_RUN, variantRunName, type Files } from '@asynclab/contracts';
import type { LabContent } from '@asynclab/lab-catalog';
import { PRIVATE_DIR, type HarnessRunConfig } from '@asynclab/sandbox';

const BLOCKING_THRESHOLD_MS = 100;

export interface PlannedRun {
  /** The run's name (MAIN_RUN or a variant's run name), stored as runs.variant. */
  variant: string;
  files: Files;
  config: HarnessRunConfig;
  timeLimitMs: number;
}

export function planRuns(lab: LabContent, learnerFiles: Files): PlannedRun[] {
  const { manifest } = lab;
  const timeLimitMs = manifest.timeLimitSec * 1000;
  const config = (testPaths: string[], learner: string[], rewriteFiles: string[] = []): HarnessRunConfig => ({
    testPaths,
    learnerFiles: learner,
    perTestTimeoutSec: manifest.perTestTimeoutSec,
    blockingThresholdMs: BLOCKING_THRESHOLD_MS,
    rewriteFiles,
  });
  const learner = { ...pick(lab.starter, manifest.editable), ...learnerFiles };

  switch (manifest.kind) {
    case 'playground':
      return [{ variant: MAIN_RUN, files: learnerFiles, config: config([], Object.keys(learnerFiles)), timeLimitMs }];
    case 'fix-code': {
      // A hidden check's judge (hidden/judge_*.py) goes where only the supervisor can read it;
      // its driver (hidden/test_*.py) runs with the learner's code (docs/lab-format.md).
      const judges = Object.fromEntries(Object.entries(lab.hidden).filter(([path]) => isJudge(path)));
      const drivers = Object.fromEntries(Object.entries(lab.hidden).filter(([path]) => !isJudge(path)));
      const files = { ...prefix('tests', lab.tests), ...prefix('hidden', drivers), ...prefix(PRIVATE_DIR, judges), ...learner };
      const testPaths = ['tests', 'hidden'].filter((dir) => Object.keys(files).some((path) => path.startsWith(`${dir}/`)));
      return [{ variant: MAIN_RUN, files, config: config(testPaths, manifest.editable), timeLimitMs }];
    }
    case 'fix-tests': {
      const testFiles = manifest.editable;
      const against = (variant: string, code: Files): PlannedRun => ({
        variant,
        files: { ...learner, ...pick(code, manifest.codeUnderTest) },
        // Every run's code under test is re-printed with fresh names by the supervisor, so the
        // learner's tests can tell the correct code from a variant by behaviour only.
        config: config(testFiles, testFiles, manifest.codeUnderTest),
        timeLimitMs,
      });
      return [against(MAIN_RUN, lab.solution), ...Object.entries(lab.variants).map(([name, code]) => against(variantRunName(name), code))];
    }
  }
}

/** A hidden check's judge: read by the sandbox's supervisor only (docs/trust-model.md). */
export function isJudge(path: string): boolean {
  return /(^|\/)judge_[^/]*\.py$/.test(path);
}

function pick(files: Files, paths: string[]): Files {
  return Object.fromEntries(paths.filter((path) => path in files).map((path) => [path, files[path]]));
}

function prefix(dir: string, files: Files): Files {
  return Object.fromEntries(Object.entries(files).map(([path, content]) => [`${dir}/${path}`, content]));
}
