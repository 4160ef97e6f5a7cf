// The same bug seen by several tests arrives as one diagnostic per test (same code, place and
// message). The page shows it once, naming every test and keeping each distinct evidence.
import type { Diagnostic } from '../api/types';

export interface DiagnosticGroup {
  diagnostic: Diagnostic;
  tests: string[];
  /** Distinct evidence texts, each with the test it came from. */
  evidence: Array<{ test: string | null; text: string }>;
}

export function groupDiagnostics(diagnostics: Diagnostic[]): DiagnosticGroup[] {
  const groups = new Map<string, DiagnosticGroup>();
  for (const d of diagnostics) {
    const key = JSON.stringify([d.code, d.location.file, d.location.line, d.message, d.severity]);
    let group = groups.get(key);
    if (!group) {
      group = { diagnostic: d, tests: [], evidence: [] };
      groups.set(key, group);
    }
    if (d.test && !group.tests.includes(d.test)) group.tests.push(d.test);
    if (d.evidence && !group.evidence.some((e) => e.text === d.evidence)) group.evidence.push({ test: d.test, text: d.evidence });
  }
  return [...groups.values()];
}
