// The payload contract of the LTI grade syncs queue (producers: the worker on a graded
// submission, the API on a retry; consumer: the worker). A new shape gets a new version.
import { InvalidJobPayloadError } from './run-submission.job';
import { JobName, QueueName } from './queue-names';

export const SYNC_LTI_GRADE_QUEUE = QueueName.LtiGradeSyncs;
export const SYNC_LTI_GRADE_JOB = JobName.SyncLtiGrade;

export interface SyncLtiGradeJobV1 {
  version: 1;
  /** lti_grade_syncs.id: one row per (assignment, learner). */
  syncId: string;
}

export type SyncLtiGradeJob = SyncLtiGradeJobV1;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseSyncLtiGradeJob(data: unknown): SyncLtiGradeJob {
  if (typeof data !== 'object' || data === null) throw new InvalidJobPayloadError('payload must be an object');
  const payload = data as Record<string, unknown>;
  if (payload.version !== 1) throw new InvalidJobPayloadError(`unknown payload version ${String(payload.version)}`);
  if (typeof payload.syncId !== 'string' || !UUID.test(payload.syncId)) throw new InvalidJobPayloadError('syncId must be a UUID');
  return { version: 1, syncId: payload.syncId };
}

/**
 * One job per grade sync, that is per (assignment, learner): while one waits, more grades of the
 * same learner add nothing (BullMQ ignores a second add of an id), so a burst is published once,
 * with the grade as it is when the job runs.
 */
export function syncLtiGradeJobId(syncId: string): string {
  return `ltig-${syncId}`;
}
