-- The worker's grade sync sweeper (docs/lti-grades.md) reads the pending syncs in request order
-- every LTI_GRADE_SWEEP_INTERVAL_MS; a partial index keeps that a short walk however many settled
-- syncs the table holds. Partial: Prisma's schema cannot declare it, like the other WHERE indexes.
CREATE INDEX "lti_grade_syncs_pending_idx" ON "lti_grade_syncs"("requested_at", "id") WHERE "status" = 'pending';
