import type Docker from 'dockerode';
import { SandboxReaper } from './sandbox-reaper';
import { sandboxLabels } from './sandbox-labels';

function fakeDocker(containers: Array<{ Id: string; Labels: Record<string, string> }>) {
  const removed: string[] = [];
  const docker = {
    listContainers: () => Promise.resolve(containers),
    getContainer: (id: string) => ({
      remove: () => {
        removed.push(id);
        return Promise.resolve();
      },
    }),
  } as unknown as Docker;
  return { docker, removed };
}

describe('SandboxReaper', () => {
  const now = 1_000_000;
  const future = now + 60_000;

  it('removes the runs of dead owners of its own namespace, and nothing else before the deadline', async () => {
    const { docker, removed } = fakeDocker([
      { Id: 'live', Labels: sandboxLabels({ id: 'w-live', namespace: 'ns1' }, 'r1', future) },
      { Id: 'dead', Labels: sandboxLabels({ id: 'w-dead', namespace: 'ns1' }, 'r2', future) },
      { Id: 'other-deployment', Labels: sandboxLabels({ id: 'w-x', namespace: 'ns2' }, 'r3', future) },
      { Id: 'ownerless', Labels: sandboxLabels(null, 'r4', future) },
    ]);
    const sut = new SandboxReaper(docker, 'ns1', (owner) => Promise.resolve(owner === 'w-live'));
    expect(await sut.reap(now)).toEqual(['dead']);
    expect(removed).toEqual(['dead']);
  });

  it('removes any run of its namespace, and ownerless runs, long past their deadline', async () => {
    const past = now - 120_000;
    const { docker } = fakeDocker([
      { Id: 'stuck', Labels: sandboxLabels({ id: 'w-live', namespace: 'ns1' }, 'r1', past) },
      { Id: 'ownerless', Labels: sandboxLabels(null, 'r2', past) },
      { Id: 'other-deployment', Labels: sandboxLabels({ id: 'w-x', namespace: 'ns2' }, 'r3', past) },
    ]);
    const sut = new SandboxReaper(docker, 'ns1', () => Promise.resolve(true));
    expect(await sut.reap(now)).toEqual(['stuck', 'ownerless']);
  });
});
