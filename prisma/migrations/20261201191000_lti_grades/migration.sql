-- LTI Advantage grade passback (AGS 2.0) and its log (issue 14, docs/lti-grades.md): the line item
-- each linked assignment posts to in its platform context, one grade sync per (assignment,
-- learner) holding the score last published, and every attempt to publish.

-- One line item per (context, assignment), found by resource_id or created by us. The unique key
-- is the backstop behind the advisory lock taken while finding-or-creating, so two workers can
-- never both create one.
CREATE TABLE "lti_line_items" (
    "id" UUID NOT NULL,
    "context_id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    -- found (GET lineitems?resource_id=) | created (POST lineitems)
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lti_line_items_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "lti_line_items_context_id_assignment_id_key" ON "lti_line_items"("context_id", "assignment_id");
CREATE INDEX "lti_line_items_assignment_id_idx" ON "lti_line_items"("assignment_id");
ALTER TABLE "lti_line_items" ADD CONSTRAINT "lti_line_items_context_id_fkey" FOREIGN KEY ("context_id") REFERENCES "lti_contexts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "lti_line_items" ADD CONSTRAINT "lti_line_items_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "cohort_assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A learner's grade for an assignment of an LTI context, as last published to the platform.
CREATE TABLE "lti_grade_syncs" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "context_id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    -- pending | succeeded | failed | skipped (no counted attempt: nothing to publish)
    "status" TEXT NOT NULL DEFAULT 'pending',
    -- Bumped by every request to sync (a grade, a retry); the job loops while it moves.
    "requested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "force" BOOLEAN NOT NULL DEFAULT false,
    "line_item_url" TEXT,
    -- The grade as last computed, and as last accepted by the platform.
    "score_given" INTEGER,
    "score_maximum" INTEGER,
    "published_score" INTEGER,
    "published_progress" TEXT,
    "published_at" TIMESTAMP(3),
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lti_grade_syncs_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "lti_grade_syncs_assignment_id_user_id_key" ON "lti_grade_syncs"("assignment_id", "user_id");
CREATE INDEX "lti_grade_syncs_organization_id_updated_at_idx" ON "lti_grade_syncs"("organization_id", "updated_at");
CREATE INDEX "lti_grade_syncs_context_id_idx" ON "lti_grade_syncs"("context_id");
CREATE INDEX "lti_grade_syncs_user_id_idx" ON "lti_grade_syncs"("user_id");
ALTER TABLE "lti_grade_syncs" ADD CONSTRAINT "lti_grade_syncs_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "lti_grade_syncs" ADD CONSTRAINT "lti_grade_syncs_context_id_fkey" FOREIGN KEY ("context_id") REFERENCES "lti_contexts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "lti_grade_syncs" ADD CONSTRAINT "lti_grade_syncs_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "cohort_assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "lti_grade_syncs" ADD CONSTRAINT "lti_grade_syncs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every attempt to publish (line item, token, score): the grade sync log.
CREATE TABLE "lti_grade_sync_attempts" (
    "id" UUID NOT NULL,
    "sync_id" UUID NOT NULL,
    -- succeeded | failed
    "status" TEXT NOT NULL,
    "http_code" INTEGER,
    "duration_ms" INTEGER NOT NULL,
    "error" TEXT,
    "score_given" INTEGER,
    "score_maximum" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lti_grade_sync_attempts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "lti_grade_sync_attempts_sync_id_created_at_idx" ON "lti_grade_sync_attempts"("sync_id", "created_at");
ALTER TABLE "lti_grade_sync_attempts" ADD CONSTRAINT "lti_grade_sync_attempts_sync_id_fkey" FOREIGN KEY ("sync_id") REFERENCES "lti_grade_syncs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
