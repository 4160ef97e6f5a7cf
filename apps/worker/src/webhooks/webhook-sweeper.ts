// Nothing lost when Redis is down: a delivery row stored while BullMQ could not take its job
// (queued_at null) is queued here once it is older than the grace period (the producer had its
// chance). Every worker sweeps; that is safe because the job id is the delivery id and round, so
// a second add of the same job by another worker is a no-op in BullMQ.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { WebhookDeliveriesRepository } from '@asynclab/database';
import { DeliveryEnqueuer } from '@asynclab/webhooks';

const SWEEP_BATCH = 200;

@Injectable()
export class WebhookSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly enqueuer: DeliveryEnqueuer,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.webhooks.sweepIntervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** How many deliveries it queued; stops at the first Redis refusal (it is still down). */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let queued = 0;
    try {
      const before = new Date(Date.now() - this.config.webhooks.sweepGraceMs);
      for (const delivery of await this.deliveries.neverQueued(before, SWEEP_BATCH)) {
        if (!(await this.enqueuer.enqueue(delivery.id, delivery.redelivery))) break;
        queued += 1;
      }
      if (queued > 0) this.logger.log(`webhook sweeper queued ${String(queued)} delivery(ies) stored while Redis was away`);
    } catch (error) {
      this.logger.warn(`webhook sweep failed: ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
    }
    return queued;
  }
}
