// How a platform's users, course contexts and resource links map to our users, cohorts and
// cohort assignments. Keyed by platform id: the platform row decides the organisation.
import { Injectable } from '@nestjs/common';
import { Prisma } from '../../../../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import type { UserRow } from './users.repository';
import { newJoinCode } from './cohorts.repository';

export interface LtiContextRow {
  id: string;
  platformId: string;
  deploymentId: string;
  contextId: string;
  cohortId: string;
  title: string | null;
  lineitemsUrl: string | null;
  lineitemUrl: string | null;
  agsScopes: string[];
  membershipsUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The AGS and NRPS claims of the latest launch in a context (null when it carried none). */
export interface LtiServiceClaims {
  title: string | null;
  lineitemsUrl: string | null;
  lineitemUrl: string | null;
  agsScopes: string[];
  membershipsUrl: string | null;
}

export interface LtiResourceLinkRow {
  id: string;
  platformId: string;
  resourceLinkId: string;
  contextId: string;
  assignmentId: string;
  lineitemUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ContextKey {
  platformId: string;
  deploymentId: string;
  contextId: string;
}

@Injectable()
export class LtiLinksRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findLinkedUser(platformId: string, subject: string): Promise<UserRow | null> {
    const link = await this.prisma.ltiUserLink.findUnique({
      where: { platformId_subject: { platformId, subject } },
      include: { user: true },
    });
    return link?.user ?? null;
  }

  /**
   * Creates the user in the organisation and links it to the subject, in one transaction. When a
   * concurrent launch of the same subject won the race, returns that launch's user instead.
   */
  async createLinkedUser(
    platformId: string,
    subject: string,
    organizationId: string,
    user: { role: string; email: string | null; displayName: string | null },
  ): Promise<UserRow> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const created = await tx.user.create({ data: { ...user, organizationId } });
        await tx.ltiUserLink.create({ data: { platformId, subject, userId: created.id } });
        return created;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findLinkedUser(platformId, subject);
      if (winner) return winner;
      if (user.email === null) throw error;
      // The email is taken by a user the platform never linked: link without it rather than merge accounts.
      return this.createLinkedUser(platformId, subject, organizationId, { ...user, email: null });
    }
  }

  findContext(key: ContextKey): Promise<LtiContextRow | null> {
    return this.prisma.ltiContext.findUnique({ where: { platformId_deploymentId_contextId: key } });
  }

  findContextByCohort(cohortId: string): Promise<LtiContextRow | null> {
    return this.prisma.ltiContext.findUnique({ where: { cohortId } });
  }

  /**
   * Creates the context's cohort and links it, in one transaction; null when a concurrent launch
   * linked the context first (nothing is left behind; the caller re-reads).
   */
  async createContextWithCohort(
    key: ContextKey,
    cohort: { organizationId: string; name: string; createdById: string | null },
    claims: LtiServiceClaims,
  ): Promise<LtiContextRow | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const created = await tx.cohort.create({ data: { ...cohort, joinCode: newJoinCode() } });
        return tx.ltiContext.create({ data: { ...key, cohortId: created.id, ...claims } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Keeps the service endpoints as the latest launch named them. */
  updateContextClaims(id: string, claims: LtiServiceClaims): Promise<LtiContextRow> {
    return this.prisma.ltiContext.update({ where: { id }, data: claims });
  }

  findResourceLink(platformId: string, resourceLinkId: string): Promise<LtiResourceLinkRow | null> {
    return this.prisma.ltiResourceLink.findUnique({ where: { platformId_resourceLinkId: { platformId, resourceLinkId } } });
  }

  /** Records (or refreshes) which assignment a resource link launches and its line item. */
  upsertResourceLink(row: Omit<LtiResourceLinkRow, 'id' | 'createdAt' | 'updatedAt'>): Promise<LtiResourceLinkRow> {
    const { platformId, resourceLinkId } = row;
    const lineitem = row.lineitemUrl ? { lineitemUrl: row.lineitemUrl } : {};
    return this.prisma.ltiResourceLink.upsert({
      where: { platformId_resourceLinkId: { platformId, resourceLinkId } },
      create: row,
      update: { contextId: row.contextId, assignmentId: row.assignmentId, ...lineitem },
    });
  }

  /** The first instructor to launch a course owns its cohort when a learner's launch created it. */
  async claimCohortOwnership(cohortId: string, userId: string): Promise<void> {
    await this.prisma.cohort.updateMany({ where: { id: cohortId, createdById: null }, data: { createdById: userId } });
  }

  /** Raises a user's role to instructor (a launch said so); never lowers it, never to admin. */
  async promoteToInstructor(userId: string): Promise<void> {
    await this.prisma.user.updateMany({ where: { id: userId, role: 'learner' }, data: { role: 'instructor' } });
  }

  /** The assignment when it belongs to the cohort (a custom claim is only as good as this check). */
  findAssignmentInCohort(cohortId: string, assignmentId: string): Promise<{ id: string; labId: string } | null> {
    return this.prisma.cohortAssignment.findFirst({ where: { id: assignmentId, cohortId }, select: { id: true, labId: true } });
  }

  findAssignmentOfLab(cohortId: string, labId: string): Promise<{ id: string; labId: string } | null> {
    return this.prisma.cohortAssignment.findFirst({ where: { cohortId, labId }, select: { id: true, labId: true } });
  }

  /** The resource links that launch an assignment (grade passback posts to each one's line item). */
  resourceLinksOfAssignment(assignmentId: string): Promise<LtiResourceLinkRow[]> {
    return this.prisma.ltiResourceLink.findMany({ where: { assignmentId }, orderBy: { createdAt: 'asc' } });
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
