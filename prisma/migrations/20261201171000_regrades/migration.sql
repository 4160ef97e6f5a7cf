-- Regrades (issue 13): re-running a cohort's latest submissions against a lab's new version. Each
-- re-run is a new submission row pointing at the one it regrades (regrade_of), so the old grade
-- and its report stay in the history untouched; the dashboard counts the regrade instead once it
-- is graded.

CREATE TABLE "regrade_jobs" (
    "id" UUID NOT NULL,
    "cohort_id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "lab_version_id" UUID NOT NULL,
    "total" INTEGER NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "regrade_jobs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "regrade_jobs_cohort_id_created_at_idx" ON "regrade_jobs"("cohort_id", "created_at");
ALTER TABLE "regrade_jobs" ADD CONSTRAINT "regrade_jobs_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "regrade_jobs" ADD CONSTRAINT "regrade_jobs_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "cohort_assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "regrade_jobs" ADD CONSTRAINT "regrade_jobs_lab_version_id_fkey" FOREIGN KEY ("lab_version_id") REFERENCES "lab_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "submissions" ADD COLUMN "regrade_of" UUID;
ALTER TABLE "submissions" ADD COLUMN "regrade_job_id" UUID;
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_regrade_of_fkey" FOREIGN KEY ("regrade_of") REFERENCES "submissions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_regrade_job_id_fkey" FOREIGN KEY ("regrade_job_id") REFERENCES "regrade_jobs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "submissions_regrade_of_idx" ON "submissions"("regrade_of") WHERE "regrade_of" IS NOT NULL;
CREATE INDEX "submissions_regrade_job_id_idx" ON "submissions"("regrade_job_id") WHERE "regrade_job_id" IS NOT NULL;
