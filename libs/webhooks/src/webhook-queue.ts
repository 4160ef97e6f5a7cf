// The producer side of the webhook deliveries queue, for the worker (events) and the API
// (redeliveries). Its own BullMQ Queue on the producer connection settings; the consumer is
// apps/worker/src/webhooks/webhook-consumer.ts.
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
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
    // Without a listener an 'error' (Redis away) would be thrown; an add() that fails says so itself.
    this.queue.on('error', (error: Error) => {
      this.logger.debug(`webhook queue: ${error.message}`);
    });
  }

  async add(deliveryId: string, redelivery = 0): Promise<void> {
    const payload: DeliverWebhookJob = { version: 1, deliveryId };
    await this.queue.add(DELIVER_WEBHOOK_JOB, payload, {
      jobId: deliverWebhookJobId(deliveryId, redelivery),
      attempts: this.config.webhooks.maxAttempts,
      backoff: { type: WEBHOOK_BACKOFF },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 1000 },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}
