// Removes sandbox containers that no live worker owns: a worker killed mid-run (SIGKILL, OOM,
// a lost machine) cannot run its `finally`, so its container would otherwise stay forever.
import Docker from 'dockerode';
import { DEADLINE_LABEL, NAMESPACE_LABEL, OWNER_LABEL, SANDBOX_LABEL } from './sandbox-labels';

/** Grace past a container's own deadline before anyone may remove it, whoever owns it. */
const DEADLINE_GRACE_MS = 30_000;

export class SandboxReaper {
  constructor(
    private readonly docker: Docker,
    /** The owners this reaper can judge: those whose heartbeats live where isOwnerAlive looks. */
    private readonly namespace: string,
    /** Whether the worker that created a container is still alive (a heartbeat, say). */
    private readonly isOwnerAlive: (ownerId: string) => Promise<boolean>,
  ) {}

  /** Returns the ids of the containers it removed. */
  async reap(now = Date.now()): Promise<string[]> {
    const containers = await this.docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`] } });
    const removed: string[] = [];
    for (const info of containers) {
      // Labels come from Docker and whoever started the container: any of them may be missing.
      const labels: Partial<Record<string, string>> = info.Labels;
      const owner = labels[OWNER_LABEL];
      const namespace = labels[NAMESPACE_LABEL];
      if (owner !== undefined && namespace !== this.namespace) continue; // another deployment's run
      const deadline = Number(labels[DEADLINE_LABEL] ?? 0);
      const expired = now > deadline + DEADLINE_GRACE_MS;
      // A container without an owner belongs to a runner with no heartbeat: only its deadline counts.
      const orphaned = owner !== undefined && !(await this.isOwnerAlive(owner));
      if (!expired && !orphaned) continue;
      await this.docker
        .getContainer(info.Id)
        .remove({ force: true, v: true })
        .then(() => removed.push(info.Id))
        .catch(() => undefined); // removed meanwhile by its owner
    }
    return removed;
  }
}
