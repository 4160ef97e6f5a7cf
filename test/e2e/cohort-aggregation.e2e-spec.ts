// The dashboard's SQL against the real PostgreSQL, with submissions written directly (no sandbox):
// the late policies (penalty per started day, lock), an extension, a regrade standing in for its
// original, the opening date, and the stuck rule's edges.
import { randomUUID } from 'node:crypto';
import { loadAppConfig } from '@asynclab/config';
import { CohortAnalyticsRepository, CohortDashboardRepository, CohortsRepository, PrismaService } from '@asynclab/database';
import { applyTestEnv } from '../e2e-env';

const DAY = 86_400_000;

describe('the cohort aggregation in SQL', () => {
  applyTestEnv();
  const prisma = new PrismaService(loadAppConfig());
  const dashboard = new CohortDashboardRepository(prisma);
  const analytics = new CohortAnalyticsRepository(prisma);
  const due = new Date('2026-06-10T12:00:00Z');
  let orgId: string;
  let cohortId: string;
  let versionId: string;
  const labs = { penalty: `agg-penalty-${randomUUID()}`, lock: `agg-lock-${randomUUID()}` };
  const users: string[] = [];

  async function submit(
    userId: string,
    labId: string,
    at: Date,
    outcome: 'pass' | 'fail',
    score: number,
    codes: string[] = [],
    extra = {},
  ) {
    const submission = await prisma.submission.create({
      data: {
        labId,
        labVersionId: versionId,
        organizationId: orgId,
        userId,
        files: {},
        status: 'completed',
        outcome,
        score,
        createdAt: at,
        ...extra,
      },
    });
    await prisma.run.create({
      data: {
        submissionId: submission.id,
        variant: 'main',
        outcome,
        counts: {},
        stdoutTail: '',
        stderrTail: '',
        outputTruncated: false,
        timings: {},
        diagnostics: {
          create: codes.map((code, position) => ({
            position,
            code,
            severity: 'error',
            message: 'm',
            file: 'news.py',
            line: 1,
            evidence: '',
            explanation: '',
            hint: '',
            source: 'runtime',
          })),
        },
      },
    });
    return submission.id;
  }

  beforeAll(async () => {
    const org = await prisma.organization.create({ data: { slug: `agg-${randomUUID().slice(0, 8)}`, name: 'agg' } });
    orgId = org.id;
    for (const id of Object.values(labs)) {
      await prisma.lab.create({ data: { id, title: id, chapter: 11, difficulty: 'beginner', kind: 'fix-code', objectives: [] } });
    }
    versionId = (await prisma.labVersion.create({ data: { labId: labs.penalty, contentHash: 'h', content: {} } })).id;
    const cohort = await new CohortsRepository(prisma).create(orgId, 'agg', null);
    cohortId = cohort.id;
    const opensAt = new Date(due.getTime() - 7 * DAY);
    await prisma.cohortAssignment.create({
      data: { cohortId, labId: labs.penalty, opensAt, dueAt: due, latePolicy: 'penalty', latePenaltyPerDay: 15 },
    });
    await prisma.cohortAssignment.create({ data: { cohortId, labId: labs.lock, opensAt, dueAt: due, latePolicy: 'lock' } });
    for (let i = 0; i < 3; i++) {
      const user = await prisma.user.create({ data: { organizationId: orgId, email: `u${i}@agg.test` } });
      users.push(user.id);
      await prisma.cohortMember.create({ data: { cohortId, userId: user.id } });
    }
  });
  afterAll(() => prisma.$disconnect());

  const cells = async () => {
    const rows = await dashboard.cells({ cohortId, organizationId: orgId });
    const assignments = await prisma.cohortAssignment.findMany({ where: { cohortId } });
    const idOf = (labId: string) => assignments.find((a) => a.labId === labId)?.id;
    return (user: number, labId: string) => rows.find((r) => r.userId === users[user] && r.assignmentId === idOf(labId));
  };

  it('takes the penalty per started day late, and leaves late work out under lock', async () => {
    // Before the opening: not counted. 1 h late: one day's penalty. 25 h late: two days'.
    await submit(users[0], labs.penalty, new Date(due.getTime() - 8 * DAY), 'pass', 100);
    await submit(users[0], labs.penalty, new Date(due.getTime() + 3600_000), 'pass', 100);
    await submit(users[1], labs.penalty, new Date(due.getTime() + 25 * 3600_000), 'pass', 90);
    await submit(users[0], labs.lock, new Date(due.getTime() - DAY), 'fail', 40, ['deadlock']);
    await submit(users[0], labs.lock, new Date(due.getTime() + 60_000), 'pass', 100);
    const cell = await cells();
    expect(cell(0, labs.penalty)).toMatchObject({ attempts: 1, bestScore: 85, passed: true, attemptsToPass: 1 });
    expect(cell(1, labs.penalty)).toMatchObject({ attempts: 1, bestScore: 60 });
    expect(cell(0, labs.lock)).toMatchObject({ attempts: 1, bestScore: 40, passed: false, attemptsToPass: null });
  });

  it('moves the lateness with an extension', async () => {
    const assignment = await prisma.cohortAssignment.findFirstOrThrow({ where: { cohortId, labId: labs.lock } });
    await new CohortsRepository(prisma).extend(assignment.id, users[0], new Date(due.getTime() + DAY));
    expect((await cells())(0, labs.lock)).toMatchObject({ attempts: 2, bestScore: 100, passed: true, attemptsToPass: 2 });
  });

  it('counts a graded regrade instead of its original, and the original while the regrade waits', async () => {
    const original = await submit(users[2], labs.penalty, new Date(due.getTime() - DAY), 'pass', 100);
    const regrade = await submit(users[2], labs.penalty, new Date(due.getTime() - DAY), 'fail', 50, [], {
      regradeOf: original,
      status: 'queued',
    });
    expect((await cells())(2, labs.penalty)).toMatchObject({ attempts: 1, bestScore: 100, passed: true });
    await prisma.submission.update({ where: { id: regrade }, data: { status: 'completed' } });
    expect((await cells())(2, labs.penalty)).toMatchObject({ attempts: 1, bestScore: 50, passed: false });
  });

  it('calls a learner stuck only with enough attempts, no pass, and one code in each of the last three', async () => {
    const base = due.getTime() - 5 * DAY;
    // users[1] on the lock lab: four fails, the last three all never-awaited (the first a deadlock).
    await submit(users[1], labs.lock, new Date(base), 'fail', 30, ['deadlock']);
    for (let i = 1; i <= 3; i++) await submit(users[1], labs.lock, new Date(base + i * 3600_000), 'fail', 30, ['never-awaited']);
    const rule = { minAttempts: 4, repeatedInLast: 3 };
    const stuck = await analytics.stuck({ cohortId, organizationId: orgId }, rule);
    expect(stuck.map((s) => [s.userId, s.code, s.attempts])).toEqual([[users[1], 'never-awaited', 4]]);
    expect(await analytics.stuck({ cohortId, organizationId: orgId }, { minAttempts: 5, repeatedInLast: 3 })).toEqual([]);

    const codes = await analytics.learnerCodes({ cohortId, organizationId: orgId });
    const of = (user: number, code: string) => codes.find((c) => c.userId === users[user] && c.code === code);
    expect(of(1, 'deadlock')).toMatchObject({ attempts: 1, fixed: true });
    expect(of(1, 'never-awaited')).toMatchObject({ attempts: 3, fixed: false });
    // users[0]'s deadlock on the lock lab was followed by a pass.
    expect(of(0, 'deadlock')).toMatchObject({ attempts: 1, fixed: true });

    const days = await analytics.codesOverTime({ cohortId, organizationId: orgId });
    expect(days.find((d) => d.code === 'never-awaited')).toEqual({ day: '2026-06-05', code: 'never-awaited', attempts: 3 });
  });
});
