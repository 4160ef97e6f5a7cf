// The payload contract between the API (producer) and the worker (consumer). A new shape gets a
// new version beside the old one: jobs queued by an older API must still be understood.
import { JobName, QueueName } from './queue-names';

export const RUN_SUBMISSION_QUEUE = QueueName.Submissions;
export const RUN_SUBMISSION_JOB = JobName.RunSubmission;

export interface RunSubmissionJobV1 {
  version: 1;
  submissionId: string;
  labId: string;
}

/** Every version the worker still accepts. */
export type RunSubmissionJob = RunSubmissionJobV1;

export class InvalidJobPayloadError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseRunSubmissionJob(data: unknown): RunSubmissionJob {
  if (typeof data !== 'object' || data === null) throw new InvalidJobPayloadError('payload must be an object');
  const payload = data as Record<string, unknown>;
  if (payload.version !== 1) throw new InvalidJobPayloadError(`unknown payload version ${String(payload.version)}`);
  if (typeof payload.submissionId !== 'string' || !UUID.test(payload.submissionId)) {
    throw new InvalidJobPayloadError('submissionId must be a UUID');
  }
  if (typeof payload.labId !== 'string' || payload.labId.length === 0) {
    throw new InvalidJobPayloadError('labId must be a non-empty string');
  }
  return { version: 1, submissionId: payload.submissionId, labId: payload.labId };
}

/**
 * One job id per submission: BullMQ ignores an add() whose id already exists, so a double
 * click, a retry of the API call and the sweeper re-queueing can never make a second job.
 * (BullMQ reserves ':' in custom ids, hence the dash.)
 */
export function runSubmissionJobId(submissionId: string): string {
  return `run-${submissionId}`;
}
