// The faults, one row each: how many workers a row starts, what it does to the system while
// sandboxes run, and any check of its own beyond "nothing lost, nothing doubled".
import { hostname } from 'node:os';
import Docker from 'dockerode';
import { OWNER_LABEL, SANDBOX_LABEL } from '@asynclab/sandbox';
import { OwnPostgres, OwnRedis, restartDockerd } from './own-services';
import { ServiceProcess } from './service-processes';
import { sleep } from './workload';
import { WEBHOOK_FAULT_ROW } from './webhook-fault-row';

export interface RowContext {
  redis: OwnRedis;
  postgres: OwnPostgres;
  workers: ServiceProcess[];
  /** Starts one more worker and waits until it consumes. */
  startWorker(extraEnv?: Record<string, string>): Promise<ServiceProcess>;
}

export interface FaultRow {
  name: string;
  workers: number;
  /** Seconds each submission's test sleeps. */
  testSeconds: number;
  workerEnv?: Record<string, string>;
  /** Restarts the machine's shared Docker engine: skipped by --no-docker-restart. */
  sharedDocker?: boolean;
  inject(ctx: RowContext): Promise<void>;
  /** After the drain: a message when something besides the tally is wrong. */
  check?(ctx: RowContext): Promise<string | null>;
}

const docker = new Docker();

async function containersOf(worker: ServiceProcess): Promise<number> {
  const all = await docker.listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`] } });
  return all.filter((c) => (c.Labels[OWNER_LABEL] ?? '').startsWith(`${hostname()}-${worker.pid}-`)).length;
}

let terminated: { worker: ServiceProcess; exit: { code: number | null; signal: NodeJS.Signals | null }; seconds: number } | null = null;

export const FAULT_ROWS: FaultRow[] = [
  {
    name: 'worker SIGKILL mid-run',
    workers: 1,
    testSeconds: 3,
    async inject(ctx) {
      ctx.workers[0].signal('SIGKILL');
      await ctx.workers[0].exited;
      await ctx.startWorker();
    },
  },
  {
    name: 'Redis killed and restarted (AOF)',
    workers: 1,
    testSeconds: 3,
    async inject(ctx) {
      ctx.redis.kill();
      await sleep(2_000);
      ctx.redis.start();
    },
  },
  WEBHOOK_FAULT_ROW,
  {
    name: 'Redis data wiped (FLUSHALL) mid-burst',
    workers: 1,
    testSeconds: 3,
    inject(ctx) {
      ctx.redis.cli('FLUSHALL');
      return Promise.resolve();
    },
  },
  // Twice: with the warm pool, the restart also ends the sandboxes waiting for a run (and any
  // taken just before it), and a run must notice that rather than wait for an engine answer that
  // the old engine took with it.
  {
    name: 'Docker engine restarted, warm pool',
    workers: 1,
    testSeconds: 3,
    sharedDocker: true,
    workerEnv: { SANDBOX_POOL: 'true' },
    inject() {
      restartDockerd();
      return Promise.resolve();
    },
  },
  {
    name: 'Docker engine restarted, no pool',
    workers: 1,
    testSeconds: 3,
    sharedDocker: true,
    workerEnv: { SANDBOX_POOL: 'false' },
    inject() {
      restartDockerd();
      return Promise.resolve();
    },
  },
  {
    name: 'PostgreSQL restarted',
    workers: 1,
    testSeconds: 3,
    inject(ctx) {
      ctx.postgres.restart();
      return Promise.resolve();
    },
  },
  {
    name: 'two workers, one SIGKILLed',
    workers: 2,
    testSeconds: 3,
    async inject(ctx) {
      ctx.workers[0].signal('SIGKILL');
      await ctx.workers[0].exited;
    },
  },
  {
    name: 'worker SIGTERM mid-run',
    workers: 2,
    testSeconds: 6,
    // Shorter than the runs, so the worker must hand them back rather than finish them.
    workerEnv: { WORKER_SHUTDOWN_GRACE_MS: '2000' },
    async inject(ctx) {
      const worker = ctx.workers[0];
      const started = Date.now();
      worker.signal('SIGTERM');
      const exit = await Promise.race([worker.exited, sleep(30_000).then(() => ({ code: null, signal: null }))]);
      terminated = { worker, exit, seconds: (Date.now() - started) / 1000 };
    },
    async check() {
      if (!terminated) return 'the worker was never terminated';
      const { worker, exit, seconds } = terminated;
      if (exit.code !== 0) return `the SIGTERMed worker ended with ${exit.code ?? exit.signal ?? 'no exit within 30 s'}, not 0`;
      const left = await containersOf(worker);
      if (left > 0) return `the SIGTERMed worker left ${left} container(s)`;
      if (seconds > 15) return `the SIGTERMed worker took ${seconds} s to exit`;
      return null;
    },
  },
];
