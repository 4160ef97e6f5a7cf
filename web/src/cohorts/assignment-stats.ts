// Per assignment: how many passed, the median attempts and time to pass, and the diagnostics the
// cohort hit most on it (each code linked to its chapter).
import type { AssignmentView, CohortDashboard } from '../api/types';
import { dataTable } from '../data-table';
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
  return dataTable({
    caption: 'Per assignment',
    attrs: { class: 'stats-table', 'data-testid': 'assignment-stats' },
    rows: dashboard.stats,
    rowAttrs: (s) => ({ 'data-lab': s.labId }),
    columns: [
      { header: 'Assignment', rowHeader: true, cell: (s) => titleOf.get(s.assignmentId) ?? s.labId },
      { header: 'Completion', cell: (s) => `${Math.round(s.completionRate * 100)} %` },
      { header: 'Median attempts to pass', cell: (s) => (s.medianAttemptsToPass === null ? '–' : String(s.medianAttemptsToPass)) },
      { header: 'Median time to pass', cell: (s) => formatDuration(s.medianMsToPass) },
      {
        header: 'Diagnostics hit most',
        cell: (s) =>
          s.topDiagnostics.length
            ? h(
                'ul',
                { class: 'inline-list' },
                s.topDiagnostics.map((d) => h('li', null, codeLink(d.code), ` ${d.attempts} attempts, ${d.learners} learners`)),
              )
            : 'none',
      },
    ],
  });
}
