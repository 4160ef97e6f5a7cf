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

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
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
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return new ServiceProcess(name, child);
}

/** Resolves when the worker says it consumes (its bootstrap log line). */
export function untilLogged(service: ServiceProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${service.name} did not log ${pattern} within ${timeoutMs} ms:\n${seen.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        service.child.stdout?.off('data', onData);
        resolve();
      }
    };
    service.child.stdout?.on('data', onData);
    void service.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${service.name} exited (${code ?? signal}) before logging ${pattern}:\n${seen.slice(-2000)}`));
    });
  });
}
