-- The grade sync log is paged newest first by (updated_at, id) (docs/lti-grades.md): the indexes
-- end in the same pair, so a page is an index scan that starts at the cursor and stops after
-- `limit` rows, for the organisation's whole log and for one cohort's (context's), with or without
-- a status filter (failed only). They replace (organization_id, updated_at) and (context_id), whose
-- work they do too (the context one still serves the foreign key's cascades).
DROP INDEX "lti_grade_syncs_organization_id_updated_at_idx";
DROP INDEX "lti_grade_syncs_context_id_idx";
CREATE INDEX "lti_grade_syncs_organization_id_updated_at_id_idx" ON "lti_grade_syncs"("organization_id", "updated_at", "id");
CREATE INDEX "lti_grade_syncs_context_id_updated_at_id_idx" ON "lti_grade_syncs"("context_id", "updated_at", "id");
CREATE INDEX "lti_grade_syncs_context_id_status_updated_at_id_idx" ON "lti_grade_syncs"("context_id", "status", "updated_at", "id");
