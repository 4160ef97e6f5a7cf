// Whole-line highlighting of the lines a report's diagnostics point at, beside the lint
// underline and gutter marker: a line number is all a diagnostic has, so the line is what to mark.
import { RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, DecorationSet, EditorView } from '@codemirror/view';

export interface MarkedLine {
  line: number;
  severity: 'error' | 'warning';
  codes: string[];
}

export const setMarkedLines = StateEffect.define<MarkedLine[]>();

export const diagnosticLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes); // edits move the marks with their lines
    for (const effect of transaction.effects) {
      if (effect.is(setMarkedLines)) next = build(transaction.state.doc, effect.value);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

function build(doc: EditorView['state']['doc'], lines: MarkedLine[]): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const sorted = [...lines].filter((l) => l.line >= 1 && l.line <= doc.lines).sort((a, b) => a.line - b.line);
  for (const marked of sorted) {
    const line = doc.line(marked.line);
    builder.add(
      line.from,
      line.from,
      Decoration.line({
        class: `cm-asynclab-line cm-asynclab-line-${marked.severity}`,
        attributes: { 'data-diagnostic-codes': marked.codes.join(' ') },
      }),
    );
  }
  return builder.finish();
}
