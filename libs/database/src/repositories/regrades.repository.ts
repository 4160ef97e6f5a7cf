// Regrades: which of an assignment's latest submissions were graded against an older lab version,
// the job that re-runs them (one new submission per re-run, pointing at the original, so the old
// grade stays in the history), and its progress as the workers grade them.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

export interface RegradeTarget {
  assignmentId: string;
  cohortId: string;
  labId: string;
  opensAt: Date;
}

export interface StaleSubmission {
  id: string;
  labVersionId: string;
}

export interface RegradeProgress {
  id: string;
  assignmentId: string;
  labVersionId: string;
  total: number;
  queued: number;
  running: number;
  completed: number;
  failed: number;
  createdAt: Date;
}

@Injectable()
export class RegradesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async currentVersionOf(labId: string): Promise<string | null> {
    return (await this.prisma.lab.findUnique({ where: { id: labId }, select: { currentVersionId: true } }))?.currentVersionId ?? null;
  }

  /** Each member's latest graded attempt at the lab, where it was graded against another version. */
  async staleLatest(target: RegradeTarget, currentVersionId: string): Promise<StaleSubmission[]> {
    return this.prisma.$queryRaw<StaleSubmission[]>`
      SELECT id, lab_version_id AS "labVersionId" FROM (
        SELECT DISTINCT ON (s.user_id) s.id, s.lab_version_id
        FROM cohort_members m
        JOIN submissions s ON s.user_id = m.user_id AND s.lab_id = ${target.labId} AND s.status = 'completed'
                          AND s.created_at >= ${target.opensAt}
        WHERE m.cohort_id = ${target.cohortId}::uuid
          AND NOT EXISTS (SELECT 1 FROM submissions g WHERE g.regrade_of = s.id)
        ORDER BY s.user_id, s.created_at DESC, s.id DESC
      ) latest
      WHERE lab_version_id <> ${currentVersionId}::uuid`;
  }

  /** Whether the hidden tests (or the broken variants of a fix-tests lab) differ between versions. */
  async gradingChanged(fromVersionIds: string[], toVersionId: string): Promise<boolean> {
    if (fromVersionIds.length === 0) return false;
    const [row] = await this.prisma.$queryRaw<Array<{ changed: boolean | null }>>`
      SELECT bool_or(v.content -> 'hidden' IS DISTINCT FROM c.content -> 'hidden'
                  OR v.content -> 'variants' IS DISTINCT FROM c.content -> 'variants') AS changed
      FROM lab_versions v, lab_versions c
      WHERE v.id = ANY(${fromVersionIds}::uuid[]) AND c.id = ${toVersionId}::uuid`;
    return row.changed === true;
  }

  /** The job and one queued copy per stale submission, in one transaction; returns the copies. */
  async createJob(
    target: RegradeTarget,
    labVersionId: string,
    submissionIds: string[],
    createdById: string | null,
  ): Promise<{ jobId: string; submissions: Array<{ id: string; labId: string }> }> {
    return this.prisma.$transaction(async (tx) => {
      const job = await tx.regradeJob.create({
        data: { cohortId: target.cohortId, assignmentId: target.assignmentId, labVersionId, total: submissionIds.length, createdById },
      });
      const originals = await tx.submission.findMany({
        where: { id: { in: submissionIds } },
        select: { id: true, labId: true, organizationId: true, userId: true, learnerId: true, files: true, createdAt: true },
      });
      const copies = [];
      for (const original of originals) {
        copies.push(
          await tx.submission.create({
            data: {
              labId: original.labId,
              labVersionId,
              organizationId: original.organizationId,
              userId: original.userId,
              learnerId: original.learnerId,
              files: original.files as object,
              // The same time as the original: lateness and order are the learner's, not the regrade's.
              createdAt: original.createdAt,
              regradeOf: original.id,
              regradeJobId: job.id,
              status: 'queued',
            },
            select: { id: true, labId: true },
          }),
        );
      }
      return { jobId: job.id, submissions: copies };
    });
  }

  async progress(cohortId: string, jobId: string): Promise<RegradeProgress | null> {
    const job = await this.prisma.regradeJob.findFirst({ where: { id: jobId, cohortId } });
    if (!job) return null;
    const counts = await this.prisma.submission.groupBy({ by: ['status'], where: { regradeJobId: job.id }, _count: { _all: true } });
    const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
    return {
      id: job.id,
      assignmentId: job.assignmentId,
      labVersionId: job.labVersionId,
      total: job.total,
      queued: count('queued'),
      running: count('running'),
      completed: count('completed'),
      failed: count('error'),
      createdAt: job.createdAt,
    };
  }
}
