// The scheduled roster syncs queue (producer and consumer: the worker). A job scheduler of BullMQ
// makes one tick job per interval, across every worker; the tick adds one job per context with a
// names and roles service, its id naming the context and the tick's slot, so a slot syncs a
// context once however often its jobs are added. A new payload shape gets a new version.
import { InvalidJobPayloadError } from './run-submission.job';
import { JobName, QueueName } from './queue-names';

export const SYNC_LTI_ROSTER_QUEUE = QueueName.LtiRosterSyncs;
export const LTI_ROSTER_TICK_JOB = JobName.LtiRosterTick;
export const SYNC_LTI_ROSTER_JOB = JobName.SyncLtiRoster;
/** The one job scheduler of the queue: every worker upserts it (the same id: one schedule). */
export const LTI_ROSTER_SCHEDULER_ID = 'lti-roster-schedule';

export interface SyncLtiRosterJobV1 {
  version: 1;
  /** lti_contexts.id */
  contextId: string;
  /** The tick's slot, epoch milliseconds: the scheduled time of the tick that queued it. */
  slotMs: number;
}

export type SyncLtiRosterJob = SyncLtiRosterJobV1;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseSyncLtiRosterJob(data: unknown): SyncLtiRosterJob {
  if (typeof data !== 'object' || data === null) throw new InvalidJobPayloadError('payload must be an object');
  const payload = data as Record<string, unknown>;
  if (payload.version !== 1) throw new InvalidJobPayloadError(`unknown payload version ${String(payload.version)}`);
  if (typeof payload.contextId !== 'string' || !UUID.test(payload.contextId)) throw new InvalidJobPayloadError('contextId must be a UUID');
  if (typeof payload.slotMs !== 'number' || !Number.isSafeInteger(payload.slotMs) || payload.slotMs < 0)
    throw new InvalidJobPayloadError('slotMs must be a non-negative integer');
  return { version: 1, contextId: payload.contextId, slotMs: payload.slotMs };
}

/** One job per (context, slot): BullMQ ignores a second add of an id it still holds. */
export function syncLtiRosterJobId(contextId: string, slotMs: number): string {
  return `ltir-${contextId}-${String(slotMs)}`;
}

/**
 * The slot of a tick job: the scheduled time in its id (`repeat:<scheduler id>:<millis>`, BullMQ's
 * own naming of a scheduler's jobs; each next tick is the previous one's plus the interval, so
 * consecutive ticks are consecutive slots even when one runs late). Null for another id.
 */
export function tickSlotOf(jobId: string | undefined): number | null {
  const match = /^repeat:(.+):(\d+)$/.exec(jobId ?? '');
  if (match?.[1] !== LTI_ROSTER_SCHEDULER_ID) return null;
  const millis = Number(match[2]);
  return Number.isSafeInteger(millis) ? millis : null;
}
