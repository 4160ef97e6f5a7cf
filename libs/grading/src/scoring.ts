// A score from 0 to 100 with its parts, so a learner sees what earned and what cost points.
import type { GradedRun, Score, ScorePart } from '@asynclab/contracts';
import type { LabManifest } from '@asynclab/lab-catalog';

type ScoredRun = Pick<GradedRun, 'outcome' | 'counts' | 'diagnostics' | 'caught'>;

export function scoreSubmission(manifest: LabManifest, main: ScoredRun, variants: ScoredRun[]): Score | null {
  if (manifest.kind === 'playground') return null;
  const weights = manifest.scoring;
  const errors = main.diagnostics.filter((d) => d.severity === 'error').length;
  const parts: ScorePart[] = [];
  const add = (name: string, fraction: number, detail: string) => {
    const weight = weights[name] ?? 0;
    if (weight > 0) parts.push({ name, weight, earned: Math.round(weight * fraction), detail });
  };
  // Nothing ran, nothing found: the absence of diagnostics only counts when tests actually ran.
  const clean = main.outcome !== 'error' && main.counts.total > 0 && errors === 0;
  if (manifest.kind === 'fix-code') {
    const { passed, total } = main.counts;
    add('hiddenTests', total === 0 || main.outcome === 'error' ? 0 : passed / total, `${passed} of ${total} tests passed`);
  } else {
    const allPass = main.counts.total > 0 && main.counts.passed === main.counts.total;
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
  add('noDiagnostics', clean ? 1 : 0, clean ? 'no asyncio bug found' : `${errors} asyncio bug(s) found`);
  return { total: parts.reduce((sum, part) => sum + part.earned, 0), parts };
}
