// The catalog's first section for a learner in a cohort: their assignments, soonest due first,
// with their own due date (after an extension) and where they stand.
import type { MyAssignment } from '../api/types';
import { formatTime, h } from '../dom';

const STATUS_TEXT: Record<MyAssignment['status'], string> = {
  'not-started': 'Not started',
  attempted: 'Attempted',
  passed: '✓ Passed',
  overdue: 'Overdue: late work still counts',
  locked: 'Closed: the due date has passed',
  upcoming: 'Opens later',
};

export function renderMyAssignments(assignments: MyAssignment[]): HTMLElement | null {
  if (assignments.length === 0) return null;
  return h(
    'section',
    { class: 'chapter my-assignments', 'aria-labelledby': 'assignments-heading', 'data-testid': 'my-assignments' },
    h('h2', { id: 'assignments-heading' }, 'Your assignments'),
    h(
      'ul',
      { class: 'lab-cards' },
      assignments.map((a) =>
        h(
          'li',
          null,
          h(
            'article',
            { class: `lab-card assignment status-${a.status}`, 'data-lab': a.labId, 'data-status': a.status },
            h('h3', null, h('a', { href: `/labs/${encodeURIComponent(a.labId)}` }, a.labTitle)),
            h('p', { class: 'lab-meta' }, h('span', { class: 'badge badge-kind' }, a.cohortName)),
            h('p', null, h('strong', null, 'Due '), formatTime(a.myDueAt), a.myDueAt !== a.dueAt ? ' (extended for you)' : ''),
            h(
              'p',
              { class: 'assignment-status' },
              STATUS_TEXT[a.status],
              a.attempts ? ` · ${a.attempts} attempt${a.attempts === 1 ? '' : 's'}` : '',
              a.bestScore !== null ? ` · best ${a.bestScore} / 100` : '',
            ),
            a.latePolicy === 'penalty' ? h('p', { class: 'note' }, `Late work loses ${a.latePenaltyPerDay} points a day.`) : null,
          ),
        ),
      ),
    ),
  );
}
