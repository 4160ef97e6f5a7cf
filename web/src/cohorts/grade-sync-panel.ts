// The grade sync log of an LMS-linked cohort, for its instructors: per learner and assignment, the
// grade passback's status (pending, succeeded, failed, skipped), the grade computed and the score
// the platform accepted, how many attempts it took and the last error, with a retry button that
// publishes the learner's current grade again. Nothing is shown for a cohort no LMS course links.
import { cohortsApi } from '../api/cohorts-client';
import type { CohortView, GradeSyncView } from '../api/types';
import { dataTable, dataTableRow, type TableSpec } from '../data-table';
import { formatTime, h, replace } from '../dom';
import { renderApiError } from '../submit/error-box';

const score = (value: number | null) => (value === null ? '–' : String(value));

export function gradeSyncPanel(cohort: CohortView, nameOf: Map<string, string>): HTMLElement {
  const section = h('section', { class: 'grade-sync-panel', 'aria-label': 'Grades sent to the LMS', 'data-testid': 'grade-syncs' });
  const titleOf = new Map(cohort.assignments.map((a) => [a.id, a.labTitle]));

  const retryButton = (sync: GradeSyncView): HTMLElement => {
    const retry = h('button', { type: 'button', class: 'secondary', 'data-testid': 'grade-sync-retry' }, 'Retry');
    retry.disabled = sync.status === 'pending';
    retry.addEventListener('click', () => {
      const tr = retry.closest('tr');
      const cell = retry.closest('td');
      retry.disabled = true;
      cohortsApi.retryGradeSync(sync.id).then(
        (next) => {
          tr?.replaceWith(dataTableRow(table, next));
        },
        (error: unknown) => {
          if (cell) replace(cell, renderApiError(error, 'The retry could not be asked for.'));
        },
      );
    });
    return retry;
  };
  const table: Pick<TableSpec<GradeSyncView>, 'columns' | 'rowAttrs'> = {
    rowAttrs: (sync) => ({ 'data-sync': sync.id, 'data-status': sync.status }),
    columns: [
      { header: 'Learner', rowHeader: true, cell: (sync) => nameOf.get(sync.userId) ?? sync.userId },
      { header: 'Assignment', cell: (sync) => titleOf.get(sync.assignmentId) ?? sync.assignmentId },
      {
        header: 'Status',
        cell: (sync) => sync.status,
        cellAttrs: (sync) => ({ class: `sync-status ${sync.status}`, 'data-testid': 'grade-sync-status' }),
      },
      { header: 'Grade', cell: (sync) => score(sync.scoreGiven) },
      {
        header: 'Accepted by the LMS',
        cell: (sync) => [score(sync.publishedScore), sync.publishedAt ? ` (${formatTime(sync.publishedAt)})` : ''],
      },
      { header: 'Attempts', cell: (sync) => String(sync.attempts.length) },
      // The platform's own words: text content only, never markup.
      {
        header: 'Last error',
        cell: (sync) => sync.lastError ?? '',
        cellAttrs: () => ({ class: 'sync-error', 'data-testid': 'grade-sync-error' }),
      },
      { header: '', hiddenHeader: 'Retry', cell: retryButton },
    ],
  };

  void cohortsApi.gradeSyncs(cohort.id).then(
    (syncs) => {
      if (syncs.length === 0) return;
      replace(
        section,
        h('h2', null, 'Grades sent to the LMS'),
        dataTable({ ...table, caption: { text: 'Grades sent to the LMS', hidden: true }, attrs: { class: 'stats-table' }, rows: syncs }),
      );
    },
    (error: unknown) => {
      replace(section, renderApiError(error, 'The grade sync log could not be loaded.'));
    },
  );
  return section;
}
