// Status changes of submissions: published on Redis pub/sub by whoever changes a status, pushed to
// browsers by the API as Server-Sent Events. Channel and event names are contracts between
// processes and with the page (web/src/api/live.ts): add new ones, never rename.
import { isSubmissionStatus, type SubmissionStatus } from './submission-status';

export const SUBMISSION_EVENTS_CHANNEL = 'asynclab:submission-events';

/** One message on SUBMISSION_EVENTS_CHANNEL. */
export interface SubmissionEvent {
  submissionId: string;
  status: SubmissionStatus;
  at: string;
}

export function parseSubmissionEvent(message: string): SubmissionEvent | null {
  try {
    // Anything may arrive on the channel: every field is checked before it is trusted.
    const event = JSON.parse(message) as Partial<Record<keyof SubmissionEvent, unknown>>;
    if (typeof event.submissionId !== 'string' || !isSubmissionStatus(event.status)) return null;
    return { submissionId: event.submissionId, status: event.status, at: typeof event.at === 'string' ? event.at : '' };
  } catch {
    return null;
  }
}

/** SSE event names of GET /submissions/:id/events. */
export const LiveEventName = { Status: 'status', Final: 'final' } as const;

/** The data of a `status` event. */
export interface StatusEventData {
  id: string;
  status: SubmissionStatus;
  /** While queued: 1-based place among the waiting jobs; null when not known or not waiting. */
  position: number | null;
  at: string;
}
