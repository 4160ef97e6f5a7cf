// A diagnostic code as a link to the book chapter that teaches it (diagnostics.md's "book" column).
import { bookChapterPath, DIAGNOSTIC_CHAPTERS } from '../../../libs/contracts/src/book-chapters';
import type { DiagnosticCode } from '../api/types';
import { h } from '../dom';
import { chapterTitle } from '../report/labels';

export function codeLink(code: DiagnosticCode): HTMLElement {
  const chapter = DIAGNOSTIC_CHAPTERS[code][0] as number | undefined;
  if (chapter === undefined) return h('code', { class: 'diagnostic-code' }, code);
  return h(
    'a',
    { href: bookChapterPath(chapter), class: 'diagnostic-code', title: `Taught in ${chapterTitle(chapter)}`, 'data-code': code },
    h('code', null, code),
  );
}
