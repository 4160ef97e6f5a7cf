// Status changes of submissions, published on Redis pub/sub by whoever changes the status, so
// the API can push them to browsers (Server-Sent Events) instead of anyone polling.
// The channel name is a contract between processes: add a new one, never rename.
export const SUBMISSION_EVENTS_CHANNEL = 'asynclab:submission-events';

export type SubmissionEventStatus = 'queued' | 'running' | 'completed' | 'error';

export interface SubmissionEvent {
  submissionId: string;
  status: SubmissionEventStatus;
  at: string;
}

export function parseSubmissionEvent(message: string): SubmissionEvent | null {
  try {
    const event = JSON.parse(message) as SubmissionEvent;
    return typeof event.submissionId === 'string' && typeof event.status === 'string' ? event : null;
  } catch {
    return null;
  }
}
