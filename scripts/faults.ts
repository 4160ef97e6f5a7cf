// `npm run test:faults [-- --short] [--only <text>] [--no-docker-restart] [--without-reconciler] [--json <file>]`
// Runs each fault of test/faults/fault-rows.ts against the real services (API and workers as
// child processes, the real Docker engine, the suite's own Redis and PostgreSQL) and prints the
// table: fault, submitted, completed, duplicated reports, lost, misjudged, seconds to drain.
// A row passes when every submission completed with the report a correct program earns.
import { createHash } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import Docker from 'dockerode';
import { SandboxReaper } from '@asynclab/sandbox';
import { FAULT_ROWS, FaultRow, RowContext } from '../test/faults/fault-rows';
import { OwnPostgres, OwnRedis, startOwnServices } from '../test/faults/own-services';
import { ServiceProcess, startService, untilLogged } from '../test/faults/service-processes';
import { query, sessionHeaders, sleep, submitAll, tally, Tally, untilAllFinal, untilSomeRunning } from '../test/faults/workload';

const args = process.argv.slice(2);
const short = args.includes('--short');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
// npm test's checks file: one `pass <name>` or `fail <name>` line per row (scripts/test-summary.js).
const checksOut = args.includes('--checks') ? args[args.indexOf('--checks') + 1] : null;
const skipSharedDocker = args.includes('--no-docker-restart');
// A control run: with the reconciler off, the Redis rows must lose submissions (the suite can fail).
const withoutReconciler = args.includes('--without-reconciler');
const SUBMISSIONS = short ? 6 : 40;
const DRAIN_TIMEOUT_MS = withoutReconciler ? 60_000 : short ? 180_000 : 420_000;
const WORK = '/tmp/asynclab-faults';
const API_PORT = 34_567;
const BASE_URL = `http://127.0.0.1:${API_PORT}/api/v1`;

interface RowResult extends Tally {
  fault: string;
  drainSeconds: number | null;
  problem: string | null;
  passed: boolean;
}

const redis = new OwnRedis(56_379, `${WORK}/redis`);
const postgres = new OwnPostgres(55_432, `${WORK}/postgres`);
const env = {
  DATABASE_URL: postgres.url,
  REDIS_URL: redis.url,
  PORT: String(API_PORT),
  WORKER_CONCURRENCY: '2',
  // Quick enough that a row drains in seconds; production defaults are 10 s and 15 s.
  RECONCILER_INTERVAL_MS: '2000',
  RECONCILER_GRACE_MS: '3000',
  SWEEPER_INTERVAL_MS: '1000',
  SWEEPER_GRACE_MS: '500',
  ...(withoutReconciler ? { RECONCILER_INTERVAL_MS: String(3_600_000) } : {}),
};
const running: ServiceProcess[] = [];
let workerCount = 0;

async function startWorker(extraEnv: Record<string, string> = {}): Promise<ServiceProcess> {
  const worker = startService('worker', `worker-${++workerCount}`, { ...env, ...extraEnv }, WORK);
  running.push(worker);
  await untilLogged(worker, /consuming with concurrency/, 120_000);
  return worker;
}

async function runRow(row: FaultRow): Promise<RowResult> {
  redis.cli('FLUSHALL'); // the suite's own Redis: a clean queue per row
  await query(postgres.url, 'TRUNCATE submissions CASCADE');
  const ctx: RowContext = { redis, postgres, workers: [], startWorker: (extra) => startWorker({ ...row.workerEnv, ...extra }) };
  for (let i = 0; i < row.workers; i++) ctx.workers.push(await startWorker(row.workerEnv));
  const { ids } = await submitAll(BASE_URL, SUBMISSIONS, row.testSeconds);
  await untilSomeRunning(postgres.url, ids, Math.min(2, row.workers * 2), 120_000);
  await sleep(500); // the sandboxes are up and the tests are sleeping
  const faultAt = Date.now();
  let problem: string | null = null;
  try {
    await row.inject(ctx);
  } catch (error) {
    problem = `injecting the fault failed: ${(error as Error).message}`;
  }
  const drained = await untilAllFinal(postgres.url, ids, DRAIN_TIMEOUT_MS);
  const drainSeconds = drained ? Math.round((Date.now() - faultAt) / 100) / 10 : null;
  const counts = await tally(postgres.url, ids);
  problem ??= (await row.check?.(ctx)) ?? null;
  for (const worker of running.splice(0)) await worker.stop();
  const passed = problem === null && drained && counts.completed === counts.submitted && counts.duplicated === 0 && counts.lost === 0;
  return { fault: row.name, ...counts, drainSeconds, problem, passed };
}

function printTable(results: RowResult[]): void {
  const header = ['fault', 'submitted', 'completed', 'duplicated reports', 'lost', 'misjudged', 'seconds to drain', 'result'];
  const rows = results.map((r) =>
    [
      r.fault,
      r.submitted,
      r.completed,
      r.duplicated,
      r.lost,
      r.misjudged,
      r.drainSeconds ?? 'never',
      r.passed ? 'ok' : `FAIL ${r.problem ?? ''}`,
    ].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  await startOwnServices(redis, postgres, WORK);
  const api = startService('api', 'api', env, WORK);
  await untilLogged(api, /asynclab API serves/, 120_000);
  const rows = FAULT_ROWS.filter((row) => (!only || row.name.includes(only)) && !(skipSharedDocker && row.sharedDocker));
  const results: RowResult[] = [];
  let apiShutdown: string | null = 'not run';
  try {
    for (const row of rows) {
      console.log(`fault: ${row.name} (${SUBMISSIONS} submissions)`);
      results.push(await runRow(row).catch((error: unknown) => failedRow(row, error as Error)));
    }
    for (const worker of running.splice(0)) await worker.stop();
    apiShutdown = await sigtermWithOpenStreams(api);
  } finally {
    for (const worker of running.splice(0)) await worker.stop();
    await api.stop();
    redis.stop();
    postgres.stop();
    await reapOwnSandboxes();
  }
  console.log(`\nfault suite (${short ? 'short' : 'full'}; logs in ${WORK}):`);
  printTable(results);
  console.log(`API SIGTERM with open event streams: ${apiShutdown ?? 'ok (streams ended, exit 0)'}`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ rows: results, apiShutdown }, null, 2));
  if (checksOut) {
    for (const r of results) appendFileSync(checksOut, `${r.passed ? 'pass' : 'fail'} fault: ${r.fault}\n`);
    appendFileSync(checksOut, `${apiShutdown === null ? 'pass' : 'fail'} fault: API SIGTERM drains event streams\n`);
  }
  process.exitCode = results.every((r) => r.passed) && results.length > 0 && apiShutdown === null ? 0 : 1;
}

/** With no worker left, a queued submission's event streams stay open until the API's SIGTERM ends them. */
async function sigtermWithOpenStreams(api: ServiceProcess): Promise<string | null> {
  const [id] = (await submitAll(BASE_URL, 1, 1)).ids;
  const headers = await sessionHeaders(BASE_URL);
  const streams = await Promise.all([1, 2, 3].map(() => fetch(`${BASE_URL}/submissions/${id}/events`, { headers })));
  if (streams.some((s) => s.status !== 200)) return 'an event stream did not open';
  const ended = streams.map(async (stream) => {
    if (!stream.body) return;
    const reader = stream.body.getReader();
    for (;;) if ((await reader.read()).done) return;
  });
  const started = Date.now();
  api.signal('SIGTERM');
  const outcome = await Promise.race([Promise.all([Promise.all(ended), api.exited]), sleep(15_000).then(() => null)]);
  if (!outcome) return 'the streams were still open (or the API still running) 15 s after SIGTERM';
  const [, exit] = outcome;
  if (exit.code !== 0) return `the API ended with ${exit.code ?? exit.signal}, not 0`;
  console.log(`API drained 3 open event streams and exited 0 in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return null;
}

/**
 * The rows end their workers with SIGKILL, which leaves their warm sandboxes to the reaper of the
 * next worker on the same Redis: after the last row there is none, so the suite removes them
 * itself (the workers' namespace is derived from the Redis URL, as SandboxOwnerService does).
 */
async function reapOwnSandboxes(): Promise<void> {
  const namespace = createHash('sha256').update(redis.url).digest('hex').slice(0, 12);
  const removed = await new SandboxReaper(new Docker(), namespace, () => Promise.resolve(false)).reap().catch(() => []);
  if (removed.length > 0) console.log(`removed ${removed.length} warm sandbox(es) left by the suite's killed workers`);
}

function failedRow(row: FaultRow, error: Error): RowResult {
  return {
    fault: row.name,
    submitted: 0,
    completed: 0,
    duplicated: 0,
    lost: 0,
    misjudged: 0,
    attemptsSpent: 0,
    drainSeconds: null,
    problem: error.message.split('\n')[0],
    passed: false,
  };
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
