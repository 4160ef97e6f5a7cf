// `npm run bench:burst [-- N]`: N (default 1,000) submissions posted at once against one host.
// Every answer must be 202, or 429/503 with Retry-After (retried as told); every accepted one
// must complete. Prints the answers by status, the time to drain and the API's and worker's
// RSS at start and end. A script that prints figures, not a timed test.
// It starts its own Redis and PostgreSQL (as the fault suite does) and the API and one worker.
import { execFileSync } from 'node:child_process';
import { OwnPostgres, OwnRedis, startOwnServices } from '../test/faults/own-services';
import { startService, untilLogged, ServiceProcess } from '../test/faults/service-processes';
import { query, sessionHeaders, sleep } from '../test/faults/workload';

const COUNT = Number(process.argv[2] ?? 1000);
const WORK = '/tmp/asynclab-burst';
const API_PORT = 34_568;
const BASE_URL = `http://127.0.0.1:${API_PORT}/api/v1`;
const redis = new OwnRedis(56_380, `${WORK}/redis`);
const postgres = new OwnPostgres(55_433, `${WORK}/postgres`);

const files = (i: number) => ({ 'test_app.py': `# burst ${i}\ndef test_ok():\n    assert 1 + 1 == 2\n` });

function rssMb(service: ServiceProcess): number {
  const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(service.pid)], { encoding: 'utf8' }).trim());
  return Math.round(kb / 1024);
}

async function postOne(i: number, answers: Map<string, number>): Promise<string | null> {
  for (;;) {
    let response: Response;
    try {
      response = await fetch(`${BASE_URL}/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await sessionHeaders(BASE_URL)) },
        body: JSON.stringify({ labId: 'playground', files: files(i) }),
      });
    } catch {
      answers.set('network error', (answers.get('network error') ?? 0) + 1);
      return null;
    }
    const retryAfter = response.headers.get('retry-after');
    const key = `${response.status}${retryAfter ? ' +Retry-After' : ''}${/json/.test(response.headers.get('content-type') ?? '') ? '' : ' (not JSON)'}`;
    answers.set(key, (answers.get(key) ?? 0) + 1);
    const body = (await response.json().catch(() => ({}))) as { id?: string };
    if (response.status === 202 && body.id) return body.id;
    if ((response.status === 429 || response.status === 503) && retryAfter) {
      await sleep(Number(retryAfter) * 1000);
      continue;
    }
    return null;
  }
}

async function main(): Promise<void> {
  await startOwnServices(redis, postgres, WORK);
  const env = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    PORT: String(API_PORT),
    WORKER_CONCURRENCY: '2',
    RECONCILER_INTERVAL_MS: '5000',
  };
  const api = startService('api', 'api', env, WORK);
  const worker = startService('worker', 'worker', env, WORK);
  try {
    await untilLogged(api, /asynclab API serves/, 120_000);
    await untilLogged(worker, /consuming with concurrency/, 120_000);
    await sleep(2_000);
    const rssStart = { api: rssMb(api), worker: rssMb(worker) };
    const answers = new Map<string, number>();
    const started = Date.now();
    const ids = (await Promise.all(Array.from({ length: COUNT }, (_, i) => postOne(i, answers)))).filter((id): id is string => id !== null);
    const acceptedSec = (Date.now() - started) / 1000;
    for (;;) {
      const [row] = await query<{ open: number; done: number }>(
        postgres.url,
        `SELECT count(*) FILTER (WHERE status IN ('queued','running'))::int AS open, count(*) FILTER (WHERE status = 'completed')::int AS done FROM submissions`,
      );
      if (row.open === 0) break;
      await sleep(2_000);
    }
    const drainedSec = (Date.now() - started) / 1000;
    const [final] = await query<{ completed: number; passed: number; error: number; stored: number }>(
      postgres.url,
      `SELECT count(*) FILTER (WHERE status = 'completed')::int AS completed, count(*) FILTER (WHERE outcome = 'pass')::int AS passed,
              count(*) FILTER (WHERE status = 'error')::int AS error, count(*)::int AS stored FROM submissions`,
    );
    const rssEnd = { api: rssMb(api), worker: rssMb(worker) };
    console.log(`burst of ${COUNT} submissions at once against one host (API + one worker, concurrency 2)`);
    console.log(`answers (every attempt, retries included): ${[...answers].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    console.log(`accepted: ${ids.length} of ${COUNT}, all answered in ${acceptedSec.toFixed(1)} s; stored in PostgreSQL: ${final.stored}`);
    console.log(
      `completed: ${final.completed} (pass: ${final.passed}), error: ${final.error}, lost: ${ids.length - final.completed - final.error}; drained in ${drainedSec.toFixed(1)} s`,
    );
    console.log(`RSS MiB   api: ${rssStart.api} -> ${rssEnd.api}   worker: ${rssStart.worker} -> ${rssEnd.worker}`);
  } finally {
    api.signal('SIGTERM');
    worker.signal('SIGTERM');
    await Promise.race([Promise.all([api.exited, worker.exited]), sleep(30_000)]);
    await api.stop();
    await worker.stop();
    redis.stop();
    postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
