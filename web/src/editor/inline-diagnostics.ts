// Puts a report's diagnostics into one file's editor state: the lint underline, gutter marker and
// hover tooltip (@codemirror/lint), and the whole-line highlight (diagnostic-lines.ts).
import { Diagnostic as LintDiagnostic, setDiagnostics } from '@codemirror/lint';
import { EditorState, TransactionSpec } from '@codemirror/state';
import type { Diagnostic } from '../api/types';
import { groupDiagnostics } from '../report/group-diagnostics';
import { codeTitle } from '../report/labels';
import { MarkedLine, setMarkedLines } from './diagnostic-lines';

/** The transaction that shows `diagnostics` (all of this file) in `state`; an empty list clears them. */
export function diagnosticsTransaction(state: EditorState, diagnostics: Diagnostic[]): TransactionSpec {
  const { doc } = state;
  const lint: LintDiagnostic[] = groupDiagnostics(diagnostics).map(({ diagnostic, tests }) => {
    // Lines past the end (the file changed since it was sent) go on the last line.
    const line = doc.line(Math.min(Math.max(1, diagnostic.location.line), doc.lines));
    const indent = /^\s*/.exec(line.text)?.[0].length ?? 0;
    return {
      from: line.from + Math.min(indent, line.length),
      to: line.to,
      severity: diagnostic.severity,
      source: diagnostic.code,
      message: `${codeTitle(diagnostic.code)}: ${diagnostic.message}${tests.length > 1 ? ` (seen in ${tests.length} tests)` : ''}${diagnostic.hint ? `\n\nHint: ${diagnostic.hint}` : ''}`,
      markClass: `cm-asynclab-mark cm-asynclab-mark-${diagnostic.code}`,
    };
  });
  const byLine = new Map<number, MarkedLine>();
  for (const diagnostic of diagnostics) {
    const line = Math.min(Math.max(1, diagnostic.location.line), doc.lines);
    const marked = byLine.get(line) ?? { line, severity: 'warning', codes: [] };
    if (diagnostic.severity === 'error') marked.severity = 'error';
    if (!marked.codes.includes(diagnostic.code)) marked.codes.push(diagnostic.code);
    byLine.set(line, marked);
  }
  const spec = setDiagnostics(state, lint);
  const effects = [spec.effects ?? [], setMarkedLines.of([...byLine.values()])].flat();
  return { ...spec, effects };
}
