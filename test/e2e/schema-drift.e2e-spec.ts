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
});
