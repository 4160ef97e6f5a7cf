// The playground's file controls: add, rename and remove files. Each action opens a small inline
// form (no browser prompt), checks the name with the API's own rules, and says what is wrong.
import { h, replace, uid } from '../dom';
import type { Workspace } from '../workspace/workspace';

const MAX_FILES = 20;
const PATH_CHARS = /^[A-Za-z0-9_.\-/]+$/;
const EXTENSIONS = ['.py', '.txt', '.cfg', '.ini', '.toml'];

/** The API's path rules (apps/api/src/submissions/submission-files.ts), checked before sending. */
export function pathProblem(path: string, existing: string[]): string | null {
  if (!path) return 'Enter a file name, for example test_news.py.';
  if (existing.includes(path)) return `There is already a file called ${path}.`;
  if (!PATH_CHARS.test(path)) return 'Use only letters, digits, _ . - and / in file names.';
  const parts = path.split('/');
  if (path.startsWith('/') || parts.some((part) => part === '' || part === '.' || part === '..'))
    return 'Use a relative path like pkg/news.py.';
  if (parts.some((part) => part.startsWith('.'))) return 'Hidden files (starting with .) are not allowed.';
  if (!EXTENSIONS.some((ext) => path.endsWith(ext))) return `Files must end in ${EXTENSIONS.join(', ')}.`;
  return null;
}

export function playgroundControls(workspace: Workspace): HTMLElement {
  const formArea = h('div', { class: 'file-form-area' });
  const close = () => {
    replace(formArea);
    workspace.focusEditor();
  };
  const open = (title: string, initial: string, confirmLabel: string, apply: (path: string) => void, others: () => string[]) => {
    const inputId = uid('file-name');
    const errorId = uid('file-error');
    const input = h('input', {
      id: inputId,
      type: 'text',
      value: initial,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': errorId,
    });
    const error = h('p', { id: errorId, class: 'field-error', 'aria-live': 'polite' });
    const form = h(
      'form',
      {
        class: 'file-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          const path = input.value.trim();
          const problem = pathProblem(path, others());
          if (problem) {
            error.textContent = problem;
            input.setAttribute('aria-invalid', 'true');
            input.focus();
            return;
          }
          apply(path);
          close();
        },
        onkeydown: (event: KeyboardEvent) => {
          if (event.key === 'Escape') close();
        },
      },
      h('label', { for: inputId }, title),
      input,
      h('button', { type: 'submit' }, confirmLabel),
      h('button', { type: 'button', class: 'secondary', onclick: close }, 'Cancel'),
      error,
    );
    replace(formArea, form);
    input.focus();
    input.select();
  };

  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const newFile = () => {
    if (workspace.paths().length >= MAX_FILES) {
      status.textContent = `A submission holds at most ${MAX_FILES} files.`;
      return;
    }
    open(
      'New file name',
      'test_more.py',
      'Add file',
      (path) => {
        workspace.addFile({ path, content: '', readOnly: false });
        status.textContent = `Added ${path}.`;
      },
      () => workspace.paths(),
    );
  };
  const rename = () => {
    const current = workspace.activePath;
    if (!current) return;
    open(
      `Rename ${current} to`,
      current,
      'Rename',
      (path) => {
        workspace.renameFile(current, path);
        status.textContent = `Renamed ${current} to ${path}.`;
      },
      () => workspace.paths().filter((p) => p !== current),
    );
  };
  const remove = () => {
    const current = workspace.activePath;
    if (!current) return;
    if (workspace.paths().length === 1) {
      status.textContent = 'The playground needs at least one file.';
      return;
    }
    if (!window.confirm(`Remove ${current}? Its text is lost.`)) return;
    workspace.removeFile(current);
    status.textContent = `Removed ${current}.`;
  };
  return h(
    'div',
    { class: 'playground-controls' },
    h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': 'Files' },
      h('button', { type: 'button', class: 'secondary', onclick: newFile }, 'New file'),
      h('button', { type: 'button', class: 'secondary', onclick: rename }, 'Rename file'),
      h('button', { type: 'button', class: 'secondary', onclick: remove }, 'Remove file'),
    ),
    formArea,
    status,
  );
}
