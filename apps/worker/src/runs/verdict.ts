// The submission's verdict from its runs: the main run decides, and in a fix-tests lab the
// learner's tests must also fail on every broken variant.
import type { RunToStore, SubmissionVerdict } from '@asynclab/database';
import { MAIN_RUN, scoreSubmission, type LabManifest } from '@asynclab/lab-catalog';
import { variantCaught, type ReportOutcome } from '@asynclab/reports';

export function decideVerdict(manifest: LabManifest, runs: RunToStore[]): SubmissionVerdict {
  const main = runs.find((run) => run.variant === MAIN_RUN);
  if (!main) throw new Error('a submission always has a main run');
  const variants = runs.filter((run) => run.variant !== MAIN_RUN);
  const graded = (run: RunToStore) => ({
    variant: run.variant,
    outcome: run.outcome as ReportOutcome,
    counts: run.counts,
    runOutcome: run.runOutcome,
    diagnostics: run.diagnostics,
    tests: run.tests,
  });
  const missed = variants.filter((variant) => !variantCaught(variant));
  let outcome = main.outcome;
  if (outcome === 'pass' && missed.length > 0) outcome = 'fail';
  const score = scoreSubmission(manifest, graded(main), variants.map(graded));
  return {
    outcome,
    runOutcome: main.runOutcome?.kind ?? null,
    score: score?.total ?? null,
    scoring: score ? (score as unknown as object) : null,
  };
}
