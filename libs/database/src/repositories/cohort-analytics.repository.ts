// Which asyncio bugs a cohort keeps writing: codes per day, per learner the codes they hit and
// whether they stopped, and the learners who are stuck (many attempts, the same code each time).
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import { ATTEMPT_DIAGNOSTICS, AttemptFilter, cohortAttemptsCte } from './cohort-attempts.sql';

export interface CodeDayRow {
  day: string;
  code: string;
  attempts: number;
}

export interface LearnerCodeRow {
  userId: string;
  code: string;
  attempts: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  fixed: boolean;
}

export interface StuckRow {
  userId: string;
  assignmentId: string;
  labId: string;
  attempts: number;
  code: string;
  lastActivityAt: Date;
}

export interface StuckRule {
  minAttempts: number;
  repeatedInLast: number;
}

@Injectable()
export class CohortAnalyticsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async codesOverTime(filter: AttemptFilter): Promise<CodeDayRow[]> {
    return this.prisma.$queryRaw<CodeDayRow[]>`
      WITH ${cohortAttemptsCte(filter)}
      SELECT to_char(date_trunc('day', t.created_at), 'YYYY-MM-DD') AS day, d.code, COUNT(DISTINCT t.submission_id)::int AS attempts
      FROM attempts t ${ATTEMPT_DIAGNOSTICS}
      GROUP BY 1, 2
      ORDER BY 1, 2`;
  }

  /**
   * A code counts as fixed for a learner when, at every lab where it appeared, they made a later
   * attempt without it.
   */
  async learnerCodes(filter: AttemptFilter): Promise<LearnerCodeRow[]> {
    return this.prisma.$queryRaw<LearnerCodeRow[]>`
      WITH ${cohortAttemptsCte(filter)},
      last_attempt AS (SELECT user_id, lab_id, MAX(created_at) AS last_at FROM attempts GROUP BY user_id, lab_id),
      per_lab AS (
        SELECT t.user_id, t.lab_id, d.code, COUNT(DISTINCT t.submission_id) AS hits,
               MIN(t.created_at) AS first_seen, MAX(t.created_at) AS last_seen
        FROM attempts t ${ATTEMPT_DIAGNOSTICS}
        GROUP BY t.user_id, t.lab_id, d.code
      )
      SELECT p.user_id AS "userId", p.code, SUM(p.hits)::int AS attempts, MIN(p.first_seen) AS "firstSeenAt",
             MAX(p.last_seen) AS "lastSeenAt", BOOL_AND(p.last_seen < l.last_at) AS fixed
      FROM per_lab p JOIN last_attempt l ON l.user_id = p.user_id AND l.lab_id = p.lab_id
      GROUP BY p.user_id, p.code
      ORDER BY p.user_id, attempts DESC, p.code`;
  }

  /** Not passed, at least minAttempts attempts, and one code in each of the last repeatedInLast. */
  async stuck(filter: AttemptFilter, rule: StuckRule): Promise<StuckRow[]> {
    return this.prisma.$queryRaw<StuckRow[]>`
      WITH ${cohortAttemptsCte(filter)},
      ranked AS (
        SELECT user_id, assignment_id, lab_id, submission_id, created_at,
               ROW_NUMBER() OVER (PARTITION BY user_id, assignment_id ORDER BY created_at DESC, submission_id DESC) AS back,
               COUNT(*) OVER (PARTITION BY user_id, assignment_id) AS total,
               BOOL_OR(outcome = 'pass') OVER (PARTITION BY user_id, assignment_id) AS passed,
               MAX(created_at) OVER (PARTITION BY user_id, assignment_id) AS last_at
        FROM attempts
      )
      SELECT t.user_id AS "userId", t.assignment_id AS "assignmentId", t.lab_id AS "labId", t.total::int AS attempts,
             d.code, t.last_at AS "lastActivityAt"
      FROM ranked t ${ATTEMPT_DIAGNOSTICS}
      WHERE t.back <= ${rule.repeatedInLast} AND NOT t.passed AND t.total >= ${rule.minAttempts}
      GROUP BY t.user_id, t.assignment_id, t.lab_id, t.total, t.last_at, d.code
      HAVING COUNT(DISTINCT t.submission_id) = ${rule.repeatedInLast}
      ORDER BY attempts DESC, t.user_id, d.code`;
  }
}
