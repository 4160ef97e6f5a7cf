// Grade passback (AGS) bookkeeping: which assignments of LTI contexts a graded submission touches,
// the learner's grade for one of them (the cohort matrix's own aggregation), one sync row per
// (assignment, learner) with the score the platform last accepted, and the attempts log.
import { Injectable } from '@nestjs/common';
import { Prisma } from '../../../../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { cohortAttemptsCte } from './cohort-attempts.sql';

export type GradeSyncStatus = 'pending' | 'succeeded' | 'failed' | 'skipped';

export interface PassbackTarget {
  organizationId: string;
  contextId: string;
  assignmentId: string;
  userId: string;
}

export interface LearnerGrade {
  attempts: number;
  /** The best score after the late policy; null when no attempt counts. */
  bestScore: number | null;
  passed: boolean;
}

/** What one sync needs to publish: the platform, the context's AGS claim, the assignment, the learner's subject. */
export interface GradeSyncJobFacts {
  id: string;
  organizationId: string;
  assignmentId: string;
  userId: string;
  requestedAt: Date;
  force: boolean;
  publishedScore: number | null;
  publishedProgress: string | null;
  context: { id: string; cohortId: string; lineitemsUrl: string | null; agsScopes: string[] };
  platform: { id: string; clientId: string; authTokenUrl: string; authTokenAudience: string | null; allowPrivate: boolean };
  assignment: { labId: string; labTitle: string; opensAt: Date; dueAt: Date };
  /** The learner's `sub` on the platform; null when the link was removed since. */
  subject: string | null;
  /** Line items the platform gave for this assignment's resource links in this context. */
  resourceLinkLineItems: string[];
}

export interface GradeSyncAttemptRow {
  status: string;
  httpCode: number | null;
  durationMs: number;
  error: string | null;
  scoreGiven: number | null;
  scoreMaximum: number | null;
  createdAt: Date;
}

export interface GradeSyncRow {
  id: string;
  contextId: string;
  assignmentId: string;
  userId: string;
  status: string;
  lineItemUrl: string | null;
  scoreGiven: number | null;
  scoreMaximum: number | null;
  publishedScore: number | null;
  publishedAt: Date | null;
  lastError: string | null;
  requestedAt: Date;
  updatedAt: Date;
  attempts: GradeSyncAttemptRow[];
}

/** A pending sync as the sweeper walks them (by request time, then id). */
export interface PendingSyncCursor {
  id: string;
  requestedAt: Date;
}

/**
 * A new request's time: later than the one before even within the same millisecond (the column
 * keeps milliseconds), so a running job always sees that it was asked again.
 */
const NEXT_REQUEST_AT = Prisma.sql`GREATEST(clock_timestamp(), lti_grade_syncs.requested_at + interval '1 millisecond')`;

/** The attempts shown per sync in the log (the newest). */
const ATTEMPTS_SHOWN = 20;

@Injectable()
export class LtiGradeSyncsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The assignments of LTI contexts that this graded submission may change the grade of: its
   * lab's assignments in the learner's cohorts, open at the attempt's time, whose cohort is linked
   * to a context of a platform of the submission's organisation where the learner has a link.
   */
  passbackTargets(submissionId: string): Promise<PassbackTarget[]> {
    return this.prisma.$queryRaw<PassbackTarget[]>`
      SELECT p.organization_id AS "organizationId", c.id AS "contextId", a.id AS "assignmentId", s.user_id AS "userId"
      FROM submissions s
      JOIN cohort_members m ON m.user_id = s.user_id
      JOIN cohort_assignments a ON a.cohort_id = m.cohort_id AND a.lab_id = s.lab_id AND a.opens_at <= s.created_at
      JOIN lti_contexts c ON c.cohort_id = a.cohort_id
      JOIN lti_platforms p ON p.id = c.platform_id AND p.organization_id = s.organization_id
      JOIN lti_user_links l ON l.platform_id = p.id AND l.user_id = s.user_id
      WHERE s.id = ${submissionId}::uuid AND s.status = 'completed'`;
  }

  /** The learner's grade for the assignment, by the cohort matrix's rules; null when nothing counts. */
  async gradeOf(organizationId: string, cohortId: string, assignmentId: string, userId: string): Promise<LearnerGrade | null> {
    const rows = await this.prisma.$queryRaw<LearnerGrade[]>`
      WITH ${cohortAttemptsCte({ cohortId, organizationId, userIds: [userId] })}
      SELECT COUNT(*)::int AS attempts, MAX(adjusted_score)::int AS "bestScore", BOOL_OR(outcome = 'pass') AS passed
      FROM attempts WHERE assignment_id = ${assignmentId}::uuid`;
    // An aggregate without GROUP BY always answers one row; no counted attempt means no grade.
    const [row] = rows;
    return row.attempts > 0 ? row : null;
  }

  /** Asks for a sync (a new grade or a retry): creates the row or marks it requested again; returns its id. */
  async request(target: PassbackTarget, force = false): Promise<string> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO lti_grade_syncs (id, organization_id, context_id, assignment_id, user_id, force)
      VALUES (gen_random_uuid(), ${target.organizationId}::uuid, ${target.contextId}::uuid, ${target.assignmentId}::uuid,
              ${target.userId}::uuid, ${force})
      ON CONFLICT (assignment_id, user_id) DO UPDATE
        SET requested_at = ${NEXT_REQUEST_AT}, force = lti_grade_syncs.force OR EXCLUDED.force,
            status = 'pending', context_id = EXCLUDED.context_id, updated_at = clock_timestamp()
      RETURNING id`;
    return rows[0].id;
  }

  /** Asks for a sync again, forced (posted even if unchanged); false when it is not the organisation's. */
  async requestRetry(organizationId: string, id: string): Promise<boolean> {
    const count = await this.prisma.$executeRaw`
      UPDATE lti_grade_syncs SET requested_at = ${NEXT_REQUEST_AT}, force = true, status = 'pending', updated_at = clock_timestamp()
      WHERE id = ${id}::uuid AND organization_id = ${organizationId}::uuid`;
    return count > 0;
  }

  async findForJob(syncId: string): Promise<GradeSyncJobFacts | null> {
    const sync = await this.prisma.ltiGradeSync.findUnique({ where: { id: syncId } });
    if (!sync) return null;
    const context = await this.prisma.ltiContext.findUnique({
      where: { id: sync.contextId },
      include: { platform: { include: { organization: { select: { webhooksAllowPrivate: true } } } } },
    });
    const assignment = await this.prisma.cohortAssignment.findUnique({ where: { id: sync.assignmentId }, include: { lab: true } });
    if (!context || !assignment) return null;
    const link = await this.prisma.ltiUserLink.findFirst({ where: { platformId: context.platformId, userId: sync.userId } });
    const links = await this.prisma.ltiResourceLink.findMany({
      where: { assignmentId: sync.assignmentId, contextId: context.id, lineitemUrl: { not: null } },
      orderBy: { createdAt: 'asc' },
    });
    return {
      id: sync.id,
      organizationId: sync.organizationId,
      assignmentId: sync.assignmentId,
      userId: sync.userId,
      requestedAt: sync.requestedAt,
      force: sync.force,
      publishedScore: sync.publishedScore,
      publishedProgress: sync.publishedProgress,
      context: { id: context.id, cohortId: context.cohortId, lineitemsUrl: context.lineitemsUrl, agsScopes: context.agsScopes },
      platform: {
        id: context.platform.id,
        clientId: context.platform.clientId,
        authTokenUrl: context.platform.authTokenUrl,
        authTokenAudience: context.platform.authTokenAudience,
        allowPrivate: context.platform.organization.webhooksAllowPrivate,
      },
      assignment: { labId: assignment.labId, labTitle: assignment.lab.title, opensAt: assignment.opensAt, dueAt: assignment.dueAt },
      subject: link?.subject ?? null,
      resourceLinkLineItems: links.flatMap((l) => (l.lineitemUrl ? [l.lineitemUrl] : [])),
    };
  }

  async recordAttempt(syncId: string, attempt: Omit<GradeSyncAttemptRow, 'createdAt'>): Promise<void> {
    await this.prisma.ltiGradeSyncAttempt.create({ data: { syncId, ...attempt } });
  }

  /** The grade as computed now (shown in the log whether or not it is published). */
  async noteGrade(syncId: string, grade: { scoreGiven: number | null; scoreMaximum: number | null }): Promise<void> {
    await this.prisma.ltiGradeSync.update({ where: { id: syncId }, data: grade });
  }

  async markPublished(syncId: string, published: { score: number; progress: string; lineItemUrl: string }): Promise<void> {
    await this.prisma.ltiGradeSync.update({
      where: { id: syncId },
      data: {
        status: 'succeeded',
        publishedScore: published.score,
        publishedProgress: published.progress,
        publishedAt: new Date(),
        lineItemUrl: published.lineItemUrl,
        lastError: null,
      },
    });
  }

  /** A failed attempt that will be retried: the sync stays pending with the error shown. */
  async noteError(syncId: string, error: string): Promise<void> {
    await this.prisma.ltiGradeSync.update({ where: { id: syncId }, data: { lastError: error } });
  }

  async markFailed(syncId: string, error: string, lineItemUrl?: string): Promise<void> {
    await this.prisma.ltiGradeSync.update({ where: { id: syncId }, data: { status: 'failed', lastError: error, lineItemUrl } });
  }

  /**
   * Ends the sync with `status` unless it was requested again after `requestedAt` (then the caller
   * runs once more: the request's job was coalesced into this one). Clears the force flag.
   */
  async finish(syncId: string, requestedAt: Date, status: GradeSyncStatus): Promise<boolean> {
    const { count } = await this.prisma.ltiGradeSync.updateMany({
      where: { id: syncId, requestedAt: { lte: requestedAt } },
      data: { status, force: false },
    });
    return count > 0;
  }

  /**
   * Pending syncs last requested before `before`, oldest first, after the cursor: what the
   * worker's sweeper checks for a job in Redis (a sync stored while Redis was away has none).
   */
  pendingBefore(before: Date, after: PendingSyncCursor | null, limit: number): Promise<PendingSyncCursor[]> {
    const later = after
      ? { OR: [{ requestedAt: { gt: after.requestedAt } }, { requestedAt: after.requestedAt, id: { gt: after.id } }] }
      : {};
    return this.prisma.ltiGradeSync.findMany({
      where: { status: 'pending', requestedAt: { lt: before }, ...later },
      orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
      take: limit,
      select: { id: true, requestedAt: true },
    });
  }

  /** Whether the sync waits for a run (requested again after its job's last look, or retrying). */
  async isPending(syncId: string): Promise<boolean> {
    const row = await this.prisma.ltiGradeSync.findUnique({ where: { id: syncId }, select: { status: true } });
    return row?.status === 'pending';
  }

  /** A sync of the organisation, or null (another organisation's is not there for it). */
  find(organizationId: string, id: string): Promise<GradeSyncRow | null> {
    return this.prisma.ltiGradeSync.findFirst({ where: { id, organizationId }, select: GRADE_SYNC_SELECT });
  }
}

/** A sync as the log shows it (the grade sync log's pages use it too). */
export const GRADE_SYNC_SELECT = {
  id: true,
  contextId: true,
  assignmentId: true,
  userId: true,
  status: true,
  lineItemUrl: true,
  scoreGiven: true,
  scoreMaximum: true,
  publishedScore: true,
  publishedAt: true,
  lastError: true,
  requestedAt: true,
  updatedAt: true,
  attempts: {
    orderBy: { createdAt: 'desc' as const },
    take: ATTEMPTS_SHOWN,
    select: { status: true, httpCode: true, durationMs: true, error: true, scoreGiven: true, scoreMaximum: true, createdAt: true },
  },
} satisfies Prisma.LtiGradeSyncSelect;
