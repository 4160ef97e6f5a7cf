// The grade sync log a page at a time: the organisation's syncs, most recently changed first by
// (updated_at, id), filtered by cohort, assignment, learner, status and a time window on
// updated_at. A sync that changes while a client pages moves to the head of the log: it is never
// listed twice in one walk, and a walk started again with `since` catches it (docs/lti-grades.md).
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import { GRADE_SYNC_SELECT, type GradeSyncRow, type GradeSyncStatus } from './lti-grade-syncs.repository';
import { pageWhere, toPage, type Page, type PageQuery } from './pagination';

export interface GradeSyncFilter {
  cohortId?: string;
  assignmentId?: string;
  userId?: string;
  status?: GradeSyncStatus;
}

/** The filter field naming something the organisation does not have. */
export type ForeignGradeSyncFilter = 'cohortId' | 'assignmentId' | 'userId';

@Injectable()
export class LtiGradeSyncLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A page of the log. A cohort narrows to its LTI context's syncs (none when no course links it). */
  async page(organizationId: string, filter: GradeSyncFilter, query: PageQuery): Promise<Page<GradeSyncRow>> {
    let contextId: string | undefined;
    if (filter.cohortId) {
      const context = await this.prisma.ltiContext.findFirst({
        where: { cohortId: filter.cohortId, platform: { organizationId } },
        select: { id: true },
      });
      if (!context) return { items: [], nextCursor: null };
      contextId = context.id;
    }
    const rows = await this.prisma.ltiGradeSync.findMany({
      where: {
        organizationId,
        ...(contextId ? { contextId } : {}),
        ...(filter.assignmentId ? { assignmentId: filter.assignmentId } : {}),
        ...(filter.userId ? { userId: filter.userId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...pageWhere(query, 'updatedAt'),
      },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
      select: GRADE_SYNC_SELECT,
    });
    return toPage(rows, query.limit, (row) => row.updatedAt);
  }

  /**
   * The first filter that names a cohort, assignment (of that cohort, when both are given) or
   * learner the organisation does not have; null when all are its own.
   */
  async foreignFilter(organizationId: string, filter: GradeSyncFilter): Promise<ForeignGradeSyncFilter | null> {
    const [cohorts, assignments, users] = await Promise.all([
      filter.cohortId ? this.prisma.cohort.count({ where: { id: filter.cohortId, organizationId } }) : 1,
      filter.assignmentId
        ? this.prisma.cohortAssignment.count({
            where: { id: filter.assignmentId, cohort: { organizationId, ...(filter.cohortId ? { id: filter.cohortId } : {}) } },
          })
        : 1,
      filter.userId ? this.prisma.user.count({ where: { id: filter.userId, organizationId } }) : 1,
    ]);
    if (cohorts === 0) return 'cohortId';
    if (assignments === 0) return 'assignmentId';
    if (users === 0) return 'userId';
    return null;
  }
}
