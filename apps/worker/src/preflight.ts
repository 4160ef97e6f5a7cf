// Checked before the worker's Nest context exists: a worker that cannot run sandboxes must refuse
// to start, and must do so before it has opened connections it could then not close.
import type { AppConfig } from '@asynclab/config';
import { createSandboxDriver } from '@asynclab/sandbox';

export async function assertWorkerCanStart(config: AppConfig): Promise<void> {
  await createSandboxDriver(config.sandbox, null).assertReady();
}
