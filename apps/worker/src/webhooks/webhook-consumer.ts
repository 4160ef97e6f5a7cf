// The BullMQ Worker of the webhook deliveries queue (opened here, like the submissions consumer,
// on the consumer connection settings). Its backoff strategy is the retry schedule of
// libs/webhooks, stretched to the receiver's Retry-After when that asks for longer.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { DELIVER_WEBHOOK_QUEUE } from '@asynclab/jobs';
import { retryBackoff } from '@asynclab/webhooks';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';

/** Deliveries in flight per worker: each is mostly waiting on a receiver. */
const WEBHOOK_CONCURRENCY = 10;

@Injectable()
export class WebhookConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookConsumer.name);
  private worker?: Worker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnections,
    private readonly processor: WebhookDeliveryProcessor,
  ) {}

  onApplicationBootstrap(): void {
    const baseMs = this.config.webhooks.backoffBaseMs;
    this.worker = new Worker(DELIVER_WEBHOOK_QUEUE, (job) => this.processor.process(job), {
      connection: this.redis.bullmq('consumer'),
      concurrency: WEBHOOK_CONCURRENCY,
      settings: { backoffStrategy: retryBackoff(baseMs) },
    });
    this.worker.on('error', (error) => {
      this.logger.warn(`webhook consumer: ${error.message}`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
