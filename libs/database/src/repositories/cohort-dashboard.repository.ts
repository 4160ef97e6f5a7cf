// The numbers of the instructor dashboard, aggregated by PostgreSQL: one row per (learner,
// assignment) with attempts, best score and the first pass, and per assignment the diagnostics
// hit most. The API turns them into the matrix and the medians.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import { Prisma } from '../../../../generated/prisma/client';
import { ATTEMPT_DIAGNOSTICS, AttemptFilter, cohortAttemptsCte } from './cohort-attempts.sql';

export interface CellAggregate {
  userId: string;
  assignmentId: string;
  attempts: number;
  bestScore: number | null;
  passed: boolean;
  lastActivityAt: Date;
  firstAttemptAt: Date;
  firstPassAt: Date | null;
  attemptsToPass: number | null;
}

export interface CohortMemberRow {
  userId: string;
  email: string | null;
  displayName: string | null;
  externalId: string | null;
  joinedAt: Date;
}

export interface AssignmentDiagnostic {
  assignmentId: string;
  code: string;
  attempts: number;
  learners: number;
}

@Injectable()
export class CohortDashboardRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Members ordered by user id; `after` and `limit` page through them. */
  async members(cohortId: string, page: { after?: string; limit?: number; userId?: string } = {}): Promise<CohortMemberRow[]> {
    return this.prisma.$queryRaw<CohortMemberRow[]>`
      SELECT m.user_id AS "userId", u.email, u.display_name AS "displayName", u.external_id AS "externalId", m.joined_at AS "joinedAt"
      FROM cohort_members m JOIN users u ON u.id = m.user_id
      WHERE m.cohort_id = ${cohortId}::uuid
        ${page.userId ? Prisma.sql`AND m.user_id = ${page.userId}::uuid` : Prisma.empty}
        ${page.after ? Prisma.sql`AND m.user_id > ${page.after}::uuid` : Prisma.empty}
      ORDER BY m.user_id
      ${page.limit ? Prisma.sql`LIMIT ${page.limit}` : Prisma.empty}`;
  }

  async cells(filter: AttemptFilter): Promise<CellAggregate[]> {
    return this.prisma.$queryRaw<CellAggregate[]>`
      WITH ${cohortAttemptsCte(filter)}
      SELECT user_id AS "userId", assignment_id AS "assignmentId", COUNT(*)::int AS attempts,
             MAX(adjusted_score)::int AS "bestScore", BOOL_OR(outcome = 'pass') AS passed,
             MAX(created_at) AS "lastActivityAt", MIN(created_at) AS "firstAttemptAt",
             MIN(created_at) FILTER (WHERE outcome = 'pass') AS "firstPassAt",
             MIN(n) FILTER (WHERE outcome = 'pass')::int AS "attemptsToPass"
      FROM attempts
      GROUP BY user_id, assignment_id`;
  }

  /** Per assignment, each diagnostic code with the attempts and learners that hit it, most first. */
  async diagnosticsByAssignment(filter: AttemptFilter): Promise<AssignmentDiagnostic[]> {
    return this.prisma.$queryRaw<AssignmentDiagnostic[]>`
      WITH ${cohortAttemptsCte(filter)}
      SELECT t.assignment_id AS "assignmentId", d.code, COUNT(DISTINCT t.submission_id)::int AS attempts,
             COUNT(DISTINCT t.user_id)::int AS learners
      FROM attempts t ${ATTEMPT_DIAGNOSTICS}
      GROUP BY t.assignment_id, d.code
      ORDER BY t.assignment_id, attempts DESC, d.code`;
  }
}
