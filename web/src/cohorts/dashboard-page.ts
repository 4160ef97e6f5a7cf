// /cohorts/<id>: the instructor's dashboard. The join link and code, the matrix (a cell opens the
// learner's attempts), the per-assignment figures, the bug analytics, the CSV export, and the
// forms that set work. A learner who opens it sees only their own row.
import type { Me } from '../api/types';
import { cohortsApi } from '../api/cohorts-client';
import { formatTime, h, replace } from '../dom';
import { renderApiError } from '../submit/error-box';
import { renderAnalytics } from './analytics-view';
import { renderAssignmentStats } from './assignment-stats';
import { showAttempts } from './attempts-panel';
import { addMemberForm, assignForm, extendForm } from './cohort-forms';
import { MatrixTable } from './matrix-table';
import { gradeSyncPanel } from './grade-sync-panel';
import { rosterPanel } from './roster-panel';
import { regradePanel } from './regrade-panel';

const POLICY_TEXT = { accept: 'late work accepted', penalty: 'late work loses points per day', lock: 'locked after the due date' };

export async function dashboardPage(main: HTMLElement, cohortId: string, me: Me | null): Promise<() => void> {
  const staff = me !== null && !me.isGuest && (me.role === 'instructor' || me.role === 'admin');
  let destroy: () => void = () => undefined;
  const load = async (): Promise<void> => {
    destroy();
    let dashboard, analytics;
    try {
      [dashboard, analytics] = await Promise.all([
        cohortsApi.dashboard(cohortId),
        staff ? cohortsApi.analytics(cohortId) : Promise.resolve(null),
      ]);
    } catch (error) {
      replace(main, h('h1', null, 'Cohort'), renderApiError(error, 'This cohort could not be loaded.'));
      return;
    }
    const { cohort, rows } = dashboard;
    document.title = `${cohort.name} · asynclab`;
    const titleOf = (labId: string) => cohort.assignments.find((a) => a.labId === labId)?.labTitle ?? labId;
    const attempts = h('div', { class: 'attempts-area' });
    const matrix = new MatrixTable(rows, cohort.assignments, {
      onOpenCell: (row, cell, assignment) => void showAttempts(attempts, row, cell, assignment),
      stuck: analytics ? new Map(analytics.stuck.map((s) => [`${s.userId}/${s.assignmentId}`, s.code])) : undefined,
    });
    const bugs = analytics ? renderAnalytics(analytics, rows, titleOf) : null;
    const regrades = staff ? regradePanel(cohort, () => void load()) : null;
    const nameOf = new Map(rows.map((r) => [r.learner.userId, r.learner.displayName ?? r.learner.email ?? r.learner.userId]));
    const gradeSyncs = staff ? gradeSyncPanel(cohort, nameOf) : null;
    const roster = staff ? rosterPanel(cohort) : null;
    destroy = () => {
      bugs?.destroy();
      regrades?.stop();
    };
    const joinUrl = `${window.location.origin}${cohort.joinPath}`;
    replace(
      main,
      h('h1', null, cohort.name),
      staff
        ? h(
            'p',
            { class: 'lead', 'data-testid': 'join-info' },
            'Invite learners with the link ',
            h('a', { href: cohort.joinPath, 'data-testid': 'join-link' }, joinUrl),
            ' or the code ',
            h('strong', { class: 'join-code' }, cohort.joinCode),
            '. ',
            h(
              'a',
              { href: cohortsApi.csvUrl(cohort.id), download: 'cohort-matrix.csv', 'data-testid': 'csv-link' },
              'Download the matrix as CSV',
            ),
          )
        : null,
      h(
        'ul',
        { class: 'assignment-list' },
        cohort.assignments.map((a) =>
          h(
            'li',
            null,
            h('strong', null, a.labTitle),
            ` · opens ${formatTime(a.opensAt)} · due ${formatTime(a.dueAt)} · ${POLICY_TEXT[a.latePolicy]}${a.latePolicy === 'penalty' ? ` (${a.latePenaltyPerDay}/day)` : ''}`,
          ),
        ),
      ),
      regrades?.element ?? null,
      h('h2', null, staff ? 'Learners and assignments' : 'Your standing'),
      rows.length ? matrix.element : h('p', { class: 'empty-note' }, 'No learner has joined yet.'),
      attempts,
      staff && dashboard.stats.length ? renderAssignmentStats(dashboard, cohort.assignments) : null,
      bugs?.element ?? null,
      roster,
      gradeSyncs,
      staff
        ? h(
            'section',
            { class: 'cohort-forms', 'aria-label': 'Set work' },
            h('h2', null, 'Set work'),
            await assignForm(cohort, () => void load()),
            addMemberForm(cohort, () => void load()),
            rows.length && cohort.assignments.length ? extendForm(cohort, rows, () => void load()) : null,
          )
        : null,
    );
  };
  await load();
  return () => {
    destroy();
  };
}
