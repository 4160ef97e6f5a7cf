// `npm run bench:dashboard`: how fast the instructor dashboard answers for a big cohort: 200
// learners x 20 assignments with about 20,000 seeded submissions, in its own database. Prints the
// median and p95 of GET /cohorts/:id/dashboard over HTTP (the target is under 300 ms), beside
// the analytics and the CSV, and the SQL aggregation alone as the floor those stand on.
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { Client } from 'pg';
import { applyMigrations, CohortDashboardRepository, ensureDatabase, PrismaService } from '@asynclab/database';
import { loadAppConfig } from '@asynclab/config';
import { startService } from '../test/e2e/support/service';
import { call } from '../test/e2e/support/client';
import type { CohortDashboard, Wire } from '@asynclab/contracts';
import { signIn } from '../test/e2e/support/accounts';
import { seedCohortActivity } from './seed/cohort-activity';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/asynclab_bench_dashboard';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/11';
const RUNS = Number(process.argv[2] ?? 30);
const PASSWORD = 'bench password 2026';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function timed(label: string, once: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await once(); // warm the caches and the connection pool
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await once();
    samples.push(performance.now() - started);
  }
  const median = percentile(samples, 50);
  console.log(`${label.padEnd(44)} median ${median.toFixed(1)} ms   p95 ${percentile(samples, 95).toFixed(1)} ms   (${RUNS} runs)`);
  return median;
}

async function main(): Promise<void> {
  await ensureDatabase(DATABASE_URL);
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
  await applyMigrations(DATABASE_URL, join(__dirname, '..', 'prisma', 'migrations'));
  process.env.DATABASE_URL = DATABASE_URL;
  const prisma = new PrismaService(loadAppConfig());
  const seedStarted = performance.now();
  const seeded = await seedCohortActivity(prisma, {
    organizationSlug: 'bench',
    learners: 200,
    assignments: 20,
    submissions: 20_000,
    password: PASSWORD,
  });
  console.log(
    `seeded 200 learners x 20 assignments, ${seeded.submissions} submissions in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );

  const service = await startService({ worker: false, env: { DATABASE_URL, REDIS_URL, RATE_LIMIT_PER_MINUTE: '100000' } });
  try {
    const instructor = await signIn(service.baseUrl, seeded.organizationSlug, seeded.instructorEmail, PASSWORD);
    const get = (path: string) => async () => {
      const response = await call<Wire<CohortDashboard>>(service.baseUrl, 'GET', path, { caller: instructor });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      return response;
    };
    const { body } = await get(`/cohorts/${seeded.cohortId}/dashboard`)();
    console.log(`dashboard: ${body.rows.length} rows x ${body.rows[0].cells.length} cells, ${body.stats.length} assignment figures`);
    const dashboard = await timed('GET /cohorts/:id/dashboard (HTTP, whole)', get(`/cohorts/${seeded.cohortId}/dashboard`));
    await timed('GET /cohorts/:id/analytics', get(`/cohorts/${seeded.cohortId}/analytics`));
    await timed('GET /cohorts/:id/matrix.csv', get(`/cohorts/${seeded.cohortId}/matrix.csv`));
    await timed('GET /cohorts/:id/matrix?limit=50 (one page)', get(`/cohorts/${seeded.cohortId}/matrix?limit=50`));
    const repository = new CohortDashboardRepository(prisma);
    const sql = await timed('SQL: the cells aggregation alone', () =>
      repository.cells({ cohortId: seeded.cohortId, organizationId: seeded.organizationId }),
    );
    console.log(
      `dashboard answer: ${dashboard.toFixed(1)} ms median (target < 300 ms: ${dashboard < 300 ? 'met' : 'NOT met'}); ${(dashboard / sql).toFixed(2)}x the bare SQL aggregation`,
    );
  } finally {
    await service.close();
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
