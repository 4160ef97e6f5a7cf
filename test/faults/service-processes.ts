// The services under test as child processes (ts-node, as in development), each with its own
// log file: the API alone (WORKER_IN_PROCESS=false) and any number of workers.
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export interface ServiceEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  [name: string]: string;
}

export class ServiceProcess {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Its standard output so far (the last 64 KB): what untilLogged looks for. */
  output = '';

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        resolve({ code, signal });
      });
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-65_536);
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  async stop(): Promise<void> {
    this.signal('SIGKILL');
    await this.exited;
  }
}

export function startService(kind: 'api' | 'worker', name: string, env: ServiceEnv, logDir: string): ServiceProcess {
  const entry = kind === 'api' ? 'apps/api/src/main.ts' : 'apps/worker/src/main.ts';
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), WORKER_IN_PROCESS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return new ServiceProcess(name, child);
}

/** Resolves once the service has logged a line matching `pattern` (e.g. its bootstrap line). */
export async function untilLogged(service: ServiceProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const state: { exit: { code: number | null; signal: NodeJS.Signals | null } | null } = { exit: null };
  void service.exited.then((exit) => (state.exit = exit));
  while (!pattern.test(service.output)) {
    if (state.exit)
      throw new Error(
        `${service.name} exited (${state.exit.code ?? state.exit.signal}) before logging ${pattern}:\n${service.output.slice(-2000)}`,
      );
    if (Date.now() > deadline)
      throw new Error(`${service.name} did not log ${pattern} within ${timeoutMs} ms:\n${service.output.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
