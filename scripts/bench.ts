// `npm run bench [-- N C]`: submit-to-report latency of the real service (API, BullMQ, worker,
// Docker sandbox, PostgreSQL) for N submissions one after another and N at concurrency C, with
// the phase breakdown, against a baseline of the same files run by a bare `docker run` of plain
// pytest in the same image. Needs what `npm test` provisions (scripts/provision.sh).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { errorMessage, loadAppConfig } from '@asynclab/config';
import { applyMigrations, ensureDatabase } from '@asynclab/database';
import { startService } from '../test/e2e/support/service';
import type { PhaseTimings } from '@asynclab/contracts';
import { get, post, SubmissionAccepted, SubmissionBody } from '../test/e2e/support/client';
import { correctNews } from '../apps/worker/test/e2e/programs';

const N = Number(process.argv[2] ?? 10);
const C = Number(process.argv[3] ?? 2);
const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/asynclab_bench';

interface Sample {
  latencyMs: number;
  timings: PhaseTimings;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const median = (values: number[]) => percentile(values, 50);
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

async function submitOne(baseUrl: string): Promise<Sample> {
  const started = performance.now();
  const created = await post<SubmissionAccepted>(baseUrl, '/submissions', { labId: 'playground', files: correctNews });
  if (created.status !== 202) throw new Error(`submit answered ${created.status}`);
  for (;;) {
    // A keep-alive socket the server just closed fails one fetch now and then: ask again.
    const body = await get<SubmissionBody>(baseUrl, `/submissions/${created.body.id}`).then(
      (response) => response.body,
      () => null,
    );
    if (body && (body.status === 'completed' || body.status === 'error')) {
      if (body.report?.outcome !== 'pass') throw new Error(`bench submission did not pass: ${JSON.stringify(body.report?.runOutcome)}`);
      return { latencyMs: performance.now() - started, timings: body.report.timings };
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function runBatch(baseUrl: string, count: number, concurrency: number): Promise<{ samples: Sample[]; wallMs: number }> {
  const samples: Sample[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        samples.push(await submitOne(baseUrl));
      }
    }),
  );
  return { samples, wallMs: performance.now() - started };
}

function bareDockerBaseline(image: string, count: number): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'asynclab-bench-'));
  chmodSync(dir, 0o755); // the image runs as uid 10001, which must read the files
  for (const [path, content] of Object.entries(correctNews)) writeFileSync(join(dir, path), content, { mode: 0o644 });
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      execFileSync(
        'docker',
        [
          'run',
          '--rm',
          '--network',
          'none',
          '--read-only',
          '--tmpfs',
          '/tmp',
          '--memory',
          '256m',
          '--pids-limit',
          '128',
          '-v',
          `${dir}:/work:ro`,
          '-w',
          '/work',
          image,
          'python3',
          '-m',
          'pytest',
          '-q',
          '-p',
          'no:cacheprovider',
        ],
        { stdio: 'ignore' },
      );
      times.push(performance.now() - started);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

function report(label: string, batch: { samples: Sample[]; wallMs: number }): number {
  const latencies = batch.samples.map((s) => s.latencyMs);
  const phase = (key: keyof PhaseTimings) => median(batch.samples.map((s) => s.timings[key] ?? 0));
  console.log(
    `${label}: n=${latencies.length} p50 ${fmt(median(latencies))} p95 ${fmt(percentile(latencies, 95))} ` +
      `throughput ${(latencies.length / (batch.wallMs / 1000)).toFixed(2)}/s`,
  );
  console.log(
    `  phases (median): queued ${fmt(phase('queuedMs'))}, container start ${fmt(phase('containerStartMs'))}, ` +
      `pytest ${fmt(phase('pytestMs'))}, store ${fmt(phase('storeMs'))}`,
  );
  return median(latencies);
}

async function main(): Promise<void> {
  await ensureDatabase(BENCH_DATABASE_URL);
  const config = loadAppConfig();
  await applyMigrations(BENCH_DATABASE_URL, config.migrationsDir);
  const service = await startService({
    env: {
      DATABASE_URL: BENCH_DATABASE_URL,
      REDIS_URL: 'redis://127.0.0.1:6379/2',
      WORKER_CONCURRENCY: String(C),
      // The bench submits as one guest, faster than a learner would: its limits are not measured here.
      RATE_LIMIT_PER_MINUTE: '1000000',
      SUBMISSIONS_PER_MINUTE: '1000000',
    },
  });
  try {
    console.log(`bench: ${N} submissions of a passing news.py + test (playground), worker concurrency ${C}, image ${config.sandbox.image}`);
    await runBatch(service.baseUrl, 2, 1); // warm-up: connections, page cache, first container
    const baseline = bareDockerBaseline(config.sandbox.image, N);
    console.log(
      `baseline (bare docker run + plain pytest, same image): n=${N} p50 ${fmt(median(baseline))} p95 ${fmt(percentile(baseline, 95))}`,
    );
    const sequential = report('sequential', await runBatch(service.baseUrl, N, 1));
    report(`concurrency ${C}`, await runBatch(service.baseUrl, N, C));
    console.log(`overhead: service p50 / bare docker p50 = ${(sequential / median(baseline)).toFixed(2)}x`);
  } finally {
    await service.close();
  }
}

main().catch((error: unknown) => {
  const cause = error instanceof Error ? error.cause : undefined;
  console.error(`bench: ${errorMessage(error)}${cause ? ` (${errorMessage(cause)})` : ''}`);
  process.exit(1);
});
