// The grade sync log of an LMS-linked cohort, for its instructors: per learner and assignment, the
// grade passback's status (pending, succeeded, failed, skipped), the grade computed and the score
// the platform accepted, how many attempts it took and the last error, with a retry button that
// publishes the learner's current grade again. Newest first, 50 at a time ("Show more" loads the
// next page), all or failed only. Nothing is shown for a cohort no LMS course links.
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

  // One table; its body is filled a page at a time.
  const tableElement = dataTable({
    ...table,
    caption: { text: 'Grades sent to the LMS', hidden: true },
    attrs: { class: 'stats-table' },
    rows: [],
  });
  const body = tableElement.querySelector('tbody') as HTMLTableSectionElement;
  const row = (sync: GradeSyncView, index: number) => dataTableRow(table, sync, index);
  const more = h('div', { class: 'grade-sync-more' });
  const notice = h('div', { 'aria-live': 'polite' });
  const failedOnly = h('input', { type: 'checkbox', id: `grade-sync-failed-${cohort.id}`, 'data-testid': 'grade-sync-failed-only' });
  // Each (re)load of the first page starts a generation; an older page arriving late is dropped.
  let generation = 0;

  const load = async (cursor?: string): Promise<void> => {
    const mine = cursor ? generation : ++generation;
    const status = failedOnly.checked ? 'failed' : undefined;
    try {
      const page = await cohortsApi.gradeSyncs(cohort.id, { status, cursor });
      if (mine !== generation) return;
      if (!cursor) replace(body);
      body.append(...page.syncs.map(row));
      if (!body.firstChild) {
        replace(body, h('tr', null, h('td', { colspan: '8', class: 'note' }, status ? 'No failed grade syncs.' : 'No grade syncs.')));
      }
      replace(notice);
      replace(more, page.nextCursor ? showMore(page.nextCursor) : null);
    } catch (error) {
      if (mine === generation) replace(notice, renderApiError(error, 'The grade sync log could not be loaded.'));
    }
  };
  const showMore = (cursor: string): HTMLElement => {
    const button = h('button', { type: 'button', class: 'secondary', 'data-testid': 'grade-sync-more' }, 'Show more');
    button.addEventListener('click', () => {
      button.disabled = true;
      void load(cursor).finally(() => (button.disabled = false));
    });
    return button;
  };
  failedOnly.addEventListener('change', () => void load());

  void cohortsApi.gradeSyncs(cohort.id).then(
    (page) => {
      // A cohort no LMS course links has no syncs: the panel stays empty.
      if (page.syncs.length === 0) return;
      body.append(...page.syncs.map(row));
      replace(more, page.nextCursor ? showMore(page.nextCursor) : null);
      replace(
        section,
        h('h2', null, 'Grades sent to the LMS'),
        h('p', { class: 'form-field' }, failedOnly, ' ', h('label', { for: failedOnly.id }, 'Failed only')),
        notice,
        tableElement,
        more,
      );
    },
    (error: unknown) => {
      replace(section, renderApiError(error, 'The grade sync log could not be loaded.'));
    },
  );
  return section;
}
