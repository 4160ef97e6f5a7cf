// `npm run bench [-- N C]`: submit-to-report latency of the real service (API, BullMQ, worker,
// Docker sandbox, PostgreSQL), against a bare `docker run --rm` of plain pytest on the same files
// measured in the same run. For each runtime (runc, and runsc where the engine has it) and with
// the warm pool on and off: p50/p95 of N submissions one after another and of 2N at concurrency
// C, the throughput, the phase breakdown and the whole machine's CPU-seconds per run. Needs what
// `npm test` provisions (scripts/provision.sh). BENCH_BOUNDARY=1 adds the trust boundary's cost.
import { errorMessage, loadAppConfig } from '@asynclab/config';
import type { PhaseTimings } from '@asynclab/contracts';
import { applyMigrations, ensureDatabase } from '@asynclab/database';
import { startService } from '../test/e2e/support/service';
import { correctNews } from '../apps/worker/test/e2e/programs';
import { Batch, bareDockerRun, fmt, median, percentile, runBatch, runtimeAvailable } from './bench/measure';
import { boundaryCost } from './bench/boundary';

const N = Number(process.argv[2] ?? 30);
const C = Number(process.argv[3] ?? 8);
const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/asynclab_bench';
const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/2';
const files = correctNews;

interface Row {
  label: string;
  sequential: Batch;
  concurrent: Batch | null;
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
    },
  });
  try {
    await runBatch(service.baseUrl, files, C, C); // warm-up: connections, page cache, the pool's first fill
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // let the pool refill
    const sequential = await runBatch(service.baseUrl, files, N, 1);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const concurrent = await runBatch(service.baseUrl, files, 2 * N, C);
    return { label: `service, ${runtime}, ${pooled ? 'warm pool' : 'no pool'}`, sequential, concurrent };
  } finally {
    await service.close();
  }
}

function printTable(rows: Row[], baseline: number): void {
  const header = ['', 'p50 c=1', 'p95 c=1', `p50 c=${C}`, `p95 c=${C}`, `runs/s c=${C}`, 'CPU-s/run', 'p50 / bare runc'];
  const lines = rows.map((row) => {
    const c = row.concurrent;
    return [
      row.label,
      fmt(median(latencies(row.sequential))),
      fmt(percentile(latencies(row.sequential), 95)),
      c ? fmt(median(latencies(c))) : '-',
      c ? fmt(percentile(latencies(c), 95)) : '-',
      (c ? throughput(c) : throughput(row.sequential)).toFixed(2),
      (c ? c.cpuPerRun : row.sequential.cpuPerRun).toFixed(3),
      `${(median(latencies(row.sequential)) / baseline).toFixed(2)}x`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const print = (cells: string[]) => {
    console.log(`| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`);
  };
  print(header);
  print(widths.map((w) => '-'.repeat(w)));
  lines.forEach(print);
}

function printPhases(rows: Row[]): void {
  console.log('\nphases of the service (medians, ms): queued = submit to the worker taking it; sandbox = waiting for a ready sandbox;');
  console.log('run = files in to report out; store = the report transaction; rest = API, events and client');
  for (const row of rows) {
    if (!row.concurrent) continue;
    for (const [name, batch] of [
      ['c=1', row.sequential],
      [`c=${C}`, row.concurrent],
    ] as const) {
      const parts = (['queuedMs', 'containerStartMs', 'pytestMs', 'storeMs'] as const).map((key) => phase(batch, key));
      const rest = median(latencies(batch)) - parts.reduce((a, b) => a + b, 0);
      console.log(
        `  ${row.label}, ${name}: queued ${parts[0].toFixed(0)}, sandbox ${parts[1].toFixed(0)}, run ${parts[2].toFixed(0)}, ` +
          `store ${parts[3].toFixed(0)}, rest ${rest.toFixed(0)}`,
      );
    }
  }
}

async function main(): Promise<void> {
  await ensureDatabase(BENCH_DATABASE_URL);
  const config = loadAppConfig();
  await applyMigrations(BENCH_DATABASE_URL, config.migrationsDir);
  const runtimes = ['runc', ...(runtimeAvailable('runsc') ? ['runsc'] : [])];
  console.log(
    `bench: a passing news.py + test (playground), ${N} one after another and ${2 * N} at concurrency ${C}, image ${config.sandbox.image}`,
  );
  const rows: Row[] = [];
  for (const runtime of runtimes) {
    bareDockerRun(config.sandbox.image, files, 2, runtime); // warm-up
    rows.push({
      label: `bare docker run, ${runtime}`,
      sequential: bareDockerRun(config.sandbox.image, files, N, runtime),
      concurrent: null,
    });
    rows.push(await serviceRows(runtime, true));
    rows.push(await serviceRows(runtime, false));
  }
  console.log('');
  printTable(rows, median(latencies(rows[0].sequential)));
  printPhases(rows);
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
