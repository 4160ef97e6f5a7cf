// A lab (or the playground): instructions, the editor with a tab per file, submit, the live
// status, the report with its diagnostics inline in the editor, and the history of attempts.
import { api } from '../api/client';
import type { Files, LabDetail, SubmissionView } from '../api/types';
import { h, replace } from '../dom';
import { HistoryPanel } from '../history/history-panel';
import { inline, renderMarkdown } from '../markdown';
import { renderReport } from '../report/report-view';
import { chapterTitle } from '../report/labels';
import { discardDraft, loadDraft, saveDraft } from '../store/drafts';
import { learnerId } from '../store/learner';
import { renderApiError } from '../submit/error-box';
import { StatusPanel } from '../submit/status-panel';
import { Submitter } from '../submit/submitter';
import { Workspace } from '../workspace/workspace';
import { isPlayground, learnerFiles, sameFiles, workspaceFiles } from './lab-files';
import { playgroundControls } from './playground-files';

const DRAFT_SAVE_DELAY_MS = 400;

export async function labPage(main: HTMLElement, labId: string, reload: () => void): Promise<() => void> {
  let lab: LabDetail;
  try {
    lab = await api.lab(labId);
  } catch (error) {
    replace(
      main,
      h('h1', null, 'Lab not available'),
      renderApiError(error, `The lab “${labId}” could not be loaded.`),
      h('p', null, h('a', { href: '/' }, 'Back to all labs')),
    );
    return () => undefined;
  }
  document.title = `${lab.title} · asynclab`;
  const playground = isPlayground(lab);
  const learner = learnerId();

  // Drafts: saved shortly after each change and when the page is hidden, so a reload keeps them.
  let saveTimer: number | undefined;
  let draftDiscarded = false; // after "Reset to starter", leaving the page must not save it again
  const saveNow = () => {
    window.clearTimeout(saveTimer);
    saveTimer = undefined;
    if (!draftDiscarded) saveDraft(lab.id, lab.version, workspace.editableContents());
  };
  const scheduleSave = () => {
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(saveNow, DRAFT_SAVE_DELAY_MS);
  };

  const draft = loadDraft(lab.id);
  const workspace: Workspace = new Workspace(workspaceFiles(lab, learnerFiles(lab, draft)), {
    onChange: scheduleSave,
    onSubmit: () => void submitter.submit(),
  });
  const status = new StatusPanel();
  const errorArea = h('div', { class: 'error-area' });
  const reportArea = h(
    'div',
    { class: 'report-area', 'data-testid': 'report-area' },
    h('p', { class: 'empty-note' }, 'Submit your code to run the tests. The report appears here.'),
  );
  const submitButton = h(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'submit', onclick: () => void submitter.submit() },
    'Submit (Ctrl+Enter)',
  );

  const showReport = (view: SubmissionView, showInline: boolean) => {
    replace(
      reportArea,
      renderReport(view, {
        kind: lab.kind,
        canReveal: (file) => workspace.hasFile(file),
        reveal: (file, line) => {
          workspace.reveal(file, line);
        },
      }),
    );
    workspace.showDiagnostics(showInline && view.report ? view.report.diagnostics : []);
  };

  const submitter = new Submitter({
    labId: lab.id,
    learnerId: learner,
    status,
    files: () => {
      saveNow();
      return workspace.editableContents();
    },
    onStart: () => {
      replace(errorArea);
      replace(reportArea, h('p', { class: 'empty-note' }, 'The report of this submission appears here when it is ready.'));
      // aria-disabled, not disabled: a disabled button drops the keyboard focus to the page.
      submitButton.setAttribute('aria-disabled', 'true');
      workspace.clearDiagnostics();
    },
    onRejected: (error) => {
      replace(errorArea, renderApiError(error, 'The submission was not accepted.'));
      errorArea.scrollIntoView({ block: 'nearest' });
    },
    onFinal: (view) => {
      showReport(view, true);
      void history.refresh();
    },
    onIdle: () => {
      submitButton.removeAttribute('aria-disabled');
    },
  });

  const history = new HistoryPanel({
    labId: lab.id,
    learnerId: learner,
    onOpen: (view) => {
      openAttempt(view);
    },
  });

  /** Brings an earlier attempt back: its files into the editor and its report beside them. */
  const openAttempt = (view: SubmissionView) => {
    const current = workspace.editableContents();
    if (!sameFiles(current, view.files) && !window.confirm('Replace the code in the editor with the files of that attempt?')) return;
    if (playground) workspace.load(workspaceFiles(lab, view.files));
    else workspace.setContents(view.files);
    saveNow();
    showReport(view, true);
    reportArea.scrollIntoView({ block: 'start' });
  };

  const reset = () => {
    if (!window.confirm('Discard your changes and start again from the starter files?')) return;
    draftDiscarded = true;
    window.clearTimeout(saveTimer);
    discardDraft(lab.id);
    reload();
  };

  // Ctrl/Cmd+Enter anywhere on the page (the editor has its own binding, which comes first).
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      void submitter.submit();
    }
  };
  document.addEventListener('keydown', onKey);
  window.addEventListener('pagehide', saveNow);

  replace(
    main,
    h(
      'nav',
      { 'aria-label': 'Breadcrumb', class: 'breadcrumb' },
      h('a', { href: '/' }, 'All labs'),
      ' / ',
      h('span', { 'aria-current': 'page' }, lab.title),
    ),
    h('h1', null, lab.title),
    playground ? null : labFacts(lab),
    h(
      'div',
      { class: 'lab-layout' },
      h(
        'section',
        { class: 'instructions', 'aria-labelledby': 'instructions-heading' },
        h('h2', { id: 'instructions-heading' }, playground ? 'About the playground' : 'Instructions'),
        instructions(lab),
      ),
      h(
        'section',
        { class: 'code', 'aria-labelledby': 'code-heading' },
        h('h2', { id: 'code-heading' }, 'Your code'),
        playground ? playgroundControls(workspace) : null,
        draft && draft.labVersion !== lab.version && !playground
          ? h(
              'p',
              { class: 'note', role: 'note' },
              'This lab has changed since you saved your draft. Your draft is loaded; “Reset to starter” gives you the new starter files.',
            )
          : null,
        workspace.element,
        h(
          'div',
          { class: 'toolbar' },
          submitButton,
          h('button', { type: 'button', class: 'secondary', onclick: reset }, 'Reset to starter'),
        ),
        errorArea,
        status.element,
      ),
    ),
    h('section', { class: 'result', 'aria-labelledby': 'result-heading' }, h('h2', { id: 'result-heading' }, 'Result'), reportArea),
    h(
      'section',
      { class: 'attempts', 'aria-labelledby': 'history-heading' },
      h('h2', { id: 'history-heading' }, 'Your attempts'),
      history.element,
    ),
  );

  void resumeLatest(history, workspace, submitter, showReport);

  return () => {
    saveNow();
    submitter.stop();
    document.removeEventListener('keydown', onKey);
    window.removeEventListener('pagehide', saveNow);
    workspace.destroy();
  };
}

/**
 * After a reload: follow the newest attempt if it still runs, or show its report, inline too when
 * the editor holds exactly the files it was made from.
 */
async function resumeLatest(
  history: HistoryPanel,
  workspace: Workspace,
  submitter: Submitter,
  showReport: (view: SubmissionView, showInline: boolean) => void,
): Promise<void> {
  const latest = await history.refresh().then(() => history.latest());
  if (!latest) return;
  if (latest.status === 'queued' || latest.status === 'running') {
    submitter.follow(latest.id);
    return;
  }
  try {
    const view = await api.submission(latest.id);
    const files: Files = workspace.editableContents();
    if (!submitter.busy) showReport(view, sameFiles(files, view.files));
  } catch {
    // The history already shows the attempt; its report is one click away.
  }
}

function labFacts(lab: LabDetail): HTMLElement {
  return h(
    'div',
    { class: 'lab-facts' },
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Book'),
      h('dd', null, chapterTitle(lab.chapter)),
      h('dt', null, 'Difficulty'),
      h('dd', null, lab.difficulty),
      h('dt', null, 'Task'),
      h('dd', null, lab.kind === 'fix-tests' ? 'Fix the tests' : 'Fix the code'),
      h('dt', null, 'Time limit'),
      h('dd', null, `${lab.timeLimitSec} s per run`),
    ),
    lab.objectives.length
      ? h(
          'div',
          { class: 'objectives' },
          h('h2', { class: 'objectives-heading' }, 'You will learn to'),
          h(
            'ul',
            null,
            lab.objectives.map((o) => h('li', null, ...inline(o))),
          ),
        )
      : null,
  );
}

/** The README without its first "# Title" line, which the page shows as its h1 already. */
function instructions(lab: LabDetail): Node {
  const text = lab.instructions.replace(/^\s*#\s+[^\n]*\n/, '');
  if (!text.trim()) {
    return h(
      'p',
      null,
      'Write Python modules and pytest tests (async tests need @pytest.mark.asyncio), then submit to run them in the sandbox.',
    );
  }
  return h('div', { class: 'markdown' }, renderMarkdown(text));
}
