// For unit tests: answers each run with whatever the test scripted, and records the requests.
import { SandboxDriver, SandboxRequest, SandboxResult } from './sandbox-driver';

export class FakeSandboxDriver implements SandboxDriver {
  readonly requests: SandboxRequest[] = [];
  ready: Error | null = null;

  constructor(private readonly answer: (request: SandboxRequest) => SandboxResult | Promise<SandboxResult>) {}

  assertReady(): Promise<void> {
    return this.ready ? Promise.reject(this.ready) : Promise.resolve();
  }

  async close(): Promise<void> {}

  warm(): void {}

  poolState(): null {
    return null;
  }

  async run(request: SandboxRequest): Promise<SandboxResult> {
    this.requests.push(request);
    return this.answer(request);
  }
}
