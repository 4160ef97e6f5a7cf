// Runs the grade passback models of prisma/schema.prisma through the generated client against the
// migrated database (prisma/migrations/20261201191000_lti_grades, hand-written SQL): every field,
// the unique keys that keep line items, syncs and scheduled roster runs single, and the cascades.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client';
import { TEST_DATABASE_URL } from '../e2e-env';

describe('the LTI grades migration matches prisma/schema.prisma', () => {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: TEST_DATABASE_URL }) });
  afterAll(() => prisma.$disconnect());

  it('round-trips line items, grade syncs and attempts with their unique keys and cascades', async () => {
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const org = await prisma.organization.create({ data: { slug: `ltig-drift-${stamp}`, name: 'n' } });
    const user = await prisma.user.create({ data: { organizationId: org.id, email: 'l@ltig.test', role: 'learner' } });
    const lab = await prisma.lab.create({
      data: { id: `ltig-drift-${stamp}`, title: 't', chapter: 11, difficulty: 'beginner', kind: 'fix-code', objectives: [] },
    });
    const cohort = await prisma.cohort.create({ data: { organizationId: org.id, name: 'c', joinCode: `ltig-${stamp}` } });
    const assignment = await prisma.cohortAssignment.create({
      data: { cohortId: cohort.id, labId: lab.id, opensAt: new Date(), dueAt: new Date(Date.now() + 86_400_000) },
    });
    const issuer = `https://lms.test/${stamp}`;
    const platform = await prisma.ltiPlatform.create({
      data: { organizationId: org.id, name: 'LMS', issuer, clientId: 'c', authLoginUrl: issuer, authTokenUrl: issuer, jwksUrl: issuer },
    });
    const context = await prisma.ltiContext.create({
      data: { platformId: platform.id, deploymentId: 'd', contextId: 'x', cohortId: cohort.id },
    });

    const item = await prisma.ltiLineItem.create({
      data: { contextId: context.id, assignmentId: assignment.id, url: `${issuer}/lineitems/1`, source: 'created' },
    });
    expect(item.source).toBe('created');
    await expect(
      prisma.ltiLineItem.create({ data: { contextId: context.id, assignmentId: assignment.id, url: 'x', source: 'found' } }),
    ).rejects.toMatchObject({ code: 'P2002' });

    const sync = await prisma.ltiGradeSync.create({
      data: {
        organizationId: org.id,
        contextId: context.id,
        assignmentId: assignment.id,
        userId: user.id,
        scoreGiven: 70,
        scoreMaximum: 100,
      },
    });
    expect(sync).toMatchObject({ status: 'pending', force: false, publishedScore: null, lineItemUrl: null });
    await expect(
      prisma.ltiGradeSync.create({ data: { organizationId: org.id, contextId: context.id, assignmentId: assignment.id, userId: user.id } }),
    ).rejects.toMatchObject({ code: 'P2002' });
    const updated = await prisma.ltiGradeSync.update({
      where: { id: sync.id },
      data: { status: 'succeeded', publishedScore: 70, publishedProgress: 'Submitted', publishedAt: new Date(), lastError: null },
    });
    expect(updated.publishedProgress).toBe('Submitted');
    await prisma.ltiGradeSyncAttempt.create({
      data: { syncId: sync.id, status: 'failed', httpCode: 503, durationMs: 12, error: 'busy', scoreGiven: 70, scoreMaximum: 100 },
    });
    expect(await prisma.ltiGradeSyncAttempt.count({ where: { syncId: sync.id } })).toBe(1);

    // Roster runs (20261201200000_lti_roster_syncs): one scheduled run per (context, slot); launches and requests have no slot.
    const slotAt = new Date('2026-12-01T18:00:00Z');
    const run = await prisma.ltiRosterSync.create({ data: { contextId: context.id, trigger: 'schedule', slotAt } });
    expect(run).toMatchObject({ status: 'running', attempts: 1, learnersKept: null, complete: null, finishedAt: null });
    await expect(prisma.ltiRosterSync.create({ data: { contextId: context.id, trigger: 'schedule', slotAt } })).rejects.toMatchObject({
      code: 'P2002',
    });
    await prisma.ltiRosterSync.createMany({
      data: [
        { contextId: context.id, trigger: 'launch' },
        { contextId: context.id, trigger: 'request' },
      ],
    });
    const done = await prisma.ltiRosterSync.update({
      where: { id: run.id },
      data: {
        status: 'succeeded',
        pages: 1,
        members: 3,
        learnersAdded: 1,
        learnersRemoved: 1,
        learnersKept: 1,
        complete: true,
        finishedAt: new Date(),
      },
    });
    expect(done).toMatchObject({ learnersKept: 1, complete: true });

    // Deleting the platform takes its contexts, and with them line items, syncs and their attempts, and roster runs.
    await prisma.ltiPlatform.delete({ where: { id: platform.id } });
    expect(await prisma.ltiRosterSync.count({ where: { contextId: context.id } })).toBe(0);
    expect(await prisma.ltiLineItem.findUnique({ where: { id: item.id } })).toBeNull();
    expect(await prisma.ltiGradeSync.findUnique({ where: { id: sync.id } })).toBeNull();
    expect(await prisma.ltiGradeSyncAttempt.count({ where: { syncId: sync.id } })).toBe(0);
    expect(await prisma.user.findUnique({ where: { id: user.id } })).not.toBeNull();
  });
});
