// The catalog: every lab grouped by book chapter, with its difficulty, objectives and where this
// learner stands on it (not started, attempted, passed), from the learner's own history.
import { api } from '../api/client';
import type { HistoryEntry, LabSummary } from '../api/types';
import { h, replace } from '../dom';
import { inline } from '../markdown';
import { chapterTitle } from '../report/labels';
import { renderApiError } from '../submit/error-box';
import { cohortsApi } from '../api/cohorts-client';
import { renderMyAssignments } from '../cohorts/my-assignments';
import type { MyAssignment } from '../api/types';

type Progress = 'not-started' | 'attempted' | 'passed';

const PROGRESS_TEXT: Record<Progress, string> = { 'not-started': 'Not started', attempted: 'Attempted', passed: '✓ Passed' };

export async function catalogPage(main: HTMLElement): Promise<() => void> {
  document.title = 'Labs · asynclab';
  let labs: LabSummary[];
  let history: HistoryEntry[] | null;
  let assignments: MyAssignment[];
  try {
    [labs, history, assignments] = await Promise.all([
      api.labs(),
      api.history().catch(() => null),
      cohortsApi.myAssignments().catch(() => []),
    ]);
  } catch (error) {
    replace(main, h('h1', null, 'Labs'), renderApiError(error, 'The labs could not be loaded.'));
    return () => undefined;
  }
  const progress = progressByLab(history ?? []);
  const chapters = new Map<number, LabSummary[]>();
  for (const lab of labs.filter((l) => l.kind !== 'playground')) chapters.set(lab.chapter, [...(chapters.get(lab.chapter) ?? []), lab]);
  const playground = labs.find((l) => l.kind === 'playground');

  replace(
    main,
    h('h1', null, 'Debug asyncio, one bug at a time'),
    h(
      'p',
      { class: 'lead' },
      'Each lab is a small program from the book with one real asyncio bug. Run the tests, read what the runtime did, fix it.',
    ),
    history === null ? h('p', { class: 'note' }, 'Your progress could not be loaded; the labs still work.') : null,
    renderMyAssignments(assignments),
    [...chapters.entries()]
      .sort(([a], [b]) => a - b)
      .map(([chapter, chapterLabs]) =>
        h(
          'section',
          { class: 'chapter', 'aria-labelledby': `chapter-${chapter}` },
          h('h2', { id: `chapter-${chapter}` }, chapterTitle(chapter)),
          h(
            'ul',
            { class: 'lab-cards' },
            chapterLabs.map((lab) => h('li', null, labCard(lab, progress.get(lab.id) ?? 'not-started'))),
          ),
        ),
      ),
    playground
      ? h(
          'section',
          { class: 'chapter', 'aria-labelledby': 'playground-heading' },
          h('h2', { id: 'playground-heading' }, 'Playground'),
          h(
            'p',
            null,
            'Your own modules and tests, run in the same sandbox with the same diagnostics. ',
            h('a', { href: '/playground' }, 'Open the playground'),
          ),
        )
      : null,
  );
  return () => undefined;
}

function labCard(lab: LabSummary, state: Progress): HTMLElement {
  return h(
    'article',
    { class: `lab-card progress-${state}`, 'data-lab': lab.id, 'data-progress': state },
    h('h3', null, h('a', { href: `/labs/${encodeURIComponent(lab.id)}` }, lab.title)),
    h(
      'p',
      { class: 'lab-meta' },
      h('span', { class: `badge badge-${lab.difficulty}` }, lab.difficulty),
      ' ',
      h('span', { class: 'badge badge-kind' }, lab.kind === 'fix-tests' ? 'fix the tests' : 'fix the code'),
      ' ',
      h('span', { class: `badge badge-progress-${state}` }, PROGRESS_TEXT[state]),
    ),
    h(
      'ul',
      { class: 'objectives' },
      lab.objectives.map((objective) => h('li', null, ...inline(objective))),
    ),
  );
}

function progressByLab(history: HistoryEntry[]): Map<string, Progress> {
  const progress = new Map<string, Progress>();
  for (const entry of history) {
    if (entry.outcome === 'pass') progress.set(entry.labId, 'passed');
    else if (!progress.has(entry.labId)) progress.set(entry.labId, 'attempted');
  }
  return progress;
}
