-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('queued', 'running', 'completed', 'error');

-- CreateTable
CREATE TABLE "labs" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "chapter" INTEGER NOT NULL,
    "difficulty" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "objectives" JSONB NOT NULL,
    "current_version_id" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "labs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lab_versions" (
    "id" UUID NOT NULL,
    "lab_id" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lab_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submissions" (
    "id" UUID NOT NULL,
    "lab_id" TEXT NOT NULL,
    "lab_version_id" UUID NOT NULL,
    "learner_id" TEXT,
    "files" JSONB NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'queued',
    "enqueued_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "run_outcome" TEXT,
    "score" INTEGER,
    "scoring" JSONB,
    "error_message" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "runs" (
    "id" UUID NOT NULL,
    "submission_id" UUID NOT NULL,
    "variant" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "run_outcome" TEXT,
    "run_message" TEXT,
    "counts" JSONB NOT NULL,
    "stdout_tail" TEXT NOT NULL,
    "stderr_tail" TEXT NOT NULL,
    "output_truncated" BOOLEAN NOT NULL,
    "timings" JSONB NOT NULL,
    "harness_version" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "test_results" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "node_id" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "duration_ms" DOUBLE PRECISION NOT NULL,
    "message" TEXT,

    CONSTRAINT "test_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "diagnostics" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "test_id" TEXT,
    "evidence" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "chapter" INTEGER,
    "source" TEXT NOT NULL,

    CONSTRAINT "diagnostics_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lab_versions_lab_id_content_hash_key" ON "lab_versions"("lab_id", "content_hash");

-- CreateIndex
CREATE INDEX "submissions_status_enqueued_at_idx" ON "submissions"("status", "enqueued_at");

-- CreateIndex
CREATE INDEX "submissions_learner_id_lab_id_created_at_idx" ON "submissions"("learner_id", "lab_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "runs_submission_id_variant_key" ON "runs"("submission_id", "variant");

-- CreateIndex
CREATE INDEX "test_results_run_id_idx" ON "test_results"("run_id");

-- CreateIndex
CREATE INDEX "diagnostics_run_id_idx" ON "diagnostics"("run_id");

-- CreateIndex
CREATE INDEX "diagnostics_code_idx" ON "diagnostics"("code");

-- AddForeignKey
ALTER TABLE "lab_versions" ADD CONSTRAINT "lab_versions_lab_id_fkey" FOREIGN KEY ("lab_id") REFERENCES "labs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_lab_id_fkey" FOREIGN KEY ("lab_id") REFERENCES "labs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_lab_version_id_fkey" FOREIGN KEY ("lab_version_id") REFERENCES "lab_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "runs" ADD CONSTRAINT "runs_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "test_results" ADD CONSTRAINT "test_results_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
