// The files of a lab in one editor: a tab per file over a single CodeMirror view whose state is
// swapped on a tab change, so every file keeps its own undo history, cursor and diagnostics.
// The tabs follow the WAI-ARIA tabs pattern (arrow keys, Home, End).
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Diagnostic, Files } from '../api/types';
import { h, replace, uid } from '../dom';
import { diagnosticsTransaction } from '../editor/inline-diagnostics';
import { fileEditorExtensions } from '../editor/setup';
import { groupDiagnostics } from '../report/group-diagnostics';

export interface WorkspaceFile {
  /** The path in the run, which is also what diagnostics name (visible tests: tests/<name>). */
  path: string;
  content: string;
  readOnly: boolean;
}

export interface WorkspaceOptions {
  onChange: () => void;
  onSubmit: () => void;
}

interface OpenFile {
  path: string;
  readOnly: boolean;
  state: EditorState;
  diagnostics: Diagnostic[];
}

export class Workspace {
  readonly element: HTMLElement;
  private readonly tablist: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly view: EditorView;
  private readonly panelId = uid('editor-panel');
  private files: OpenFile[] = [];
  private active = 0;

  constructor(
    files: WorkspaceFile[],
    private readonly options: WorkspaceOptions,
  ) {
    this.tablist = h('div', {
      role: 'tablist',
      'aria-label': 'Files',
      class: 'file-tabs',
      onkeydown: (e: KeyboardEvent) => {
        this.onTabKey(e);
      },
    });
    this.panel = h('div', { role: 'tabpanel', id: this.panelId, class: 'editor-panel' });
    this.files = files.map((file) => this.open(file));
    this.view = new EditorView({ state: this.files[0]?.state ?? EditorState.create(), parent: this.panel });
    this.element = h(
      'div',
      { class: 'workspace' },
      this.tablist,
      this.panel,
      h(
        'p',
        { class: 'editor-help' },
        'Tab indents; to leave the editor with the keyboard press Esc, then Tab. Ctrl+Space suggests names. Ctrl+Enter (⌘+Enter) submits.',
      ),
    );
    this.renderTabs();
  }

  get activePath(): string | null {
    return this.files[this.active]?.path ?? null;
  }

  paths(): string[] {
    return this.files.map((file) => file.path);
  }

  /** The current text of every file the learner may edit. */
  editableContents(): Files {
    this.stash();
    return Object.fromEntries(this.files.filter((f) => !f.readOnly).map((f) => [f.path, f.state.doc.toString()]));
  }

  select(path: string, focus = false): void {
    const index = this.files.findIndex((file) => file.path === path);
    if (index < 0) return;
    if (index !== this.active) {
      this.stash();
      this.active = index;
      this.view.setState(this.files[index].state);
      this.renderTabs();
    }
    if (focus) this.view.focus();
  }

  /** Shows a report's diagnostics in the files they name; those of other files stay list-only. */
  showDiagnostics(diagnostics: Diagnostic[]): void {
    this.stash();
    this.files.forEach((file, index) => {
      file.diagnostics = diagnostics.filter((d) => d.location.file === file.path);
      const spec = diagnosticsTransaction(file.state, file.diagnostics);
      if (index === this.active) {
        this.view.dispatch(spec);
        file.state = this.view.state;
      } else {
        file.state = file.state.update(spec).state;
      }
    });
    this.renderTabs();
  }

  clearDiagnostics(): void {
    this.showDiagnostics([]);
  }

  hasFile(path: string): boolean {
    return this.files.some((file) => file.path === path);
  }

  /** Opens the file at the line, puts the cursor there and focuses the editor. */
  reveal(path: string, line: number): void {
    this.select(path);
    const doc = this.view.state.doc;
    const target = doc.line(Math.min(Math.max(1, line), doc.lines));
    this.view.dispatch({ selection: { anchor: target.from }, effects: EditorView.scrollIntoView(target.from, { y: 'center' }) });
    this.view.focus();
  }

  /** Replaces the text of the editable files (loading an earlier attempt, a reset). */
  setContents(files: Files): void {
    this.stash();
    this.files.forEach((file, index) => {
      if (file.readOnly || !(file.path in files)) return;
      const change = { changes: { from: 0, to: file.state.doc.length, insert: files[file.path] } };
      if (index === this.active) {
        this.view.dispatch(change);
        file.state = this.view.state;
      } else {
        file.state = file.state.update(change).state;
      }
    });
  }

  /** Replaces every file (an earlier playground attempt may have other files than the editor). */
  load(files: WorkspaceFile[]): void {
    this.files = files.map((file) => this.open(file));
    this.active = 0;
    this.view.setState(this.files[0]?.state ?? EditorState.create());
    this.renderTabs();
  }

  addFile(file: WorkspaceFile): void {
    this.stash();
    this.files.push(this.open(file));
    this.select(file.path);
    this.renderTabs();
    this.options.onChange();
  }

  removeFile(path: string): void {
    const index = this.files.findIndex((file) => file.path === path);
    if (index < 0) return;
    this.stash();
    this.files.splice(index, 1);
    this.active = Math.max(0, Math.min(this.active, this.files.length - 1));
    this.view.setState(this.files[this.active]?.state ?? EditorState.create());
    this.renderTabs();
    this.options.onChange();
  }

  /** A new path keeps the text and the undo history (the editor's label follows the name). */
  renameFile(from: string, to: string): void {
    const index = this.files.findIndex((file) => file.path === from);
    if (index < 0) return;
    this.stash();
    const old = this.files[index];
    const renamed = this.open({ path: to, content: old.state.doc.toString(), readOnly: old.readOnly });
    this.files[index] = renamed;
    if (index === this.active) this.view.setState(renamed.state);
    this.renderTabs();
    this.options.onChange();
  }

  focusEditor(): void {
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }

  private open(file: WorkspaceFile): OpenFile {
    const extensions = fileEditorExtensions({
      path: file.path,
      readOnly: file.readOnly,
      onChange: () => {
        this.options.onChange();
      },
      onSubmit: () => {
        this.options.onSubmit();
      },
    });
    return { path: file.path, readOnly: file.readOnly, state: EditorState.create({ doc: file.content, extensions }), diagnostics: [] };
  }

  /** The view holds the live state of the active file; copy it back before touching the list. */
  private stash(): void {
    // There is no file at `active` while the list is empty.
    const current = this.files.at(this.active);
    if (current) current.state = this.view.state;
  }

  private renderTabs(): void {
    // The buttons are rebuilt: keep the keyboard focus on the (new) selected tab.
    const hadFocus = this.tablist.contains(document.activeElement);
    const tabs = this.files.map((file, index) => {
      const selected = index === this.active;
      const problems = groupDiagnostics(file.diagnostics).length;
      return h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `${this.panelId}-tab-${index}`,
          class: `file-tab${problems ? ' has-problems' : ''}`,
          'aria-selected': String(selected),
          'aria-controls': this.panelId,
          tabindex: selected ? 0 : -1,
          'data-path': file.path,
          onclick: () => {
            this.select(file.path);
          },
        },
        h('span', { class: 'file-tab-name' }, file.path),
        file.readOnly ? h('span', { class: 'file-tab-note' }, ' (read-only)') : null,
        problems ? h('span', { class: 'file-tab-badge' }, ` ${problems} ${problems === 1 ? 'problem' : 'problems'}`) : null,
      );
    });
    replace(this.tablist, tabs);
    this.panel.setAttribute('aria-labelledby', `${this.panelId}-tab-${this.active}`);
    if (hadFocus) tabs[this.active]?.focus();
  }

  private onTabKey(event: KeyboardEvent): void {
    const moves: Partial<Record<string, (i: number, n: number) => number>> = {
      ArrowRight: (i, n) => (i + 1) % n,
      ArrowLeft: (i, n) => (i - 1 + n) % n,
      Home: () => 0,
      End: (_i, n) => n - 1,
    };
    const move = moves[event.key];
    if (!move || this.files.length === 0) return;
    event.preventDefault();
    const next = move(this.active, this.files.length);
    this.select(this.files[next].path);
  }
}
