// The producer side of the webhook deliveries queue, for the worker (events, the sweeper) and the
// API (redeliveries). Its own BullMQ Queue on the producer connection settings; the consumer is
// apps/worker/src/webhooks/webhook-consumer.ts.
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig, RedisConnections, withRedisTimeout } from '@asynclab/config';
import { DELIVER_WEBHOOK_JOB, DELIVER_WEBHOOK_QUEUE, deliverWebhookJobId, type DeliverWebhookJob } from '@asynclab/jobs';

/** The backoff type the consumer's strategy answers to. */
export const WEBHOOK_BACKOFF = 'webhook';

@Injectable()
export class WebhookQueue implements OnModuleDestroy {
  private readonly logger = new Logger(WebhookQueue.name);
  private readonly queue: Queue;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    redis: RedisConnections,
  ) {
    this.queue = new Queue(DELIVER_WEBHOOK_QUEUE, { connection: redis.bullmq('producer') });
    // Without a listener an 'error' (Redis away) would be thrown; a call that fails says so itself.
    this.queue.on('error', (error: Error) => {
      this.logger.debug(`webhook queue: ${error.message}`);
    });
  }

  /** Queues this round of the delivery; a second add of the same round is a no-op in BullMQ. */
  async add(deliveryId: string, redelivery = 0): Promise<void> {
    const payload: DeliverWebhookJob = { version: 1, deliveryId, ...(redelivery === 0 ? {} : { redelivery }) };
    const added = this.queue.add(DELIVER_WEBHOOK_JOB, payload, {
      jobId: deliverWebhookJobId(deliveryId, redelivery),
      attempts: this.config.webhooks.maxAttempts,
      backoff: { type: WEBHOOK_BACKOFF },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 1000 },
    });
    await withRedisTimeout(added, 'take the webhook job');
  }

  /** Whether Redis holds this round's job, in any state. */
  async has(deliveryId: string, redelivery: number): Promise<boolean> {
    return (await withRedisTimeout(this.queue.getJob(deliverWebhookJobId(deliveryId, redelivery)), 'answer')) !== undefined;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}
