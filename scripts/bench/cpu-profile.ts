// `npm run bench:cpu [-- N C]`: where the machine's CPU goes per run, by process group, for N
// submissions at concurrency C through the real service (API and worker in this process, warm
// pool as configured). Sums utime+stime (+ reaped children) from /proc/<pid>/stat before and
// after for the long-lived processes (dockerd, containerd, postgres and redis count everybody's
// work on this machine), and for this run's own sandboxes their cgroup's cpuacct and their
// containerd shim's own time, sampled as they come and go. The shim also reaps runc and the
// container's first process, so its children's time is left out (it would count the containers
// twice): runc's share is in "other".
// "other" is the machine's /proc/stat busy time minus all that: other work on the machine.
import { readdirSync, readFileSync } from 'node:fs';
import Docker from 'dockerode';
import { warmRunLabel } from '@asynclab/sandbox';
import { applyMigrations, ensureDatabase } from '@asynclab/database';
import { loadAppConfig } from '@asynclab/config';
import { startService } from '../../test/e2e/support/service';
import { correctNews } from '../../apps/worker/test/e2e/programs';
import { machineCpuSeconds, median, runBatch } from './measure';

const N = Number(process.argv[2] ?? 40);
const C = Number(process.argv[3] ?? 8);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/asynclab_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/2';
const CLK_TCK = 100;

interface Proc {
  pid: number;
  comm: string;
  /** utime + stime + cutime + cstime, in seconds. */
  cpu: number;
  /** utime + stime alone: without the children it reaped. */
  own: number;
}

function processes(): Proc[] {
  const found: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // fields[0] is state (field 3); utime..cstime are fields 14-17.
      const cpu = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLK_TCK;
      found.push({ pid: Number(entry), comm, cpu, own: (Number(fields[11]) + Number(fields[12])) / CLK_TCK });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

const GROUPS: [string, (p: Proc) => boolean][] = [
  ['dockerd', (p) => p.comm === 'dockerd'],
  ['containerd', (p) => p.comm === 'containerd'],
  ['postgres (all)', (p) => p.comm === 'postgres'],
  ['redis-server (all)', (p) => p.comm.startsWith('redis-server')],
];

function groupTotals(): Map<string, number> {
  const totals = new Map<string, number>();
  for (const p of processes()) {
    for (const [name, match] of GROUPS) if (match(p)) totals.set(name, (totals.get(name) ?? 0) + p.cpu);
  }
  return totals;
}

const nodeCpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/**
 * Containers and their shims come and go: each of this process's sandboxes (found by its run
 * label, warm/<pid>) is sampled every 50 ms, its cgroup's cpuacct and its shim's time (found by
 * the container id on the shim's command line), and the last figure of each is kept.
 */
class SandboxWatch {
  private readonly containers = new Map<string, { first: number; last: number }>();
  private readonly shims = new Map<number, { first: number; last: number }>();
  private readonly ids = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  constructor(docker: Docker) {
    const list = async () => {
      const found = await docker.listContainers({ all: true, filters: { label: [`org.asynclab.run=${warmRunLabel()}`] } });
      for (const c of found) this.ids.add(c.Id);
    };
    const sample = () => {
      for (const id of this.ids) {
        try {
          const usage = Number(readFileSync(`/sys/fs/cgroup/cpuacct/docker/${id}/cpuacct.usage`, 'utf8')) / 1e9;
          const known = this.containers.get(id);
          if (known) known.last = usage;
          else this.containers.set(id, { first: 0, last: usage }); // counted from its start
        } catch {
          // not started yet, or removed
        }
      }
      for (const p of processes()) {
        if (!p.comm.startsWith('containerd-shim')) continue;
        const known = this.shims.get(p.pid);
        if (known) {
          known.last = p.own;
          continue;
        }
        let cmdline = '';
        try {
          cmdline = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8');
        } catch {
          continue;
        }
        const id = /-id\0([0-9a-f]{64})/.exec(cmdline)?.[1];
        if (id && this.ids.has(id)) this.shims.set(p.pid, { first: 0, last: p.own });
      }
    };
    this.timers.push(setInterval(() => void list().catch(() => undefined), 100));
    this.timers.push(setInterval(sample, 50));
  }
  /** CPU-seconds of the containers and of their shims, and how many containers. */
  stop(): { containers: number; shims: number; count: number } {
    for (const timer of this.timers) clearInterval(timer);
    const sum = (m: Map<unknown, { first: number; last: number }>) => [...m.values()].reduce((t, s) => t + s.last - s.first, 0);
    return { containers: sum(this.containers), shims: sum(this.shims), count: this.containers.size };
  }
}

async function main(): Promise<void> {
  const config = loadAppConfig();
  await ensureDatabase(DATABASE_URL);
  await applyMigrations(DATABASE_URL, config.migrationsDir);
  const service = await startService({
    env: {
      DATABASE_URL,
      REDIS_URL,
      WORKER_CONCURRENCY: String(C),
      RATE_LIMIT_PER_MINUTE: '1000000',
      SUBMISSIONS_PER_MINUTE: '1000000',
    },
  });
  try {
    await runBatch(service.baseUrl, correctNews, C, C); // warm-up
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const before = { groups: groupTotals(), node: nodeCpu(), machine: machineCpuSeconds() };
    const sandboxes = new SandboxWatch(new Docker());
    const batch = await runBatch(service.baseUrl, correctNews, N, C);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the pool's refill and the removals are part of a run
    const watched = sandboxes.stop();
    const after = { groups: groupTotals(), node: nodeCpu(), machine: machineCpuSeconds() };
    const rows: [string, number][] = [
      ['node (API + worker + this client)', after.node - before.node],
      [`this run's ${watched.count} containers (cpuacct)`, watched.containers],
      ['their containerd shims (own time)', watched.shims],
      ...GROUPS.map(([name]): [string, number] => [name, (after.groups.get(name) ?? 0) - (before.groups.get(name) ?? 0)]),
    ];
    const machine = after.machine - before.machine;
    const counted = rows.reduce((sum, [, cpu]) => sum + cpu, 0);
    rows.push(['other (the rest of the machine)', machine - counted]);
    const [load1] = readFileSync('/proc/loadavg', 'utf8').split(' ');
    console.log(
      `${N} runs at concurrency ${C}, ${(N / (batch.wallMs / 1000)).toFixed(2)} runs/s, p50 ${median(batch.samples.map((s) => s.latencyMs)).toFixed(0)} ms, load ${load1}`,
    );
    console.log(`machine: ${(machine / N).toFixed(3)} CPU-s per run`);
    for (const [name, cpu] of rows) console.log(`  ${name.padEnd(52)} ${(cpu / N).toFixed(3)}`);
  } finally {
    await service.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
