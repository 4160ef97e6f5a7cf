// Every sandbox container carries these labels, so the reaper can find the ones nobody owns.
export const SANDBOX_LABEL = 'org.asynclab.sandbox';
export const OWNER_LABEL = 'org.asynclab.owner';
export const RUN_LABEL = 'org.asynclab.run';
export const DEADLINE_LABEL = 'org.asynclab.deadline';

/** `ownerId` null: a runner without a heartbeat (labs:check); only its deadline tells it is stale. */
export function sandboxLabels(ownerId: string | null, runId: string, deadlineMs: number): Record<string, string> {
  return { [SANDBOX_LABEL]: 'true', ...(ownerId ? { [OWNER_LABEL]: ownerId } : {}), [RUN_LABEL]: runId, [DEADLINE_LABEL]: String(deadlineMs) };
}
