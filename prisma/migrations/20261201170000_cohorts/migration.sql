-- Cohorts (issue 13): an instructor's group of learners, the labs assigned to it with their
-- dates and late policy, per-learner due-date extensions.

CREATE TABLE "cohorts" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "join_code" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cohorts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "cohorts_join_code_key" ON "cohorts"("join_code");
CREATE INDEX "cohorts_organization_id_created_at_idx" ON "cohorts"("organization_id", "created_at");
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "cohort_members" (
    "cohort_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "joined_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cohort_members_pkey" PRIMARY KEY ("cohort_id", "user_id")
);
CREATE INDEX "cohort_members_user_id_idx" ON "cohort_members"("user_id");
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "cohort_assignments" (
    "id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "lab_id" TEXT NOT NULL,
    "opens_at" TIMESTAMP(3) NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "late_policy" TEXT NOT NULL DEFAULT 'accept',
    "late_penalty_per_day" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cohort_assignments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cohort_assignments_late_policy_check" CHECK ("late_policy" IN ('accept', 'penalty', 'lock')),
    CONSTRAINT "cohort_assignments_dates_check" CHECK ("due_at" > "opens_at")
);
CREATE UNIQUE INDEX "cohort_assignments_cohort_id_lab_id_key" ON "cohort_assignments"("cohort_id", "lab_id");
ALTER TABLE "cohort_assignments" ADD CONSTRAINT "cohort_assignments_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cohort_assignments" ADD CONSTRAINT "cohort_assignments_lab_id_fkey" FOREIGN KEY ("lab_id") REFERENCES "labs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "assignment_extensions" (
    "assignment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "assignment_extensions_pkey" PRIMARY KEY ("assignment_id", "user_id")
);
ALTER TABLE "assignment_extensions" ADD CONSTRAINT "assignment_extensions_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "cohort_assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "assignment_extensions" ADD CONSTRAINT "assignment_extensions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The dashboard reads a learner's graded attempts at a lab in time order (covering the score and
-- outcome so the aggregation never visits the wide rows with their files).
CREATE INDEX "submissions_user_lab_graded_idx" ON "submissions"("user_id", "lab_id", "created_at") INCLUDE ("outcome", "score") WHERE "status" = 'completed';
