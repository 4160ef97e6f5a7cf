// Per assignment: how many passed, the median attempts and time to pass, and the diagnostics the
// cohort hit most on it (each code linked to its chapter).
import type { AssignmentView, CohortDashboard } from '../api/types';
import { h } from '../dom';
import { codeLink } from './code-link';

export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days`;
}

export function renderAssignmentStats(dashboard: CohortDashboard, assignments: AssignmentView[]): HTMLElement {
  const titleOf = new Map(assignments.map((a) => [a.id, a.labTitle]));
  return h(
    'table',
    { class: 'stats-table', 'data-testid': 'assignment-stats' },
    h('caption', null, 'Per assignment'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Assignment', 'Completion', 'Median attempts to pass', 'Median time to pass', 'Diagnostics hit most'].map((t) =>
          h('th', { scope: 'col' }, t),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      dashboard.stats.map((s) =>
        h(
          'tr',
          { 'data-lab': s.labId },
          h('th', { scope: 'row' }, titleOf.get(s.assignmentId) ?? s.labId),
          h('td', null, `${Math.round(s.completionRate * 100)} %`),
          h('td', null, s.medianAttemptsToPass === null ? '–' : String(s.medianAttemptsToPass)),
          h('td', null, formatDuration(s.medianMsToPass)),
          h(
            'td',
            null,
            s.topDiagnostics.length
              ? h(
                  'ul',
                  { class: 'inline-list' },
                  s.topDiagnostics.map((d) => h('li', null, codeLink(d.code), ` ${d.attempts} attempts, ${d.learners} learners`)),
                )
              : 'none',
          ),
        ),
      ),
    ),
  );
}
