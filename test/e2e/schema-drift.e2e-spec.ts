// The migrations are hand-written SQL (the schema engine cannot be downloaded here), so this runs
// every model and field of prisma/schema.prisma through the generated client against the migrated
// database: a column, type or constraint the SQL lacks fails here rather than in production.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client';
import { TEST_DATABASE_URL } from '../e2e-env';

describe('prisma/migrations match prisma/schema.prisma', () => {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: TEST_DATABASE_URL }) });
  afterAll(() => prisma.$disconnect());

  it('round-trips every model and field, and enforces the unique keys', async () => {
    const labId = `drift-${Date.now()}`;
    await prisma.lab.create({ data: { id: labId, title: 't', chapter: 11, difficulty: 'beginner', kind: 'fix-code', objectives: ['o'] } });
    const version = await prisma.labVersion.create({ data: { labId, contentHash: 'h1', content: { manifest: {}, files: {} } } });
    await expect(prisma.labVersion.create({ data: { labId, contentHash: 'h1', content: {} } })).rejects.toMatchObject({ code: 'P2002' });
    await prisma.lab.update({ where: { id: labId }, data: { currentVersionId: version.id } });

    const submission = await prisma.submission.create({
      data: {
        labId,
        labVersionId: version.id,
        learnerId: 'l1',
        files: { 'a.py': 'x' },
        enqueuedAt: new Date(),
        outcome: 'pass',
        runOutcome: null,
        score: 90,
        scoring: { total: 90 },
        errorMessage: null,
        startedAt: new Date(),
        finishedAt: new Date(),
        status: 'completed',
        attempts: 2,
      },
    });
    const run = await prisma.run.create({
      data: {
        submissionId: submission.id,
        variant: 'main',
        outcome: 'fail',
        runOutcome: 'timeout',
        runMessage: 'm',
        caught: true,
        counts: { total: 1 },
        stdoutTail: 'o',
        stderrTail: 'e',
        outputTruncated: true,
        timings: { runMs: 1.5 },
        harnessVersion: '1.0.0',
        tests: { create: [{ position: 0, nodeId: 't.py::a', outcome: 'failed', durationMs: 1.25, message: 'boom' }] },
        diagnostics: {
          create: [
            {
              position: 0,
              code: 'deadlock',
              severity: 'error',
              message: 'm',
              file: 'news.py',
              line: 8,
              testId: 't.py::a',
              evidence: 'e',
              explanation: 'x',
              hint: 'h',
              chapter: 11,
              source: 'runtime',
            },
          ],
        },
      },
    });
    await expect(
      prisma.run.create({
        data: {
          submissionId: submission.id,
          variant: 'main',
          outcome: 'pass',
          counts: {},
          stdoutTail: '',
          stderrTail: '',
          outputTruncated: false,
          timings: {},
        },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });

    const stored = await prisma.submission.findUniqueOrThrow({
      where: { id: submission.id },
      include: { runs: { include: { tests: true, diagnostics: true } }, lab: true, labVersion: true },
    });
    expect(stored).toMatchObject({ learnerId: 'l1', score: 90, attempts: 2, status: 'completed', lab: { currentVersionId: version.id } });
    expect(stored.runs[0]).toMatchObject({
      id: run.id,
      caught: true,
      runOutcome: 'timeout',
      outputTruncated: true,
      harnessVersion: '1.0.0',
    });
    expect(stored.runs[0].tests[0]).toMatchObject({ durationMs: 1.25, message: 'boom' });
    expect(stored.runs[0].diagnostics[0]).toMatchObject({ code: 'deadlock', line: 8, chapter: 11 });

    await prisma.submission.delete({ where: { id: submission.id } }); // cascades to runs, tests, diagnostics
    expect(await prisma.run.count({ where: { submissionId: submission.id } })).toBe(0);
    expect(await prisma.diagnostic.count({ where: { runId: run.id } })).toBe(0);
  });

  it('round-trips the accounts models, with their unique keys and cascades', async () => {
    const slug = `drift-${Date.now()}`;
    const org = await prisma.organization.create({ data: { slug, name: 'n', openSignup: true, allowGuests: true } });
    await expect(prisma.organization.create({ data: { slug, name: 'again' } })).rejects.toMatchObject({ code: 'P2002' });
    const user = await prisma.user.create({
      data: { organizationId: org.id, role: 'instructor', email: 'a@b.c', passwordHash: 'h', displayName: 'd', externalId: 'ext-1' },
    });
    await expect(prisma.user.create({ data: { organizationId: org.id, email: 'a@b.c' } })).rejects.toMatchObject({ code: 'P2002' });
    await expect(prisma.user.create({ data: { organizationId: org.id, externalId: 'ext-1' } })).rejects.toMatchObject({ code: 'P2002' });
    await expect(prisma.user.create({ data: { organizationId: org.id, role: 'superuser' } })).rejects.toThrow(); // CHECK constraint
    const guest = await prisma.user.create({ data: { organizationId: org.id, isGuest: true } });
    expect(guest).toMatchObject({ role: 'learner', isGuest: true, email: null });

    const session = await prisma.session.create({
      data: {
        userId: user.id,
        tokenHash: `t-${slug}`,
        csrfToken: 'c',
        userAgent: 'ua',
        ip: '127.0.0.1',
        expiresAt: new Date(Date.now() + 1000),
        revokedAt: null,
      },
    });
    const key = await prisma.apiKey.create({
      data: {
        organizationId: org.id,
        name: 'k',
        prefix: slug.slice(-12),
        secretHash: 's',
        scopes: ['read', 'submit'],
        createdById: user.id,
        lastUsedAt: new Date(),
        revokedAt: null,
      },
    });
    await expect(
      prisma.apiKey.create({ data: { organizationId: org.id, name: 'k2', prefix: key.prefix, secretHash: 's', scopes: [] } }),
    ).rejects.toMatchObject({ code: 'P2002' });
    const invitation = await prisma.invitation.create({
      data: { organizationId: org.id, email: 'i@b.c', role: 'admin', tokenHash: `i-${slug}`, expiresAt: new Date(), acceptedAt: null },
    });
    await prisma.idempotencyRecord.create({
      data: { owner: `key:${key.id}`, key: 'k1', requestHash: 'r', statusCode: 202, response: { id: 'x' } },
    });
    await expect(prisma.idempotencyRecord.create({ data: { owner: `key:${key.id}`, key: 'k1', requestHash: 'r2' } })).rejects.toMatchObject(
      { code: 'P2002' },
    );

    const labId = `drift-accounts-${Date.now()}`;
    await prisma.lab.create({ data: { id: labId, title: 't', chapter: 11, difficulty: 'beginner', kind: 'fix-code', objectives: [] } });
    const version = await prisma.labVersion.create({ data: { labId, contentHash: 'h', content: {} } });
    const submission = await prisma.submission.create({
      data: { labId, labVersionId: version.id, organizationId: org.id, userId: user.id, files: {} },
    });
    const stored = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { sessions: true, submissions: true, organization: { include: { apiKeys: true, invitations: true } } },
    });
    expect(stored.sessions[0]).toMatchObject({ id: session.id, csrfToken: 'c', ip: '127.0.0.1' });
    expect(stored.submissions[0].id).toBe(submission.id);
    expect(stored.organization.apiKeys[0].scopes).toEqual(['read', 'submit']);
    expect(stored.organization.invitations[0]).toMatchObject({ id: invitation.id, role: 'admin' });

    await prisma.user.delete({ where: { id: guest.id } });
    await prisma.session.deleteMany({ where: { userId: user.id } });
    expect(await prisma.session.count({ where: { id: session.id } })).toBe(0);
  });

  it('round-trips the cohort models, with their keys, checks and cascades', async () => {
    const slug = `drift-cohort-${Date.now()}`;
    const org = await prisma.organization.create({ data: { slug, name: 'n' } });
    const user = await prisma.user.create({ data: { organizationId: org.id, email: 'l@b.c' } });
    const labId = `drift-cohort-lab-${Date.now()}`;
    await prisma.lab.create({ data: { id: labId, title: 't', chapter: 11, difficulty: 'beginner', kind: 'fix-code', objectives: [] } });
    const cohort = await prisma.cohort.create({ data: { organizationId: org.id, name: 'c', joinCode: slug, createdById: user.id } });
    await expect(prisma.cohort.create({ data: { organizationId: org.id, name: 'c2', joinCode: slug } })).rejects.toMatchObject({
      code: 'P2002',
    });
    await prisma.cohortMember.create({ data: { cohortId: cohort.id, userId: user.id } });
    await expect(prisma.cohortMember.create({ data: { cohortId: cohort.id, userId: user.id } })).rejects.toMatchObject({ code: 'P2002' });
    const opensAt = new Date('2026-01-01T00:00:00Z');
    const dueAt = new Date('2026-01-08T00:00:00Z');
    const assignment = await prisma.cohortAssignment.create({
      data: { cohortId: cohort.id, labId, opensAt, dueAt, latePolicy: 'penalty', latePenaltyPerDay: 5 },
    });
    await expect(prisma.cohortAssignment.create({ data: { cohortId: cohort.id, labId, opensAt, dueAt } })).rejects.toMatchObject({
      code: 'P2002',
    });
    const otherLab = `${labId}-2`;
    await prisma.lab.create({ data: { id: otherLab, title: 't', chapter: 12, difficulty: 'beginner', kind: 'fix-code', objectives: [] } });
    await expect(
      prisma.cohortAssignment.create({ data: { cohortId: cohort.id, labId: otherLab, opensAt, dueAt, latePolicy: 'maybe' } }),
    ).rejects.toThrow();
    await expect(
      prisma.cohortAssignment.create({ data: { cohortId: cohort.id, labId: otherLab, opensAt: dueAt, dueAt: opensAt } }),
    ).rejects.toThrow();
    await prisma.assignmentExtension.create({
      data: { assignmentId: assignment.id, userId: user.id, dueAt: new Date('2026-01-10T00:00:00Z') },
    });

    const stored = await prisma.cohort.findUniqueOrThrow({
      where: { id: cohort.id },
      include: { members: { include: { user: true } }, assignments: { include: { extensions: true, lab: true } }, organization: true },
    });
    expect(stored).toMatchObject({ name: 'c', joinCode: slug, createdById: user.id, organization: { slug } });
    expect(stored.members[0]).toMatchObject({ userId: user.id, user: { email: 'l@b.c' } });
    expect(stored.members[0].joinedAt).toBeInstanceOf(Date);
    expect(stored.assignments[0]).toMatchObject({ labId, opensAt, dueAt, latePolicy: 'penalty', latePenaltyPerDay: 5, lab: { id: labId } });
    expect(stored.assignments[0].extensions[0].dueAt.toISOString()).toBe('2026-01-10T00:00:00.000Z');

    const labVersion = await prisma.labVersion.create({ data: { labId, contentHash: 'h', content: {} } });
    const original = await prisma.submission.create({
      data: { labId, labVersionId: labVersion.id, organizationId: org.id, userId: user.id, files: {}, status: 'completed' },
    });
    const job = await prisma.regradeJob.create({
      data: { cohortId: cohort.id, assignmentId: assignment.id, labVersionId: labVersion.id, total: 1, createdById: user.id },
    });
    const regrade = await prisma.submission.create({
      data: {
        labId,
        labVersionId: labVersion.id,
        organizationId: org.id,
        userId: user.id,
        files: {},
        regradeOf: original.id,
        regradeJobId: job.id,
        createdAt: original.createdAt,
      },
    });
    const withRegrades = await prisma.submission.findUniqueOrThrow({
      where: { id: original.id },
      include: { regrades: { include: { regradeJob: { include: { labVersion: true } } } } },
    });
    expect(withRegrades.regrades[0]).toMatchObject({
      id: regrade.id,
      regradeJob: { total: 1, createdById: user.id, labVersion: { id: labVersion.id } },
    });

    await prisma.cohort.delete({ where: { id: cohort.id } }); // cascades to members, assignments, extensions, regrade jobs
    expect(await prisma.regradeJob.count({ where: { id: job.id } })).toBe(0);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: regrade.id } })).regradeJobId).toBeNull(); // SET NULL
    expect(await prisma.cohortMember.count({ where: { cohortId: cohort.id } })).toBe(0);
    expect(await prisma.assignmentExtension.count({ where: { assignmentId: assignment.id } })).toBe(0);
  });
  it('round-trips the webhook models, with their cascades', async () => {
    const org = await prisma.organization.create({ data: { slug: `drift-webhooks-${Date.now()}`, name: 'n', webhooksAllowPrivate: true } });
    const expires = new Date(Date.now() + 3600_000);
    const endpoint = await prisma.webhookEndpoint.create({
      data: {
        organizationId: org.id,
        url: 'https://example.test/hook',
        events: ['submission.completed', 'lab.passed'],
        secret: 'whsec_a',
        previousSecret: 'whsec_b',
        previousSecretExpiresAt: expires,
        failedDeliveries: 2,
        disabledAt: new Date(),
        disabledReason: 'r',
      },
    });
    await prisma.webhookDelivery.create({
      data: {
        id: `msg_drift${Date.now()}`,
        endpointId: endpoint.id,
        event: 'lab.passed',
        payload: { a: 1 },
        status: 'failed',
        attempts: { create: [{ status: 'failed', responseCode: 410, durationMs: 12, responseBody: 'gone', error: null }] },
      },
    });
    await expect(
      prisma.webhookDelivery.create({ data: { id: `msg_drift${Date.now()}x`, endpointId: org.id, event: 'e', payload: {} } }),
    ).rejects.toThrow(); // FK
    const stored = await prisma.organization.findUniqueOrThrow({
      where: { id: org.id },
      include: { webhookEndpoints: { include: { deliveries: { include: { attempts: true } } } } },
    });
    expect(stored.webhooksAllowPrivate).toBe(true);
    expect(stored.webhookEndpoints[0]).toMatchObject({
      events: ['submission.completed', 'lab.passed'],
      previousSecretExpiresAt: expires,
      failedDeliveries: 2,
    });
    expect(stored.webhookEndpoints[0].deliveries[0]).toMatchObject({ payload: { a: 1 }, status: 'failed' });
    expect(stored.webhookEndpoints[0].deliveries[0].attempts[0]).toMatchObject({ responseCode: 410, durationMs: 12, responseBody: 'gone' });
    await prisma.organization.delete({ where: { id: org.id } });
    expect(await prisma.webhookAttempt.count({ where: { deliveryId: stored.webhookEndpoints[0].deliveries[0].id } })).toBe(0);
  });
});
