// One matrix cell opened: that learner's attempts at that lab, read-only. The attempt list and
// the diff between two attempts are the lab page's own history panel; an opened attempt shows
// its code and the same report view a learner sees.
import { api } from '../api/client';
import type { AssignmentView, MatrixCell, MatrixRow, SubmissionView } from '../api/types';
import { formatTime, h, replace } from '../dom';
import { HistoryPanel } from '../history/history-panel';
import { renderReport } from '../report/report-view';
import { learnerName } from './matrix-table';

export async function showAttempts(area: HTMLElement, row: MatrixRow, cell: MatrixCell, assignment: AssignmentView): Promise<void> {
  const opened = h('div', { class: 'attempt-opened', 'aria-live': 'polite' });
  const history = new HistoryPanel({
    labId: cell.labId,
    load: () => api.historyOf(row.learner.userId, cell.labId),
    openWhere: 'read-only',
    onOpen: (view) => {
      replace(opened, renderAttempt(view));
    },
  });
  replace(
    area,
    h(
      'section',
      { class: 'attempts-panel', 'data-testid': 'attempts-panel', 'aria-labelledby': 'attempts-heading' },
      h('h2', { id: 'attempts-heading', tabindex: '-1' }, `${learnerName(row)} · ${assignment.labTitle}`),
      h(
        'p',
        { class: 'note' },
        `Due ${formatTime(cell.dueAt)}${cell.extended ? ' (extended)' : ''} · ${cell.attempts} counted attempt${cell.attempts === 1 ? '' : 's'}`,
        cell.passed ? ` · passed in ${cell.attemptsToPass ?? '?'}` : ' · not passed',
        cell.late ? ' · late' : '',
      ),
      history.element,
      opened,
    ),
  );
  await history.refresh();
  area.querySelector<HTMLElement>('#attempts-heading')?.focus();
}

function renderAttempt(view: SubmissionView): HTMLElement {
  return h(
    'div',
    { class: 'attempt-readonly', 'data-testid': 'attempt-readonly' },
    h('h3', null, `Attempt of ${formatTime(view.createdAt)}`),
    Object.entries(view.files).map(([name, text]) => h('details', { open: true }, h('summary', null, name), h('pre', null, text))),
    renderReport(view, { kind: 'fix-code', canReveal: () => false, reveal: () => undefined }),
  );
}
