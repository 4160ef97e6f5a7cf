// A score from 0 to 100 with its parts, so a learner sees what earned and what cost points.
import type { Diagnostic, Score, ScorePart, TestCounts } from '@asynclab/reports';
import type { LabManifest } from './lab-manifest';

export interface GradedRun {
  variant: string;
  outcome: 'pass' | 'fail' | 'error';
  counts: TestCounts;
  diagnostics: Diagnostic[];
}

export function scoreSubmission(manifest: LabManifest, main: GradedRun, variants: GradedRun[]): Score | null {
  if (manifest.kind === 'playground') return null;
  const weights = manifest.scoring;
  const errors = main.diagnostics.filter((d) => d.severity === 'error').length;
  const parts: ScorePart[] = [];
  const add = (name: string, fraction: number, detail: string) => {
    const weight = weights[name] ?? 0;
    if (weight > 0) parts.push({ name, weight, earned: Math.round(weight * fraction), detail });
  };
  const clean = main.outcome !== 'error' && errors === 0;
  if (manifest.kind === 'fix-code') {
    const { passed, total } = main.counts;
    add('hiddenTests', total === 0 || main.outcome === 'error' ? 0 : passed / total, `${passed} of ${total} tests passed`);
  } else {
    const caught = variants.filter((variant) => variant.outcome !== 'pass').length;
    const allPass = main.counts.total > 0 && main.counts.passed === main.counts.total;
    add('correctPasses', allPass ? 1 : 0, allPass ? 'your tests pass on the correct code' : 'your tests do not all pass on the correct code');
    add('variantsCaught', variants.length === 0 ? 0 : caught / variants.length, `${caught} of ${variants.length} broken variants caught`);
  }
  add('noDiagnostics', clean ? 1 : 0, clean ? 'no asyncio bug found' : `${errors} asyncio bug(s) found`);
  return { total: parts.reduce((sum, part) => sum + part.earned, 0), parts };
}
