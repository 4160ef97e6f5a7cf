// The report of one submission: the verdict and score first, a run-level outcome (timeout,
// resource limit, syntax error...) when the run could not finish, then tests, diagnostics,
// variants (fix-tests labs) and the output.
import type { LabKind, Score, SubmissionReport, SubmissionView } from '../api/types';
import { dataTable } from '../data-table';
import { Child, formatTime, h } from '../dom';
import { DiagnosticListOptions, renderDiagnosticList } from './diagnostic-list';
import { groupDiagnostics } from './group-diagnostics';
import { runOutcomeText, scorePartName, verdictText } from './labels';

export interface ReportViewOptions extends DiagnosticListOptions {
  kind: LabKind;
}

export function renderReport(view: SubmissionView, options: ReportViewOptions): HTMLElement {
  const report = view.report;
  if (!report) return h('p', null, 'This submission has no report yet.');
  return h(
    'div',
    { class: 'report', 'data-testid': 'report', 'data-outcome': report.outcome },
    renderVerdict(report, view),
    report.runOutcome ? renderRunOutcome(report.runOutcome.kind, report.runOutcome.message, options) : null,
    report.score ? renderScore(report.score) : null,
    section('Tests', renderTests(report)),
    section(`Diagnostics (${groupDiagnostics(report.diagnostics).length})`, renderDiagnosticList(report.diagnostics, options)),
    options.kind === 'fix-tests' || report.variants.length > 0
      ? section('Broken versions your tests should catch', renderVariants(report))
      : null,
    renderOutput(report),
    h('p', { class: 'timings' }, timingLine(report, view)),
  );
}

function section(title: string, ...content: Child[]): HTMLElement {
  return h('section', { class: 'report-section' }, h('h3', null, title), ...content);
}

function renderVerdict(report: SubmissionReport, view: SubmissionView): HTMLElement {
  const icon = report.outcome === 'pass' ? '✓' : report.outcome === 'fail' ? '✗' : '!';
  return h(
    'div',
    { class: `verdict verdict-${report.outcome}`, 'data-testid': 'verdict' },
    h('p', { class: 'verdict-title' }, h('span', { 'aria-hidden': 'true', class: 'verdict-icon' }, icon), ' ', verdictText(report.outcome)),
    h('p', { class: 'verdict-summary' }, summaryLine(report)),
    h('p', { class: 'verdict-when' }, `Submitted ${formatTime(view.createdAt)}`),
  );
}

function summaryLine(report: SubmissionReport): string {
  const { counts, runOutcome, score } = report;
  if (runOutcome && counts.total === 0) return `No test ran: ${runOutcomeText(runOutcome.kind).title.toLowerCase()}.`;
  const bugs = groupDiagnostics(report.diagnostics);
  const errors = bugs.filter((g) => g.diagnostic.severity === 'error').length;
  return [
    `${counts.passed} of ${counts.total} tests passed`,
    counts.failed ? `, ${counts.failed} failed` : '',
    counts.error ? `, ${counts.error} errored` : '',
    counts.skipped ? `, ${counts.skipped} skipped` : '',
    `; ${bugs.length} diagnostic${bugs.length === 1 ? '' : 's'}`,
    errors ? ` (${errors} error${errors === 1 ? '' : 's'})` : '',
    score ? `. Score ${score.total} / 100.` : '.',
  ].join('');
}

function renderRunOutcome(kind: string, message: string, options: ReportViewOptions): HTMLElement {
  const text = runOutcomeText(kind);
  const where = lastLearnerFrame(message, options.canReveal);
  return h(
    'div',
    { class: 'run-outcome', 'data-testid': 'run-outcome', 'data-kind': kind },
    h('h3', null, text.title, ' ', h('code', null, kind)),
    text.explain ? h('p', null, text.explain) : null,
    message ? h('pre', { class: 'run-outcome-message', tabindex: 0 }, message) : null,
    where
      ? h(
          'p',
          null,
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              onclick: () => {
                options.reveal(where.file, where.line);
              },
            },
            `Go to ${where.file}, line ${where.line}`,
          ),
        )
      : null,
  );
}

/** The innermost `File "x.py", line N` of a traceback that names a file open in the editor. */
function lastLearnerFrame(message: string, isOpen: (file: string) => boolean): { file: string; line: number } | null {
  const frames = [...message.matchAll(/File "([^"]+)", line (\d+)/g)].map((m) => ({ file: m[1], line: Number(m[2]) }));
  return frames.reverse().find((frame) => isOpen(frame.file)) ?? null;
}

function renderScore(score: Score): HTMLElement {
  return section(
    `Score: ${score.total} / 100`,
    dataTable({
      caption: { text: 'How the score is made up', hidden: true },
      attrs: { class: 'score-table' },
      rows: score.parts,
      columns: [
        { header: 'Part', rowHeader: true, cell: (part) => scorePartName(part.name) },
        { header: 'Earned', cell: (part) => `${part.earned} / ${part.weight}` },
        { header: 'Detail', cell: (part) => part.detail },
      ],
    }),
  );
}

function renderTests(report: SubmissionReport): HTMLElement {
  if (report.tests.length === 0) return h('p', { class: 'empty-note' }, 'No test ran.');
  return h(
    'ul',
    { class: 'tests', 'data-testid': 'tests' },
    report.tests.map((test) =>
      h(
        'li',
        { class: `test test-${test.outcome}`, 'data-outcome': test.outcome },
        h('span', { class: `badge badge-test-${test.outcome}` }, test.outcome),
        ' ',
        h('code', null, test.id),
        h('span', { class: 'test-duration' }, ` ${Math.round(test.durationMs)} ms`),
        test.message ? h('pre', { class: 'test-message', tabindex: 0 }, test.message) : null,
      ),
    ),
  );
}

function renderVariants(report: SubmissionReport): HTMLElement {
  return dataTable({
    caption: { text: 'The broken versions and whether your tests caught each', hidden: true },
    attrs: { class: 'variants', 'data-testid': 'variants' },
    rows: report.variants,
    rowAttrs: (variant) => ({ class: variant.caught ? 'variant-caught' : 'variant-missed' }),
    empty: { note: 'No variant ran (the tests did not pass on the reference code first).' },
    columns: [
      { header: 'Broken version', rowHeader: true, cell: (variant) => h('code', null, variant.name) },
      { header: 'Caught?', cell: (variant) => (variant.caught ? '✓ caught' : '✗ let through') },
      { header: 'Your tests on it', cell: (v) => `${v.counts.failed + v.counts.error} of ${v.counts.total} failed` },
    ],
  });
}

function renderOutput(report: SubmissionReport): HTMLElement | null {
  const { stdoutTail, stderrTail, truncated } = report.output;
  if (!stdoutTail && !stderrTail) return null;
  return h(
    'details',
    { class: 'output' },
    h('summary', null, `Output of the run${truncated ? ' (cut to its end)' : ''}`),
    stdoutTail ? [h('h4', null, 'stdout'), h('pre', { tabindex: 0 }, stdoutTail)] : null,
    stderrTail ? [h('h4', null, 'stderr'), h('pre', { tabindex: 0 }, stderrTail)] : null,
  );
}

function timingLine(report: SubmissionReport, view: SubmissionView): string {
  const t = report.timings;
  const s = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);
  return `Waited ${s(t.queuedMs)}, tests ran ${s(t.pytestMs)}, ${s(t.totalMs)} in all. Submission ${view.id}.`;
}
