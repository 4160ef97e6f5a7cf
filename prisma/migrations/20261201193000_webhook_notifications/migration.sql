-- Webhooks, the rest of issue 14: a delivery remembers whether its job reached the queue (the
-- worker's sweeper queues the ones that did not) and which round of redelivery it is in; an
-- organisation is told in organization_notifications when one of its endpoints is disabled.

ALTER TABLE "webhook_deliveries" ADD COLUMN "queued_at" TIMESTAMP(3);
ALTER TABLE "webhook_deliveries" ADD COLUMN "redelivery" INTEGER NOT NULL DEFAULT 0;
-- Rows made before this column were queued when they were made (or are pending: the sweeper's add
-- of the same job id is then a no-op while the job is still in Redis).
UPDATE "webhook_deliveries" SET "queued_at" = "created_at" WHERE "status" <> 'pending';
CREATE INDEX "webhook_deliveries_status_queued_at_created_at_idx" ON "webhook_deliveries"("status", "queued_at", "created_at");

CREATE TABLE "organization_notifications" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "endpoint_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),
    CONSTRAINT "organization_notifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "organization_notifications_organization_id_created_at_idx" ON "organization_notifications"("organization_id", "created_at");
ALTER TABLE "organization_notifications" ADD CONSTRAINT "organization_notifications_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "organization_notifications" ADD CONSTRAINT "organization_notifications_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE SET NULL ON UPDATE CASCADE;
