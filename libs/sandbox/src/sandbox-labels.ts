// Every sandbox container carries these labels, so the reaper can find the ones nobody owns.
export const SANDBOX_LABEL = 'org.asynclab.sandbox';
export const OWNER_LABEL = 'org.asynclab.owner';
export const RUN_LABEL = 'org.asynclab.run';
export const DEADLINE_LABEL = 'org.asynclab.deadline';
/**
 * Owners' heartbeats live in one Redis; a reaper can judge only owners of its own Redis. Two
 * deployments sharing a Docker host have different namespaces and never reap each other's runs.
 */
export const NAMESPACE_LABEL = 'org.asynclab.namespace';

export interface SandboxOwner {
  id: string;
  namespace: string;
}

/** `owner` null: a runner without a heartbeat (labs:check); only its deadline tells it is stale. */
export function sandboxLabels(owner: SandboxOwner | null, runId: string, deadlineMs: number): Record<string, string> {
  const ownership: Record<string, string> = owner ? { [OWNER_LABEL]: owner.id, [NAMESPACE_LABEL]: owner.namespace } : {};
  return { [SANDBOX_LABEL]: 'true', ...ownership, [RUN_LABEL]: runId, [DEADLINE_LABEL]: String(deadlineMs) };
}
