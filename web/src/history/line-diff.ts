// The changes between two attempts, file by file, as unified hunks with three lines of context.
// Added and removed lines carry a +/- sign as well as a colour, so colour is never the only cue.
import { structuredPatch } from 'diff';
import type { Files } from '../api/types';
import { h } from '../dom';

export function renderFilesDiff(before: Files, after: Files, beforeLabel: string, afterLabel: string): HTMLElement {
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changed = paths.filter((path) => before[path] !== after[path]);
  const unchanged = paths.filter((path) => before[path] === after[path]);
  return h(
    'div',
    { class: 'diff', 'data-testid': 'diff' },
    h('p', { class: 'diff-legend' }, `Changes from ${beforeLabel} to ${afterLabel}. Lines starting with − were removed, + were added.`),
    changed.length === 0 ? h('p', { class: 'empty-note' }, 'The two attempts sent the same files.') : null,
    changed.map((path) => renderFileDiff(path, before[path], after[path])),
    unchanged.length ? h('p', { class: 'diff-unchanged' }, `Unchanged: ${unchanged.join(', ')}`) : null,
  );
}

function renderFileDiff(path: string, before: string | undefined, after: string | undefined): HTMLElement {
  const status = before === undefined ? ' (added)' : after === undefined ? ' (removed)' : '';
  const patch = structuredPatch(path, path, before ?? '', after ?? '', '', '', { context: 3 });
  const lines: HTMLElement[] = [];
  for (const hunk of patch.hunks) {
    lines.push(
      h(
        'span',
        { class: 'diff-hunk' },
        `Lines ${hunk.oldStart}–${hunk.oldStart + Math.max(0, hunk.oldLines - 1)} → ${hunk.newStart}–${hunk.newStart + Math.max(0, hunk.newLines - 1)}\n`,
      ),
    );
    for (const line of hunk.lines) {
      if (line.startsWith('\\')) continue; // "\ No newline at end of file"
      const sign = line[0];
      const kind = sign === '+' ? 'added' : sign === '-' ? 'removed' : 'context';
      const shown = sign === '-' ? `−${line.slice(1)}` : line;
      lines.push(h('span', { class: `diff-line diff-${kind}` }, `${shown}\n`));
    }
  }
  return h(
    'section',
    { class: 'diff-file' },
    h('h4', null, h('code', null, path), status),
    h('pre', { class: 'diff-body', tabindex: 0 }, lines),
  );
}
