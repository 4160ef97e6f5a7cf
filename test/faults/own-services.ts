// The fault suite's own Redis and PostgreSQL: started on spare ports in their own folders, so
// killing, wiping or restarting them disturbs nobody else on the machine. Redis runs with the
// production settings (scripts/start-redis.sh); PostgreSQL is a private cluster made by initdb.
import { execFileSync, execSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { applyMigrations, ensureDatabase } from '../../libs/database/src/migrate';

const ROOT = join(__dirname, '../..');

export class OwnRedis {
  readonly url: string;

  constructor(
    readonly port: number,
    readonly dir: string,
  ) {
    this.url = `redis://127.0.0.1:${port}`;
  }

  start(): void {
    execFileSync('bash', [join(ROOT, 'scripts/start-redis.sh'), String(this.port), this.dir], { stdio: 'inherit' });
  }

  cli(...args: string[]): string {
    return execFileSync('redis-cli', ['-p', String(this.port), ...args], { encoding: 'utf8' }).trim();
  }

  /** A crash, not a shutdown: only what the append-only file had fsynced survives. */
  kill(): void {
    const pid = Number(readFileSync(join(this.dir, 'redis.pid'), 'utf8'));
    process.kill(pid, 'SIGKILL');
    waitUntil(() => !alive(pid), 10_000, 'redis to die');
  }

  stop(): void {
    try {
      execFileSync('redis-cli', ['-p', String(this.port), 'shutdown', 'nosave'], { stdio: 'ignore' });
    } catch {
      // already down
    }
  }

  wipeFolder(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class OwnPostgres {
  readonly url: string;
  private readonly bin: string;

  constructor(
    readonly port: number,
    readonly dir: string,
  ) {
    this.url = `postgresql://postgres@127.0.0.1:${port}/asynclab_faults`;
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    this.bin = `/usr/lib/postgresql/${versions[0]}/bin`;
  }

  /** A fresh cluster, trusted on 127.0.0.1 only, owned by the postgres user as the server demands. */
  start(): void {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    chmodSync(this.dir, 0o777);
    this.asPostgres(`${this.bin}/initdb -D ${this.dir}/data -A trust -U postgres >${this.dir}/initdb.log 2>&1`);
    this.pgCtl('start');
  }

  /** The way an operator restarts it (fast: open connections are cut, nothing is lost). */
  restart(): void {
    this.pgCtl('restart', '-m fast');
  }

  stop(): void {
    if (!existsSync(`${this.dir}/data/postmaster.pid`)) return;
    try {
      this.pgCtl('stop', '-m immediate');
    } catch {
      // a stale pid file: nothing is running
    }
  }

  private pgCtl(action: string, extra = ''): void {
    this.asPostgres(
      `${this.bin}/pg_ctl -D ${this.dir}/data -w -t 60 ${extra} -o "-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off" -l ${this.dir}/server.log ${action} >/dev/null`,
    );
  }

  private asPostgres(command: string): void {
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'inherit' });
  }
}

/** The shared Docker engine, stopped and started again the way scripts/provision.sh starts it. */
export function restartDockerd(): void {
  const pids = execSync('pidof dockerd || true', { encoding: 'utf8' }).trim().split(/\s+/).filter(Boolean).map(Number);
  for (const pid of pids) process.kill(pid, 'SIGTERM');
  for (const pid of pids) waitUntil(() => !alive(pid), 60_000, 'dockerd to stop');
  execFileSync('bash', [join(ROOT, 'scripts/start-dockerd.sh')], { stdio: 'inherit' });
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function waitUntil(done: () => boolean, timeoutMs: number, what: string): void {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    execFileSync('sleep', ['0.1']);
  }
}

/**
 * Fresh, empty private services in `work`: what a run that was killed left on these ports is
 * stopped first, then Redis and a migrated PostgreSQL are started.
 */
export async function startOwnServices(redis: OwnRedis, postgres: OwnPostgres, work: string): Promise<void> {
  redis.stop();
  postgres.stop();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  redis.start();
  postgres.start();
  await ensureDatabase(postgres.url);
  await applyMigrations(postgres.url, join(__dirname, '../../prisma/migrations'));
}
