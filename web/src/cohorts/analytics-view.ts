// The bug analytics: the cohort's diagnostic codes per day (a Chart.js line chart, bundled by
// esbuild), the learners who are stuck, and per learner the codes they hit and whether they
// stopped. Every code links to the chapter that teaches it.
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { CohortAnalytics, DiagnosticCode, MatrixRow } from '../api/types';
import { dataTable } from '../data-table';
import { formatTime, h } from '../dom';
import { codeLink } from './code-link';
import { learnerName } from './matrix-table';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

// Distinguishable in print and for common colour-vision differences (Okabe-Ito).
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

export function renderAnalytics(
  analytics: CohortAnalytics,
  rows: MatrixRow[],
  labTitle: (labId: string) => string,
): { element: HTMLElement; destroy: () => void } {
  const nameOf = new Map(rows.map((row) => [row.learner.userId, learnerName(row)]));
  const canvas = h('canvas', { id: 'codes-chart', role: 'img', 'aria-label': 'Diagnostic codes per day' });
  const chart = analytics.codesOverTime.length ? drawChart(canvas, analytics) : null;
  const element = h(
    'section',
    { class: 'analytics', 'aria-labelledby': 'analytics-heading', 'data-testid': 'analytics' },
    h('h2', { id: 'analytics-heading' }, 'The bugs this cohort keeps writing'),
    h('h3', null, 'Diagnostic codes per day'),
    chart ? h('div', { class: 'chart-box' }, canvas) : h('p', { class: 'empty-note' }, 'No diagnostics yet.'),
    chart ? codeTotals(analytics) : null,
    h('h3', null, 'Learners who are stuck'),
    h(
      'p',
      { class: 'note' },
      `Not passed after ${analytics.stuckRule.minAttempts} or more attempts, with the same code in each of the last ${analytics.stuckRule.repeatedInLast}.`,
    ),
    analytics.stuck.length
      ? h(
          'ul',
          { class: 'stuck-list', 'data-testid': 'stuck' },
          analytics.stuck.map((s) =>
            h(
              'li',
              null,
              h('strong', null, nameOf.get(s.userId) ?? s.userId),
              ` on ${labTitle(s.labId)}: ${s.attempts} attempts, `,
              codeLink(s.code),
              ` every time · last ${formatTime(s.lastActivityAt)}`,
            ),
          ),
        )
      : h('p', { class: 'empty-note' }, 'Nobody is stuck.'),
    h('h3', null, 'Per learner: the codes they hit, and whether they stopped'),
    learnerCodes(analytics, nameOf),
  );
  return { element, destroy: () => chart?.destroy() };
}

function drawChart(canvas: HTMLCanvasElement, analytics: CohortAnalytics): Chart {
  const days = [...new Set(analytics.codesOverTime.map((d) => d.day))].sort();
  const codes = [...new Set(analytics.codesOverTime.map((d) => d.code))].sort();
  const count = new Map(analytics.codesOverTime.map((d) => [`${d.day}/${d.code}`, d.attempts]));
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: days,
      datasets: codes.map((code, i) => ({
        label: code,
        data: days.map((day) => count.get(`${day}/${code}`) ?? 0),
        borderColor: PALETTE[i % PALETTE.length],
        backgroundColor: PALETTE[i % PALETTE.length],
        tension: 0.2,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, title: { display: true, text: 'attempts' }, ticks: { precision: 0 } } },
    },
  });
}

/** The chart's numbers as text, for screen readers and for reading exact figures. */
function codeTotals(analytics: CohortAnalytics): HTMLElement {
  const totals = new Map<DiagnosticCode, number>();
  for (const d of analytics.codesOverTime) totals.set(d.code, (totals.get(d.code) ?? 0) + d.attempts);
  return h(
    'ul',
    { class: 'inline-list code-totals', 'data-testid': 'code-totals' },
    [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => h('li', null, codeLink(code), ` ${n}`)),
  );
}

function learnerCodes(analytics: CohortAnalytics, nameOf: Map<string, string>): HTMLElement {
  const byLearner = new Map<string, CohortAnalytics['learnerCodes']>();
  for (const c of analytics.learnerCodes) byLearner.set(c.userId, [...(byLearner.get(c.userId) ?? []), c]);
  return dataTable({
    caption: { text: 'Per learner: the codes they hit, and whether they stopped', hidden: true },
    attrs: { class: 'stats-table', 'data-testid': 'learner-codes' },
    rows: [...byLearner.entries()],
    rowAttrs: ([userId]) => ({ 'data-user': userId }),
    empty: { note: 'No learner has hit a diagnostic yet.' },
    columns: [
      { header: 'Learner', rowHeader: true, cell: ([userId]) => nameOf.get(userId) ?? userId },
      { header: 'Still hitting', cell: ([, codes]) => codeChips(codes.filter((c) => !c.fixed)) },
      { header: 'Stopped (fixed)', cell: ([, codes]) => codeChips(codes.filter((c) => c.fixed)) },
    ],
  });
}

/** Each code with its attempts and the first and last time it was seen. */
function codeChips(codes: CohortAnalytics['learnerCodes']): HTMLElement | string {
  if (codes.length === 0) return '–';
  return h(
    'ul',
    { class: 'inline-list' },
    codes.map((c) =>
      h(
        'li',
        {
          'data-code': c.code,
          'data-fixed': String(c.fixed),
          title: `first seen ${formatTime(c.firstSeenAt)}, last seen ${formatTime(c.lastSeenAt)}`,
        },
        codeLink(c.code),
        ` ×${c.attempts} · ${shortDate(c.firstSeenAt)} → ${shortDate(c.lastSeenAt)}`,
      ),
    ),
  );
}

const shortDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
