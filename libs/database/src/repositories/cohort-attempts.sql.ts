// The attempts a cohort's dashboard and analytics count, as one SQL fragment: every graded
// submission of a member at an assigned lab from the assignment's opening, with the member's own
// due date, whether it was late and its score after the late penalty. Attempts after the due date
// of a "lock" assignment are left out. The covering index submissions_user_lab_graded_idx serves
// the join per (learner, lab). A submission whose regrade has been graded counts as that regrade.
import { Prisma } from '../../../../generated/prisma/client';

export interface AttemptFilter {
  cohortId: string;
  organizationId: string;
  /** Only these learners (a page of the matrix, or a learner's own row). */
  userIds?: string[];
}

export function cohortAttemptsCte(filter: AttemptFilter): Prisma.Sql {
  const members = filter.userIds ? Prisma.sql`AND m.user_id = ANY(${filter.userIds}::uuid[])` : Prisma.empty;
  return Prisma.sql`
    counted AS (
      SELECT m.user_id, a.id AS assignment_id, a.lab_id, s.id AS submission_id, s.created_at, s.outcome, s.score,
             COALESCE(x.due_at, a.due_at) AS due_at, a.late_policy, a.late_penalty_per_day
      FROM cohort_assignments a
      JOIN cohort_members m ON m.cohort_id = a.cohort_id ${members}
      LEFT JOIN assignment_extensions x ON x.assignment_id = a.id AND x.user_id = m.user_id
      JOIN submissions s ON s.user_id = m.user_id AND s.lab_id = a.lab_id AND s.status = 'completed'
                        AND s.created_at >= a.opens_at AND s.organization_id = ${filter.organizationId}::uuid
      WHERE a.cohort_id = ${filter.cohortId}::uuid
        AND (a.late_policy <> 'lock' OR s.created_at <= COALESCE(x.due_at, a.due_at))
        -- A graded regrade stands in for the submission it re-ran (same files, same time).
        AND NOT EXISTS (SELECT 1 FROM submissions g WHERE g.regrade_of = s.id AND g.status = 'completed')
    ),
    attempts AS (
      SELECT counted.*,
             created_at > due_at AS late,
             CASE WHEN created_at > due_at AND late_policy = 'penalty'
                  THEN GREATEST(0, score - late_penalty_per_day * CEIL(EXTRACT(EPOCH FROM created_at - due_at) / 86400)::int)
                  ELSE score END AS adjusted_score,
             ROW_NUMBER() OVER (PARTITION BY user_id, assignment_id ORDER BY created_at, submission_id) AS n
      FROM counted
    )`;
}

/** The main run's diagnostics of the counted attempts (variant runs grade the broken code, not the learner's). */
export const ATTEMPT_DIAGNOSTICS = Prisma.sql`
  JOIN runs r ON r.submission_id = t.submission_id AND r.variant = 'main'
  JOIN diagnostics d ON d.run_id = r.id`;
