// What a roster sync (NRPS) reads and changes: the context with its platform, and the cohort's
// members. Users are created and linked through LtiLinksRepository, as a launch does.
import { Injectable } from '@nestjs/common';
import { Prisma } from '../../../../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { pageWhere, toPage, type Page, type PageQuery } from './pagination';

/** A context as its instructors see it (GET /lti/contexts and /lti/contexts/:id). */
export interface ContextSummary {
  id: string;
  platformId: string;
  contextId: string;
  cohortId: string;
  title: string | null;
  membershipsUrl: string | null;
  createdAt: Date;
}

const SUMMARY = {
  id: true,
  platformId: true,
  contextId: true,
  cohortId: true,
  title: true,
  membershipsUrl: true,
  createdAt: true,
} as const;

export interface RosterContext {
  id: string;
  cohortId: string;
  cohortName: string;
  organizationId: string;
  membershipsUrl: string | null;
  platform: { id: string; clientId: string; authTokenUrl: string; authTokenAudience: string | null; allowPrivate: boolean };
}

@Injectable()
export class LtiRosterRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A context of the organisation's platforms, or null (another organisation's is not there for it). */
  findContext(organizationId: string, contextId: string): Promise<RosterContext | null> {
    return this.contextWhere({ id: contextId, platform: { organizationId } });
  }

  /** The organisation's context, or null (another organisation's is not there for it). */
  summary(organizationId: string, contextId: string): Promise<ContextSummary | null> {
    return this.prisma.ltiContext.findFirst({ where: { id: contextId, platform: { organizationId } }, select: SUMMARY });
  }

  /** A page of the organisation's contexts, newest first; with a cohort id, that cohort's (at most one). */
  async summaries(organizationId: string, filter: { cohortId?: string }, query: PageQuery): Promise<Page<ContextSummary>> {
    const rows = await this.prisma.ltiContext.findMany({
      where: { platform: { organizationId }, ...(filter.cohortId ? { cohortId: filter.cohortId } : {}), ...pageWhere(query) },
      select: SUMMARY,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
    });
    return toPage(rows, query.limit);
  }

  /** Whether the cohort is the organisation's (a filter naming another's is a 404, not an empty list). */
  async isOrganizationCohort(organizationId: string, cohortId: string): Promise<boolean> {
    return (await this.prisma.cohort.count({ where: { id: cohortId, organizationId } })) === 1;
  }

  /** Any organisation's context, for the worker's scheduled sync (the job names it, no caller does). */
  findContextForSync(contextId: string): Promise<RosterContext | null> {
    return this.contextWhere({ id: contextId });
  }

  /** The ids of the contexts whose launches carried a names and roles service, in id order after `after`. */
  async contextsWithRoster(after: string | null, limit: number): Promise<string[]> {
    const rows = await this.prisma.ltiContext.findMany({
      where: { membershipsUrl: { not: null }, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: limit,
    });
    return rows.map((row) => row.id);
  }

  private async contextWhere(where: Prisma.LtiContextWhereInput): Promise<RosterContext | null> {
    const context = await this.prisma.ltiContext.findFirst({
      where,
      include: { cohort: { select: { name: true } }, platform: { include: { organization: { select: { webhooksAllowPrivate: true } } } } },
    });
    if (!context) return null;
    const { platform } = context;
    return {
      id: context.id,
      cohortId: context.cohortId,
      cohortName: context.cohort.name,
      organizationId: platform.organizationId,
      membershipsUrl: context.membershipsUrl,
      platform: {
        id: platform.id,
        clientId: platform.clientId,
        authTokenUrl: platform.authTokenUrl,
        authTokenAudience: platform.authTokenAudience,
        allowPrivate: platform.organization.webhooksAllowPrivate,
      },
    };
  }

  /** The cohort's members that this platform links (a learner who joined by code is never touched by a roster). */
  async linkedMembers(cohortId: string, platformId: string): Promise<string[]> {
    const rows = await this.prisma.cohortMember.findMany({
      where: { cohortId, user: { ltiLinks: { some: { platformId } } } },
      select: { userId: true },
    });
    return rows.map((row) => row.userId);
  }

  /** Adds the users not yet members; returns how many were added. */
  async addMembers(cohortId: string, userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const existing = await this.prisma.cohortMember.findMany({ where: { cohortId, userId: { in: userIds } }, select: { userId: true } });
    const have = new Set(existing.map((row) => row.userId));
    const added = userIds.filter((id) => !have.has(id));
    await this.prisma.cohortMember.createMany({ data: added.map((userId) => ({ cohortId, userId })), skipDuplicates: true });
    return added;
  }

  async removeMembers(cohortId: string, userIds: string[]): Promise<number> {
    if (userIds.length === 0) return 0;
    const { count } = await this.prisma.cohortMember.deleteMany({ where: { cohortId, userId: { in: userIds } } });
    return count;
  }

  /** Keeps the display name the platform gives (never the email: it may be another account's). */
  async refreshName(userId: string, displayName: string | null): Promise<void> {
    if (displayName === null) return;
    await this.prisma.user.updateMany({ where: { id: userId, NOT: { displayName } }, data: { displayName } });
  }
}
