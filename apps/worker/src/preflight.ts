// Checked before the worker's Nest context exists: a worker that cannot run sandboxes must refuse
// to start, and must do so before it has opened connections it could then not close.
import Docker from 'dockerode';
import type { AppConfig } from '@asynclab/config';
import { DockerSandboxDriver } from '@asynclab/sandbox';

export async function assertWorkerCanStart(config: AppConfig): Promise<void> {
  const docker = new Docker({ socketPath: config.sandbox.dockerSocket });
  await new DockerSandboxDriver(docker, config.sandbox.image, config.sandbox, null).assertReady();
}
