// `npm run bench [-- N C]` (BENCH_RUNS=3): submit-to-report latency of the real service (API, BullMQ, worker,
// Docker sandbox, PostgreSQL), against a bare `docker run --rm` of plain pytest on the same files
// measured in the same run. For each runtime (runc, and runsc where the engine has it) and with
// the warm pool on and off: p50/p95 of N submissions one after another and of 2N at concurrency
// C, the throughput, the phase breakdown and the whole machine's CPU-seconds per run; and p50 of N
// submissions one at a time with BENCH_SPACING_MS (1000) between them, as learners' submissions
// reach a service that is not saturated (the bare baseline spaced the same way). Needs what
// `npm test` provisions (scripts/provision.sh). BENCH_BOUNDARY=1 adds the trust boundary's cost.
import { cpus } from 'node:os';
import { errorMessage, loadAppConfig } from '@asynclab/config';
import type { PhaseTimings } from '@asynclab/contracts';
import { applyMigrations, ensureDatabase } from '@asynclab/database';
import { startService } from '../test/e2e/support/service';
import { correctNews } from '../apps/worker/test/e2e/programs';
import { Batch, bareDockerRun, fmt, median, percentile, runBatch, runtimeAvailable } from './bench/measure';
import { boundaryCost } from './bench/boundary';

const N = Number(process.argv[2] ?? 20);
const C = Number(process.argv[3] ?? 8);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/asynclab_bench';
const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/2';
const SPACING_MS = Number(process.env.BENCH_SPACING_MS ?? 1000);
const files = correctNews;

interface Row {
  label: string;
  sequential: Batch;
  concurrent: Batch | null;
  /** One at a time with SPACING_MS between submissions. */
  spaced: Batch;
}

const latencies = (batch: Batch) => batch.samples.map((s) => s.latencyMs);
const throughput = (batch: Batch) => batch.samples.length / (batch.wallMs / 1000);
const phase = (batch: Batch, key: keyof PhaseTimings) => median(batch.samples.map((s) => s.timings?.[key] ?? 0));

async function serviceRows(runtime: string, pooled: boolean): Promise<Row> {
  const service = await startService({
    env: {
      DATABASE_URL: BENCH_DATABASE_URL,
      REDIS_URL: BENCH_REDIS_URL,
      WORKER_CONCURRENCY: String(C),
      SANDBOX_RUNTIME: runtime,
      SANDBOX_POOL: String(pooled),
      // The bench submits as one guest, faster than a learner would: its limits are not measured here.
      RATE_LIMIT_PER_MINUTE: '1000000',
      SUBMISSIONS_PER_MINUTE: '1000000',
    },
  });
  try {
    await runBatch(service.baseUrl, files, C, C); // warm-up: connections, page cache, the pool's first fill
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // let the pool refill
    const sequential = await runBatch(service.baseUrl, files, N, 1);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const concurrent = await runBatch(service.baseUrl, files, 2 * N, C);
    const spaced = await runBatch(service.baseUrl, files, N, 1, SPACING_MS);
    return { label: `service, ${runtime}, ${pooled ? 'warm pool' : 'no pool'}`, sequential, concurrent, spaced };
  } finally {
    await service.close();
  }
}

/** One row's figures from one bench run; the table shows each figure's median over the runs. */
interface Figures {
  p50c1: number;
  p95c1: number;
  p50cC: number | null;
  p95cC: number | null;
  throughput: number;
  cpuPerRun: number;
  p50spaced: number;
  /** c=1 and c=C: queued, sandbox, run, store, rest (medians, ms). */
  phases: number[][] | null;
}

const PHASE_KEYS = ['queuedMs', 'containerStartMs', 'pytestMs', 'storeMs'] as const;

function phasesOf(batch: Batch): number[] {
  const parts = PHASE_KEYS.map((key) => phase(batch, key));
  return [...parts, median(latencies(batch)) - parts.reduce((a, b) => a + b, 0)];
}

function figuresOf(row: Row): Figures {
  const c = row.concurrent;
  return {
    p50c1: median(latencies(row.sequential)),
    p95c1: percentile(latencies(row.sequential), 95),
    p50cC: c ? median(latencies(c)) : null,
    p95cC: c ? percentile(latencies(c), 95) : null,
    throughput: throughput(c ?? row.sequential),
    cpuPerRun: (c ?? row.sequential).cpuPerRun,
    p50spaced: median(latencies(row.spaced)),
    phases: c ? [phasesOf(row.sequential), phasesOf(c)] : null,
  };
}

function medianFigures(runs: Figures[]): Figures {
  const of = (pick: (f: Figures) => number | null) => {
    const values = runs.map(pick).filter((v): v is number => v !== null);
    return values.length > 0 ? median(values) : null;
  };
  const first = runs[0];
  return {
    p50c1: of((f) => f.p50c1) ?? 0,
    p95c1: of((f) => f.p95c1) ?? 0,
    p50cC: of((f) => f.p50cC),
    p95cC: of((f) => f.p95cC),
    throughput: of((f) => f.throughput) ?? 0,
    cpuPerRun: of((f) => f.cpuPerRun) ?? 0,
    p50spaced: of((f) => f.p50spaced) ?? 0,
    phases: first.phases ? first.phases.map((batch, b) => batch.map((_, i) => of((f) => f.phases?.[b][i] ?? null) ?? 0)) : null,
  };
}

function printTable(labels: string[], figures: Figures[]): void {
  const baseline = figures[0].p50c1;
  const spacedBaseline = figures[0].p50spaced;
  const header = [
    '',
    'p50 c=1',
    'p95 c=1',
    `p50 c=${C}`,
    `p95 c=${C}`,
    `p95/p50 c=${C}`,
    `runs/s c=${C}`,
    'CPU-s/run',
    'p50 / bare runc',
    'p50 spaced',
    'spaced / bare spaced',
  ];
  const lines = figures.map((f, i) => [
    labels[i],
    fmt(f.p50c1),
    fmt(f.p95c1),
    f.p50cC === null ? '-' : fmt(f.p50cC),
    f.p95cC === null ? '-' : fmt(f.p95cC),
    f.p50cC === null || f.p95cC === null ? '-' : `${(f.p95cC / f.p50cC).toFixed(2)}x`,
    f.throughput.toFixed(2),
    f.cpuPerRun.toFixed(3),
    `${(f.p50c1 / baseline).toFixed(2)}x`,
    fmt(f.p50spaced),
    `${(f.p50spaced / spacedBaseline).toFixed(2)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const print = (cells: string[]) => {
    console.log(`| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`);
  };
  print(header);
  print(widths.map((w) => '-'.repeat(w)));
  lines.forEach(print);
  console.log('\nphases of the service (medians, ms): queued = submit to the worker taking it; sandbox = waiting for a ready sandbox;');
  console.log('run = files in to report out; store = the report transaction; rest = API, events and client');
  figures.forEach((f, i) => {
    f.phases?.forEach((parts, b) => {
      const [queued, sandbox, run, store, rest] = parts.map((v) => v.toFixed(0));
      console.log(`  ${labels[i]}, c=${b === 0 ? 1 : C}: queued ${queued}, sandbox ${sandbox}, run ${run}, store ${store}, rest ${rest}`);
    });
  });
}

async function benchOnce(image: string, runtimes: string[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const runtime of runtimes) {
    bareDockerRun(image, files, 2, runtime); // warm-up
    rows.push({
      label: `bare docker run, ${runtime}`,
      sequential: bareDockerRun(image, files, N, runtime),
      concurrent: null,
      spaced: bareDockerRun(image, files, N, runtime, SPACING_MS),
    });
    rows.push(await serviceRows(runtime, true));
    rows.push(await serviceRows(runtime, false));
  }
  return rows;
}

async function main(): Promise<void> {
  await ensureDatabase(BENCH_DATABASE_URL);
  const config = loadAppConfig();
  await applyMigrations(BENCH_DATABASE_URL, config.migrationsDir);
  const runtimes = (process.env.BENCH_RUNTIMES ?? 'runc,runsc').split(',').filter((r) => r === 'runc' || runtimeAvailable(r));
  console.log(
    `bench: a passing news.py + test (playground), ${N} one after another, ${2 * N} at concurrency ${C} and ` +
      `${N} one at a time ${SPACING_MS} ms apart, ` +
      `${RUNS} run(s), image ${config.sandbox.image}, ${cpus().length} CPUs`,
  );
  const runs: Row[][] = [];
  for (let run = 1; run <= RUNS; run++) {
    const rows = await benchOnce(config.sandbox.image, runtimes);
    runs.push(rows);
    console.log(`\nrun ${run} of ${RUNS}:`);
    printTable(
      rows.map((r) => r.label),
      rows.map(figuresOf),
    );
  }
  if (RUNS > 1) {
    console.log(`\nmedians of ${RUNS} runs:`);
    printTable(
      runs[0].map((r) => r.label),
      runs[0].map((_, i) => medianFigures(runs.map((rows) => figuresOf(rows[i])))),
    );
  }
  if (process.env.BENCH_BOUNDARY === '1') {
    const boundary = boundaryCost(config.sandbox.image, files, N);
    console.log(
      `\ntrust boundary: harness in one process p50 ${fmt(median(boundary.inProcess))}, supervisor + uid-10001 child ` +
        `p50 ${fmt(median(boundary.supervised))} (${(median(boundary.supervised) / median(boundary.inProcess)).toFixed(2)}x)`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const cause = error instanceof Error ? error.cause : undefined;
    console.error(`bench: ${errorMessage(error)}${cause ? ` (${errorMessage(cause)})` : ''}`);
    process.exit(1);
  },
);
