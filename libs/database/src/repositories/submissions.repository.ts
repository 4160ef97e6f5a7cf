import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { PrismaService } from '../prisma.service';
import { Prisma } from '../../../../generated/prisma/client';
import type { Diagnostic, RunOutcome, TestCounts, TestResult } from '@asynclab/reports';

export type SubmissionStatus = 'queued' | 'running' | 'completed' | 'error';

export interface NewSubmission {
  labId: string;
  labVersionId: string;
  learnerId: string | null;
  files: Record<string, string>;
}

/** One sandbox run's results, ready to store. */
export interface RunToStore {
  variant: string;
  outcome: string;
  runOutcome: RunOutcome | null;
  counts: TestCounts;
  tests: TestResult[];
  diagnostics: Diagnostic[];
  stdoutTail: string;
  stderrTail: string;
  outputTruncated: boolean;
  timings: Record<string, number>;
  harnessVersion: string | null;
}

export interface SubmissionVerdict {
  outcome: string;
  runOutcome: string | null;
  score: number | null;
  scoring: Prisma.InputJsonValue | null;
}

const withRuns = {
  runs: {
    orderBy: { createdAt: 'asc' },
    include: { tests: { orderBy: { position: 'asc' } }, diagnostics: { orderBy: { position: 'asc' } } },
  },
} satisfies Prisma.SubmissionInclude;

export type SubmissionWithRuns = Prisma.SubmissionGetPayload<{ include: typeof withRuns }>;

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
    await this.prisma.$executeRaw`UPDATE submissions SET status = 'queued', attempts = GREATEST(attempts - 1, 0) WHERE id = ${id}::uuid AND status = 'running'`;
  }

  async findWithRuns(id: string): Promise<SubmissionWithRuns | null> {
    return this.prisma.submission.findUnique({ where: { id }, include: withRuns });
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
  async complete(id: string, runs: RunToStore[], verdict: SubmissionVerdict): Promise<boolean> {
    const started = performance.now();
    try {
      await this.prisma.$transaction(async (tx) => {
        for (const run of runs) {
          await tx.run.create({ data: runData(id, run) });
        }
        const updated = await tx.submission.updateMany({
          where: { id, status: { in: ['queued', 'running'] } },
          data: {
            status: 'completed',
            finishedAt: new Date(),
            outcome: verdict.outcome,
            runOutcome: verdict.runOutcome,
            score: verdict.score,
            scoring: verdict.scoring ?? Prisma.DbNull,
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
  async listForLearner(learnerId: string, labId: string | null, take: number) {
    return this.prisma.submission.findMany({
      where: { learnerId, ...(labId ? { labId } : {}) },
      orderBy: { createdAt: 'desc' },
      take,
      select: { id: true, labId: true, status: true, outcome: true, runOutcome: true, score: true, createdAt: true, finishedAt: true },
    });
  }

}

class AlreadyCompletedError extends Error {}

function runData(submissionId: string, run: RunToStore): Prisma.RunUncheckedCreateInput {
  return {
    submissionId,
    variant: run.variant,
    outcome: run.outcome,
    runOutcome: run.runOutcome?.kind ?? null,
    runMessage: run.runOutcome?.message ?? null,
    counts: run.counts as unknown as Prisma.InputJsonValue,
    stdoutTail: run.stdoutTail,
    stderrTail: run.stderrTail,
    outputTruncated: run.outputTruncated,
    timings: run.timings,
    harnessVersion: run.harnessVersion,
    tests: {
      create: run.tests.map((test, position) => ({
        position,
        nodeId: test.id,
        outcome: test.outcome,
        durationMs: test.durationMs,
        message: test.message,
      })),
    },
    diagnostics: {
      create: run.diagnostics.map((d, position) => ({
        position,
        code: d.code,
        severity: d.severity,
        message: d.message,
        file: d.location.file,
        line: d.location.line,
        testId: d.test,
        evidence: d.evidence,
        explanation: d.explanation,
        hint: d.hint,
        chapter: d.chapter,
        source: d.source,
      })),
    },
  };
}
