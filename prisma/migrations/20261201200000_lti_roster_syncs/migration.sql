-- Roster syncs (NRPS 2.0, docs/lti-grades.md): one row per run of a context's roster sync, however
-- it started (the worker's schedule, an instructor's launch, a request), with what it changed or
-- the platform's error. The instructor reads them on GET /lti/contexts/:id.

CREATE TABLE "lti_roster_syncs" (
    "id" UUID NOT NULL,
    "context_id" UUID NOT NULL,
    -- schedule | launch | request
    "trigger" TEXT NOT NULL,
    -- The schedule's time slot (its tick's scheduled time); null for launches and requests.
    "slot_at" TIMESTAMP(3),
    -- running | retrying | succeeded | failed
    "status" TEXT NOT NULL DEFAULT 'running',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "pages" INTEGER,
    "members" INTEGER,
    "users_created" INTEGER,
    "learners_added" INTEGER,
    "learners_removed" INTEGER,
    "learners_kept" INTEGER,
    "instructors" INTEGER,
    "inactive" INTEGER,
    "complete" BOOLEAN,
    "error" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lti_roster_syncs_pkey" PRIMARY KEY ("id")
);
-- One scheduled run per context and slot, whatever the number of workers: the claim of a slot is
-- an insert on this key (NULL slots, launches and requests, never collide).
CREATE UNIQUE INDEX "lti_roster_syncs_context_id_slot_at_key" ON "lti_roster_syncs"("context_id", "slot_at");
CREATE INDEX "lti_roster_syncs_context_id_started_at_idx" ON "lti_roster_syncs"("context_id", "started_at");
ALTER TABLE "lti_roster_syncs" ADD CONSTRAINT "lti_roster_syncs_context_id_fkey" FOREIGN KEY ("context_id") REFERENCES "lti_contexts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
