// Every diagnostic of a report as a list item: code, message, where, explanation, hint, chapter,
// and the raw evidence folded behind a toggle (<details>: keyboard and screen-reader friendly).
// A bug that several tests ran into is one item naming all of them.
import type { Diagnostic } from '../api/types';
import { h } from '../dom';
import { inline } from '../markdown';
import { DiagnosticGroup, groupDiagnostics } from './group-diagnostics';
import { chapterTitle, codeTitle, evidenceLabel } from './labels';

export interface DiagnosticListOptions {
  /** Whether the file is open in the editor, so its location can be a "go to line" button. */
  canReveal: (file: string) => boolean;
  reveal: (file: string, line: number) => void;
}

export function renderDiagnosticList(diagnostics: Diagnostic[], options: DiagnosticListOptions): HTMLElement {
  if (diagnostics.length === 0) {
    return h('p', { class: 'empty-note', 'data-testid': 'no-diagnostics' }, 'No asyncio bug was found in this run.');
  }
  return h(
    'ol',
    { class: 'diagnostics', 'data-testid': 'diagnostics' },
    groupDiagnostics(diagnostics).map((g) => renderGroup(g, options)),
  );
}

function renderGroup(group: DiagnosticGroup, options: DiagnosticListOptions): HTMLElement {
  const d = group.diagnostic;
  const where = `${d.location.file}, line ${d.location.line}`;
  const location = options.canReveal(d.location.file)
    ? h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          onclick: () => {
            options.reveal(d.location.file, d.location.line);
          },
        },
        `Go to ${where}`,
      )
    : h('span', null, where);
  return h(
    'li',
    { class: `diagnostic severity-${d.severity}`, 'data-code': d.code, 'data-location': `${d.location.file}:${d.location.line}` },
    h(
      'h4',
      { class: 'diagnostic-title' },
      h('span', { class: `badge badge-${d.severity}` }, d.severity === 'error' ? 'Error' : 'Warning'),
      ' ',
      codeTitle(d.code),
      ' ',
      h('code', { class: 'diagnostic-code' }, d.code),
    ),
    // The harness writes names in `backticks`: shown as code, never as markup.
    h('p', { class: 'diagnostic-message' }, ...inline(d.message)),
    h(
      'dl',
      { class: 'diagnostic-facts' },
      fact('Where', location),
      group.tests.length ? fact(group.tests.length === 1 ? 'In test' : `In ${group.tests.length} tests`, testList(group.tests)) : null,
      d.explanation ? fact('What the runtime did', ...inline(d.explanation)) : null,
      d.hint ? fact('Hint', ...inline(d.hint)) : null,
      d.chapter !== null ? fact('Read', `the book, ${chapterTitle(d.chapter)}`) : null,
      fact(
        'Found by',
        d.source === 'both' ? 'running the code and reading it' : d.source === 'static' ? 'reading the code' : 'running the code',
      ),
    ),
    group.evidence.length
      ? h(
          'details',
          { class: 'evidence' },
          h('summary', null, evidenceLabel(d.code)),
          group.evidence.flatMap((e) => [
            group.evidence.length > 1 && e.test ? h('p', { class: 'evidence-test' }, 'In ', h('code', null, e.test)) : null,
            h('pre', { class: 'evidence-text', tabindex: 0 }, e.text),
          ]),
        )
      : null,
  );
}

function testList(tests: string[]): Node {
  if (tests.length === 1) return h('code', null, tests[0]);
  return h(
    'ul',
    { class: 'plain-list' },
    tests.map((test) => h('li', null, h('code', null, test))),
  );
}

function fact(term: string, ...value: Array<Node | string>): Node[] {
  return [h('dt', null, term), h('dd', null, ...value)];
}
