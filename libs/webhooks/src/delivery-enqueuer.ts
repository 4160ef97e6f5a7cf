// Puts one round of a delivery on the queue and records that it got there (queued_at). When Redis
// is away the row stays pending with queued_at null, and the worker's sweeper queues it later:
// the job id (delivery id + round) makes a second add of the same round a no-op in BullMQ.
import { Injectable, Logger } from '@nestjs/common';
import { WebhookDeliveriesRepository } from '@asynclab/database';
import { WebhookQueue } from './webhook-queue';

@Injectable()
export class DeliveryEnqueuer {
  private readonly logger = new Logger(DeliveryEnqueuer.name);

  constructor(
    private readonly queue: WebhookQueue,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {}

  /** True when BullMQ took the job; false leaves it to the sweeper. */
  async enqueue(deliveryId: string, redelivery: number): Promise<boolean> {
    try {
      await this.queue.add(deliveryId, redelivery);
    } catch (error) {
      this.logger.warn(`webhook delivery ${deliveryId} stored but not queued (${(error as Error).message}); the sweeper will queue it`);
      return false;
    }
    await this.deliveries.markQueued(deliveryId, redelivery);
    return true;
  }
}
