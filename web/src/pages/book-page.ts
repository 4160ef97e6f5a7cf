// /book: the chapters of the book asynclab serves (/work/shared/spec/book-outline.md), each with
// an anchor that diagnostic codes link to, and the codes each chapter teaches.
import { bookChapterPath, DIAGNOSTIC_CHAPTERS } from '../../../libs/contracts/src/book-chapters';
import { h, replace } from '../dom';
import { chapterTitle } from '../report/labels';

const TOPICS: Record<number, string> = {
  10: 'Structured concurrency and cancellation: TaskGroup, cancel(), timeout(), what CancelledError is for.',
  11: 'A guided debugging session through the common asyncio failure modes: never-awaited coroutines, a blocked loop, lost and garbage-collected tasks, exceptions nobody retrieved, deadlocks.',
  12: 'Testing async code with pytest-asyncio and AsyncMock, including the silent-pass bug that makes broken tests look green.',
  13: 'Executors (run_in_executor, to_thread), sync and async bridges, graceful shutdown on SIGINT and SIGTERM.',
};

export function bookPage(main: HTMLElement): () => void {
  document.title = 'The book · asynclab';
  const codesOf = (chapter: number) =>
    Object.entries(DIAGNOSTIC_CHAPTERS)
      .filter(([, chapters]) => chapters.includes(chapter))
      .map(([code]) => code);
  replace(
    main,
    h('h1', null, 'The chapters behind the diagnostics'),
    h('p', { class: 'lead' }, 'Each asyncio bug asynclab names is taught in a chapter of the book. Read it before the next attempt.'),
    Object.keys(TOPICS)
      .map(Number)
      .map((chapter) =>
        h(
          'section',
          { class: 'chapter', id: bookChapterPath(chapter).split('#')[1] },
          h('h2', null, chapterTitle(chapter)),
          h('p', null, TOPICS[chapter]),
          h(
            'p',
            null,
            'Codes it teaches: ',
            codesOf(chapter)
              .map((code, i) => [i ? ', ' : '', h('code', null, code)])
              .flat(),
          ),
        ),
      ),
  );
  // After the router's scroll to the top: land on the chapter the link named.
  setTimeout(() => document.getElementById(window.location.hash.slice(1))?.scrollIntoView(), 0);
  return () => undefined;
}
