// The CodeMirror 6 configuration of every file tab: Python, line numbers, the lint gutter that
// carries the report's diagnostics, and the keys. Tab indents (Python needs it); Escape then Tab,
// or Ctrl-m, lets the keyboard leave the editor (CodeMirror's tab focus mode).
// This is codemirror's basicSetup with one change: suggestions open on Ctrl+Space only, not while
// typing, so a popup never takes the Enter or the Escape a learner meant for the code or to leave.
import { minimalSetup } from 'codemirror';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, Extension, Prec } from '@codemirror/state';
import {
  EditorView,
  crosshairCursor,
  dropCursor,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  rectangularSelection,
} from '@codemirror/view';
import { diagnosticLines } from './diagnostic-lines';

export interface FileEditorOptions {
  path: string;
  readOnly: boolean;
  onSubmit: () => void;
  onChange: () => void;
}

const theme = EditorView.theme({
  '&': { fontSize: '0.95rem', border: '1px solid #6b7280', borderRadius: '4px', backgroundColor: '#ffffff' },
  '&.cm-focused': { outline: '3px solid #1d4ed8', outlineOffset: '1px' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    minHeight: '18rem',
    maxHeight: '34rem',
  },
  '.cm-gutters': { backgroundColor: '#f3f4f6', color: '#374151', borderRight: '1px solid #d1d5db' },
  '.cm-activeLineGutter': { backgroundColor: '#e5e7eb' },
  '.cm-tooltip-lint, .cm-tooltip-hover': { maxWidth: 'min(36rem, 90vw)' },
  '.cm-diagnostic': { whiteSpace: 'pre-wrap' },
});

export function fileEditorExtensions(options: FileEditorOptions): Extension[] {
  return [
    minimalSetup,
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    autocompletion({ activateOnTyping: false }),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    keymap.of([...closeBracketsKeymap, ...searchKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap]),
    python(),
    lintGutter(),
    diagnosticLines,
    theme,
    EditorView.lineWrapping,
    // Ctrl/Cmd+Enter submits from inside the editor, ahead of CodeMirror's own Mod-Enter binding.
    Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (options.onSubmit(), true) }])),
    keymap.of([indentWithTab]),
    EditorState.readOnly.of(options.readOnly),
    EditorView.contentAttributes.of({
      'aria-label': `${options.path}${options.readOnly ? ' (read-only)' : ''}: code editor`,
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange();
    }),
  ];
}
