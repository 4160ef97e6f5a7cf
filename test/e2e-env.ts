// The e2e tests' own database and Redis db, so a run never touches the service's data.
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/asynclab_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1';

export function applyTestEnv(): void {
  process.env.DATABASE_URL = TEST_DATABASE_URL;
  process.env.REDIS_URL = TEST_REDIS_URL;
  process.env.SWEEPER_INTERVAL_MS ??= '500';
  process.env.SWEEPER_GRACE_MS ??= '200';
  process.env.WORKER_CONCURRENCY ??= '2';
  // Off unless a test turns it on: every worker of a run shares the schedule in Redis, and a tick
  // would read the rosters of other test files' contexts, at platforms long closed.
  process.env.LTI_ROSTER_SYNC_INTERVAL_MINUTES ??= '0';
}

applyTestEnv();
