// The roster of an LMS-linked cohort, for its instructors: which LMS course it is linked to,
// whether the LMS offers its names and roles service, how often the worker reads the roster, the
// latest syncs (when, what started them, added, removed, kept, the platform's error) and a
// "Sync roster now" button. Nothing is shown for a cohort no LMS course links.
import { cohortsApi } from '../api/cohorts-client';
import type { CohortView, LtiContextView, RosterSyncResult, RosterSyncRunView } from '../api/types';
import { dataTable, type Column } from '../data-table';
import { formatTime, h, replace } from '../dom';
import { renderApiError } from '../submit/error-box';

const TRIGGER_TEXT: Record<RosterSyncRunView['trigger'], string> = {
  schedule: 'schedule',
  launch: "instructor's launch",
  request: 'on request',
};

const count = (value: number | null) => (value === null ? '–' : String(value));

const COLUMNS: ReadonlyArray<Column<RosterSyncRunView>> = [
  { header: 'Started', rowHeader: true, cell: (run) => formatTime(run.startedAt) },
  { header: 'Started by', cell: (run) => TRIGGER_TEXT[run.trigger] },
  {
    header: 'Status',
    cell: (run) => run.status,
    cellAttrs: (run) => ({ class: `sync-status ${run.status}`, 'data-testid': 'roster-run-status' }),
  },
  { header: 'Added', numeric: true, cell: (run) => count(run.learnersAdded) },
  { header: 'Removed', numeric: true, cell: (run) => count(run.learnersRemoved) },
  { header: 'Kept', numeric: true, cell: (run) => count(run.learnersKept) },
  // The platform's own words: text content only, never markup.
  { header: 'Error', cell: (run) => run.error ?? '', cellAttrs: () => ({ class: 'sync-error', 'data-testid': 'roster-run-error' }) },
];

function scheduleText(context: LtiContextView): string {
  if (!context.namesAndRoles) {
    return 'The LMS has not offered its names and roles service for this course, so its roster cannot be read; learners join by launching a lab from the course.';
  }
  const every = context.rosterSyncIntervalMinutes;
  return every === null
    ? 'The roster is read after an instructor launches from the course, and when you ask.'
    : `The roster is read every ${every} minutes, after an instructor launches from the course, and when you ask.`;
}

function resultText(result: RosterSyncResult): string {
  const text = `Roster synced: ${result.members} members read, ${result.learnersAdded} learners added, ${result.learnersRemoved} removed, ${result.learnersKept} kept.`;
  return result.complete ? text : `${text} The roster had more pages than are read at once, so nobody was removed for being absent.`;
}

export function rosterPanel(cohort: CohortView): HTMLElement {
  const section = h('section', { class: 'roster-panel', 'aria-label': 'Roster from the LMS', 'data-testid': 'roster-panel' });

  const render = (context: LtiContextView, notice: Node | null = null): void => {
    const course = context.title ? `“${context.title}” (${context.contextId})` : context.contextId;
    const status = h('div', { 'aria-live': 'polite', 'data-testid': 'roster-notice' }, notice);
    const button = h('button', { type: 'button', class: 'secondary', 'data-testid': 'roster-sync' }, 'Sync roster now');
    button.addEventListener('click', () => {
      button.disabled = true;
      replace(status, 'Reading the roster from the LMS…');
      cohortsApi.syncRoster(context.id).then(
        (result) => void reload(h('p', { class: 'note', 'data-testid': 'roster-result' }, resultText(result))),
        (error: unknown) => void reload(renderApiError(error, 'The roster could not be synced.')),
      );
    });
    replace(
      section,
      h('h2', null, 'Roster from the LMS'),
      h('p', { class: 'lead', 'data-testid': 'roster-course' }, `Linked to the LMS course ${course}. `, scheduleText(context)),
      context.namesAndRoles ? h('p', null, button) : null,
      status,
      dataTable({
        caption: { text: 'Roster syncs, newest first', hidden: true },
        columns: COLUMNS,
        rows: context.rosterSyncs,
        attrs: { class: 'stats-table', 'data-testid': 'roster-runs' },
        rowAttrs: (run) => ({ 'data-run': run.id, 'data-status': run.status }),
        empty: { note: 'No roster sync yet.' },
      }),
    );
  };

  const reload = async (notice: Node | null = null): Promise<void> => {
    try {
      const context = await cohortsApi.ltiContext(cohort.id);
      if (context) render(context, notice);
    } catch (error) {
      replace(section, renderApiError(error, 'The roster syncs could not be loaded.'));
    }
  };
  void reload();
  return section;
}
