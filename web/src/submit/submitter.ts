// Sends the files, then follows the submission live until its report arrives. One submission
// at a time per page: a second Ctrl+Enter while one runs is ignored.
import { api } from '../api/client';
import { followSubmission } from '../api/live';
import type { Files, SubmissionView } from '../api/types';
import { StatusPanel } from './status-panel';
import { verdictText } from '../report/labels';

export interface SubmitterOptions {
  labId: string;
  learnerId: string;
  status: StatusPanel;
  files: () => Files;
  onStart: () => void;
  onRejected: (error: unknown) => void;
  onFinal: (view: SubmissionView) => void;
  onIdle: () => void;
}

export class Submitter {
  private stopFollowing: (() => void) | null = null;
  private busyNow = false;

  constructor(private readonly options: SubmitterOptions) {}

  get busy(): boolean {
    return this.busyNow;
  }

  async submit(): Promise<void> {
    if (this.busyNow) return;
    const { options } = this;
    this.busyNow = true;
    options.onStart();
    options.status.show({ phase: 'sending' });
    let id: string;
    try {
      id = (await api.submit(options.labId, options.files(), options.learnerId)).id;
    } catch (error) {
      options.status.show({ phase: 'idle' });
      this.finish();
      options.onRejected(error);
      return;
    }
    options.status.show({ phase: 'queued', position: null });
    this.follow(id);
  }

  /** Follows a submission made earlier (the page was reloaded while it ran). */
  follow(id: string): void {
    const { options } = this;
    this.busyNow = true;
    this.stopFollowing?.();
    this.stopFollowing = followSubmission(id, {
      status: (event) => {
        if (event.status === 'queued' || event.status === 'running') options.status.show({ phase: event.status, position: event.position });
      },
      final: (view) => {
        const outcome = view.report?.outcome ?? null;
        options.status.show(
          view.status === 'error'
            ? { phase: 'error', detail: view.report?.runOutcome?.message }
            : {
                phase: 'completed',
                detail: `${verdictText(outcome)}${view.report?.score ? `, score ${view.report.score.total} / 100` : ''}`,
              },
        );
        this.finish();
        options.onFinal(view);
      },
      problem: (message, gaveUp) => {
        if (!gaveUp) return; // the browser reconnects by itself and the server resends the state
        options.status.show({ phase: 'failed', detail: message });
        this.finish();
      },
    });
  }

  stop(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.busyNow = false;
  }

  private finish(): void {
    this.stopFollowing = null;
    this.busyNow = false;
    this.options.onIdle();
  }
}
