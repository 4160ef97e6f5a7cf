// Cohorts, their members, assignments and extensions. Every read and write takes the
// organisation id, so a cohort of another organisation is simply not found.
import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { PrismaService } from '../prisma.service';
import { Prisma } from '../../../../generated/prisma/client';
import type { LatePolicy } from '@asynclab/contracts';

// No 0/O, 1/I/L: a code read aloud in a workshop or copied from a slide survives.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export function newJoinCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export interface CohortRow {
  id: string;
  organizationId: string;
  name: string;
  joinCode: string;
  createdAt: Date;
  memberCount: number;
  assignments: AssignmentRow[];
}

export interface AssignmentRow {
  id: string;
  cohortId: string;
  labId: string;
  labTitle: string;
  opensAt: Date;
  dueAt: Date;
  latePolicy: LatePolicy;
  latePenaltyPerDay: number;
}

export interface NewAssignment {
  labId: string;
  opensAt: Date;
  dueAt: Date;
  latePolicy: LatePolicy;
  latePenaltyPerDay: number;
}

export class DuplicateAssignmentError extends Error {}

const WITH_ASSIGNMENTS = {
  assignments: { orderBy: [{ dueAt: 'asc' }, { labId: 'asc' }], include: { lab: { select: { title: true } } } },
  _count: { select: { members: true } },
} satisfies Prisma.CohortInclude;

type CohortWithAssignments = Prisma.CohortGetPayload<{ include: typeof WITH_ASSIGNMENTS }>;

function toCohortRow(row: CohortWithAssignments): CohortRow {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    joinCode: row.joinCode,
    createdAt: row.createdAt,
    memberCount: row._count.members,
    assignments: row.assignments.map(({ lab, ...assignment }) => ({
      ...assignment,
      latePolicy: assignment.latePolicy as LatePolicy,
      labTitle: lab.title,
    })),
  };
}

@Injectable()
export class CohortsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(organizationId: string, name: string, createdById: string | null): Promise<CohortRow> {
    for (;;) {
      try {
        const row = await this.prisma.cohort.create({
          data: { organizationId, name, createdById, joinCode: newJoinCode() },
          include: WITH_ASSIGNMENTS,
        });
        return toCohortRow(row);
      } catch (error) {
        // 31^8 codes: a collision is rare, and a new draw fixes it.
        if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
      }
    }
  }

  /** The organisation's cohorts, or (memberId) only those the user belongs to. */
  async list(organizationId: string, memberId?: string): Promise<CohortRow[]> {
    const rows = await this.prisma.cohort.findMany({
      where: { organizationId, ...(memberId ? { members: { some: { userId: memberId } } } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      include: WITH_ASSIGNMENTS,
    });
    return rows.map(toCohortRow);
  }

  async find(organizationId: string, id: string): Promise<CohortRow | null> {
    const row = await this.prisma.cohort.findFirst({ where: { id, organizationId }, include: WITH_ASSIGNMENTS });
    return row ? toCohortRow(row) : null;
  }

  async findByJoinCode(organizationId: string, joinCode: string): Promise<CohortRow | null> {
    const row = await this.prisma.cohort.findFirst({ where: { joinCode, organizationId }, include: WITH_ASSIGNMENTS });
    return row ? toCohortRow(row) : null;
  }

  async labExists(labId: string): Promise<boolean> {
    return (await this.prisma.lab.count({ where: { id: labId } })) === 1;
  }

  async isMember(cohortId: string, userId: string): Promise<boolean> {
    return (await this.prisma.cohortMember.count({ where: { cohortId, userId } })) === 1;
  }

  /** Adds the user; joining twice is not an error (the first joinedAt stays). */
  /** True when the user was not a member yet. */
  async addMember(cohortId: string, userId: string): Promise<boolean> {
    const { count } = await this.prisma.cohortMember.createMany({ data: [{ cohortId, userId }], skipDuplicates: true });
    return count > 0;
  }

  async addAssignment(cohortId: string, assignment: NewAssignment): Promise<void> {
    try {
      await this.prisma.cohortAssignment.create({ data: { cohortId, ...assignment } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new DuplicateAssignmentError();
      throw error;
    }
  }

  async extend(assignmentId: string, userId: string, dueAt: Date): Promise<void> {
    await this.prisma.assignmentExtension.upsert({
      where: { assignmentId_userId: { assignmentId, userId } },
      create: { assignmentId, userId, dueAt },
      update: { dueAt },
    });
  }

  /** Each assignment's due date for one learner, after extensions. */
  async extensionsOf(cohortId: string): Promise<Array<{ assignmentId: string; userId: string; dueAt: Date }>> {
    return this.prisma.assignmentExtension.findMany({
      where: { assignment: { cohortId } },
      select: { assignmentId: true, userId: true, dueAt: true },
    });
  }
}
