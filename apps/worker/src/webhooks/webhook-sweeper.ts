// Nothing lost when Redis is down. Two passes, every WEBHOOK_SWEEP_INTERVAL_MS:
// - a delivery row stored while BullMQ could not take its job (queued_at null) is queued once it is
//   older than the grace period (the producer had its chance);
// - a pending delivery whose job Redis no longer holds (Redis lost its data) is queued again; a
//   batch per sweep, walking the pending rows in order, so a long backlog is all looked at in turn.
// Every worker sweeps. That is safe: the job id is the delivery id and round, so a second add of the
// same job by another worker is a no-op in BullMQ, and the processor skips a delivery that is no
// longer pending.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { SweptDelivery, WebhookDeliveriesRepository } from '@asynclab/database';
import { DeliveryEnqueuer, WebhookQueue } from '@asynclab/webhooks';
import { LostJobPass } from '../sweeping/lost-job-pass';

const SWEEP_BATCH = 200;

@Injectable()
export class WebhookSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;
  private readonly lostJobs: LostJobPass<SweptDelivery>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly enqueuer: DeliveryEnqueuer,
    private readonly queue: WebhookQueue,
  ) {
    this.lostJobs = new LostJobPass<SweptDelivery>(
      {
        // A row in the batch was queued (queuedPending): its queuedAt is set.
        batch: (before, after, limit) =>
          this.deliveries.queuedPending(before, after?.queuedAt ? { queuedAt: after.queuedAt, id: after.id } : null, limit),
        has: (delivery) => this.queue.has(delivery.id, delivery.redelivery),
        add: (delivery) => this.queue.add(delivery.id, delivery.redelivery),
      },
      SWEEP_BATCH,
    );
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.webhooks.sweepIntervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** How many deliveries it queued; a pass stops at the first Redis failure (it is still away). */
  async sweep(): Promise<{ neverQueued: number; lost: number }> {
    const result = { neverQueued: 0, lost: 0 };
    if (this.sweeping) return result;
    this.sweeping = true;
    try {
      const before = new Date(Date.now() - this.config.webhooks.sweepGraceMs);
      for (const delivery of await this.deliveries.neverQueued(before, SWEEP_BATCH)) {
        if (!(await this.enqueuer.enqueue(delivery.id, delivery.redelivery))) return result;
        result.neverQueued += 1;
      }
      result.lost = await this.lostJobs.run(before);
    } catch (error) {
      this.logger.warn(`webhook sweep failed: ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
      if (result.neverQueued > 0)
        this.logger.log(`webhook sweeper queued ${String(result.neverQueued)} delivery(ies) stored while Redis was away`);
      if (result.lost > 0) this.logger.warn(`webhook sweeper queued again ${String(result.lost)} delivery(ies) whose job Redis had lost`);
    }
    return result;
  }
}
