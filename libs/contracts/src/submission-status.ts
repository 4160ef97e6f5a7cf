// The life of a submission, the same word in PostgreSQL, on Redis pub/sub, over SSE and in the page.
// Statuses only move forward: queued -> running -> completed | error.
export const SUBMISSION_STATUSES = ['queued', 'running', 'completed', 'error'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const FINAL_STATUSES: readonly SubmissionStatus[] = ['completed', 'error'];

export function isSubmissionStatus(value: unknown): value is SubmissionStatus {
  return typeof value === 'string' && (SUBMISSION_STATUSES as readonly string[]).includes(value);
}

export function isFinal(status: string): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/** An older answer that arrives late must not move a stream back. */
export function statusRank(status: string): number {
  if (status === 'queued') return 0;
  if (status === 'running') return 1;
  return isFinal(status) ? 2 : -1;
}
