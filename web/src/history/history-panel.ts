// The learner's attempts at this lab, newest first: verdict and score, a button to bring an
// attempt back into the editor with its report, and a diff between any two attempts.
import { api } from '../api/client';
import type { HistoryEntry, SubmissionView } from '../api/types';
import { dataTable } from '../data-table';
import { formatTime, h, replace, uid } from '../dom';
import { verdictText } from '../report/labels';
import { renderApiError } from '../submit/error-box';
import { renderFilesDiff } from './line-diff';

export interface HistoryOptions {
  labId: string;
  /** Loads an attempt's files and report into the page. */
  onOpen: (view: SubmissionView) => void;
  /** Whose attempts: the learner's own by default; an instructor's read-only view passes another user's. */
  load?: () => Promise<HistoryEntry[]>;
  /** What the open button does, for its label: "in the editor" or "read-only". */
  openWhere?: string;
}

export class HistoryPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly diffArea: HTMLElement;
  private entries: HistoryEntry[] = [];

  constructor(private readonly options: HistoryOptions) {
    this.body = h('div', { class: 'history-body' });
    this.diffArea = h('div', { class: 'history-diff', 'aria-live': 'polite' });
    this.element = h('div', { class: 'history', 'data-testid': 'history' }, this.body, this.diffArea);
  }

  /** The newest attempt, after a refresh. */
  latest(): HistoryEntry | null {
    return this.entries[0] ?? null;
  }

  async refresh(): Promise<void> {
    try {
      this.entries = await (this.options.load ?? (() => api.history(this.options.labId)))();
    } catch (error) {
      replace(this.body, renderApiError(error, 'Your earlier attempts could not be loaded.'));
      return;
    }
    this.render();
  }

  private render(): void {
    const count = this.entries.length;
    const number = (index: number) => count - index; // newest first, numbered from the oldest
    const table = dataTable({
      caption: { text: 'Your attempts at this lab, newest first', hidden: true },
      attrs: { class: 'history-table' },
      rows: this.entries,
      rowAttrs: (entry) => ({ 'data-outcome': entry.outcome ?? entry.status }),
      empty: { note: 'No attempts yet. Your submissions will be listed here.' },
      columns: [
        { header: 'Attempt', rowHeader: true, cell: (_entry, index) => `#${number(index)}` },
        { header: 'Submitted', cell: (entry) => formatTime(entry.createdAt) },
        {
          header: 'Verdict',
          cell: (entry) => (entry.outcome ? verdictText(entry.outcome) : entry.status === 'error' ? 'Could not run' : `${entry.status}…`),
        },
        { header: 'Score', cell: (entry) => (entry.score === null ? '–' : `${entry.score} / 100`) },
        {
          header: '',
          hiddenHeader: 'Open',
          cell: (entry, index) =>
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: () => void this.open(entry.id),
                'aria-label': `Open attempt #${number(index)} ${this.options.openWhere ?? 'in the editor'}`,
              },
              'Open',
            ),
        },
      ],
    });
    replace(this.body, table, count >= 2 ? this.compareForm(number) : null);
  }

  private compareForm(number: (index: number) => number): HTMLElement {
    const option = (entry: HistoryEntry, index: number, selected: boolean) =>
      h(
        'option',
        { value: entry.id, selected },
        `#${number(index)} · ${formatTime(entry.createdAt)} · ${entry.outcome ? verdictText(entry.outcome) : entry.status}`,
      );
    const fromId = uid('diff-from');
    const toId = uid('diff-to');
    const from = h(
      'select',
      { id: fromId },
      this.entries.map((e, i) => option(e, i, i === 1)),
    );
    const to = h(
      'select',
      { id: toId },
      this.entries.map((e, i) => option(e, i, i === 0)),
    );
    return h(
      'form',
      {
        class: 'compare-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          void this.showDiff(from.value, to.value);
        },
      },
      h('h3', null, 'Compare two attempts'),
      h('div', { class: 'field' }, h('label', { for: fromId }, 'From attempt'), from),
      h('div', { class: 'field' }, h('label', { for: toId }, 'To attempt'), to),
      h('button', { type: 'submit' }, 'Show changes'),
    );
  }

  private async showDiff(fromId: string, toId: string): Promise<void> {
    replace(this.diffArea, h('p', null, 'Loading the two attempts…'));
    try {
      const [before, after] = await Promise.all([api.submission(fromId), api.submission(toId)]);
      replace(this.diffArea, renderFilesDiff(before.files, after.files, this.label(fromId), this.label(toId)));
    } catch (error) {
      replace(this.diffArea, renderApiError(error, 'The attempts could not be loaded.'));
    }
  }

  private label(id: string): string {
    const index = this.entries.findIndex((entry) => entry.id === id);
    return `attempt #${this.entries.length - index}`;
  }

  private async open(id: string): Promise<void> {
    try {
      this.options.onOpen(await api.submission(id));
    } catch (error) {
      replace(this.diffArea, renderApiError(error, 'That attempt could not be loaded.'));
    }
  }
}
