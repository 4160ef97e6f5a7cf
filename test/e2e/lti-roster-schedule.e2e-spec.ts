// The worker's scheduled roster sync (NRPS 2.0) against the real service, PostgreSQL, Redis and the
// simulated platforms: with a short interval, a learner dropped from the course on the platform
// leaves the cohort with no launch; two workers sync a context once per slot (BullMQ's job
// scheduler, a job id per context and slot, the slot claimed in PostgreSQL); a failing platform
// (token refused, 503, no answer) is retried with backoff while the other platform's context
// syncs, and a platform failing every attempt ends its run failed, shown on GET /lti/contexts/:id.
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import type { LtiContextView, RosterSyncRunView, Wire } from '../../libs/contracts/src';
import { SYNC_LTI_ROSTER_QUEUE } from '../../libs/jobs/src';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { ScheduledRosterSyncProcessor } from '../../apps/worker/src/lti-roster/scheduled-roster-sync.processor';
import { applyTestEnv, TEST_REDIS_URL } from '../e2e-env';
import { signIn } from './support/accounts';
import { defined } from './support/defined';
import { call, type Caller } from './support/client';
import { ROLE, type SimulatedPlatform } from '../support/lti-platform';
import { PlatformServices, type RosterMember } from '../support/lti-platform-services';
import { launchAs, startAdvantageFixture, until, type AdvantageFixture } from '../support/lti-advantage-fixture';
import { registeredPlatform } from '../support/lti-tool';

type Context = Wire<LtiContextView>;
type Run = Wire<RosterSyncRunView>;

const teacher: RosterMember = { user_id: 'teacher', status: 'Active', roles: [ROLE.instructor], name: 'Tess' };
const learner = (id: string): RosterMember => ({ user_id: id, status: 'Active', roles: [ROLE.learner], name: `Learner ${id}` });

/** A course on the platform, linked by an instructor's launch without the NRPS claim (so no launch sync), then given a roster URL. */
async function courseWithRoster(
  fx: AdvantageFixture,
  course: string,
  on: { platform: SimulatedPlatform; platformId: string; services: PlatformServices } = fx,
): Promise<{ id: string; cohortId: string }> {
  await launchAs(
    { ...fx, platform: on.platform, platformId: on.platformId },
    { sub: `teacher-${course}`, role: 'instructor', context: { id: course } },
  );
  const [row] = await fx.tool.accounts.query<{ id: string; cohort_id: string }>(
    `UPDATE lti_contexts SET memberships_url = $3 WHERE platform_id = $1::uuid AND context_id = $2 RETURNING id, cohort_id`,
    on.platformId,
    course,
    `${on.services.membershipsUrl}?course=${course}`,
  );
  return { id: row.id, cohortId: row.cohort_id };
}

const membersOf = async (fx: AdvantageFixture, cohortId: string) =>
  (
    await fx.tool.accounts.query<{ subject: string }>(
      `SELECT l.subject FROM cohort_members m JOIN lti_user_links l ON l.user_id = m.user_id WHERE m.cohort_id = $1::uuid ORDER BY l.subject`,
      cohortId,
    )
  ).map((row) => row.subject);

const runsOf = async (fx: AdvantageFixture, contextId: string) =>
  fx.tool.accounts.query<{ slot_at: Date | null; status: string; trigger: string; attempts: number; finished_at: Date | null }>(
    'SELECT slot_at, status, trigger, attempts, finished_at FROM lti_roster_syncs WHERE context_id = $1::uuid ORDER BY started_at',
    contextId,
  );

/** First-page roster requests of a course (each sync reads its first page once). */
const syncsSeenBy = (services: PlatformServices, course: string) =>
  services.rosterRequests.filter((url) => url.searchParams.get('course') === course).length;

async function instructorOf(fx: AdvantageFixture): Promise<Caller> {
  const { email } = await fx.tool.accounts.user(fx.org.id, 'instructor');
  return signIn(fx.tool.baseUrl, fx.org.slug, email);
}

/** Another worker process's worth: the worker module again, on the same PostgreSQL and Redis, with the same settings. */
async function secondWorker(env: Record<string, string>): Promise<INestApplicationContext> {
  applyTestEnv();
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest declares its options as a class yet takes a plain object
    return await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  } finally {
    process.env = saved;
  }
}

/** Leaves nothing of the schedule in the run's Redis db for the test files after this one. */
async function emptyRosterQueue(): Promise<void> {
  const url = new URL(TEST_REDIS_URL);
  const queue = new Queue(SYNC_LTI_ROSTER_QUEUE, {
    connection: { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0) },
  });
  await queue.obliterate({ force: true });
  await queue.close();
}

describe('LTI roster sync on a schedule', () => {
  const SCHEDULE = { LTI_ROSTER_SYNC_INTERVAL_MINUTES: '0.05' }; // a slot every 3 s
  let fx: AdvantageFixture;
  let second: INestApplicationContext | undefined;

  beforeAll(async () => {
    fx = await startAdvantageFixture(SCHEDULE);
  });
  afterAll(async () => {
    await second?.close();
    await fx.close();
    await emptyRosterQueue();
  });

  it('removes a learner dropped on the platform from the cohort with no launch, and tells the instructor', async () => {
    fx.services.roster = [teacher, learner('s1'), learner('s2')];
    const context = await courseWithRoster(fx, 'sched-a');
    await until('the scheduled sync to add both learners', async () =>
      (await membersOf(fx, context.cohortId)).join() === 's1,s2' ? true : undefined,
    );

    fx.services.roster = [teacher, learner('s1')];
    await until('the scheduled sync to remove s2', async () =>
      (await membersOf(fx, context.cohortId)).join() === 's1' ? true : undefined,
    );

    const instructor = await instructorOf(fx);
    const seen = await call<Context>(fx.tool.baseUrl, 'GET', `/lti/contexts/${context.id}`, { caller: instructor });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: context.id, cohortId: context.cohortId, namesAndRoles: true, rosterSyncIntervalMinutes: 0.05 });
    expect(seen.body.lastRosterSync).toMatchObject({
      trigger: 'schedule',
      status: 'succeeded',
      learnersRemoved: 1,
      learnersKept: 1,
      learnersAdded: 0,
      complete: true,
      error: null,
    });
    // Every run was the schedule's (no launch synced it), one per slot.
    const runs = seen.body.rosterSyncs;
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.every((run: Run) => run.trigger === 'schedule')).toBe(true);
    expect(new Set(runs.map((run: Run) => run.slotAt)).size).toBe(runs.length);

    const other = await fx.tool.accounts.org();
    const { email } = await fx.tool.accounts.user(other.id, 'admin');
    const foreign = await call(fx.tool.baseUrl, 'GET', `/lti/contexts/${context.id}`, {
      caller: await signIn(fx.tool.baseUrl, other.slug, email),
    });
    expect(foreign).toMatchObject({ status: 404, body: { code: 'LTI_CONTEXT_NOT_FOUND' } });
  });

  it('syncs a context once per slot with two workers running', async () => {
    second = await secondWorker(SCHEDULE);
    fx.services.roster = [teacher, learner('t1'), learner('t2')];
    const context = await courseWithRoster(fx, 'sched-b');
    await until(
      'four scheduled runs with two workers',
      async () => ((await runsOf(fx, context.id)).filter((run) => run.status === 'succeeded').length >= 4 ? true : undefined),
      40_000,
    );
    // Rows claimed before the reads, reads before the rows that finished: reads never outnumber slots.
    const claimedBefore = (await runsOf(fx, context.id)).filter((run) => run.status === 'succeeded').length;
    const reads = syncsSeenBy(fx.services, 'sched-b');
    const claimedAfter = (await runsOf(fx, context.id)).length;
    expect(reads).toBeGreaterThanOrEqual(claimedBefore);
    expect(reads).toBeLessThanOrEqual(claimedAfter);

    // Both workers run the same slot's tick at once, and then the same context's job (as if Redis had forgotten its id).
    const processors = [fx.tool.service.worker, second].map((worker) => defined(worker, 'a worker').get(ScheduledRosterSyncProcessor));
    const slot = Date.UTC(2100, 0, 1);
    await Promise.all(processors.map((processor) => processor.tick(slot)));
    await until('the forced slot to sync', async () =>
      (await runsOf(fx, context.id)).some((run) => run.slot_at?.getTime() === slot && run.status === 'succeeded') ? true : undefined,
    );
    const job = { version: 1 as const, contextId: context.id, slotMs: slot + 1 };
    const outcomes = await Promise.all(processors.map((processor) => processor.syncContext(job, { made: 0, allowed: 1 })));
    expect(outcomes.sort()).toEqual(['slot-taken', 'synced']);
    const forced = (await runsOf(fx, context.id)).filter((run) => run.slot_at !== null && run.slot_at.getTime() >= slot);
    expect(forced.map((run) => [run.slot_at?.getTime(), run.status])).toEqual([
      [slot, 'succeeded'],
      [slot + 1, 'succeeded'],
    ]);
  });
});

describe('LTI roster sync on a schedule: a failing platform', () => {
  // An hour apart: the slots here are the test's own ticks. Retries 0.3 s, x4 each, a request times out after 1 s.
  const ENV = {
    LTI_ROSTER_SYNC_INTERVAL_MINUTES: '60',
    LTI_ROSTER_SYNC_BACKOFF_BASE_MS: '300',
    LTI_ROSTER_SYNC_MAX_ATTEMPTS: '4',
    LTI_SERVICE_TIMEOUT_MS: '1000',
  };
  let fx: AdvantageFixture;
  let failing: { platform: SimulatedPlatform; platformId: string; services: PlatformServices };

  beforeAll(async () => {
    fx = await startAdvantageFixture(ENV);
    const { platform, id } = await registeredPlatform(fx.tool, fx.org);
    failing = { platform, platformId: id, services: new PlatformServices(platform, `${fx.tool.service.baseUrl}/lti/jwks`) };
  });
  afterAll(async () => {
    await failing.platform.close();
    await fx.close();
    await emptyRosterQueue();
  });

  it('retries a platform that refuses the token, answers 503 and then nothing, while the other platform syncs; ends failed after the last attempt', async () => {
    fx.services.roster = [teacher, learner('ok1')];
    failing.services.roster = [teacher, learner('f1')];
    failing.services.hangMs = 2500;
    const healthy = await courseWithRoster(fx, 'fine');
    const broken = await courseWithRoster(fx, 'broken', failing);
    failing.services.tokenRefusals = 1;
    failing.services.rosterFailures.push(503, 'hang');
    const processor = defined(fx.tool.service.worker, 'the worker').get(ScheduledRosterSyncProcessor);

    const slot = Date.UTC(2100, 0, 1);
    await processor.tick(slot);
    await until('the healthy context to sync', async () => ((await membersOf(fx, healthy.cohortId)).join() === 'ok1' ? true : undefined));
    const [fine] = await runsOf(fx, healthy.id);
    expect(fine).toMatchObject({ status: 'succeeded', attempts: 1 });
    // Meanwhile the broken one is still waiting for a retry: not one member yet.
    expect(await membersOf(fx, broken.cohortId)).toEqual([]);
    await until(
      'the broken context to sync on its fourth attempt',
      async () => ((await membersOf(fx, broken.cohortId)).join() === 'f1' ? true : undefined),
      30_000,
    );
    const [recovered] = await runsOf(fx, broken.id);
    expect(recovered).toMatchObject({ status: 'succeeded', attempts: 4 });
    expect(defined(recovered.finished_at, 'its end').getTime()).toBeGreaterThan(defined(fine.finished_at, 'its end').getTime());
    expect(failing.services.refusedTokenRequests).toEqual(['the platform refuses this client for now']);

    // A platform down for every attempt: the run ends failed, the worker keeps working, the other context syncs.
    failing.services.rosterFailures.push(500, 500, 500, 500);
    fx.services.roster = [teacher, learner('ok1'), learner('ok2')];
    await processor.tick(slot + 1);
    await until(
      'the failed run',
      async () => ((await runsOf(fx, broken.id)).some((run) => run.status === 'failed') ? true : undefined),
      30_000,
    );
    expect((await runsOf(fx, broken.id)).at(-1)).toMatchObject({ status: 'failed', attempts: 4 });
    expect(await membersOf(fx, healthy.cohortId)).toEqual(['ok1', 'ok2']);
    expect(await membersOf(fx, broken.cohortId)).toEqual(['f1']);

    const seen = await call<Context>(fx.tool.baseUrl, 'GET', `/lti/contexts/${broken.id}`, { caller: fx.key });
    expect(seen.body.lastRosterSync).toMatchObject({ trigger: 'schedule', status: 'failed', learnersRemoved: null });
    expect(seen.body.lastRosterSync?.error).toContain('answered 500');
    expect(seen.body.rosterSyncs.map((run: Run) => run.status)).toEqual(['failed', 'succeeded']);
  });
});
