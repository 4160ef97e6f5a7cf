import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { PrismaService } from '../prisma.service';
import { Prisma } from '../../../../generated/prisma/client';
import type { GradedRun, HistoryEntry, SubmissionStatus, SubmissionVerdict } from '@asynclab/contracts';
import { reportOutcome, runRows, scoreColumn, SUBMISSION_WITH_RUNS, type SubmissionWithRuns } from '../report-mapping';

export interface NewSubmission {
  labId: string;
  labVersionId: string;
  learnerId: string | null;
  files: Record<string, string>;
}

@Injectable()
export class SubmissionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(submission: NewSubmission): Promise<{ id: string; status: SubmissionStatus; createdAt: Date }> {
    return this.prisma.submission.create({
      data: { ...submission, status: 'queued' },
      select: { id: true, status: true, createdAt: true },
    });
  }

  async markEnqueued(id: string): Promise<void> {
    await this.prisma.submission.updateMany({ where: { id, enqueuedAt: null }, data: { enqueuedAt: new Date() } });
  }

  /** Submissions committed before `before` that never reached the queue (Redis was down). */
  async findNeverEnqueued(before: Date, limit: number): Promise<Array<{ id: string; labId: string }>> {
    return this.prisma.submission.findMany({
      where: { status: 'queued', enqueuedAt: null, createdAt: { lt: before } },
      select: { id: true, labId: true },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }

  /**
   * Submissions PostgreSQL still waits for that were handed to the queue before `before`: the
   * reconciler checks each still has a job in BullMQ.
   */
  async findAwaitingDelivery(before: Date, limit: number): Promise<Array<{ id: string; labId: string; status: SubmissionStatus }>> {
    return this.prisma.submission.findMany({
      where: { status: { in: ['queued', 'running'] }, enqueuedAt: { not: null, lt: before } },
      select: { id: true, labId: true, status: true },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }

  /** A worker shutting down gave the run back: queued again, and the attempt does not count. */
  async handBack(id: string): Promise<void> {
    await this.prisma
      .$executeRaw`UPDATE submissions SET status = 'queued', attempts = GREATEST(attempts - 1, 0) WHERE id = ${id}::uuid AND status = 'running'`;
  }

  async findWithRuns(id: string): Promise<SubmissionWithRuns | null> {
    return this.prisma.submission.findUnique({ where: { id }, include: SUBMISSION_WITH_RUNS });
  }

  /** Just the status: what a live stream re-checks, without loading the files. */
  async findStatus(id: string): Promise<{ status: SubmissionStatus } | null> {
    return this.prisma.submission.findUnique({ where: { id }, select: { status: true } });
  }

  async findForRun(id: string) {
    return this.prisma.submission.findUnique({
      where: { id },
      select: { id: true, labId: true, labVersionId: true, files: true, status: true, createdAt: true },
    });
  }

  /** Marks the submission running unless it already has its verdict; false means: nothing to do. */
  async claimForRun(id: string): Promise<boolean> {
    const claimed = await this.prisma.submission.updateMany({
      where: { id, status: { in: ['queued', 'running'] } },
      data: { status: 'running', startedAt: new Date(), attempts: { increment: 1 } },
    });
    return claimed.count === 1;
  }

  /**
   * Stores every run and the verdict in one transaction. The unique (submission, variant) key
   * makes a duplicated job fail here instead of storing a second report; returns false then.
   * The time spent storing is written in the same transaction, so a reader who sees the verdict
   * always sees the store phase too.
   */
  async complete(id: string, runs: GradedRun[], verdict: SubmissionVerdict): Promise<boolean> {
    const started = performance.now();
    try {
      await this.prisma.$transaction(async (tx) => {
        for (const run of runs) {
          await tx.run.create({ data: runRows(id, run) });
        }
        const updated = await tx.submission.updateMany({
          where: { id, status: { in: ['queued', 'running'] } },
          data: {
            status: 'completed',
            finishedAt: new Date(),
            outcome: verdict.outcome,
            runOutcome: verdict.runOutcome,
            score: verdict.score,
            scoring: scoreColumn(verdict.scoring),
          },
        });
        if (updated.count !== 1) throw new AlreadyCompletedError();
        const storeMs = Math.round((performance.now() - started) * 10) / 10;
        await tx.$executeRaw`UPDATE runs SET timings = timings || jsonb_build_object('storeMs', ${storeMs}::float8) WHERE submission_id = ${id}::uuid`;
      });
      return true;
    } catch (error) {
      if (error instanceof AlreadyCompletedError) return false;
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
      throw error;
    }
  }

  /** The service failed (never the learner): after the retries, say so on the submission. */
  async markInfraError(id: string, message: string): Promise<void> {
    await this.prisma.submission.updateMany({
      where: { id, status: { in: ['queued', 'running'] } },
      data: { status: 'error', outcome: 'error', runOutcome: 'infra-error', errorMessage: message.slice(0, 2000), finishedAt: new Date() },
    });
  }

  /** A learner's attempts, newest first; the learner id is required so no query leaks across learners. */
  async listForLearner(learnerId: string, labId: string | null, take: number): Promise<HistoryEntry[]> {
    const rows = await this.prisma.submission.findMany({
      where: { learnerId, ...(labId ? { labId } : {}) },
      orderBy: { createdAt: 'desc' },
      take,
      select: { id: true, labId: true, status: true, outcome: true, runOutcome: true, score: true, createdAt: true, finishedAt: true },
    });
    return rows.map((row) => ({ ...row, outcome: row.outcome === null ? null : reportOutcome(row.outcome) }));
  }
}

class AlreadyCompletedError extends Error {}
