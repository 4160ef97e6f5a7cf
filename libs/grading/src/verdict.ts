// The submission's verdict from its graded runs: the main run decides, and in a fix-tests lab the
// learner's tests must also fail on every broken variant.
import { MAIN_RUN, type GradedRun, type SubmissionVerdict } from '@asynclab/contracts';
import type { LabManifest } from '@asynclab/lab-catalog';
import { scoreSubmission } from './scoring';

export function decideVerdict(manifest: LabManifest, runs: GradedRun[]): SubmissionVerdict {
  const main = runs.find((run) => run.variant === MAIN_RUN);
  if (!main) throw new Error('a submission always has a main run');
  const variants = runs.filter((run) => run.variant !== MAIN_RUN);
  const missed = variants.filter((variant) => variant.caught !== true);
  const outcome = main.outcome === 'pass' && missed.length > 0 ? 'fail' : main.outcome;
  const score = scoreSubmission(manifest, main, variants);
  return { outcome, runOutcome: main.runOutcome?.kind ?? null, score: score?.total ?? null, scoring: score };
}
