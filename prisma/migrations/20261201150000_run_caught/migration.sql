-- Whether the learner's tests caught a broken variant is decided once, by the grading library
-- when the run is graded, and stored; readers no longer recompute it. Null for main runs.
ALTER TABLE "runs" ADD COLUMN "caught" BOOLEAN;

-- Runs stored before: the rule as it stood (a failing or erroring test, or an abnormal run).
UPDATE "runs"
SET "caught" = (COALESCE(("counts"->>'failed')::int, 0) + COALESCE(("counts"->>'error')::int, 0) > 0 OR "run_outcome" IS NOT NULL)
WHERE "variant" <> 'main';
