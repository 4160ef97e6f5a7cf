// A score from 0 to 100 with its parts, so a learner sees what earned and what cost points.
import type { GradedRun, Score, ScorePart } from '@asynclab/contracts';
import type { LabManifest } from '@asynclab/lab-catalog';

type ScoredRun = Pick<GradedRun, 'outcome' | 'counts' | 'diagnostics' | 'caught'> & {
  tests: Pick<GradedRun['tests'][number], 'id' | 'outcome'>[];
};

/** A fix-code lab's hidden checks: judged by the sandbox's supervisor, outside the learner's process. */
export const HIDDEN_CHECK_PREFIX = 'hidden/';

export function scoreSubmission(manifest: LabManifest, main: ScoredRun, variants: ScoredRun[]): Score | null {
  if (manifest.kind === 'playground') return null;
  const weights = manifest.scoring;
  const errors = main.diagnostics.filter((d) => d.severity === 'error').length;
  const parts: ScorePart[] = [];
  const add = (name: string, fraction: number, detail: string) => {
    const weight = weights[name] ?? 0;
    if (weight > 0) parts.push({ name, weight, earned: Math.round(weight * fraction), detail });
  };
  // Diagnostics come from watching the learner's own process: their absence earns points only on a
  // run whose graded checks truly passed (docs/trust-model.md), never on one that ran nothing.
  let checksPassed: boolean;
  if (manifest.kind === 'fix-code') {
    // The visible tests' results come from the learner's process, which can forge them: the
    // score counts the hidden checks, whose verdicts the supervisor reached itself.
    const hidden = main.tests.filter((test) => test.id.startsWith(HIDDEN_CHECK_PREFIX));
    const graded = hidden.length > 0 ? hidden : main.tests;
    const passed = graded.filter((test) => test.outcome === 'passed').length;
    const total = graded.length;
    checksPassed = main.outcome !== 'error' && total > 0 && passed === total;
    add('hiddenTests', total === 0 || main.outcome === 'error' ? 0 : passed / total, `${passed} of ${total} hidden checks passed`);
  } else {
    const allPass = main.outcome !== 'error' && main.counts.total > 0 && main.counts.passed === main.counts.total;
    checksPassed = allPass;
    const caught = variants.filter((variant) => variant.caught === true).length;
    add(
      'correctPasses',
      allPass ? 1 : 0,
      allPass ? 'your tests pass on the correct code' : 'your tests do not all pass on the correct code',
    );
    // Tests that fail on the correct code fail on everything: catching a variant then proves nothing.
    add(
      'variantsCaught',
      allPass && variants.length > 0 ? caught / variants.length : 0,
      allPass ? `${caught} of ${variants.length} broken variants caught` : 'variants count only once your tests pass on the correct code',
    );
  }
  const clean = checksPassed && errors === 0;
  add(
    'noDiagnostics',
    clean ? 1 : 0,
    clean ? 'no asyncio bug found' : errors > 0 ? `${errors} asyncio bug(s) found` : 'counts only once the graded checks pass',
  );
  return { total: parts.reduce((sum, part) => sum + part.earned, 0), parts };
}
