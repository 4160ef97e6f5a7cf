// The live status of the running submission: sent -> queued (with the place in line) -> running
// -> report. The sentence is a polite live region, so a screen reader hears each step.
import { h, replace } from '../dom';

export type Phase = 'idle' | 'sending' | 'queued' | 'running' | 'completed' | 'error' | 'failed';

export interface StatusState {
  phase: Phase;
  position?: number | null;
  /** For 'completed': the verdict in words; for 'failed': what went wrong. */
  detail?: string;
}

const STEPS: Array<{ phase: Phase; label: string }> = [
  { phase: 'queued', label: 'Queued' },
  { phase: 'running', label: 'Running' },
  { phase: 'completed', label: 'Report' },
];

export class StatusPanel {
  readonly element: HTMLElement;
  private readonly steps: HTMLOListElement;
  private readonly sentence: HTMLElement;

  constructor() {
    this.steps = h('ol', { class: 'status-steps' });
    this.sentence = h('p', { class: 'status-sentence', role: 'status', 'aria-live': 'polite', 'data-testid': 'status-text' });
    this.element = h('div', { class: 'status-panel', 'data-testid': 'status', 'data-status': 'idle' }, this.steps, this.sentence);
    this.show({ phase: 'idle' });
  }

  show(state: StatusState): void {
    this.element.dataset.status = state.phase;
    this.element.hidden = state.phase === 'idle';
    // At the end every step is done; before it, the current one is highlighted.
    const finished = state.phase === 'completed' || state.phase === 'error';
    const reached = finished ? STEPS.length : STEPS.findIndex((step) => step.phase === state.phase);
    replace(
      this.steps,
      STEPS.map((step, index) =>
        h(
          'li',
          { class: index < reached ? 'done' : index === reached ? 'current' : 'todo', 'aria-current': index === reached ? 'step' : null },
          step.label,
        ),
      ),
    );
    this.sentence.textContent = sentence(state);
  }
}

function sentence(state: StatusState): string {
  switch (state.phase) {
    case 'idle':
      return '';
    case 'sending':
      return 'Sending your files…';
    case 'queued':
      return typeof state.position === 'number'
        ? `Queued: ${ordinal(state.position)} in line. It starts when a sandbox is free.`
        : 'Queued: waiting for a free sandbox.';
    case 'running':
      return 'Running your tests in the sandbox…';
    case 'completed':
      return `Finished: ${state.detail ?? 'the report is below'}.`;
    case 'error':
      return `The service could not run this submission${state.detail ? `: ${state.detail}` : ''}.`;
    case 'failed':
      return state.detail ?? 'The submission failed.';
  }
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}
